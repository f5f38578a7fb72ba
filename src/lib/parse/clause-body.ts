/**
 * The body of a responsibility clause → units with roles. Labels (`牵头单位:`, `责任单位为`) cut the
 * body into segments, role words (`牵头`, `配合`, `按职责分工负责`) cut segments into groups, and the
 * unit recognizer reads each group. Notes about the list (`列第一位者为牵头单位`, `下同`) are no units:
 * they are set aside and their convention applied. Roles: a label's role, else the group's role
 * word, else the default (responsible); 负责 leads only when the clause also names a support group.
 */
import { append } from '../append.ts';
import type { Role } from '../schema.ts';
import {
  ALL_LABELS,
  alt,
  loose,
  CLAUSE_NOTES,
  ALL_LEAD_NOTE,
  OTHER_LABELS,
  EXCEPT_MARKED_NOTE,
  FIRST_LEADS_NOTE,
  MARKED_LEADS_NOTE,
  GOVERNMENT_FIRST_NOTE,
  OTHERS_SUPPORT_NOTE,
  SEVERAL_ONLY_NOTE,
  PARTNER_PATTERN,
  PINYIN_RESIDUE_PATTERN,
  readsLoose,
  PLACE_WORDS,
  ROLE_WORDS,
  SHORT_LABELS,
  UNDATED_DEADLINES,
  type ClauseLabel,
  type WordRole,
} from './lexicon.ts';
import type { Source } from './source.ts';
import { isNameLike, isUnitLike, recognizeUnits, unitEndingLength, type Span } from './units.ts';

export interface Mention extends Span {
  role: Role;
  /** Read as a unit though no unit name ends so (县水务, 有关企业主体): reported for a check. */
  unusual?: boolean;
  /** The role this unit takes when its task names no support unit (a 承办单位 label's). */
  alone?: Role;
  /** Supports only because it follows a lead group with no word of its own (A牵头,B). */
  unmarked?: boolean;
}

export interface ClauseBody {
  mentions: Mention[];
  persons: Span[];
  /** Pieces of the body that are neither a unit nor a person. */
  rejected: Span[];
  /** A label was read (`牵头单位:`), or role words gave every group its role. */
  labeled: boolean;
  /** A note of the clause says the first unit leads: whether the others support, and whether it holds for later clauses (下同). */
  firstLeads?: FirstLeads;
  /** Where a deadline label's text starts inside the body (`完成时限:6月底前`). */
  deadlineAt?: number;
}

const LABELS = new Map<string, ClauseLabel>(ALL_LABELS.map((l) => [l.word, l]));
const SHORT = new Map<string, ClauseLabel>(SHORT_LABELS.map((l) => [l.word, l]));
/** A label, then a colon or 为 (long labels) or a colon (role words used as labels). */
/** A short qualifier between a label and its colon: `责任单位(区级):`. */
const QUALIFIED = '(?:\\([^()]{1,6}\\)|及(?:责任人|负责人|联系人))?';
function labelPattern(words: (w: readonly string[]) => string): RegExp {
  return new RegExp(
    `(${words(ALL_LABELS.map((l) => l.word))})${QUALIFIED}\\s*(?:(?:[::]|为|】)\\s*)?|(${alt(SHORT_LABELS.map((l) => l.word))})\\s*[::]\\s*`,
    'g',
  );
}
function labelAtStart(words: (w: readonly string[]) => string): RegExp {
  const units = words(ALL_LABELS.filter((l) => l.kind === 'units').map((l) => l.word));
  return new RegExp(
    `^\\s*(?:(?:[(\\[【〔]|—{1,2}|-{1,2})\\s*)?(?:(?:${units})${QUALIFIED}\\s*(?:[::]|为)|(?:${alt(SHORT_LABELS.map((l) => l.word))})\\s*[::])|^\\s*【(?:${units})】`,
  );
}
/** Labels, and labels that a hard-wrapped line may break (配合⏎单位:): the second only where a text holds a line break. */
const LABEL_STRICT = labelPattern(alt);
const LABEL_LOOSE = labelPattern(loose);
const AT_START_STRICT = labelAtStart(alt);
const AT_START_LOOSE = labelAtStart(loose);

/** A unit label after a wide gap, a separator or a space after a name, later in a line (`责任领导:X  责任单位:A B`, `牵头领导:X 责任单位:A`): where it starts, or -1. */
const UNIT_LABEL_LATER = new RegExp(
  `(?:\\s{2,}|[;,]\\s*|(?<=[\\u4e00-\\u9fff)])\\s)(?=(?:${alt(ALL_LABELS.filter((l) => l.kind === 'units').map((l) => l.word))})${QUALIFIED}\\s*[:])`,
);
export function unitLabelLater(view: string, start: number, end: number): number {
  const m = UNIT_LABEL_LATER.exec(view.slice(start, end));
  return m ? start + m.index + m[0].length : -1;
}

/** A label that opens a text: `牵头单位:`, `(责任单位:`, `牵头:`. */
export const UNIT_LABEL_AT_START = {
  test(text: string): boolean {
    return (readsLoose(text) ? AT_START_LOOSE : AT_START_STRICT).test(text);
  },
};

const ROLE_WORD_ROLE = new Map<string, WordRole>(ROLE_WORDS.map((w) => [w.word, w.role]));
/**
 * Role words end a group when a separator or the end follows, or (lead and support words) when the
 * next group's first unit starts at once: `A牵头各有关部门负责`.
 */
function roleWordPattern(words: (w: readonly string[]) => string): RegExp {
  return new RegExp(
    `(?:分别|各自)?(${words(ROLE_WORDS.map((w) => w.word))})(?:${PINYIN_RESIDUE_PATTERN})?(?=\\s*(?:[,;。.、)]|$))|(${words(ROLE_WORDS.filter((w) => w.role === 'lead' || w.role === 'support').map((w) => w.word))})(?=各|有关|相关|${alt(PLACE_WORDS.filter((p) => p !== '市'))}|市(?!场))`,
    'g',
  );
}
export const ROLE_WORD = roleWordPattern(alt);
/** ROLE_WORD for a text a line break may cut a word in (配⏎合): where `readsLoose`. */
export const ROLE_WORD_LOOSE = roleWordPattern(loose);
/** What a line break or a mirror's pinyin put inside a word: left out to read the word. */
const BROKEN = new RegExp(`\\s+|${PINYIN_RESIDUE_PATTERN}`, 'g');
/** A lead written with its own word (A牵头,B配合,C负责): a 负责 beside it answers for its part, it does not lead. */
const HAS_LEAD = new RegExp(`(?:${alt(ROLE_WORDS.filter((w) => w.role === 'lead').map((w) => w.word))})(?=\\s*(?:[,;。.、)]|$))`);
const hasSupportPattern = (words: (w: readonly string[]) => string) => {
  const support = words(ROLE_WORDS.filter((w) => w.role === 'support').map((w) => w.word));
  return new RegExp(`(?:${support})(?=\\s*(?:[,;。.、]|$))|(?:${support})(?:单位|部门)`);
};
const HAS_SUPPORT_STRICT = hasSupportPattern(alt);
const HAS_SUPPORT_LOOSE = hasSupportPattern(loose);
/** A support word in the text (配合, or 配⏎合 where a line break cut it). */
const HAS_SUPPORT = { test: (text: string) => (readsLoose(text) ? HAS_SUPPORT_LOOSE : HAS_SUPPORT_STRICT).test(text) };
const NOTE = new RegExp(CLAUSE_NOTES.map((n) => `(${n.pattern})`).join('|'), 'g');
const PARTNER = new RegExp(PARTNER_PATTERN);
const NON_SPACE = /\S/g;
/** Two or more bare figures in a row, spaced: a flattened table's cells (3 5 2 2 12). */
const FIGURE_RUN = /\s\d+(?:\.\d+)?(?:\s+\d+(?:\.\d+)?)+(?:\s|$)/;
/**
 * A piece of a clause, or a sentence, that is a deadline, not a unit: `12月底前完成`, `2025年6月30日前`,
 * `年底前`, `4月底前全部完成`.
 */
export const DEADLINE_PIECE = new RegExp(
  `^(?:(?:(?:\\d{4}\\s*年\\s*)?\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*日|底|末|份|中旬|上旬|下旬)?|(?:\\d{4}\\s*年\\s*)?(?:年底|年末|上半年|下半年|年内)|第?[一二三四1-4]季度)(?:前|之前|以前)?(?:全部|全面|基本)?(?:完成|到位|见效|办结)?` +
    // (财政部牵头,年内持续推进): a time word with no date ends the State Council's clauses.
    `|(?:年内|全年|(?:${alt(UNDATED_DEADLINES)}),?)?(?:${alt(UNDATED_DEADLINES)}))$`,
);
/** `县水务局(牵头)、县农业农村局`: a role word in brackets right after a name gives that unit alone its role. */
const ROLE_MARK = new RegExp(
  `\\(\\s*(${loose(ROLE_WORDS.filter((w) => (w.role === 'lead' || w.role === 'support') && w.word.length <= 4).map((w) => w.word))})\\s*\\)`,
  'g',
);
/** `应急管理局(责任人:许文)`: a unit's own person in brackets after its name, no part of the name. */
const PERSON_MARK = new RegExp(`\\(\\s*(?:${alt(OTHER_LABELS.filter((w) => /领导|人$/.test(w)))})\\s*[:][^()]{0,24}\\)`, 'g');
const FIRST_LEADS = new RegExp(FIRST_LEADS_NOTE);
const GOVERNMENT_FIRST = new RegExp(GOVERNMENT_FIRST_NOTE);
const ALL_LEAD = new RegExp(ALL_LEAD_NOTE);
const OTHERS_SUPPORT = new RegExp(OTHERS_SUPPORT_NOTE);
const SEVERAL_ONLY = new RegExp(SEVERAL_ONLY_NOTE);
const MARKS_LEAD = new RegExp(EXCEPT_MARKED_NOTE);
const MARKED_LEADS = new RegExp(MARKED_LEADS_NOTE);
const PINYIN_RESIDUE_ALL = new RegExp(PINYIN_RESIDUE_PATTERN, 'g');

/**
 * The last comma before `at` in `text`, or the last white space after a whole unit name (a cell's
 * paragraphs are joined by white space; a name wrapped inside the cell is no paragraph), or -1.
 */
function lastBreak(text: string, at: number): number {
  for (let k = at - 1; k > 0; k--) {
    if (text[k] === ',') return k;
    if (!/\s/.test(text[k]!) || /\s/.test(text[k - 1]!)) continue;
    let b = k - 1;
    while (b > 0 && !/[\s,、;]/.test(text[b - 1]!)) b--;
    if (isUnitLike(text.slice(b, k))) return k;
  }
  return -1;
}

/** How many parentheses are open at `at` of `text`. */
function depthAt(text: string, at: number): number {
  let depth = 0;
  for (let k = 0; k < at; k++) {
    const c = text[k];
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
  }
  return depth;
}

function labelOf(word: string): ClauseLabel | undefined {
  const compact = word.replace(/\s+/g, '').replace(PINYIN_RESIDUE_ALL, '');
  return LABELS.get(compact) ?? SHORT.get(compact);
}

function wordRole(word: string, hasSupport: boolean): Role {
  const role = ROLE_WORD_ROLE.get(word) ?? 'responsible';
  if (role === 'lead-with-support') return hasSupport ? 'lead' : 'responsible';
  return role;
}

interface Group {
  start: number;
  end: number;
  role: Role | undefined;
  alone?: Role;
  unmarked?: boolean;
}

/**
 * Read the units of a clause body `[start, end)` of the source. `defaultRole` applies to groups
 * that no label or role word qualifies.
 */
export function readClauseBody(
  src: Source,
  start: number,
  end: number,
  defaultRole: Role = 'responsible',
  options: { promote?: boolean; column?: boolean } = {},
): ClauseBody {
  const { view } = src;
  const body = view.slice(start, end);
  const result: ClauseBody = { mentions: [], persons: [], rejected: [], labeled: false };

  // 0. Notes about the list are cut out: they split the body like separators.
  const cuts: [number, number][] = [];
  NOTE.lastIndex = 0;
  for (let m = NOTE.exec(body); m; m = NOTE.exec(body)) {
    // A note inside a unit's own parentheses qualifies that unit (各区人民政府(含…,下同)); a bracket
    // that opens with the note is the list's note (…,各镇人民政府(县政府部门中列在首位的为牵头部门,下同)).
    let cut: [number, number] = [m.index, m.index + m[0].length];
    // A note after another in the same bracket ((除标注为“牵头”单位外,列第一位的为牵头单位,下同)) is cut with it.
    if (!cuts.some(([a, b]) => a <= m.index && m.index < b)) {
      if (depthAt(body, m.index) > 0) {
        const open = body.lastIndexOf('(', m.index);
        const close = body.indexOf(')', m.index + m[0].length);
        if (open < 0 || close < 0 || body.slice(open + 1, m.index).trim() !== '' || depthAt(body, open) > 0) continue;
        cut = [open, close + 1];
      }
      cuts.push(cut);
    }
    const effect = CLAUSE_NOTES[m.slice(1).findIndex((g) => g !== undefined)]?.effect;
    if (effect === 'first-leads') result.firstLeads = { othersSupport: false, onward: false, ...(GOVERNMENT_FIRST.test(m[0]) ? { government: true } : {}) };
    else if (effect === 'marked-leads') result.firstLeads = { othersSupport: false, onward: false, marked: true };
  }
  // Marks in brackets right after a name, cut out: its role (县水务局(牵头)), its person (应急管理局(责任人:许文)).
  const marks: { at: number; role: Role }[] = [];
  if (body.includes('(')) {
    for (const pattern of [ROLE_MARK, PERSON_MARK]) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
        if (m.index === 0 || depthAt(body, m.index) > 0) continue;
        const at = start + m.index;
        if (pattern === ROLE_MARK) {
          const role = wordRole(m[1]!.replace(/\s+/g, ''), false);
          if (role !== 'lead' && role !== 'support') continue;
          marks.push({ at, role });
        } else result.persons.push({ start: at, end: at + m[0].length, text: src.text.slice(at, at + m[0].length) });
        cuts.push([m.index, m.index + m[0].length]);
      }
    }
    cuts.sort((a, b) => a[0] - b[0]);
  }
  if (result.firstLeads) {
    result.firstLeads.onward = /下同/.test(body);
    result.firstLeads.othersSupport = OTHERS_SUPPORT.test(body);
    if (MARKS_LEAD.test(body)) result.firstLeads.marksLead = true;
  }

  // 1. Labels cut the body into segments.
  const segments: { start: number; end: number; label: ClauseLabel | undefined }[] = [];
  let cursor = 0;
  let current: ClauseLabel | undefined;
  const pushSegment = (from: number, to: number) => {
    // Notes inside the segment split it.
    let at = from;
    for (const [a, b] of cuts) {
      if (b <= at || a >= to) continue;
      if (a > at) segments.push({ start: start + at, end: start + a, label: current });
      at = Math.max(at, b);
    }
    if (to > at) segments.push({ start: start + at, end: start + to, label: current });
  };
  const LABEL = readsLoose(body) ? LABEL_LOOSE : LABEL_STRICT;
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(body); m; m = LABEL.exec(body)) {
    // A label inside a cut-out note or mark (应急管理局(责任人:许文)) is that note's.
    if (cuts.some(([a, b]) => m!.index >= a && m!.index < b)) continue;
    // A label word inside a list (…,配合单位:B) only counts where a separator or the start precedes it.
    // The last character before the label that is not a space ('' at the start).
    let b = m.index;
    while (b > 0 && /\s/.test(body[b - 1]!)) b--;
    const before = b > 0 ? body[b - 1]! : '';
    const spaced = b < m.index;
    if (before !== '' && !spaced && !/[,;。.、:(【]/.test(before)) continue;
    // With no colon, a label is one only after a separator and before a gap (…;责任单位⏎各镇人民政府, a PDF's lost colon).
    if (!/[::为】]/.test(m[0]) && before !== '' && !(/[;,]/.test(before) && /\s$/.test(m[0]))) continue;
    if (m.index > cursor) pushSegment(cursor, m.index);
    current = labelOf((m[1] ?? m[2])!);
    if (current?.kind === 'deadline' && result.deadlineAt === undefined) result.deadlineAt = start + m.index;
    result.labeled = true;
    cursor = m.index + m[0].length;
  }
  pushSegment(cursor, body.length);
  // A table of figures flattened onto the end of a list (…,各区政府 东湖 南塘 合计 年度目标 3 5 8): the list
  // ends at the space before it; the rest is reported as it stands.
  for (const segment of segments) {
    if (segment.label && segment.label.kind !== 'units') continue;
    const text = view.slice(segment.start, segment.end);
    const figures = FIGURE_RUN.exec(text);
    if (!figures) continue;
    const gap = text.search(/\S\s/);
    if (gap < 0 || gap >= figures.index) continue;
    const cut = segment.start + gap + 1;
    const rest = cut + (view.slice(cut, segment.end).length - view.slice(cut, segment.end).trimStart().length);
    result.rejected.push({ start: rest, end: segment.end, text: src.text.slice(rest, segment.end).trimEnd() });
    segment.end = cut;
  }

  // 2. Role words cut segments into groups.
  const groups: Group[] = [];
  const hasSupport = HAS_SUPPORT.test(body) && !HAS_LEAD.test(body);
  for (const segment of segments) {
    if (segment.label && segment.label.kind !== 'units') continue;
    const segText = view.slice(segment.start, segment.end);
    let from = 0;
    let sawLead = false;
    let lastRole: Role | undefined;
    const roleWord = readsLoose(segText) ? ROLE_WORD_LOOSE : ROLE_WORD;
    roleWord.lastIndex = 0;
    for (let m = roleWord.exec(segText); m; m = roleWord.exec(segText)) {
      // A role word that is the end of a name's own ending (局属各单位党组织: 组织) is the name's.
      if (unitEndingLength(segText.slice(from, m.index + m[0].length)) > m[0].length) continue;
      const role = wordRole((m[1] ?? m[2])!.replace(BROKEN, ''), hasSupport);
      if (role === 'lead') sawLead = true;
      lastRole = role;
      // 责任单位为A、B,C按职责配合: after a label, the role word goes back to the last comma only; in a
      // column's cell (its header the label), to the last comma or paragraph (A ⏎ B ⏎ C负责落实).
      const comma = from === 0 && segment.label ? segText.lastIndexOf(',', m.index) : from === 0 && options.column ? lastBreak(segText, m.index) : -1;
      if (comma > 0 && depthAt(segText, comma) === 0) {
        const labelRole = !segment.label || segment.label.role === 'responsible' ? undefined : segment.label.role;
        groups.push({ start: segment.start, end: segment.start + comma, role: labelRole, ...(segment.label?.alone ? { alone: segment.label.alone } : {}) });
        from = comma + 1;
      }
      groups.push({ start: segment.start + from, end: segment.start + m.index, role });
      from = m.index + m[0].length;
    }
    if (from < segText.length) {
      // Units after a lead group with no word of their own support it (A牵头,B); after a group that
      // answers for its part (A牵头,B落实;C) they answer too. A 责任单位 label says no more than the default does.
      const labelRole = segment.label?.role === 'responsible' ? undefined : segment.label?.role;
      const unmarkedSupport = sawLead && lastRole !== 'responsible';
      const role = labelRole ?? (unmarkedSupport ? 'support' : undefined);
      const alone = from === 0 ? segment.label?.alone : undefined;
      groups.push({
        start: segment.start + from,
        end: segment.end,
        role,
        ...(alone ? { alone } : {}),
        ...(!labelRole && unmarkedSupport ? { unmarked: true } : {}),
      });
    }
  }

  let last: { text: string } | undefined;
  for (const group of groups) {
    // A会同B负责: A leads, B supports.
    const partner = PARTNER.exec(view.slice(group.start, group.end));
    const parts: Group[] =
      partner && partner.index > 0 && (group.role ?? defaultRole) !== 'support'
        ? [
            { start: group.start, end: group.start + partner.index, role: 'lead' },
            { start: group.start + partner.index + partner[0].length, end: group.end, role: 'support' },
          ]
        : [group];
    for (const part of parts) {
      const list = recognizeUnits(src, part.start, part.end, last);
      last = list.units.at(-1) ?? last;
      const role = part.role ?? defaultRole;
      for (const unit of list.units)
        result.mentions.push({
          start: unit.start,
          end: unit.end,
          text: unit.text,
          role,
          ...(group.alone ? { alone: group.alone } : {}),
          ...(group.unmarked && part.role === group.role ? { unmarked: true } : {}),
          ...(unit.marked ? { marked: true } : {}),
        });
      append(result.persons, list.persons);
      // A deadline written among the units (A牵头,B配合,12月底前完成) is read as a deadline. In a
      // clause that is surely one (labelled, a unit cell), a piece that reads like a name is a unit
      // nobody would drop (县水务), reported for a check; anything else is reported as it stands.
      for (const piece of list.rejected) {
        const pieceView = view.slice(piece.start, piece.end);
        if (DEADLINE_PIECE.test(pieceView)) continue;
        // A piece the text ends in, with no ending, is where the copy was cut (…;责任单位:区委各改革专项小): reported, no unit.
        NON_SPACE.lastIndex = piece.end;
        const cut = !NON_SPACE.test(view);
        if (options.promote && !cut && isNameLike(pieceView)) result.mentions.push({ ...piece, role: part.role ?? defaultRole, unusual: true });
        else result.rejected.push(piece);
      }
    }
  }
  // Units in the order written (a promoted piece among them).
  if (result.mentions.some((m, k) => k > 0 && m.start < result.mentions[k - 1]!.start)) result.mentions.sort((a, b) => a.start - b.start);
  if (result.firstLeads) applyFirstLeads(result.mentions, result.firstLeads);
  for (const mark of marks) {
    const unit = result.mentions.find((m) => m.end <= mark.at && view.slice(m.end, mark.at).trim() === '');
    if (unit) unit.role = mark.role;
  }
  return result;
}

export interface FirstLeads {
  othersSupport: boolean;
  onward: boolean;
  /** The note speaks of lists of several units only (`有多个的`): a single unit stays responsible. */
  severalOnly?: boolean;
  /** Every unit of a list that names no lead leads (`无牵头单位的,责任单位即为牵头单位`). */
  allLead?: boolean;
  /** The first government department leads: a 镇, an aggregate or a party body (县委…) before it does not. */
  government?: boolean;
  /**
   * Units marked 牵头 lead and the rest of their list answers for its part (`除标注为“牵头”单位外,…`):
   * the units after a lead group with no word of their own are responsible, not support.
   */
  marksLead?: boolean;
  /** The units a sign marks lead (`加*号为牵头部门`); the others keep their role, or support when the note says so. */
  marked?: boolean;
}

/** A note that the first unit leads, in any text (a clause, a note line, the covering notice). */
export function firstLeadsNote(view: string): FirstLeads | undefined {
  if (ALL_LEAD.test(view)) return { othersSupport: false, onward: true, allLead: true };
  if (MARKED_LEADS.test(view)) return { othersSupport: OTHERS_SUPPORT.test(view), onward: true, marked: true };
  if (!FIRST_LEADS.test(view)) return undefined;
  return {
    othersSupport: OTHERS_SUPPORT.test(view),
    onward: true,
    severalOnly: SEVERAL_ONLY.test(view),
    ...(MARKS_LEAD.test(view) ? { marksLead: true } : {}),
    ...(GOVERNMENT_FIRST.test(view) ? { government: true } : {}),
  };
}

/** `加*号为牵头部门,其余为参与部门`: the marked units lead, the others support where the note says so. */
export function applyMarks(mentions: Mention[], note: FirstLeads): void {
  for (const m of mentions) if (m.role === 'responsible') m.role = m.marked ? 'lead' : note.othersSupport ? 'support' : m.role;
}

/**
 * `列第一位者为牵头单位`: the first unit leads; the others support when the note says so. Only a
 * list that names no roles of its own (all responsible) follows the convention.
 */
export function applyFirstLeads(mentions: Mention[], note: FirstLeads): void {
  if (note.marked) {
    // A list with no marked unit is not the note's (a column the note is not written over).
    if (mentions.some((m) => m.marked)) applyMarks(mentions, note);
    return;
  }
  if (note.marksLead) for (const m of mentions) if (m.unmarked && m.role === 'support') m.role = 'responsible';
  if (mentions.length === 0 || mentions.some((m) => m.role !== 'responsible')) return;
  if (note.severalOnly && mentions.length < 2) return;
  const first = note.government
    ? Math.max(
        0,
        mentions.findIndex((m) => !/^(?:各|[县市区省]委|.*(?:政府|办事处)$)/.test(m.text)),
      )
    : 0;
  mentions.forEach((m, i) => {
    if (i === first || note.allLead) m.role = 'lead';
    else if (note.othersSupport) m.role = 'support';
  });
}
