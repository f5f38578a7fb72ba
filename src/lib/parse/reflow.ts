/**
 * Text whose line breaks were lost, read back into lines before anything else reads it.
 *
 * - A web copy that joins a whole body into one line (`一、总体思路 2024年… 二、…(一)…1、…`).
 * - A plan on a document-sharing page: the site cuts the document into chunks that it opens with
 *   its own `1、` `2、` … at the start of a line (cutting words and unit names), and inside each chunk
 *   headings, tasks and labels run together (`…制定本方案。一、工作目标按照…`).
 *
 * The site's chunk markers are blanked in the match view (so a name they cut reads whole, as
 * across a line break), and such text is cut into lines where a marker of the plan's own numbering
 * stands in sequence, and before a label glued to the unit list before it (`…残联责任单位:…`).
 * The lines keep their exact places in the source: a line may end where the next one starts, with
 * no line ending between, or hold the line endings of the chunks it crosses.
 */
import { ALL_LABELS, alt, ITEM_TITLE_OPENERS, UNIT_LABELS } from './lexicon.ts';
import type { Line } from './lines.ts';
import { readMarker } from './markers.ts';
import { chineseToNumber } from './numerals.ts';
import type { Source } from './source.ts';
import { hasGluedHeader } from './glued-table.ts';
import { csvAsTabs } from './csv.ts';

/** A site's chunk marker at the start of a line. */
const CHUNK_MARKER = /^(\d{1,2})、/;
/** A line this long with markers inside it lost its line breaks. */
const LONG_LINE = 200;
const CN = '[一二三四五六七八九十]{1,3}';
const INLINE_MARKER = new RegExp(`^(?:(${CN})、|\\((${CN})\\)|(\\d{1,2})(?:[、.](?![\\d.、])))`);
const BOUNDARY_BEFORE = /[\s。;!?:)】”」]/;
/** A label of any kind and its colon: `牵头领导:`, `责任单位:`. */
const FIELD_AFTER_SENTENCE = new RegExp(`^(?:${alt(ALL_LABELS.map((l) => l.word))})\\s*[::]`);
/** A label glued to the unit list before it: `…残联责任单位:`. */
const GLUED_LABEL = new RegExp(`^(?:${alt(UNIT_LABELS.map((l) => l.word))})\\s*:`);

export interface Reflowed {
  src: Source;
  lines: Line[];
}

interface Cut {
  at: number;
  /** 1 part, 2 section, 3 task, 0 a glued label. */
  level: number;
}

interface Run {
  /** First and last physical line. */
  first: number;
  last: number;
}

/** A web address, as a site's watermark ends with one. */
const ADDRESS = /(?:https?:\/\/)?www\.[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|cc)(?![a-z0-9-])/gi;
/** What a watermark's slogan before the address is made of: no white space, no sentence end. */
const SLOGAN = /[^\s。;]/;

/**
 * A document-sharing site's watermark pasted into the text wherever a page of it ended, inside
 * words and names too (`镇农业服务文秘优选—精品材料天天更新www.….com中心`): the same address at least
 * twice, after the same slogan. It is blanked in the match view, so that what it cuts reads whole.
 */
function blankWatermarks(src: Source, lines: Line[]): { src: Source; lines: Line[] } {
  const { view } = src;
  if (!view.includes('www.')) return { src, lines };
  const byAddress = new Map<string, number[][]>();
  ADDRESS.lastIndex = 0;
  for (let m = ADDRESS.exec(view); m; m = ADDRESS.exec(view)) {
    const key = m[0].toLowerCase();
    byAddress.set(key, [...(byAddress.get(key) ?? []), [m.index, m.index + m[0].length]]);
  }
  const ranges: number[][] = [];
  for (const found of byAddress.values()) {
    if (found.length < 2) continue;
    // The slogan: the longest text that stands before every copy of the address with text before it.
    const after = found.filter(([at]) => at! > 0 && SLOGAN.test(view[at! - 1]!)).map(([at]) => at!);
    let length = 0;
    while (after.length >= 2 && length < 30) {
      const c = view[after[0]! - length - 1];
      if (c === undefined || !SLOGAN.test(c) || !after.every((at) => view[at - length - 1] === c)) break;
      length++;
    }
    const slogan = length > 0 ? view.slice(after[0]! - length, after[0]!) : '';
    for (const [at, end] of found) ranges.push([slogan && view.startsWith(slogan, at! - length) ? at! - length : at!, end!]);
  }
  if (ranges.length === 0) return { src, lines };
  const chars = view.split('');
  for (const [a, b] of ranges) for (let k = a!; k < b!; k++) chars[k] = ' ';
  const blanked = chars.join('');
  return { src: { ...src, view: blanked }, lines: lines.map((l) => ({ ...l, view: blanked.slice(l.start, l.end) })) };
}

/** The lines to read: the physical ones, or the physical ones with lost line breaks restored. */
export function reflow(read: Source, physical: Line[]): Reflowed {
  const unmarked = blankWatermarks(read, physical);
  const { src, lines } = csvAsTabs(unmarked.src, unmarked.lines);
  const runs = findRuns(src, lines);
  if (runs.length === 0) {
    const split = splitGluedHeadings(lines) ?? lines;
    const items = cutTitledItems(src, split);
    if (items) for (const [k, line] of items.entries()) line.index = k;
    return { src, lines: items ?? split };
  }
  let view = src.view;
  const chars = view.split('');
  let blanked = false;
  for (const run of runs) {
    if (run.first === run.last) continue;
    for (let i = run.first; i <= run.last; i++) {
      const m = CHUNK_MARKER.exec(lines[i]!.view);
      if (!m) continue;
      for (let k = 0; k < m[0].length; k++) chars[lines[i]!.start + k] = ' ';
      blanked = true;
    }
  }
  if (blanked) view = chars.join('');
  const out: Line[] = [];
  let r = 0;
  for (let i = 0; i < lines.length; i++) {
    const run = runs[r];
    if (!run || i < run.first) {
      out.push(lines[i]!);
      continue;
    }
    const start = lines[run.first]!.start;
    const end = lines[run.last]!.end;
    const cuts = findCuts(view, start, end);
    const bounds = [start, ...cuts.map((c) => c.at), end];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const a = bounds[k]!;
      const b = bounds[k + 1]!;
      const last = k + 2 === bounds.length;
      // The line ending before the next marker (a PDF's number lines) ends this line.
      let e = b;
      if (!last) while (e > a && (view[e - 1] === '\n' || view[e - 1] === '\r')) e--;
      out.push({ index: 0, start: a, end: e, next: last ? lines[run.last]!.next : b, text: src.text.slice(a, e), view: view.slice(a, e) });
    }
    i = run.last;
    r++;
  }
  const split = splitGluedHeadings(out) ?? out;
  const reflowed = blanked ? { ...src, view } : src;
  const items = cutTitledItems(reflowed, split) ?? split;
  for (const [k, line] of items.entries()) line.index = k;
  return { src: reflowed, lines: items };
}

/** An item's title run into the text after a full stop: `…不得外排。关于砖瓦行业问题。`. */
const ITEM_TITLE = new RegExp(`(?:^|(?<=[。\\n]))[^\\S\\n]*((?:${alt(ITEM_TITLE_OPENERS)})[^。,;:!?]{2,30}。)`, 'g');

/**
 * A briefing's items, each opened by its title (关于砂石行业整治。县水利局牵头负责,…), run together in a
 * paragraph a PDF broke at its width: each item is cut into a line of its own, from its title to the
 * next (the lines keep the line endings they cross). Undefined when no paragraph holds three.
 */
function cutTitledItems(src: Source, lines: Line[]): Line[] | undefined {
  let changed = false;
  const out: Line[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && lines[j]!.view.trim() !== '') j++;
    if (j === i) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    const first = lines[i]!;
    const last = lines[j - 1]!;
    // The paragraph's lines, one after the other in the source (no line of another run between).
    const joined = lines.slice(i, j).every((l, k) => k === 0 || l.start === lines[i + k - 1]!.next);
    const starts: number[] = [];
    if (joined && j - i >= 3) {
      const view = src.view.slice(first.start, last.end);
      ITEM_TITLE.lastIndex = 0;
      for (let m = ITEM_TITLE.exec(view); m; m = ITEM_TITLE.exec(view)) starts.push(first.start + m.index + m[0].length - m[1]!.length);
    }
    if (starts.length < 3) {
      out.push(...lines.slice(i, j));
      i = j;
      continue;
    }
    changed = true;
    // A line of the source from `a` to `b` (its trailing white space left out), the next one at `next`.
    const lineOf = (a: number, b: number, next: number): Line => {
      let e = b;
      while (e > a && /\s/.test(src.view[e - 1]!)) e--;
      return { index: 0, start: a, end: e, next, text: src.text.slice(a, e), view: src.view.slice(a, e) };
    };
    // The lines before the first item stay as they are (a heading, an intro); one the first item opens
    // inside of ends there.
    let k0 = i;
    for (; k0 < j && lines[k0]!.end <= starts[0]!; k0++) out.push(lines[k0]!);
    if (lines[k0]!.start < starts[0]!) out.push(lineOf(lines[k0]!.start, starts[0]!, starts[0]!));
    for (let k = 0; k < starts.length; k++) {
      const final = k + 1 === starts.length;
      out.push(lineOf(starts[k]!, final ? last.end : starts[k + 1]!, final ? last.next : starts[k + 1]!));
    }
    i = j;
  }
  return changed ? out : undefined;
}

/** A task marker after a short heading on its line: `(二)科普信息化提升工程18.建设…`. */
const GLUED_TASK = /^([^。;:,]{2,30}?[\u4e00-\u9fff”)])(\d{1,3})[.、](?![\d.、])(?=\S)/;

/**
 * A part or section heading run into the first task under it (`(二)科普信息化提升工程18.建设…`):
 * two lines, where the task's number continues the plan's numbering. Undefined when there is none.
 */
function splitGluedHeadings(lines: Line[]): Line[] | undefined {
  let lastItem = 0;
  let out: Line[] | undefined;
  for (const [i, line] of lines.entries()) {
    const marker = readMarker(line.view, line.text);
    if (marker?.level === 3 && !marker.bare) lastItem = marker.value;
    if (!marker || (marker.level !== 1 && marker.level !== 2)) {
      out?.push(line);
      continue;
    }
    const m = GLUED_TASK.exec(line.view.slice(marker.end));
    const value = m ? Number(m[2]) : 0;
    if (!m || (value !== lastItem + 1 && value !== 1)) {
      out?.push(line);
      continue;
    }
    out ??= lines.slice(0, i);
    const cut = line.start + marker.end + m[1]!.length;
    const at = cut - line.start;
    out.push({ ...line, end: cut, next: cut, text: line.text.slice(0, at), view: line.view.slice(0, at) });
    out.push({ ...line, start: cut, text: line.text.slice(at), view: line.view.slice(at) });
    lastItem = value;
  }
  return out;
}

/** A line that is only a number, as a PDF's text extraction leaves one: `2024`, `4.2`, `6%`, `1.`. */
const TOKEN_LINE = /^\s*\d+(?:\.\d+)?%?\s*$/;
const MARKER_TOKEN_LINE = /^\s*\d{1,3}\.\s*$/;
/** What goes on after a number split off onto its own line: its measure, 年/月, the rest of the sentence. */
const AFTER_NUMBER = /^\s*(?:[年月日号时万亿千百个项家座处条名人次天周批期级类户亩元吨米%,。、;]|公里|千米|平方)/;

/**
 * Text extracted from a PDF with every run of digits on a line of its own (`2024` / `年工作要点`,
 * `1.` / `巩固…`, `4.2` / `万亩…`): the lines are one text, cut at the plan's markers in sequence.
 */
function tokenLines(lines: Line[]): Run | undefined {
  let markers = 0;
  let numbers = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const view = lines[i]!.view;
    if (MARKER_TOKEN_LINE.test(view) && /^\s*[\u4e00-\u9fff]/.test(lines[i + 1]!.view)) markers++;
    else if (TOKEN_LINE.test(view) && AFTER_NUMBER.test(lines[i + 1]!.view)) numbers++;
  }
  if (markers < 3 || numbers < 3) return undefined;
  let first = 0;
  while (first < lines.length && lines[first]!.view.trim() === '') first++;
  let last = lines.length - 1;
  while (last > first && lines[last]!.view.trim() === '') last--;
  return first < last ? { first, last } : undefined;
}

/** Chunk streams, single lines that hold a body run together, and a PDF's number lines. */
function findRuns(src: Source, lines: Line[]): Run[] {
  const tokens = tokenLines(lines);
  if (tokens) return [tokens];
  const runs: Run[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.view.length < LONG_LINE / 2 || line.view.includes('|') || line.view.includes('\t')) continue;
    const m = CHUNK_MARKER.exec(line.view);
    let last = i;
    if (m && Number(m[1]) === 1) {
      let expected = 2;
      while (last + 1 < lines.length) {
        const n = CHUNK_MARKER.exec(lines[last + 1]!.view);
        if (!n || Number(n[1]) !== expected) break;
        last++;
        expected++;
      }
    }
    const start = line.start;
    const end = lines[last]!.end;
    if (last === i && line.view.length < LONG_LINE) continue;
    const view = src.view.slice(start, end);
    if (hasGluedHeader(view)) {
      i = last;
      continue;
    }
    // Lost line breaks show as markers in sequence inside the text: at least a part or section
    // and one more after it.
    let blanked = view;
    if (last > i)
      for (let k = i; k <= last; k++) {
        const at = lines[k]!.start - start;
        const m = CHUNK_MARKER.exec(lines[k]!.view)!;
        blanked = blanked.slice(0, at) + ' '.repeat(m[0].length) + blanked.slice(at + m[0].length);
      }
    const cuts = findCuts(blanked, 0, blanked.length);
    // A part or section and one more after it; or, where the line is all the text there is (a
    // paper's page whose <br> were lost), its tasks in sequence alone.
    const whole = last === i && lines.every((l, k) => k === i || l.view.trim().length < 40);
    if (cuts.length >= 2 && (cuts.some((c) => c.level === 1 || c.level === 2) || (whole && cuts.filter((c) => c.level === 3).length >= 4)))
      runs.push({ first: i, last });
    i = last;
  }
  return runs;
}

/** Where the lines of `[start, end)` begin: markers in sequence and glued labels. */
function findCuts(view: string, start: number, end: number): Cut[] {
  const cuts: Cut[] = [];
  let part = 0;
  let section = 0;
  /** A part opened since the last section: its sections may number from 1 again. */
  let newPart = false;
  let item = 0;
  /** A part or section opened since the last task: its tasks may number from 1 again. */
  let restart = true;
  /** The current line is a heading so far (a part or section marker, no full stop yet). */
  let heading = false;
  let lineStart = start;
  for (let p = start; p < end; p++) {
    const c = view[p]!;
    if (c === '。') heading = false;
    const before = p > start ? view[p - 1]! : ' ';
    if (c === '(' || /[一二三四五六七八九十\d]/.test(c)) {
      const m = INLINE_MARKER.exec(view.slice(p, p + 6));
      if (m) {
        const boundary = p === start || BOUNDARY_BEFORE.test(before);
        let level = 0;
        let value = 0;
        if (m[1] !== undefined) {
          value = chineseToNumber(m[1]) ?? 0;
          if (boundary && value === part + 1) level = 1;
        } else if (m[2] !== undefined) {
          value = chineseToNumber(m[2]) ?? 0;
          // A parenthesized Chinese numeral is no word: in sequence, it needs no boundary. Sections
          // number from 1 in each part, or straight through.
          if ((value === section + 1 || (value === 1 && newPart)) && (boundary || /[\u4e00-\u9fff]/.test(before))) level = 2;
        } else {
          value = Number(m[3]);
          const inSequence = value === item + 1 || (value === 1 && restart);
          if (inSequence && !/[\d第前约近共]/.test(before) && (boundary || heading)) level = 3;
        }
        if (level > 0) {
          if (p > lineStart) cuts.push({ at: p, level });
          lineStart = p;
          if (level === 1) {
            part = value;
            newPart = true;
            heading = true;
            restart = true;
          } else if (level === 2) {
            section = value;
            newPart = false;
            heading = true;
            restart = true;
          } else {
            item = value;
            heading = false;
            restart = false;
          }
          p += m[0].length - 1;
          continue;
        }
      }
    }
    // A field after a sentence and a space (…通车。 牵头领导:X 责任单位:A): its line, with the fields after it.
    if (before === ' ' && p > lineStart + 2 && /。\s*$/.test(view.slice(Math.max(lineStart, p - 3), p)) && FIELD_AFTER_SENTENCE.test(view.slice(p, p + 12))) {
      cuts.push({ at: p, level: 0 });
      lineStart = p;
      continue;
    }
    // A label glued to a name before it (…残联责任单位:): a line of its own.
    if (/[\u4e00-\u9fff)]/.test(before) && p > lineStart + 2) {
      const label = GLUED_LABEL.exec(view.slice(p, p + 12));
      if (label && !/[::]/.test(view.slice(Math.max(lineStart, p - 2), p)) && precededByLabel(view, lineStart, p)) {
        cuts.push({ at: p, level: 0 });
        lineStart = p;
        p += label[0].length - 1;
      }
    }
  }
  return cuts;
}

/** The text of the line before `p` holds a label of its own (`牵头单位:A、B` before `责任单位:`). */
function precededByLabel(view: string, lineStart: number, p: number): boolean {
  const text = view.slice(lineStart, p);
  const colon = Math.max(text.lastIndexOf(':'), text.lastIndexOf(':'));
  if (colon < 0) return false;
  // Only units between that label and this one: no full stop or comma.
  return !/[。,;]/.test(text.slice(colon + 1));
}
