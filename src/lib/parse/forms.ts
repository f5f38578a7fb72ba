/**
 * The clause forms: every way a plan writes who answers for a task, one entry each, tried in the
 * order of this table. Each form has a fixture of its own in tests/fixtures/forms/<id>/.
 *
 * Line forms are looked for on every line of a block (`findLineClauses`); body forms in a task's
 * text when no line form named a unit, and in the first sentence of a section's body
 * (`findBodyClauses`). A form that is `final` ends the search on its line when it finds a clause.
 */
import { matchView } from '../normalize.ts';
import { charClass, isSpaceAt } from './chars.ts';
import type { Role } from '../schema.ts';
import {
  DEADLINE_PIECE,
  readClauseBody,
  ROLE_WORD,
  ROLE_WORD_LOOSE,
  UNIT_LABEL_AT_START,
  type ClauseBody,
  type FirstLeads,
  type Mention,
} from './clause-body.ts';
import {
  AGENT_OPENERS,
  alt,
  loose,
  readsLoose,
  NON_UNIT_PARENTHESES,
  ORGAN_ENDINGS,
  PARTNER_PATTERN,
  ROLE_WORDS,
  TASK_FIELD_LABELS,
  UNIT_LABELS,
} from './lexicon.ts';
import type { Source } from './source.ts';
import { hasUnitEnding, isUnitLike, opensWithPlace, recognizeUnits, type Span } from './units.ts';

/** A role word at the end of a text (a line break may cut it: 配⏎合), with or without a comma after it. */
const roleWordAtEnd = (tail: string) => {
  const strict = new RegExp(`(?:${ROLE_WORD.source})${tail}$`);
  const broken = new RegExp(`(?:${ROLE_WORD_LOOSE.source})${tail}$`);
  return { test: (text: string) => (readsLoose(text) ? broken : strict).test(text) };
};
const ROLE_WORD_AT_END = roleWordAtEnd('\\s*');
const ROLE_WORD_COMMA_AT_END = roleWordAtEnd('\\s*[,]?\\s*');

export type FormId =
  | 'own-line-label'
  | 'units-colon'
  | 'bracket-labelled'
  | 'bracket-unlabelled'
  | 'label-after-sentence'
  | 'sentence-final-units'
  | 'units-first'
  | 'agent-sentence'
  | 'bare-list';

export interface Clause {
  form: FormId;
  kind: 'parenthetical' | 'line' | 'inline';
  /** Offsets in the source of the whole clause (brackets included). */
  start: number;
  end: number;
  labeled: boolean;
  mentions: Mention[];
  persons: Span[];
  /** Pieces that are neither a unit nor a person: reported, never dropped. */
  rejected: Span[];
  /** The closing bracket is missing. */
  unclosed: boolean;
  /** A note says the first unit leads; `onward` when it says 下同. */
  firstLeads?: FirstLeads;
  /** Offset where a deadline label starts inside the clause (`完成时限:`). */
  deadlineAt?: number;
}

export interface LineScan {
  src: Source;
  /** The line's span `[start, end)` in the source (from after a marker, when there is one). */
  start: number;
  end: number;
  /** A trailing `(A,B)` with no label may be units; headings admit labelled clauses only. */
  allowUnlabeled: boolean;
  /** The line goes on with a sentence begun on the line before (hard-wrapped text). */
  continues?: boolean;
}

export interface ClauseForm {
  id: FormId;
  summary: string;
  example: string;
  /** `both`: on lines, and in a task's paragraphs when no line form named a unit. */
  scope: 'line' | 'body' | 'both';
  final: boolean;
  find(scan: LineScan, found: readonly Clause[]): Clause[];
}

const BRACKETS: Record<string, string> = { '(': ')', '【': '】', '[': ']', '〔': '〕' };
const BRACKET_OPENERS = charClass('(【[〔');
/** Full stops a sentence may end with. */
const FINAL_STOPS = charClass('。.;');
/** Where a sentence ends (a dash opens one too). */
const SENTENCE_OPENS_AFTER = charClass('。;!—');
const SENTENCE_ENDS = charClass('。;');
const COMMA_OR_SPACE = charClass(',', { space: true });
const GROUP_ENDS = charClass(',。;');
const NON_UNIT = new RegExp(`^(?:${alt(NON_UNIT_PARENTHESES)})`);
const ROLE_WORD_ANY = new RegExp(alt(ROLE_WORDS.map((w) => w.word)));
/** An organ's ending (市委宣传部, 县民政局, 市老龄工作委员会其他成员单位): with its place at the start, surely a unit. */
const ORGAN_END = new RegExp(`(?:${alt(ORGAN_ENDINGS)})$`);
/** Units that a lead word ends: what a heading's own bracket says (`一、整治村容村貌(县委农办、县农业农村局牵头)`). */
const LEAD_WORD_AT_END = new RegExp(`(?:${alt(ROLE_WORDS.filter((w) => w.role === 'lead').map((w) => w.word))})\\s*$`);
/** 组织, 落实, 实施 open no 由 sentence: they stand inside names (县委组织部). */
const GENERIC_ROLE_WORDS = new Set(['组织', '落实', '实施']);
const LEAD_WORDS = alt(ROLE_WORDS.filter((w) => w.role !== 'support' && !GENERIC_ROLE_WORDS.has(w.word)).map((w) => w.word));
const ROLE_WORD_ROLE = new Map(ROLE_WORDS.map((w) => [w.word, w.role]));
const UNIT_LABEL_WORDS = alt(UNIT_LABELS.map((l) => l.word));
/** `。牵头单位:A;配合单位:B` / `,责任单位为X` — a labelled clause with no brackets after a sentence or a comma. */
const LABEL_AFTER_STRICT = new RegExp(`(^|—{1,2}|[。;!,])\\s*(${UNIT_LABEL_WORDS})\\s*(?:[::]|为)`, 'g');
/** The same where a hard-wrapped line breaks the label (…。——牵头⏎单位:A). */
const LABEL_AFTER_LOOSE = new RegExp(`(^|—{1,2}|[。;!,])\\s*(${loose(UNIT_LABELS.map((l) => l.word))})\\s*(?:[::]|为)`, 'g');
/** `由A负责` / `此项工作由A主办` / `由A会同B负责` / `由A组织实施`; a heading run into it (编制改造计划由A牵头). */
const AGENT = new RegExp(
  `(^|[。;!,:]|—|^[\\u4e00-\\u9fff]{2,16}?(?<![自经理缘])|(?<=[。;!])[\\u4e00-\\u9fff]{2,6}?(?<![自经理缘]))\\s*(?:${alt(AGENT_OPENERS)})([^。;,]{2,80}?)(${LEAD_WORDS})\\s*[,]?`,
  'g',
);
/** …,B负责X: a second unit and its own duty in the same sentence. */
const NEXT_DUTY = /^[^。;]*?,\s*([^,。;由]{2,40}?)(负责|牵头)/;

function fromBody(form: FormId, kind: Clause['kind'], start: number, end: number, body: ClauseBody, unclosed = false, labeled = body.labeled): Clause {
  const clause: Clause = { form, kind, start, end, labeled, mentions: body.mentions, persons: body.persons, rejected: body.rejected, unclosed };
  if (body.firstLeads) clause.firstLeads = body.firstLeads;
  if (body.deadlineAt !== undefined) clause.deadlineAt = body.deadlineAt;
  return clause;
}

/** Index of the bracket closing the one at `open` ( ( 【 [ 〔 ), or -1 when `limit` comes first. */
export function closingBracket(view: string, open: number, limit: number): number {
  const opener = view.charCodeAt(open);
  const closer = (BRACKETS[view[open]!] ?? ')').charCodeAt(0);
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = view.charCodeAt(i);
    if (c === opener) depth++;
    else if (c === closer) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** The first closing bracket in `[from, to)` that no bracket after `from` opened, or -1. */
function unmatchedCloser(view: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = view[i]!;
    if (c === '(' || c === '【' || c === '〔' || c === '[') depth++;
    else if (c === ')' || c === '】' || c === '〕' || c === ']') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

function trimEnd(view: string, lineStart: number, end: number): number {
  while (end > lineStart && isSpaceAt(view, end - 1)) end--;
  return end;
}

/** Brackets of a line, with whether each is labelled; `close` is -1 for one left open. */
function brackets(scan: LineScan): { open: number; close: number; labeled: boolean }[] {
  const { src, start, end } = scan;
  const view = src.view;
  const out: { open: number; close: number; labeled: boolean }[] = [];
  let from = start;
  for (;;) {
    let open = -1;
    for (let i = from; i < end; i++) {
      if (BRACKET_OPENERS.has(view.charCodeAt(i))) {
        open = i;
        break;
      }
    }
    if (open < 0) break;
    const labeled = UNIT_LABEL_AT_START.test(view.slice(open, Math.min(end, open + 40)));
    const close = closingBracket(view, open, end);
    out.push({ open, close, labeled });
    if (close < 0) {
      if (labeled) break;
      // A stray bracket in the text (加强[): look on after it.
      from = open + 1;
      continue;
    }
    from = close + 1;
  }
  return out;
}

/** `(A,B)` `(A、B等负责)` `(A牵头)` at the end of a line: units only if every piece is one. */
function unlabeledBracket(scan: LineScan, open: number, close: number): Clause | undefined {
  const { src, start } = scan;
  const view = src.view;
  const inner = view.slice(open + 1, close);
  if (NON_UNIT.test(inner.trim())) return undefined;
  const hasRoleWord = ROLE_WORD_ANY.test(inner);
  const before = view.slice(start, open).trimEnd();
  // 各乡镇(街道) or 餐饮企业(门店): a bracket glued to a word qualifies that word.
  const afterSentence = before.length === 0 || /[。.;!?:,]$/.test(before);
  if (!hasRoleWord && !afterSentence) return undefined;
  let body = readClauseBody(src, open + 1, close);
  // (A、B牵头,C、D等按职责分工负责) says it names units: a piece of it that reads like a name is kept as
  // one (reported for a check) when most pieces are units.
  if (hasRoleWord && body.rejected.length > 0 && body.mentions.length >= 2 * body.rejected.length)
    body = readClauseBody(src, open + 1, close, 'responsible', { promote: true });
  if (body.mentions.length === 0 || body.rejected.length > 0) return undefined;
  // Each a unit's name as completed (县住建、城管局 → 县住建局).
  if (!hasRoleWord && !body.mentions.every((mention) => isUnitLike(matchView(mention.text)))) return undefined;
  return fromBody('bracket-unlabelled', 'parenthetical', open, close + 1, body, false, !!body.firstLeads);
}

/** A run of text that is only units and role words: `县教育局负责`, `A牵头,B、C配合`. */
function unitsOnly(src: Source, start: number, end: number): ClauseBody | undefined {
  const text = src.view.slice(start, end);
  // A role word that ends a group (县教育局负责), not one inside a name (县委组织部, 组织机构).
  const roleWord = readsLoose(text) ? ROLE_WORD_LOOSE : ROLE_WORD;
  roleWord.lastIndex = 0;
  // 由A负责 is the agent form's (a heading run into it too: 实施集中改造由A负责).
  if (!roleWord.test(text) || /(?<!自)由/.test(text)) return undefined;
  const body = readClauseBody(src, start, end);
  // People beside the units (各护林员具体落实) are reported as people; people alone are no clause.
  if (body.mentions.length === 0 || body.rejected.length > 0) return undefined;
  return body;
}

/**
 * A list of units alone after a full sentence, with no role word and no full stop after it, at
 * the end of a line: a 责任单位 column run into the text (…批准后实施。区城管局、各街道办事处).
 */
function bareList(src: Source, sentence: number, stop: number, end: number): ClauseBody | undefined {
  const view = src.view;
  if (sentence === 0 || view[sentence - 1] !== '。' || view.slice(stop, end).trim() !== '') return undefined;
  const body = readClauseBody(src, sentence, stop);
  if (body.mentions.length < 2 || body.rejected.length > 0 || body.persons.length > 0) return undefined;
  return body;
}

/**
 * A sentence that opens with units and a role word that goes straight on with what they do
 * (区残联、区住建局负责业务指导 / 县发改委牵头制定…): the units and their role.
 */
/** Comma-separated pieces from `from`, each units with a role word, then what they do (before `end`). */
function openingPieces(src: Source, from: number, end: number): Clause | undefined {
  const view = src.view;
  let to = from;
  let body: ClauseBody | undefined;
  for (;;) {
    const comma = view.indexOf(',', to + 1);
    if (comma < 0 || comma >= end || comma - from > 160) break;
    const piece = view.slice(to === from ? from : to + 1, comma);
    if (!ROLE_WORD_AT_END.test(piece.trimEnd())) break;
    const read = unitsOnly(src, from, comma);
    if (!read) break;
    body = read;
    to = comma;
  }
  if (!body || to >= end - 1) return undefined;
  // …A牵头,会同B、C开展…: the units after the partner word support.
  const partners = partnerUnits(src, to + 1, end);
  if (partners) {
    body = { ...body, mentions: [...body.mentions, ...partners.mentions] };
    to = partners.end;
  }
  return fromBody('units-first', 'inline', from, to, body, false, true);
}

/** `会同B、C开展…` from `from`: B and C (support) and where their names end, or undefined. */
function partnerUnits(src: Source, from: number, end: number): { mentions: Mention[]; end: number } | undefined {
  const view = src.view;
  const at = from + (view.slice(from, end).length - view.slice(from, end).trimStart().length);
  const partner = PARTNER_AT_START.exec(view.slice(at, Math.min(end, at + 4)));
  if (!partner) return undefined;
  const a = at + partner[0].length;
  for (let e = Math.min(end, a + 40); e >= a + 2; e--) {
    if (!/[\u4e00-\u9fff]/.test(view[e] ?? '')) continue;
    const list = recognizeUnits(src, a, e);
    if (list.units.length === 0 || list.rejected.length > 0 || list.units.at(-1)!.end !== e) continue;
    if (!hasUnitEnding(list.units.at(-1)!.text)) continue;
    return { mentions: list.units.map((u) => ({ start: u.start, end: u.end, text: u.text, role: 'support' as const })), end: e };
  }
  return undefined;
}

function subjectClause(src: Source, from: number, to: number, closed = false): Clause | undefined {
  const view = src.view;
  const head = view.slice(from, Math.min(to, from + 80));
  ROLE_AT.lastIndex = 0;
  for (let m = ROLE_AT.exec(head); m; m = ROLE_AT.exec(head)) {
    const wordEnd = from + m.index + m[0].length;
    // A later group of the sentence may end at its role word (…负责组织演练,B、C配合,确保…).
    const ends = closed && (wordEnd >= to || /^[,;]/.test(view.slice(wordEnd, wordEnd + 1)));
    if ((!ends && !/^\s*[\u4e00-\u9fff]/.test(view.slice(wordEnd, wordEnd + 3))) || /^(?:人(?!员)|同志|领导)/.test(view.slice(wordEnd))) continue;
    if (/[,。;:]/.test(view.slice(from, from + m.index))) return undefined;
    const body = unitsOnly(src, from, wordEnd);
    if (body) return fromBody('units-first', 'inline', from, wordEnd, body, false, true);
  }
  return undefined;
}

const PARTNER = new RegExp(PARTNER_PATTERN);
const PARTNER_AT_START = new RegExp(`^(?:${PARTNER_PATTERN})`);
const FIELD_AT = new RegExp(`^(?:${alt(TASK_FIELD_LABELS)})\\s*[::]\\s*`);

/** Role words anywhere, longest first: where a subject's units may end. */
const ROLE_AT = new RegExp(alt([...ROLE_WORDS.map((w) => w.word)].sort((a, b) => b.length - a.length)), 'g');

/**
 * `[sentence, stop)` as the sentence-final form reads it: the whole sentence made of units and role
 * words, or its last comma-separated pieces. `piecesOnly` for a part of a longer sentence.
 */
function finalUnits(src: Source, sentence: number, stop: number, clauseEnd: number, piecesOnly = false): Clause | undefined {
  const view = src.view;
  if (stop - sentence > 240) return undefined;
  const whole = piecesOnly ? undefined : unitsOnly(src, sentence, stop);
  if (whole)
    return fromBody(
      'sentence-final-units',
      'line',
      sentence + (view.slice(sentence, stop).length - view.slice(sentence, stop).trimStart().length),
      clauseEnd,
      whole,
      false,
      false,
    );
  // Its last comma-separated pieces, each units and role words.
  let from = stop;
  let body: ClauseBody | undefined;
  for (;;) {
    const comma = view.lastIndexOf(',', from - 1);
    if (comma < sentence) break;
    const piece = view.slice(comma + 1, from);
    if (!ROLE_WORD_COMMA_AT_END.test(piece.trimEnd().replace(/,$/, ''))) break;
    const read = unitsOnly(src, comma + 1, stop);
    if (!read) {
      // People with their own role word at the end (…,各护林员具体落实): the units may come before.
      const people = body ? undefined : readClauseBody(src, comma + 1, from);
      if (people && people.mentions.length === 0 && people.rejected.length === 0 && people.persons.length > 0) {
        from = comma;
        continue;
      }
      break;
    }
    body = read;
    from = comma;
  }
  if (!body) return undefined;
  const clauseStart = from + 1 + (view.slice(from + 1, stop).length - view.slice(from + 1, stop).trimStart().length);
  return fromBody('sentence-final-units', 'line', clauseStart, clauseEnd, body, false, false);
}

/** Where `[start, end)` of `view` has its first character that is no white space, or -1. */
function firstVisible(view: string, start: number, end: number): number {
  const lead = view.slice(start, end).search(/\S/);
  return lead < 0 ? -1 : start + lead;
}

export const CLAUSE_FORMS: readonly ClauseForm[] = [
  {
    id: 'own-line-label',
    summary: 'A line of its own that opens with a label, bracketed or not',
    example: '牵头单位:县住建局 / (责任单位:县教育局) / 部门分工:A牵头,各地配合。 / ——责任单位:A',
    scope: 'line',
    final: true,
    find({ src, start, end }) {
      const view = src.view;
      const line = view.slice(start, end);
      if (!UNIT_LABEL_AT_START.test(line)) return [];
      const leading = line.search(/\S/);
      // ——责任单位:A — the dash opens the clause but is not part of its body.
      const dash = /^(—{1,2}|-{1,2})\s*/.exec(line.slice(leading));
      const wrapped = /^[([【〔]/.test(line.slice(leading));
      let clauseEnd = end;
      let bodyEnd = end;
      let unclosed = false;
      let bodyStart = start + leading + (wrapped ? 1 : dash ? dash[0].length : 0);
      if (wrapped) {
        const close = closingBracket(view, start + leading, end);
        if (close < 0) unclosed = line.slice(leading, leading + 1) === '(';
        else if (view.slice(close + 1, end).trim() !== '' && !/[::]/.test(view.slice(start + leading, close))) {
          // 【主管单位】区城管局: the brackets hold the label, the units follow them.
          bodyStart = start + leading + 1;
        } else {
          bodyEnd = close;
          clauseEnd = close + 1;
        }
      }
      const body = readClauseBody(src, bodyStart, bodyEnd, 'responsible', { promote: true });
      return [fromBody('own-line-label', 'line', start + leading, trimEnd(view, start, clauseEnd), body, unclosed, true)];
    },
  },
  {
    id: 'units-colon',
    summary: "A line that opens with its units and a colon (or a full stop), then says what they do (a list of each unit's duties)",
    example: '县水利局:负责水利工程防汛安全监督管理… / 县交通运输局、县公路事业发展中心:负责国省干线… / 一、市委宣传部、市委文明办。把老龄工作纳入…',
    scope: 'line',
    final: false,
    find({ src, start, end }) {
      const view = src.view;
      const from = firstVisible(view, start, end);
      if (from < 0) return [];
      // The units and a colon, or a full stop (一、市委宣传部、市委文明办。把老龄工作纳入…).
      const colon = view.slice(from, Math.min(end, from + 60)).search(/[:：。]/);
      // The units' duties follow it, on the line or, for one unit alone on its line with its colon
      // (县民政局:), below it (an addressee line ends at its colon too: 各乡镇人民政府,县直各单位:).
      if (colon < 2) return [];
      const rest = view.slice(from + colon + 1, end).trim();
      const alone = rest === '' && view[from + colon] !== '。';
      if (!alone && rest.length < 4) return [];
      const namesEnd = from + colon;
      if (UNIT_LABEL_AT_START.test(view.slice(from, namesEnd + 1))) return [];
      const list = recognizeUnits(src, from, namesEnd);
      if (list.units.length === 0 || list.rejected.length > 0 || list.persons.length > 0 || (alone && list.units.length > 1)) return [];
      // Before a full stop only names that are surely units: each opens with its place and ends in an organ (市委宣传部。), no role word ending a group.
      if (view[namesEnd] === '。') {
        ROLE_WORD.lastIndex = 0;
        if (ROLE_WORD.test(view.slice(from, namesEnd)) || !list.units.every((u) => opensWithPlace(matchView(u.text)) && ORGAN_END.test(matchView(u.text))))
          return [];
      }
      const mentions: Mention[] = list.units.map((u) => ({ ...u, role: 'responsible' as const }));
      return [{ form: 'units-colon', kind: 'inline', start: from, end: namesEnd + 1, labeled: true, mentions, persons: [], rejected: [], unclosed: false }];
    },
  },
  {
    id: 'bracket-labelled',
    summary: 'A labelled clause in brackets of any kind, anywhere in the line',
    example: '…隐患排查。(责任单位:县应急局、县住建局) / 【牵头单位:A;配合单位:B;完成时限:6月底前】',
    scope: 'line',
    final: true,
    find(scan) {
      const out: Clause[] = [];
      for (const b of brackets(scan)) {
        if (!b.labeled) continue;
        const close = b.close < 0 ? scan.end : b.close;
        const body = readClauseBody(scan.src, b.open + 1, close, 'responsible', { promote: true });
        out.push(fromBody('bracket-labelled', 'parenthetical', b.open, b.close < 0 ? scan.end : b.close + 1, body, b.close < 0, true));
      }
      return out;
    },
  },
  {
    id: 'bracket-unlabelled',
    summary: 'Units in brackets at the end of a line (with role words or none), or after a full stop with role words; in a heading, units that lead',
    example: '(县教育局牵头,县财政局配合) / (县医保局、县卫健局按职责分工负责) / (县发改局、县财政局) / …制度。(区农业农村局负责)加大…',
    scope: 'line',
    final: false,
    find(scan) {
      const out: Clause[] = [];
      for (const b of brackets(scan)) {
        if (b.labeled || b.close < 0) continue;
        // A heading admits only the units that lead its part (…(A、B牵头)).
        if (!scan.allowUnlabeled && !LEAD_WORD_AT_END.test(scan.src.view.slice(b.open + 1, b.close))) continue;
        const after = scan.src.view.slice(b.close + 1, scan.end);
        // At the end of the line, or naming roles after a full stop (…制度。(A负责)加大…) or before the
        // rest of its sentence (…建设(A、B负责),推动…(C牵头)。).
        const midLine =
          (/[。;]\s*$/.test(scan.src.view.slice(scan.start, b.open)) || /^\s*[,。;]/.test(after)) && ROLE_WORD_ANY.test(scan.src.view.slice(b.open, b.close));
        // (Bold markup may close the line: `**二、…(A牵头)**`.)
        if (!/^[\s。.;,]*(?:\*\*|__)?\s*$/.test(after) && !midLine) continue;
        const clause = unlabeledBracket(scan, b.open, b.close);
        if (clause) out.push(clause);
      }
      return out;
    },
  },
  {
    id: 'label-after-sentence',
    summary: 'A label with no brackets after a sentence, a dash or a comma, to the end of its sentence',
    example: '…扎实推进。牵头单位:A;配合单位:B / …,责任单位为区科技局。',
    scope: 'line',
    final: true,
    find({ src, start, end }) {
      const view = src.view;
      const line = view.slice(start, end);
      const LABEL_AFTER = readsLoose(line) ? LABEL_AFTER_LOOSE : LABEL_AFTER_STRICT;
      LABEL_AFTER.lastIndex = 0;
      for (let m = LABEL_AFTER.exec(line); m; m = LABEL_AFTER.exec(line)) {
        // At the very start of a line the own-line form reads it.
        if (m.index === 0 && m[1] === '') continue;
        const lead = m[1]!;
        const labelStart = start + m.index + m[0].indexOf(m[2]!);
        const clauseStart = lead.startsWith('—') ? start + m.index : labelStart;
        // A colon label runs to the end of the line; `为` to the end of its sentence, and only over
        // the comma-separated pieces that hold units.
        const colon = /[::]\s*$/.test(m[0]);
        let clauseEnd = trimEnd(view, start, end);
        // Inside a bracket opened before the label ((包片领导:X;责任单位:A、各村(社区))): to its close.
        const unmatched = unmatchedCloser(view, labelStart, clauseEnd);
        if (unmatched >= 0) clauseEnd = unmatched;
        // A colon label ends with its sentence where another sentence, with no label, follows it
        // (…,牵头单位:市人社局。其中,…进度较慢的为A县).
        if (colon) {
          const stop = view.slice(labelStart, clauseEnd).indexOf('。');
          if (stop >= 0 && !UNIT_LABEL_AT_START.test(view.slice(labelStart + stop + 1, clauseEnd))) clauseEnd = labelStart + stop;
        }
        if (!colon) {
          const stop = line.slice(labelStart - start).search(/[。;!]/);
          if (stop >= 0) clauseEnd = labelStart + stop;
          let cut = clauseEnd;
          for (;;) {
            const comma = view.lastIndexOf(',', cut - 1);
            if (comma <= labelStart) break;
            const piece = readClauseBody(src, comma + 1, cut);
            if (piece.mentions.length > 0 && piece.rejected.length === 0) break;
            cut = comma;
          }
          clauseEnd = cut;
        }
        const body = readClauseBody(src, labelStart, clauseEnd, 'responsible', { promote: true });
        if (body.mentions.length === 0) continue;
        return [fromBody('label-after-sentence', 'line', clauseStart, clauseEnd, body, false, true)];
      }
      return [];
    },
  },
  {
    id: 'sentence-final-units',
    summary: 'The last sentence (a dash opens one too), or the last comma-separated pieces of it, made only of units and role words',
    example:
      '…予以通报。县禁毒办负责。 / …开展专项整治,县人社局负责。 / …,县教育局负责,县住建局、城关镇配合。 / 县妇联、县卫健局共同负责。 / …开展宣传——县教育局负责',
    scope: 'both',
    final: true,
    find({ src, start, end, continues }) {
      const view = src.view;
      let stop = trimEnd(view, start, end);
      while (stop > start && FINAL_STOPS.has(view.charCodeAt(stop - 1))) stop--;
      if (stop <= start) return [];
      // The last sentence (a dash opens one too).
      let sentence = stop;
      while (sentence > start && !SENTENCE_OPENS_AFTER.has(view.charCodeAt(sentence - 1))) sentence--;
      // 由A负责,B配合: the agent form reads the whole sentence, lead group and all; a sentence
      // begun on the line before is read with its paragraph.
      if ((continues && sentence === start) || (view.slice(sentence, stop).includes('由') && hasAgentClause(src, sentence, stop))) return [];
      // A sentence that ends in a bracket of units is the bracket forms' (…建设(A负责,B牵头),推进…(C负责)。).
      if (
        view[stop - 1] === ')' &&
        view.slice(sentence, stop).includes('(') &&
        unlabeledBracket({ src, start, end, allowUnlabeled: true }, view.lastIndexOf('(', stop - 1), stop - 1)
      )
        return [];
      let last = finalUnits(src, sentence, stop, trimEnd(view, start, end));
      // A closing deadline sentence after the parts (…,供电所负责。4月底前全部完成。).
      if (!last && sentence > start && DEADLINE_PIECE.test(view.slice(sentence, stop).trim())) {
        const to = sentence - 1;
        sentence = to;
        while (sentence > start && !SENTENCE_OPENS_AFTER.has(view.charCodeAt(sentence - 1))) sentence--;
        if (view.slice(sentence, to).includes('由') && hasAgentClause(src, sentence, to)) return [];
        last = finalUnits(src, sentence, to, to);
      }
      if (!last) return [];
      // Parallel parts before it, each closed by `;` and ending with its own units
      // (一是…,镇交管站负责;二是…,镇派出所负责;三是…,各村(社区)负责。).
      const out = [last];
      for (let to = sentence - 1; to > start && view[to] === ';'; ) {
        let from = to;
        while (from > start && !SENTENCE_OPENS_AFTER.has(view.charCodeAt(from - 1))) from--;
        const part = finalUnits(src, from, to, to, true);
        if (!part) break;
        out.unshift(part);
        to = from - 1;
      }
      return out;
    },
  },
  {
    id: 'units-first',
    summary: 'A task that opens with its units and their roles, then says what they do',
    example: '区市场监管局负责,各街道办事处、镇人民政府配合,深化… / 县教育局牵头,县财政局配合,推进…',
    scope: 'body',
    final: false,
    find({ src, start, end }) {
      const view = src.view;
      const from = firstVisible(view, start, end);
      if (from < 0) return [];
      const out: Clause[] = [];
      let s = from;
      for (; s < end; ) {
        let q = s;
        while (q < end && !SENTENCE_ENDS.has(view.charCodeAt(q))) q++;
        let at = s + (view.slice(s, q).length - view.slice(s, q).trimStart().length);
        // A task's field label (整改要求:一是A牵头,…) opens no unit: the sentence starts after it.
        const field = FIELD_AT.exec(view.slice(at, Math.min(q, at + 8)));
        if (field) at += field[0].length;
        // A sentence that opens with its units, in comma-separated pieces each closed by a role word
        // (县卫健局牵头负责,县生态环境局、县市场监管局配合,对…): the task's text or any sentence of it.
        const opening = q > at ? openingPieces(src, at, q) : undefined;
        if (opening) {
          out.push(opening);
          // More groups after the pieces, each the subject of its part: …牵头,各乡镇落实属地责任,….
          for (let c = view.indexOf(',', opening.end); c >= 0 && c < q; c = view.indexOf(',', c + 1)) {
            const next = subjectClause(src, c + 1 + (view.slice(c + 1, q).length - view.slice(c + 1, q).trimStart().length), q, true);
            if (next) out.push(next);
          }
          s = q + 1;
          continue;
        }
        // Units that are the subject of a sentence, at any sentence's start: 区残联负责业务指导.
        const clause = q > at ? subjectClause(src, at, q) : undefined;
        if (clause) {
          // More groups in the same sentence, each at a comma: …,县水利局配合开展整改.
          const sentence = [clause];
          for (let c = view.indexOf(',', clause.end); c >= 0 && c < q; c = view.indexOf(',', c + 1)) {
            const next = subjectClause(src, c + 1 + (view.slice(c + 1, q).length - view.slice(c + 1, q).trimStart().length), q, true);
            if (next) sentence.push(next);
          }
          // A负责…,B配合…: 负责 leads when the sentence names a support group.
          if (sentence.some((k) => k.mentions.some((m) => m.role === 'support')))
            for (const k of sentence)
              if (/负责$/.test(matchView(view.slice(k.start, k.end)))) for (const m of k.mentions) if (m.role === 'responsible') m.role = 'lead';
          out.push(...sentence);
        }
        s = q + 1;
      }
      return out;
    },
  },
  {
    id: 'agent-sentence',
    summary: 'A sentence that names its units with 由: lead (and support) groups, anywhere a sentence starts',
    example: '由A负责,B、C配合,加强… / 此项工作由A主办,B协办。 / 由A会同B负责 / 由县教育局组织实施 / 由A负责X,B负责Y',
    scope: 'body',
    final: false,
    find(scan) {
      return agentClauses(scan.src, scan.start, scan.end);
    },
  },
  {
    id: 'bare-list',
    summary: 'Units alone after the last full sentence of a text, no role word, no full stop: a 责任单位 column run into the text',
    example: '…报区政府批准后实施。区城管局、各街道办事处',
    scope: 'body',
    final: false,
    find({ src, start, end }) {
      const view = src.view;
      const stop = trimEnd(view, start, end);
      let sentence = stop;
      while (sentence > start && view[sentence - 1] !== '。') sentence--;
      if (sentence <= start || stop - sentence > 240) return [];
      const body = bareList(src, sentence, stop, end);
      if (!body) return [];
      const from = sentence + (view.slice(sentence, stop).length - view.slice(sentence, stop).trimStart().length);
      return [fromBody('bare-list', 'inline', from, stop, body, false, false)];
    },
  },
];

const LINE_FORMS = CLAUSE_FORMS.filter((f) => f.scope !== 'body');
const BODY_FORMS = CLAUSE_FORMS.filter((f) => f.scope !== 'line');

/** A clause read in a joined source, with its offsets (and its units', persons' and pieces') in the source. */
export function mapClause(clause: Clause, at: (offset: number) => number): Clause {
  const span = <T extends { start: number; end: number }>(s: T): T => ({ ...s, start: at(s.start), end: at(s.end) });
  return {
    ...clause,
    start: at(clause.start),
    end: at(clause.end),
    mentions: clause.mentions.map(span),
    persons: clause.persons.map(span),
    rejected: clause.rejected.map(span),
    ...(clause.deadlineAt !== undefined ? { deadlineAt: at(clause.deadlineAt) } : {}),
  };
}

/** Clauses of one line, by the line forms in table order. */
export function findLineClauses(scan: LineScan): Clause[] {
  const clauses: Clause[] = [];
  for (const form of LINE_FORMS) {
    const found = form.find(scan, clauses);
    clauses.push(...found);
    if (form.final && found.length > 0) break;
  }
  return clauses;
}

/** Clauses written in a text's sentences (`由A负责,B配合`). */
export function findBodyClauses(src: Source, start: number, end: number): Clause[] {
  const clauses: Clause[] = [];
  for (const form of BODY_FORMS) {
    if (form.scope === 'both' && clauses.length > 0) continue;
    clauses.push(...form.find({ src, start, end, allowUnlabeled: true }, clauses));
  }
  return clauses;
}

/** The lead group of a 由 sentence: its span, where a partner (会同) starts in it, and its units (由A会同B负责: A leads, B supports). */
function agentLead(src: Source, start: number, m: RegExpExecArray) {
  const leadStart = start + m.index + m[0].indexOf(m[2]!, m[1]!.length);
  const leadEnd = leadStart + m[2]!.length;
  const partner = src.view.slice(leadStart, leadEnd).search(PARTNER);
  const leadList = recognizeUnits(src, leadStart, partner > 0 ? leadStart + partner : leadEnd);
  return { leadStart, leadEnd, partner, leadList };
}

/** Whether `[start, end)` holds a sentence the agent form reads: `agentClauses(…).length > 0`, without reading its groups. */
function hasAgentClause(src: Source, start: number, end: number): boolean {
  const body = src.view.slice(start, end);
  AGENT.lastIndex = 0;
  for (let m = AGENT.exec(body); m; m = AGENT.exec(body)) {
    const { leadList } = agentLead(src, start, m);
    if (leadList.units.length > 0 && leadList.rejected.length === 0) return true;
  }
  return false;
}

/** Sentences that name their units with 由 (the agent form's reading), in `[start, end)`. */
export function agentClauses(src: Source, start: number, end: number): Clause[] {
  const { view } = src;
  const body = view.slice(start, end);
  const clauses: Clause[] = [];
  AGENT.lastIndex = 0;
  for (let m = AGENT.exec(body); m; m = AGENT.exec(body)) {
    const { leadStart, leadEnd, partner, leadList } = agentLead(src, start, m);
    const word = m[3]!;
    const afterLead = m.index + m[0].length;
    let clauseEnd = start + afterLead;
    const mentions: Mention[] = [];
    const persons: Span[] = [];
    // The groups after the lead, each units and a role word: B、C配合 / B组织,C落实,D配合.
    const more: Mention[] = [];
    for (let p = start + afterLead; p < end; ) {
      while (p < end && COMMA_OR_SPACE.has(view.charCodeAt(p))) p++;
      let q = p;
      while (q < end && !GROUP_ENDS.has(view.charCodeAt(q))) q++;
      if (q <= p || /由/.test(view.slice(p, q))) break;
      // 由A牵头,会同B、C做好…: the partners support.
      const partners = more.length === 0 ? partnerUnits(src, p, q) : undefined;
      if (partners) {
        more.push(...partners.mentions);
        clauseEnd = partners.end;
        break;
      }
      const piece = unitsOnly(src, p, q);
      if (!piece || !ROLE_WORD_AT_END.test(view.slice(p, q).trimEnd())) {
        // The last group goes on with what it does: B配合开展监督检查.
        const subject = subjectClause(src, p, q);
        if (subject) {
          more.push(...subject.mentions);
          clauseEnd = subject.end;
          break;
        }
        // What the lead does (由A负责施划停放区,B配合做好引导): a later group of the sentence may still
        // name who helps, as its subject.
        if (more.length === 0 && view[q] === ',') {
          p = q + 1;
          continue;
        }
        break;
      }
      more.push(...piece.mentions);
      clauseEnd = q;
      p = q + 1;
    }
    const supportOk = more.length > 0;
    const partnerList = partner > 0 ? recognizeUnits(src, leadStart + partner + 2, leadEnd) : undefined;
    if (leadList.units.length === 0 || leadList.rejected.length > 0) continue;
    const paired = more.some((m) => m.role === 'support') || (partnerList?.units.length ?? 0) > 0;
    const wordRole = ROLE_WORD_ROLE.get(word) ?? 'responsible';
    const leadRole: Role =
      wordRole === 'lead-with-support' ? (paired ? 'lead' : 'responsible') : wordRole === 'responsible' && paired ? 'lead' : (wordRole as Role);
    for (const unit of leadList.units) mentions.push({ ...unit, role: leadRole });
    for (const unit of partnerList?.units ?? []) mentions.push({ ...unit, role: 'support' });
    persons.push(...leadList.persons);
    mentions.push(...more);
    // 由A负责X,B负责Y: B answers for its own part.
    const next = supportOk ? undefined : NEXT_DUTY.exec(body.slice(afterLead));
    if (next) {
      const nextStart = start + afterLead + next[0].length - next[2]!.length - next[1]!.length;
      const list = recognizeUnits(src, nextStart, nextStart + next[1]!.length);
      if (list.units.length > 0 && list.rejected.length === 0) {
        for (const unit of list.units) mentions.push({ ...unit, role: next[2] === '牵头' ? 'lead' : 'responsible' });
        clauseEnd = Math.max(clauseEnd, start + afterLead + next[0].length);
      }
    }
    const opener = start + m.index + m[1]!.length + (m[0].slice(m[1]!.length).length - m[0].slice(m[1]!.length).trimStart().length);
    clauses.push({ form: 'agent-sentence', kind: 'inline', start: opener, end: clauseEnd, labeled: true, mentions, persons, rejected: [], unclosed: false });
    AGENT.lastIndex = Math.max(AGENT.lastIndex, clauseEnd - start);
  }
  return clauses;
}
