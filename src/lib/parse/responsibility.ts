/**
 * Where a plan says who answers for a task, and in which role:
 * - a parenthetical, labelled or not: (责任单位:A、B) (牵头单位:A;配合单位:B) (A牵头,B配合) (A,B);
 * - a line of its own: 牵头单位:A / 责任单位:B / 部门分工:A牵头,各地配合。 (a 分管领导 line is a person);
 * - the start of a sentence: 由A负责,B、C配合 / 由A承办,B协办.
 * Roles: 牵头/主办/承办 → lead; 配合/协办/参与 → support; 责任单位 or no word → responsible; 负责 is
 * lead when the same clause names a support group, else responsible.
 */
import { append } from '../append.ts';
import type { Role } from '../schema.ts';
import { isUnitLike, splitUnitList, type Span } from './unit-list.ts';

export interface Mention extends Span {
  role: Role;
}

export interface Clause {
  kind: 'parenthetical' | 'line' | 'inline';
  /** Offsets in the source of the whole clause (parentheses included). */
  start: number;
  end: number;
  labeled: boolean;
  mentions: Mention[];
  persons: Span[];
  /** The closing parenthesis is missing. */
  unclosed: boolean;
}

const LABEL_WORDS =
  '牵头单位|牵头部门|主办单位|主责单位|主体责任单位|责任单位|责任部门|责任主体|配合单位|配合部门|协办单位|协助单位|参与单位|承办单位|实施单位|部门分工|职责分工|任务分工|责任分工|完成单位|落实单位';
/** Labels inside a clause that name no unit: their segment is skipped (deadlines are read separately). */
const OTHER_LABEL_WORDS = '完成时限|完成时间|时间节点|时限要求|完成期限|时限|牵头领导|责任领导|分管领导|备注';
/** 牵头:A;配合:B — role words used as labels, only with a colon. */
const SHORT_LABEL_WORDS = '牵头|配合|协办|主办|承办|参与|责任';
const LABEL = new RegExp(`(${LABEL_WORDS}|${OTHER_LABEL_WORDS})\\s*(?:(?:[::]|为)\\s*)?|(${SHORT_LABEL_WORDS})\\s*[::]\\s*`, 'g');
/** Opening marks of a clause: parentheses, 【】, [], or a dash (——牵头单位:…). */
const LABEL_AT_START = new RegExp(`^\\s*(?:(?:[(\\[【〔]|—{1,2}|-{1,2})\\s*)?(${LABEL_WORDS}|${SHORT_LABEL_WORDS})\\s*[::]`);
/** A labelled clause that runs to the end of the line after a dash or a full stop: 。牵头单位:A;配合单位:B */
const LABEL_AFTER_SENTENCE = new RegExp(`(?:—{1,2}|[。;!])\\s*(${LABEL_WORDS})\\s*(?:[::]|为)`, 'g');
const BRACKETS: Record<string, string> = { '(': ')', '【': '】', '[': ']', '〔': '〕' };

/** Lines naming a person (分管区领导:张三) — never units. */
export const PERSON_LINE = /^\s*(?:[(\[【]\s*)?(分管|牵头|责任|包抓|联系|主管|挂帅|督导|协调)?(县|区|市|省|州|镇|乡|旗)?(级)?(领导|负责人|责任人)(同志)?\s*[::]/;

function labelRole(label: string): Role | 'skip' | undefined {
  if (new RegExp(`^(${OTHER_LABEL_WORDS})$`).test(label)) return 'skip';
  if (/^(牵头|主办|主责|承办)/.test(label)) return 'lead';
  if (/^(配合|协办|协助|参与)/.test(label)) return 'support';
  return undefined;
}

/** Role words end a group when a separator or the end follows. */
const ROLE_WORD =
  /(牵头负责|牵头抓总|牵头|主办|承办|配合|协办|协助|参与|按职责分工负责|按职责分工落实|按职责负责|按职能分工负责|分别负责|共同负责|负责落实|负责)(?=\s*(?:[,;。.、]|$))/g;

function wordRole(word: string, hasSupport: boolean): Role {
  if (/^(牵头|主办|承办)/.test(word)) return 'lead';
  if (/^(配合|协办|协助|参与)/.test(word)) return 'support';
  if (/^(负责|负责落实)$/.test(word)) return hasSupport ? 'lead' : 'responsible';
  return 'responsible';
}

interface Group {
  start: number;
  end: number;
  role: Role | undefined;
}

/**
 * Read the units of a clause body `[start, end)` of the source (view = match view of the whole
 * source). `defaultRole` applies to groups that no label or role word qualifies.
 */
export function readClauseBody(
  view: string,
  text: string,
  start: number,
  end: number,
  defaultRole: Role = 'responsible',
): { mentions: Mention[]; persons: Span[]; labeled: boolean; rejected: Span[] } {
  const body = view.slice(start, end);
  // 1. Labels cut the body into segments.
  const segments: { start: number; end: number; role: Role | 'skip' | undefined }[] = [];
  let labeled = false;
  let cursor = 0;
  let currentRole: Role | 'skip' | undefined = undefined;
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(body); m; m = LABEL.exec(body)) {
    // A label word inside a list (…,配合单位:B) only counts where a separator or the start precedes it.
    const before = body.slice(0, m.index).trimEnd();
    const spaced = m.index > 0 && /\s/.test(body[m.index - 1]!);
    if (before.length > 0 && !spaced && !/[,;。.、:(]$/.test(before)) continue;
    if (!/[::为]/.test(m[0]) && before.length > 0) continue;
    if (m.index > cursor) segments.push({ start: start + cursor, end: start + m.index, role: currentRole });
    currentRole = labelRole((m[1] ?? m[2])!);
    labeled = true;
    cursor = m.index + m[0].length;
  }
  segments.push({ start: start + cursor, end, role: currentRole });

  // 2. Role words cut segments into groups.
  const groups: Group[] = [];
  const hasSupportWord = /(配合|协办|协助|参与)(?=\s*(?:[,;。.、]|$))|(配合|协办|协助|参与)(单位|部门)/.test(body);
  for (const segment of segments) {
    if (segment.role === 'skip') continue;
    const segText = view.slice(segment.start, segment.end);
    let from = 0;
    let sawLead = false;
    ROLE_WORD.lastIndex = 0;
    for (let m = ROLE_WORD.exec(segText); m; m = ROLE_WORD.exec(segText)) {
      const role = wordRole(m[1]!, hasSupportWord);
      if (role === 'lead') sawLead = true;
      groups.push({ start: segment.start + from, end: segment.start + m.index, role });
      from = m.index + m[0].length;
    }
    if (from < segText.length) {
      // Units after a lead group with no word of their own support it (A牵头,B).
      const role = (segment.role as Role | undefined) ?? (sawLead ? 'support' : undefined);
      groups.push({ start: segment.start + from, end: segment.end, role });
    }
  }

  const mentions: Mention[] = [];
  const persons: Span[] = [];
  const rejected: Span[] = [];
  for (const group of groups) {
    // A会同B负责: A leads, B supports.
    const partner = view.slice(group.start, group.end).indexOf('会同');
    const parts: Group[] =
      partner > 0 && (group.role ?? defaultRole) !== 'support'
        ? [
            { start: group.start, end: group.start + partner, role: 'lead' },
            { start: group.start + partner + 2, end: group.end, role: 'support' },
          ]
        : [group];
    for (const part of parts) {
      const list = splitUnitList(view, text, part.start, part.end);
      for (const unit of list.units) mentions.push({ ...unit, role: part.role ?? defaultRole });
      append(persons, list.persons);
      append(rejected, list.rejected);
    }
  }
  return { mentions, persons, labeled, rejected };
}

/** Index of the bracket closing the one at `open` ( ( 【 [ 〔 ), or -1 when the line ends first. */
function closingParen(view: string, open: number, limit: number): number {
  const opener = view[open]!;
  const closer = BRACKETS[opener] ?? ')';
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = view[i];
    if (c === opener) depth++;
    else if (c === closer) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/**
 * Clauses in one line `[start, end)` of the source. `allowUnlabeled` admits a trailing `(A,B)`;
 * headings admit only labelled ones.
 */
export function findClausesInLine(view: string, text: string, start: number, end: number, allowUnlabeled: boolean): Clause[] {
  const clauses: Clause[] = [];
  const line = view.slice(start, end);

  // A line of its own: 牵头单位:A / (责任单位:A) / 部门分工:A牵头,B配合。
  const own = LABEL_AT_START.exec(line);
  if (own) {
    let leading = line.search(/\S/);
    // ——责任单位:A — the dash opens the clause but is not part of its body.
    const dash = /^(—{1,2}|-{1,2})\s*/.exec(line.slice(leading));
    const wrapped = /^[(\[【〔]/.test(line.slice(leading));
    let clauseEnd = end;
    let unclosed = false;
    let bodyEnd = end;
    if (wrapped) {
      const close = closingParen(view, start + leading, end);
      if (close < 0) unclosed = line.slice(leading, leading + 1) === '(';
      else {
        bodyEnd = close;
        clauseEnd = close + 1;
      }
    }
    const bodyStart = start + leading + (wrapped ? 1 : dash ? dash[0].length : 0);
    const read = readClauseBody(view, text, bodyStart, bodyEnd);
    clauses.push({ kind: 'line', start: start + leading, end: trimEndPunct(view, start, clauseEnd), labeled: true, mentions: read.mentions, persons: read.persons, unclosed });
    return clauses;
  }

  // Parentheticals: labelled anywhere, unlabelled only at the end of the line.
  let searchFrom = 0;
  for (;;) {
    const found = /[(【\[〔]/.exec(line.slice(searchFrom));
    if (!found) break;
    const open = searchFrom + found.index;
    const inner = line.slice(open + 1);
    const isLabeled = new RegExp(`^\\s*(${LABEL_WORDS}|${SHORT_LABEL_WORDS})\\s*[::]`).test(inner);
    const close = closingParen(view, start + open, end);
    if (close < 0) {
      if (isLabeled) {
        const read = readClauseBody(view, text, start + open + 1, end);
        clauses.push({ kind: 'parenthetical', start: start + open, end, labeled: true, mentions: read.mentions, persons: read.persons, unclosed: true });
        break;
      }
      // A stray bracket in the text (加强[): look on after it.
      searchFrom = open + 1;
      continue;
    }
    const closeInLine = close - start;
    const after = line.slice(closeInLine + 1);
    const atEnd = /^[\s。.;,]*$/.test(after);
    if (isLabeled) {
      const read = readClauseBody(view, text, start + open + 1, close);
      clauses.push({ kind: 'parenthetical', start: start + open, end: close + 1, labeled: true, mentions: read.mentions, persons: read.persons, unclosed: false });
    } else if (allowUnlabeled && atEnd) {
      const unlabeled = readUnlabeledParenthetical(view, text, start, start + open, close);
      if (unlabeled) clauses.push(unlabeled);
    }
    searchFrom = closeInLine + 1;
  }
  if (clauses.some((c) => c.labeled)) return clauses;

  // 。——牵头单位:A;配合单位:B — a labelled clause to the end of the line, with no brackets.
  LABEL_AFTER_SENTENCE.lastIndex = 0;
  const after = LABEL_AFTER_SENTENCE.exec(line);
  if (after) {
    const dash = after[0].startsWith('—');
    const clauseStart = start + after.index + (dash ? 0 : 1);
    const labelStart = start + after.index + after[0].indexOf(after[1]!);
    const clauseEnd = trimEndPunct(view, start, end);
    const read = readClauseBody(view, text, labelStart, clauseEnd);
    if (read.mentions.length > 0) {
      clauses.push({ kind: 'line', start: clauseStart, end: clauseEnd, labeled: true, mentions: read.mentions, persons: read.persons, unclosed: false });
      return clauses;
    }
  }
  // …予以通报。县禁毒办负责。 — a last sentence made only of units and role words.
  const last = /(?:^|[。;!])\s*([^。;!—]{2,200}?(?:牵头负责|负责|牵头|配合|按职责分工负责|分别负责|共同负责))[。.]?\s*$/.exec(line);
  if (last && !/^\s*由/.test(last[1]!)) {
    const bodyStart = start + last.index + last[0].indexOf(last[1]!);
    const read = readClauseBody(view, text, bodyStart, bodyStart + last[1]!.length);
    if (read.mentions.length > 0 && read.rejected.length === 0 && read.persons.length === 0) {
      clauses.push({ kind: 'line', start: bodyStart, end: trimEndPunct(view, start, end), labeled: false, mentions: read.mentions, persons: [], unclosed: false });
      return clauses;
    }
  }
  // ——县教育局负责: units and a role word after a dash, to the end of the line.
  const dash = /—{1,2}\s*([^—]{2,200}?)[。.;]?\s*$/.exec(line);
  if (dash && /(牵头|配合|负责|协办|承办|主办)/.test(dash[1]!) && !/^\s*由/.test(dash[1]!)) {
    const bodyStart = start + dash.index + dash[0].indexOf(dash[1]!);
    const read = readClauseBody(view, text, bodyStart, bodyStart + dash[1]!.length);
    if (read.mentions.length > 0 && read.rejected.length === 0) {
      clauses.push({ kind: 'line', start: start + dash.index, end: trimEndPunct(view, start, end), labeled: false, mentions: read.mentions, persons: read.persons, unclosed: false });
    }
  }
  return clauses;
}

function trimEndPunct(view: string, lineStart: number, end: number): number {
  while (end > lineStart && /[\s]/.test(view[end - 1]!)) end--;
  return end;
}

/** `(A,B)` `(A、B等负责)` `(A牵头)` at the end of a line: units only if every piece is one. */
function readUnlabeledParenthetical(view: string, text: string, lineStart: number, open: number, close: number): Clause | undefined {
  const inner = view.slice(open + 1, close);
  if (/^(以下简称|下称|简称|含|包括|其中|不含|即|如|试行|暂行|草案|征求意见稿)/.test(inner.trim())) return undefined;
  const hasRoleWord = /(牵头|配合|负责|协办|承办|主办|参与)/.test(inner);
  const before = view.slice(lineStart, open).trimEnd();
  // 各乡镇(街道) or 餐饮企业(门店): a parenthesis glued to a word qualifies that word.
  const afterSentence = before.length === 0 || /[。.;!?:,]$/.test(before);
  if (!hasRoleWord && !afterSentence) return undefined;
  const read = readClauseBody(view, text, open + 1, close);
  if (read.mentions.length === 0 || read.rejected.length > 0) return undefined;
  if (!hasRoleWord && !read.mentions.every((mention) => isUnitLike(view.slice(mention.start, mention.end)))) return undefined;
  return { kind: 'parenthetical', start: open, end: close + 1, labeled: false, mentions: read.mentions, persons: read.persons, unclosed: false };
}

const START_LEAD = /(^|[。;!,]|—)\s*由([^。;,]{2,80}?)(牵头负责|牵头|负责|承办|主办)\s*[,]?/g;
/** …,B负责X: a second unit and its own duty in the same sentence. */
const NEXT_DUTY = /^[^。;]*?,\s*([^,。;由]{2,40}?)(负责|牵头)/;
const START_SUPPORT = /^\s*([^。;]{2,120}?)(配合|协办|协助|参与)/;

/**
 * `由A负责,B、C配合,加强…` / `由A承办,B、C协办。` anywhere a sentence starts in a task's body
 * `[start, end)`; two groups in one paragraph give two clauses.
 */
export function findStartForms(view: string, text: string, start: number, end: number): Clause[] {
  const body = view.slice(start, end);
  const clauses: Clause[] = [];
  START_LEAD.lastIndex = 0;
  for (let m = START_LEAD.exec(body); m; m = START_LEAD.exec(body)) {
    const leadStart = start + m.index + m[0].indexOf('由') + 1;
    const leadEnd = leadStart + m[2]!.length;
    const afterLead = m.index + m[0].length;
    const support = START_SUPPORT.exec(body.slice(afterLead));
    let clauseEnd = start + afterLead;
    const mentions: Mention[] = [];
    const persons: Span[] = [];
    const supportList = support && !/由/.test(support[1]!) ? splitUnitList(view, text, start + afterLead, start + afterLead + support[1]!.length) : undefined;
    const supportOk = supportList && supportList.units.length > 0 && supportList.rejected.length === 0;
    // 由A会同B负责: A leads, B supports.
    const partner = view.slice(leadStart, leadEnd).indexOf('会同');
    const leadList = splitUnitList(view, text, leadStart, partner > 0 ? leadStart + partner : leadEnd);
    const partnerList = partner > 0 ? splitUnitList(view, text, leadStart + partner + 2, leadEnd) : undefined;
    if (leadList.units.length === 0 || leadList.rejected.length > 0) continue;
    const leadRole: Role = partnerList?.units.length || supportOk || m[3] !== '负责' ? (m[3] === '负责' && !supportOk && !partnerList?.units.length ? 'responsible' : 'lead') : 'responsible';
    for (const unit of leadList.units) mentions.push({ ...unit, role: leadRole });
    for (const unit of partnerList?.units ?? []) mentions.push({ ...unit, role: 'support' });
    append(persons, leadList.persons);
    if (supportOk) {
      for (const unit of supportList.units) mentions.push({ ...unit, role: 'support' });
      clauseEnd = start + afterLead + support![0].length;
    }
    // 由A负责X,B负责Y: B answers for its own part.
    const next = supportOk ? undefined : NEXT_DUTY.exec(body.slice(afterLead));
    if (next) {
      const nextStart = start + afterLead + next[0].length - next[2]!.length - next[1]!.length;
      const list = splitUnitList(view, text, nextStart, nextStart + next[1]!.length);
      if (list.units.length > 0 && list.rejected.length === 0) {
        for (const unit of list.units) mentions.push({ ...unit, role: next[2] === '牵头' ? 'lead' : 'responsible' });
        clauseEnd = Math.max(clauseEnd, start + afterLead + next[0].length);
      }
    }
    clauses.push({ kind: 'inline', start: leadStart - 1, end: clauseEnd, labeled: true, mentions, persons, unclosed: false });
    START_LEAD.lastIndex = Math.max(START_LEAD.lastIndex, clauseEnd - start);
  }
  return clauses;
}
