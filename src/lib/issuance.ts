/**
 * The plan's 文号, issuer and date, read from the notice that issues it. A published plan carries
 * them in a few fixed places, all outside its numbered body:
 * - the 文号 on a line of its own under the notice's title (某安委办〔2026〕3号), with its year in
 *   〔〕 or a stand-in ([ ], ( ), 【】);
 * - the 落款: the issuing office on a line of its own and the date on the next (2026年3月1日, or in
 *   Chinese numerals 二〇二六年三月一日), after the notice or at the end of the plan;
 * - the 版记's 印发 line (某安委办  2026年3月2日印发);
 * - the red head (某县安全生产委员会文件) and the title (某安委办关于印发…的通知);
 * - the fields a publishing portal prints above a notice (发文字号:…, 成文日期:…).
 * Only lines outside the plan's parts and tasks are read, so that a deadline or a cited 文号 in a
 * task is never taken for the plan's own. The words are the lexicon's (`ISSUER_ENDINGS` …).
 */
import { matchView } from './normalize.ts';
import { alt, DOC_NUMBER_BRACKETS, ISSUANCE_LABELS, ISSUER_ENDINGS, PORTAL_LABELS, PRINTED_WORDS, RED_HEAD_WORDS, YEAR_DIGITS } from './parse/lexicon.ts';
import { chineseToNumber } from './parse/numerals.ts';

/** One value read from the text, with where it stands (1-based line and column) and as it is written. */
export interface IssuanceField {
  value: string;
  text: string;
  line: number;
  column: number;
}

/** A date written where the plan's date stands that names no day of the calendar. */
export interface UnreadableDate {
  text: string;
  line: number;
  column: number;
  /** Why, in English: "no day", "month 13" … */
  reason: string;
}

export interface Issuance {
  /** 文号, with its year in 〔〕 and no spaces: 某安委办〔2026〕3号. */
  docNumber?: IssuanceField;
  /** The issuing office (offices, joined by 、, when a notice is signed jointly). */
  issuer?: IssuanceField;
  /** ISO 8601 (YYYY-MM-DD). */
  date?: IssuanceField;
  /** Set when no date could be read and a date-shaped line could not be. */
  unreadableDate?: UnreadableDate;
}

/** Lines (1-based, inclusive) that belong to the plan's body, never read for issuance. */
export interface LineRange {
  start: number;
  end: number;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const OPEN = DOC_NUMBER_BRACKETS.map(([o]) => escapeRegex(o)).join('');
const CLOSE = DOC_NUMBER_BRACKETS.map(([, c]) => escapeRegex(c)).join('');
const HAN = '\\u3400-\\u9fff';
/** 某安委办〔2026〕3号 at the start of a line: the prefix, the year, the serial. */
const DOC_NUMBER = new RegExp(`^([${HAN}]{1,20}?)\\s*[${OPEN}]\\s*((?:19|20)\\d{2})\\s*[${CLOSE}]\\s*第?\\s*(\\d{1,5})\\s*号(?=\\s|$)`, 'd');

const YEAR_CHARS = `0-9${escapeRegex(Object.keys(YEAR_DIGITS).join(''))}`;
/** A date as a notice writes it, blanks and impossible days included (they are judged by `readDate`). */
const DATE_TEXT = `[${YEAR_CHARS}]{2,4}\\s*年\\s*[^年月日\\s]{0,3}\\s*月\\s*[^年月日\\s]{0,3}\\s*日`;
const DATE_LINE = new RegExp(`^(${DATE_TEXT})$`, 'd');
const PRINTED_LINE = new RegExp(`^(.*?)\\s*(${DATE_TEXT})\\s*(?:${alt(PRINTED_WORDS)})$`, 'd');
const ISO_DATE = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/;
/** An office's name on a line of its own: Chinese, brackets and 、 only, ending as an office does. */
const ORG = `[${HAN}()、]{1,40}?(?:${alt(ISSUER_ENDINGS)})`;
const ORG_LINE = new RegExp(`^(${ORG})$`);
const RED_HEAD = new RegExp(`^(${ORG})\\s*(?:${alt(RED_HEAD_WORDS)})$`, 'd');
const TITLE = new RegExp(`^(${ORG})\\s*关于.{2,80}的(?:通知|通报|决定|意见)$`, 'd');
/** Words that no office's name holds: a line with them is a sentence or a title. */
const NOT_A_NAME = /关于|通知|印发|要点|方案|计划|意见|附件|抄送|^各/;

/** A portal's label, its letters perhaps spaced out (文  号), in brackets, before a colon or a bar, or bare. */
const labelPattern = (word: string) => [...word].map(escapeRegex).join('\\s*');
const FIELD_KINDS = Object.entries(ISSUANCE_LABELS) as [keyof typeof ISSUANCE_LABELS, readonly string[]][];
const ALL_LABELS = [...FIELD_KINDS.flatMap(([, words]) => words), ...PORTAL_LABELS];
const LABEL_WORDS = [...new Set(ALL_LABELS)].sort((a, b) => b.length - a.length);
const FIELD_LINE = new RegExp(`^[\\s[|•·●▪*-]*(?:${LABEL_WORDS.map(labelPattern).join('|')})`);
const LABEL = new RegExp(`(?<=^|[\\s[\\]|])(?:${LABEL_WORDS.map(labelPattern).join('|')})\\s*\\]?\\s*[:|]?`, 'dg');
const NAME_FIELD = new RegExp(`^[${HAN}()、]{2,40}$`);

type DateReading = { date: string } | { reason: string };

/**
 * A date written in a notice: `2026年3月1日`, `二〇二六年三月一日`, full-width digits, `2026-03-01`.
 * `undefined` when the text is no date at all; a reason when it is one that names no day.
 */
export function readDate(written: string): DateReading | undefined {
  const text = written.normalize('NFKC').replace(/\s+/g, '');
  const iso = ISO_DATE.exec(text);
  const parts = iso ? [iso[1]!, iso[2]!, iso[3]!] : /^(.+)年(.*)月(.*)日$/.exec(text)?.slice(1);
  if (!parts) return undefined;
  const [y, m, d] = parts as [string, string, string];
  const year = /^\d{4}$/.test(y)
    ? Number(y)
    : [...y].length === 4 && [...y].every((c) => c in YEAR_DIGITS)
      ? Number([...y].map((c) => YEAR_DIGITS[c]).join(''))
      : undefined;
  if (year === undefined) return { reason: `year \`${y}\` is not four digits` };
  if (m === '') return { reason: 'no month' };
  if (d === '') return { reason: 'no day' };
  const month = /^\d{1,2}$/.test(m) ? Number(m) : chineseToNumber(m);
  const day = /^\d{1,2}$/.test(d) ? Number(d) : chineseToNumber(d);
  if (month === undefined || month < 1 || month > 12) return { reason: `no month \`${m}\`` };
  if (day === undefined || day < 1 || day > 31) return { reason: `no day \`${d}\`` };
  const at = new Date(Date.UTC(year, month - 1, day));
  if (at.getUTCMonth() !== month - 1) return { reason: `${year}-${month} has no day ${day}` };
  if (year < 1949 || year > 2200) return { reason: `year ${year} is out of range` };
  return { date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

interface Line {
  number: number;
  /** Trimmed text, as written. */
  text: string;
  /** The same, Simplified and half-width (src/lib/normalize.ts), offset for offset: what the patterns read. */
  view: string;
  /** 1-based column of the trimmed text. */
  column: number;
}

/** A line of the plan; its view is made when a pattern first reads it (most lines are the body's, read by nothing here). */
class ReadLine implements Line {
  readonly number: number;
  readonly text: string;
  readonly column: number;
  readonly body: boolean;
  #view: string | undefined;
  constructor(number: number, text: string, column: number, body: boolean) {
    this.number = number;
    this.text = text;
    this.column = column;
    this.body = body;
  }
  get view(): string {
    if (this.#view === undefined) this.#view = matchView(this.text);
    return this.#view;
  }
}

function isName(view: string): boolean {
  return ORG_LINE.test(view) && !NOT_A_NAME.test(view);
}

/** The plan's 文号, issuer and date as its text gives them. `body`: lines of the plan's parts and tasks. */
export function readIssuance(source: string, body: readonly LineRange[] = []): Issuance {
  const raws = source.split(/\r\n|\r|\n/);
  // Which lines are the body's, marked once (not every range asked of every line).
  const inBody = new Uint8Array(raws.length + 2);
  for (const r of body) inBody.fill(1, Math.max(0, r.start), Math.min(inBody.length, r.end + 1));
  const all: (Line & { body: boolean })[] = [];
  raws.forEach((raw, i) => {
    const text = raw.replace(/^[\s\u3000\ufeff]+|[\s\u3000]+$/g, '');
    if (text !== '') all.push(new ReadLine(i + 1, text, raw.indexOf(text) + 1, inBody[i + 1] === 1));
  });
  const lines: Line[] = all.filter((l) => !l.body);

  /** The field of `line` from offset `from` to `to` (of its trimmed text), `value` or the text there. */
  const field = (line: Line, from: number, to: number, value?: string): IssuanceField => ({
    value: value ?? line.text.slice(from, to),
    text: line.text.slice(from, to),
    line: line.number,
    column: line.column + from,
  });
  const group = (m: RegExpExecArray, g: number): [number, number] => m.indices![g]!;
  const docNumberOf = (line: Line, m: RegExpExecArray, at = 0): IssuanceField => {
    const [from, to] = [at + m.index, at + m.index + m[0].length];
    const prefix = line.text.slice(at + group(m, 1)[0], at + group(m, 1)[1]);
    return field(line, from, to, `${prefix}〔${m[2]}〕${m[3]}号`);
  };

  const labelled: Partial<Record<keyof typeof ISSUANCE_LABELS, { rank: number; field: IssuanceField }>> = {};
  let docNumber: IssuanceField | undefined;
  let signed: { issuer?: IssuanceField; date: IssuanceField } | undefined;
  let printed: { issuer?: IssuanceField; date: IssuanceField } | undefined;
  let redHead: IssuanceField | undefined;
  let titled: IssuanceField | undefined;
  let unreadable: UnreadableDate | undefined;

  const dateOf = (line: Line, from: number, to: number): IssuanceField | undefined => {
    const reading = readDate(line.view.slice(from, to));
    if (reading && 'date' in reading) return field(line, from, to, reading.date);
    if (reading && !unreadable) unreadable = { text: line.text.slice(from, to), line: line.number, column: line.column + from, reason: reading.reason };
    return undefined;
  };

  /** A line of the portal's fields: each label's value runs to the next label. */
  const readFields = (line: Line) => {
    const labels = [...line.view.matchAll(LABEL)];
    labels.forEach((m, k) => {
      const word = m[0].replace(/[\s[\]|:]/g, '');
      const kind = FIELD_KINDS.find(([, words]) => words.some((w) => word.startsWith(w)));
      if (!kind) return;
      const rank = kind[1].findIndex((w) => word.startsWith(w));
      let from = m.index + m[0].length;
      let to = k + 1 < labels.length ? labels[k + 1]!.index : line.view.length;
      while (from < to && /[\s[\]|]/.test(line.view[from]!)) from++;
      while (to > from && /[\s[\]|]/.test(line.view[to - 1]!)) to--;
      if (from >= to) return;
      const value = line.view.slice(from, to);
      const known = labelled[kind[0]];
      if (known && known.rank <= rank) return;
      let found: IssuanceField | undefined;
      if (kind[0] === 'date') found = dateOf(line, from, to);
      else if (kind[0] === 'docNumber') {
        const number = DOC_NUMBER.exec(value);
        if (number) found = docNumberOf(line, number, from);
      } else if (NAME_FIELD.test(value.replace(/\s+/g, ''))) found = field(line, from, to);
      if (found) labelled[kind[0]] = { rank, field: found };
    });
  };

  /**
   * The signing offices on the lines just above line `i` (a blank line between at most): one a line,
   * or side by side on one line (a joint 落款); `first`: the index of the topmost.
   */
  const signers = (list: readonly Line[], i: number): { issuer: IssuanceField; first: number } | undefined => {
    const names: { line: Line; names: string[] }[] = [];
    let first = i;
    for (let j = i - 1, below = list[i]!.number; j >= 0 && names.length < 4; j--) {
      const above = list[j]!;
      const pieces = above.view.split(/\s{2,}/);
      if (below - above.number > 2 || !pieces.every(isName)) break;
      // The names as written (the view is offset for offset the text).
      let at = 0;
      const written = pieces.map((piece) => {
        const from = above.view.indexOf(piece, at);
        at = from + piece.length;
        return above.text.slice(from, at);
      });
      names.unshift({ line: above, names: written });
      below = above.number;
      first = j;
    }
    if (names.length === 0) return undefined;
    const top = names[0]!.line;
    const issuer = { ...field(top, 0, top.text.length, names.flatMap((n) => n.names).join('、')), text: names.map((n) => n.line.text).join('\n') };
    return { issuer, first };
  };

  lines.forEach((line, i) => {
    const { view } = line;
    if (FIELD_LINE.test(view)) {
      readFields(line);
      return;
    }
    if (!docNumber) {
      const m = DOC_NUMBER.exec(view);
      if (m) docNumber = docNumberOf(line, m);
    }
    const dateLine = DATE_LINE.exec(view);
    if (dateLine && !signed) {
      const date = dateOf(line, 0, view.length);
      if (date) {
        const issuer = signers(lines, i)?.issuer;
        signed = { date, ...(issuer ? { issuer } : {}) };
      }
    }
    const printedLine = PRINTED_LINE.exec(view);
    if (printedLine && !printed) {
      const date = dateOf(line, ...group(printedLine, 2));
      if (date) {
        const [from, to] = group(printedLine, 1);
        const name = view.slice(from, to).trim();
        printed = { date, ...(name && isName(name) ? { issuer: field(line, from, from + name.length) } : {}) };
      }
    }
    const head = RED_HEAD.exec(view);
    if (head && !redHead && !NOT_A_NAME.test(head[1]!)) redHead = field(line, ...group(head, 1));
    const title = TITLE.exec(view);
    if (title && !titled && !NOT_A_NAME.test(title[1]!)) titled = field(line, ...group(title, 1));
  });

  // The plan's own 落款 after its last task, which the parser may leave in that task's part: a date
  // among the text's last three lines, under an office set apart from the task by a blank line or a
  // full stop (so that a table's last unit and deadline, one a line, are not taken for one).
  if (!signed) {
    for (let i = all.length - 1; i >= Math.max(0, all.length - 3) && !signed; i--) {
      const line = all[i]!;
      if (!line.body || !DATE_LINE.test(line.view)) continue;
      const found = signers(all, i);
      const before = found && all[found.first - 1];
      if (!found || (before && found.issuer.line - before.number < 2 && !/[。;!]$/.test(before.view))) continue;
      const date = dateOf(line, 0, line.view.length);
      if (date) signed = { date, issuer: found.issuer };
    }
  }

  const number = docNumber ?? labelled.docNumber?.field;
  const date = signed?.date ?? printed?.date ?? labelled.date?.field;
  const issuer = signed?.issuer ?? printed?.issuer ?? redHead ?? titled ?? labelled.issuer?.field;
  return {
    ...(number ? { docNumber: number } : {}),
    ...(issuer ? { issuer } : {}),
    ...(date ? { date } : {}),
    ...(!date && unreadable ? { unreadableDate: unreadable } : {}),
  };
}
