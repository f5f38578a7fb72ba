/**
 * Deadlines as plans state them (2022年11 月20日前, 10月底前, 年底前, 2024年6月底, 1月份, 5月:…, 长期坚持)
 * and `《…》` references. A date only counts as a deadline when the text marks it as one (前, 底,
 * 完成, a 完成时限 column or line), so that "2021年以来" or "自2019年1月1日起施行" are not deadlines.
 */
import type { Deadline } from '../schema.ts';
import { alt, DEADLINE_CUES, UNDATED_DEADLINES } from './lexicon.ts';
import { chineseToNumber } from './numerals.ts';

export interface FoundDeadline extends Deadline {
  start: number;
  end: number;
}

const N = '(\\d{1,4}|[〇零一二三四五六七八九十两]{1,4})';
const S = '\\s*';
const DATE = new RegExp(
  [
    // 2022年11月20日前 / 11月20日前 / 2024年6月底前 / 2024年6月底 / 10月底前 / 1月份 / 2024年6月
    `(?:(\\d{4})${S}年${S})?(?:(${N})${S}月${S}(?:(${N})${S}日|(底|末|中旬|上旬|下旬|份))?)`,
    // 2024年底前 / 年底前 / 年内 / 上半年 / 下半年 / 第三季度
    `(?:(\\d{4})${S}(?:年${S})?)?(年底|年末|年内|上半年|下半年|全年|第[一二三四1-4]季度|[一二三四1-4]季度)`,
    // 2025-05-07 / 2025.6.30 / 2025/6: a ledger's numeric date (a range 2024-2026 is none)
    `(?<!\\d)(\\d{4})${S}([-./])${S}(\\d{1,2})(?:${S}\\10${S}(\\d{1,2}))?(?![\\d年])`,
  ].join('|'),
  'g',
);
const CUE_AFTER = new RegExp(`^\\s*(${alt(DEADLINE_CUES)})`);
const UNDATED = new RegExp(alt(UNDATED_DEADLINES), 'g');

/** 2024 / 十一 / 二〇二四 → number. */
function toNumber(text: string | undefined): number | undefined {
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  // A year written digit by digit (二〇二四).
  if (text.length === 4 && !text.includes('十')) {
    const digits = [...text].map((c) => chineseToNumber(c));
    return digits.every((d) => d !== undefined) ? Number(digits.join('')) : undefined;
  }
  return chineseToNumber(text);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number | undefined, month: number | undefined, day: number | undefined, suffix: string | undefined): string | undefined {
  if (year === undefined || month === undefined || month < 1 || month > 12) return undefined;
  if (day !== undefined) {
    if (day < 1 || day > lastDay(year, month)) return undefined;
    return `${year}-${pad(month)}-${pad(day)}`;
  }
  if (suffix === '底' || suffix === '末' || suffix === '下旬') return `${year}-${pad(month)}-${pad(lastDay(year, month))}`;
  if (suffix === '上旬') return `${year}-${pad(month)}-10`;
  if (suffix === '中旬') return `${year}-${pad(month)}-20`;
  return `${year}-${pad(month)}`;
}

function periodDate(year: number | undefined, period: string): string | undefined {
  if (year === undefined) return undefined;
  if (/年底|年末|年内|全年|下半年/.test(period)) return `${year}-12-31`;
  if (period === '上半年') return `${year}-06-30`;
  const q = /([一二三四1-4])季度/.exec(period);
  if (q) {
    const n = '一二三四'.includes(q[1]!) ? '一二三四'.indexOf(q[1]!) + 1 : Number(q[1]);
    return `${year}-${pad(n * 3)}-${pad(lastDay(year, n * 3))}`;
  }
  return undefined;
}

/**
 * Deadlines in `view[start, end)`. `column` says the span is a deadline cell or line (完成时限:),
 * where any date counts; `year` comes from the plan's metadata or title.
 */
export function findDeadlines(view: string, text: string, start: number, end: number, year: number | undefined, column = false): FoundDeadline[] {
  const body = view.slice(start, end);
  const found: FoundDeadline[] = [];
  DATE.lastIndex = 0;
  for (let m = DATE.exec(body); m; m = DATE.exec(body)) {
    if (m[0].trim().length === 0) {
      DATE.lastIndex++;
      continue;
    }
    let matchEnd = m.index + m[0].length;
    const cue = CUE_AFTER.exec(body.slice(matchEnd));
    const isPeriod = m[8] !== undefined;
    const numeric = m[9] !== undefined;
    const suffix = m[6];
    // 年底 / 年内 / 10月底 / 1月份 read as deadlines by themselves; a bare date needs a cue.
    const selfMarked = isPeriod
      ? /年底|年末|上半年|下半年|季度/.test(m[8]!)
      : suffix === '底' || suffix === '末' || suffix === '份' || suffix === '下旬' || suffix === '中旬' || suffix === '上旬';
    // A month's plan (5月:完成采购): due within that month.
    const monthPlan =
      !isPeriod &&
      !numeric &&
      m[5] === undefined &&
      suffix === undefined &&
      m[2] !== undefined &&
      /^\s*:/.test(body.slice(matchEnd)) &&
      /(?:^|[\s。;|])$/.test(body.slice(0, m.index));
    if (!column && !cue && !selfMarked && !monthPlan) continue;
    if (isPeriod && /年内|全年/.test(m[8]!) && !column) continue;
    if (cue && /^\s*(前|之前|以前|底前)/.test(cue[0])) matchEnd += cue[0].length;
    // "2022年" written before 年底 belongs to it; a year alone before a month is in m[1].
    const explicitYear = toNumber(m[1] ?? m[7] ?? m[9]);
    const y = explicitYear ?? year;
    const date = isPeriod
      ? periodDate(y, m[8]!)
      : numeric
        ? isoDate(y, Number(m[11]), m[12] === undefined ? undefined : Number(m[12]), undefined)
        : isoDate(y, toNumber(m[2]), toNumber(m[5]), suffix);
    const s = start + m.index;
    const e = start + matchEnd;
    const deadline: FoundDeadline = { text: text.slice(s, e).trim(), start: s, end: e };
    if (date) deadline.date = date;
    found.push(deadline);
  }
  UNDATED.lastIndex = 0;
  if (column || found.length === 0) {
    for (let m = UNDATED.exec(body); m; m = UNDATED.exec(body)) {
      // In running text 持续推进 is a verb; only a cell, a line of its own or (长期坚持) states a deadline.
      const wrapped = /[(]\s*$/.test(body.slice(0, m.index)) && /^\s*[)]/.test(body.slice(m.index + m[0].length));
      if (column || wrapped) {
        found.push({ text: text.slice(start + m.index, start + m.index + m[0].length), start: start + m.index, end: start + m.index + m[0].length });
      }
    }
  }
  if (column && found.length === 0 && body.trim().length > 0 && body.trim().length <= 20) {
    const s = start + body.search(/\S/);
    found.push({ text: text.slice(s, end).trim(), start: s, end });
  }
  return found;
}

/** `《安全生产法》`: titles of laws and documents as written, brackets included, each once. */
export function findReferences(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/《[^《》\n]{1,100}》/g)) {
    if (!out.includes(m[0])) out.push(m[0]);
  }
  return out;
}
