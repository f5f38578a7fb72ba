/**
 * 任务分工 tables as they survive in text. A header row is found by its words (table-cells.ts), in
 * any of the shapes web, Word, Excel and PDF copies leave:
 * - `pipe`: cells between `|` (Markdown too: `| --- |` rules, `<br>` inside a cell);
 * - `tab`: cells between tabs, as Excel pastes them (a cell with line breaks in double quotes);
 * - `spaces`: columns aligned by runs of spaces (a PDF text layer), cells wrapping onto more lines;
 * - `words`: cells between single spaces (a web table copied as text), an extra space an empty cell;
 * - `stream`: one cell per line, with or without ` |`, blank lines or lines of only `|` between;
 * - `glued`: a header run together (`序号重点任务牵头单位…`), rows run together after it.
 * Each row becomes a task (or a part, for `一、…` rows). Cells go to columns by what they hold
 * (alignCells), so a row that lost its merged cells still reads right; a row with no serial under a
 * merged 序号 is more of the task above.
 */
import { charClass } from './chars.ts';
import { PAGE_NUMBER, type LineInfo } from './classify.ts';
import { alt, DEADLINE_CELL_END, MAIN_COLUMN_LEADS_NOTE, NOTE_LABELS, ROLE_WORDS, type ColumnRole } from './lexicon.ts';

const MAIN_LEADS = new RegExp(MAIN_COLUMN_LEADS_NOTE);
/** A line that goes on with the one before: a closer, a separator or a role word first (头)、县政府 / 牵头,县水利局). */
const FRAGMENT_START = new RegExp(`^(?:[)、,]|${alt(ROLE_WORDS.map((w) => w.word))})`);
import type { Line } from './lines.ts';
import { readMarker, type Marker } from './markers.ts';
import type { Source } from './source.ts';
import { alignCells, cellKind, headerRole, isHeaderRow, joinsHeader, type CellKind } from './table-cells.ts';
import { findGluedTables } from './glued-table.ts';
import { isClosingLine } from './preamble.ts';
import { hasUnitEnding, isPersonLike, isUnitLike, opensWithPlace, recognizeUnits } from './units.ts';

export type { ColumnRole };

export type TableMode = 'pipe' | 'tab' | 'spaces' | 'words' | 'stream' | 'glued';

export interface Piece {
  start: number;
  end: number;
  /** Which row of the task the piece was written in: rows under a merged 序号 count from 0. */
  row?: number;
}

export interface Cell {
  role: ColumnRole;
  /** Index of the column in the table's header. */
  column: number;
  /** Where the cell is written: one piece, or several when it wraps between other columns' cells. */
  pieces: Piece[];
  /**
   * The pieces are lines a PDF wrapped (aligned columns): read as one text. Otherwise each line of
   * a cell is a line of its own (units one a line in an Excel or web cell).
   */
  wrapped?: boolean;
  /** The lines are fragments of one text broken anywhere (县生态环⏎境分局): read with no break between them. */
  glued?: boolean;
  /** The column's header cell, where it holds a note on how to read the column (责任部门(加*号为牵头部门)). */
  note?: string;
}

export interface TableRow {
  firstLine: number;
  lastLine: number;
  /** Offsets of the row, where rows share lines (a table run together); else its lines. */
  start?: number;
  end?: number;
  kind: 'row' | 'part' | 'header';
  /** A part or section row (`一、…` with empty cells). */
  marker?: Marker;
  /** The row's 序号, when it has one. */
  serial?: { start: number; end: number; value: number; text: string };
  cells: Cell[];
  /** Hierarchy markers that open the row's text cells (`(一)…`, `1.…`, `(1)…`), in order. */
  markers: { cell: number; marker: Marker; start: number }[];
  /**
   * Unit cells of the row above that a merged cell spans into this row: a row that lost its
   * 责任领导 and 牵头单位 cells to the merge keeps the lead of the row above.
   */
  inherited?: Cell[];
  /**
   * The row's merged unit cells were dropped and the cells after them moved left, with empty cells
   * at the end instead (`| 已完成。… | | |`): its units are those of the row above.
   */
  lostUnits?: boolean;
  /** A delimited row with fewer cells than the header: cells merged over several rows were dropped from it. */
  short?: boolean;
}

export interface Table {
  headerFirst: number;
  headerLast: number;
  columns: ColumnRole[];
  mode: TableMode;
  /** Cells split by lines of only `|` (see Header). */
  bars?: boolean;
  /** One cell a line with a blank line after each: a web page's cells copied as paragraphs, its merged cells written once. */
  spaced?: boolean;
  /** The header's cells as written (empty for a merged one). */
  headerCells: string[];
  /** Where the header starts, for a table run together inside a line. */
  start?: number;
  rows: TableRow[];
  lastLine: number;
}

const UNIT_ROLES = new Set<ColumnRole>(['lead', 'support', 'responsible']);
/** How many of a table's columns hold units. */
function unitColumnCount(table: Table): number {
  return table.columns.filter((r) => UNIT_ROLES.has(r)).length;
}

/** A row's 序号: `12`, `12.`, `12、`, or starred as a table marks some rows (`5*`, `★6`). */
const SERIAL = /^\s*[★*]?\s*(\d{1,4})\s*(?:[.、*★]\s*)?$/;
/** A serial glued to the text of its row: `1开展…`. */
const GLUED_SERIAL = /^\s*(\d{1,4})(?![年月日号时个万亿项家所座处条名人次天周批期级类.\d])(?=[\u4e00-\u9fff“《])/;
const TABLE_END = new RegExp(`^\\s*(?:${alt(NOTE_LABELS)}|备注|附件|附表|附:)\\s*[:：\\d一二三(]|^\\s*(?:${alt(NOTE_LABELS)})\\s*$`);
/** A part's row written as a line of its own in a delimited table: `一、项目建设类`. */
const PART_ROW = /^\s*[一二三四五六七八九十]{1,3}[、.]/;
const RULE = /^\s*\|?\s*:?-{3,}/;
/** A task's number glued to a month: `2.9月底前…`, `9.10月底前…`. */
const GLUED_MONTH = /^\s*\d{1,3}\s*[.、]\s*(?:1[0-2]|[1-9])\s*月/;
const ONLY_PIPES = /^[\s|]*$/;

interface RawCell extends Piece {
  /** Display column where the cell starts (spaces mode). */
  x?: number;
  /** What the cell holds, when it was read already (a PDF's hard-wrapped cell). */
  kind?: CellKind;
  /** The cell's lines are fragments of one text, wrapped at the column's width: read joined. */
  glued?: boolean;
}

// ── Header ──────────────────────────────────────────────────────────────────

interface Header {
  first: number;
  last: number;
  mode: TableMode;
  cells: string[];
  columns: ColumnRole[];
  /** Display columns where each header cell starts (spaces mode). */
  xs?: number[];
  /** One cell per line group, groups split by lines of only `|` (a cell may take several lines). */
  bars?: boolean;
}

const PIPE_OR_SPACE = charClass('|', { space: true });

function trimPiece(view: string, start: number, end: number): [number, number] {
  while (start < end && PIPE_OR_SPACE.has(view.charCodeAt(start))) start++;
  while (end > start && PIPE_OR_SPACE.has(view.charCodeAt(end - 1))) end--;
  return [start, end];
}

/**
 * Cells of a pipe row, with their offsets; outer empty cells from leading/trailing pipes dropped.
 * `opensWithPipe: false` when the table's header opens with no pipe: a row that does then opens
 * with an empty cell (a merged 序号 written out from a grid: ` | 工程建设… | …`).
 */
function pipeCells(line: Line, view: string, opensWithPipe = true): RawCell[] {
  const cells: RawCell[] = [];
  let from = line.start;
  for (let i = line.start; i <= line.end; i++) {
    if (i === line.end || view[i] === '|') {
      cells.push({ start: from, end: i });
      from = i + 1;
    }
  }
  const blank = (c: RawCell) => view.slice(c.start, c.end).trim() === '';
  if (opensWithPipe && cells.length > 1 && blank(cells[0]!) && view.slice(line.start, line.end).trimStart().startsWith('|')) cells.shift();
  // `| a | b | |` keeps its empty last cell; padding beyond the header's columns goes in makeRow.
  if (cells.length > 1 && blank(cells.at(-1)!) && view.slice(line.start, line.end).trimEnd().endsWith('|')) cells.pop();
  return cells.map((c) => {
    const [s, e] = trimPiece(view, c.start, c.end);
    return { start: s, end: e };
  });
}

/** Cells between single spaces; each space more than one stands for an empty cell. */
function wordCells(line: { start: number; end: number }, view: string): RawCell[] {
  const cells: RawCell[] = [];
  let i = line.start;
  while (i < line.end && view[i] === ' ') i++;
  let start = i;
  while (i < line.end) {
    if (view[i] !== ' ') {
      i++;
      continue;
    }
    cells.push({ start, end: i });
    let j = i;
    while (j < line.end && view[j] === ' ') j++;
    if (j >= line.end) {
      start = j;
      break;
    }
    for (let k = i + 1; k < j; k++) cells.push({ start: k, end: k });
    start = j;
    i = j;
  }
  if (start < line.end) cells.push({ start, end: line.end });
  // A word spaced out letter by letter (指 标 名 称, 王 梅) is one cell.
  const out: RawCell[] = [];
  const single = (c: RawCell) => c.end - c.start === 1 && /[\u4e00-\u9fff]/.test(view[c.start]!);
  for (let k = 0; k < cells.length; k++) {
    let m = k;
    while (m + 1 < cells.length && single(cells[k]!) && single(cells[m + 1]!) && cells[m + 1]!.start - cells[m]!.end === 1) m++;
    out.push(m > k ? { start: cells[k]!.start, end: cells[m]!.end } : cells[k]!);
    k = m;
  }
  return out;
}

/**
 * Display width of a character: CJK and full-width forms take two columns, and so do the
 * punctuation marks of ambiguous width (“ ” ‘ ’ … — ·) in Chinese text.
 */
function width(code: number): number {
  if ((code >= 0x2018 && code <= 0x201f) || code === 0x2026 || code === 0x2014 || code === 0x00b7 || code === 0x2015) return 2;
  return code >= 0x1100 &&
    (code <= 0x115f ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6))
    ? 2
    : 1;
}

/** Chunks of a line separated by runs of two or more spaces, with their display columns. */
function spaceCells(line: Line, text: string): RawCell[] {
  const cells: RawCell[] = [];
  let x = 0;
  let i = line.start;
  while (i < line.end) {
    const c = text[i]!;
    if (c === ' ' || c === '\u3000' || c === '\t') {
      x += c === '\u3000' ? 2 : c === '\t' ? 8 - (x % 8) : 1;
      i++;
      continue;
    }
    const start = i;
    const startX = x;
    let end = i;
    while (i < line.end) {
      const ch = text[i]!;
      if (ch === '\t' || ch === '\u3000') break;
      // One space inside a chunk (市卫生健康委 市医保局); two end it.
      if (ch === ' ' && (i + 1 >= line.end || text[i + 1] === ' ')) break;
      x += width(text.charCodeAt(i));
      i++;
      if (ch !== ' ') end = i;
    }
    cells.push({ start, end, x: startX });
  }
  return cells;
}

/**
 * A chunk that runs across a column's start (the text column written flush against the units, with
 * one space between) is cut at the single space nearest that start.
 */
function splitAtColumns(src: Source, cells: RawCell[], xs: number[]): RawCell[] {
  const out: RawCell[] = [];
  for (const cell of cells) {
    let current = cell;
    for (;;) {
      let x = current.x!;
      let cut = -1;
      let cutX = 0;
      const boundary = xs.find((b) => b > current.x! + 2);
      if (boundary === undefined) break;
      for (let i = current.start; i < current.end; i++) {
        if (src.text[i] === ' ' && Math.abs(x + 1 - boundary) <= 3 && (cut < 0 || Math.abs(x + 1 - boundary) < Math.abs(cutX - boundary))) {
          cut = i;
          cutX = x + 1;
        }
        x += width(src.text.charCodeAt(i));
      }
      if (cut < 0 || x <= boundary) break;
      out.push({ start: current.start, end: cut, x: current.x! });
      current = { start: cut + 1, end: current.end, x: cutX };
    }
    out.push(current);
  }
  return out;
}

const GLUED_HEADER_WORDS =
  /序号|编号|重点任务|工作任务|主要任务|具体任务|任务内容|工作内容|工作措施|具体措施|主要内容|项目名称|牵头单位|牵头部门|配合单位|配合部门|责任单位|责任部门|完成时限|完成时间|时间节点|时限要求|责任领导|备注|任务/g;

/** The header row that starts at line `i`, in whichever shape it is written. */
export function headerAt(src: Source, lines: Line[], i: number): Header | undefined {
  const line = lines[i];
  if (!line) return undefined;
  const view = line.view;
  if (view.trim() === '' || view.length > 400) return undefined;
  const texts = (cells: RawCell[]) => cells.map((c) => src.view.slice(c.start, c.end));
  // One line with pipes, tabs or runs of spaces.
  const shapes: [TableMode, RawCell[]][] = [];
  if (view.includes('|')) shapes.push(['pipe', pipeCells(line, src.view)]);
  // A tab header may hold a quoted cell with a line break in it ("完成⏎时限").
  let tabLast = i;
  // …and a header whose first cell is quoted over lines ("测评⏎项目"⇥指标名称⇥…).
  if (view.includes('\t') || (view.trimStart().startsWith('"') && !view.includes('|') && lines[i + 1]?.view.includes('\t'))) {
    const record = tabRecord(src, lines, i);
    tabLast = record.lastLine;
    shapes.push(['tab', record.cells]);
  }
  if (/\S {2,}\S/.test(view)) shapes.push(['spaces', spaceCells(line, src.text)]);
  else if (/\S \S/.test(view) && !view.includes('|') && !view.includes('\t')) shapes.push(['words', wordCells(line, src.view)]);
  for (const [mode, found] of shapes) {
    let cells = found;
    // Word's text copy of a table breaks a header cell over two lines, unquoted (责任 ⏎ 县领导).
    if (mode === 'tab' && lines[tabLast + 1]?.view.includes('\t')) {
      const names = texts(cells).map((t) => t.trim());
      const below = tabRecord(src, lines, tabLast + 1);
      const rest = texts(below.cells).map((t) => t.trim());
      if (names.length > 0 && joinsHeader(names.at(-1)!, rest[0]!)) {
        const joined = [...names.slice(0, -1), names.at(-1)! + rest[0]!, ...rest.slice(1)];
        if (isHeaderRow(joined)) return { first: i, last: below.lastLine, mode, cells: joined, columns: joined.map((t) => headerRole(t) ?? 'note') };
      }
    }
    const words = texts(cells).filter((t) => t.trim() !== '');
    if (!isHeaderRow(words)) continue;
    // Aligned columns: a header cell may go on on the next line, under itself (责任县 ⏎ 领导).
    let spacesLast = i;
    if (mode === 'spaces' && lines[i + 1]) {
      const below = spaceCells(lines[i + 1]!, src.text);
      const joined = below.length > 0 && below.every((c) => src.view.slice(c.start, c.end).trim().length <= 4 && cells.some((h) => Math.abs(h.x! - c.x!) <= 2));
      if (joined) {
        const names = texts(cells);
        for (const c of below) {
          const k = cells.findIndex((h) => Math.abs(h.x! - c.x!) <= 2);
          names[k] = names[k]! + src.view.slice(c.start, c.end).trim();
        }
        spacesLast = i + 1;
        return { first: i, last: spacesLast, mode, cells: names, columns: names.map((t) => headerRole(t) ?? 'note'), xs: cells.map((c) => c.x!) };
      }
    }
    cells = found;
    // Empty header cells between filled ones are columns too (a merged two-row header: 2025年计划
    // over 投资 and 年度目标); leading and trailing empty ones are not.
    const firstFilled = cells.findIndex((c) => c.end > c.start);
    const lastFilled = cells.findLastIndex((c) => c.end > c.start);
    const kept = cells.filter((c, k) => k >= firstFilled && k <= lastFilled && (c.end > c.start || mode === 'pipe' || mode === 'tab'));
    return {
      first: i,
      last: mode === 'tab' ? tabLast : i,
      mode,
      cells: texts(kept),
      columns: texts(kept).map((t) => headerRole(t) ?? 'note'),
      ...(mode === 'spaces' ? { xs: kept.map((c) => c.x!) } : {}),
    };
  }
  // A header run together: only header words.
  const compact = view.replace(/\s+/g, '');
  const glued = compact.match(GLUED_HEADER_WORDS);
  if (glued && glued.length >= 3 && glued.join('').length >= compact.length - 2 && !view.includes('|') && isHeaderRow(glued)) {
    return { first: i, last: i, mode: 'glued', cells: glued, columns: glued.map((t) => headerRole(t) ?? 'note') };
  }
  // Header cells split by lines of only `|`, each cell on one or more lines (责任 ⏎ 领导).
  if (!view.includes('|') && ONLY_PIPES.test(lines[i + 1]?.view ?? 'x') && (lines[i + 1]?.view.trim() ?? '') !== '') {
    const groups = barGroups(lines, i, 16);
    const texts = groups.map((g) =>
      lines
        .slice(g[0], g[1] + 1)
        .map((l) => l.view.trim())
        .join(''),
    );
    let n = 0;
    while (n < texts.length && headerRole(texts[n]!) !== undefined) n++;
    if (n >= 3 && isHeaderRow(texts.slice(0, n))) {
      return {
        first: i,
        last: groups[n - 1]![1],
        mode: 'stream',
        cells: texts.slice(0, n),
        columns: texts.slice(0, n).map((t) => headerRole(t) ?? 'note'),
        bars: true,
      };
    }
  }
  // Header cells one per line (`序号`, `序号 |`), with blank lines or lines of only `|` between.
  const cells: string[] = [];
  let j = i;
  let last = i;
  while (j < lines.length && cells.length < 16) {
    const v = lines[j]!.view.trim();
    if (v === '' || ONLY_PIPES.test(v)) {
      if (cells.length === 0) return undefined;
      j++;
      continue;
    }
    const cell = v.replace(/^\|\s*|\s*\|$/g, '').trim();
    if (cell.length > 14 || cell.includes('|')) break;
    if (cells.length > 0 && joinsHeader(cells.at(-1)!, cell)) {
      cells[cells.length - 1] += cell;
      last = j;
      j++;
      continue;
    }
    if (headerRole(cell) === undefined) {
      // The first half of a header word broken across two lines (整改 ⏎ 时限).
      let k = j + 1;
      while (k < lines.length && (lines[k]!.view.trim() === '' || ONLY_PIPES.test(lines[k]!.view))) k++;
      const following = lines[k]?.view.trim().replace(/^\|\s*|\s*\|$/g, '') ?? '';
      if (joinsHeader(cell, following)) {
        cells.push(cell + following);
        last = k;
        j = k + 1;
        continue;
      }
      // A header word the lexicon does not know (监督主体, 联系电话) between words it knows: a note column.
      // (Or a measure of the period: 1-8月实际完成率%.)
      if (cells.length >= 2 && (/^[\u4e00-\u9fff]{2,8}$/.test(cell) || PERIOD_HEADER.test(cell)) && knownHeaderAhead(lines, j + 1)) {
        cells.push(cell);
        last = j;
        j++;
        continue;
      }
      break;
    }
    cells.push(cell);
    last = j;
    j++;
  }
  if (cells.length < 3 || !isHeaderRow(cells)) return undefined;
  // 序号 opens a header: a title line above it (…整改任务清单) is no column; a category or a name
  // column may stand before it (工程名称 ⏎ 序号 …).
  const serialAt = cells.findIndex((c) => headerRole(c) === 'number');
  if (serialAt > 0 && !cells.slice(0, serialAt).every(headsBeforeSerial)) return undefined;
  return { first: i, last, mode: 'stream', cells, columns: cells.map((t) => headerRole(t) ?? 'note') };
}

/** A header cell that names a period's figure: `1-8月实际完成率%`, `1—6月完成(万元)`. */
const PERIOD_HEADER = /^\d{1,2}\s*[-—~至]\s*\d{1,2}\s*月[\u4e00-\u9fff]{2,8}(?:%|[(（][^()（）]{1,4}[)）])?$/;

/** A header cell a table may hold before its 序号: a category, the name of a group of rows (工程名称), or a unit column merged over its group (牵头单位). */
function headsBeforeSerial(cell: string): boolean {
  const role = headerRole(cell);
  return role === 'category' || (role === 'text' && /^[\u4e00-\u9fff]{0,4}名称$/.test(cell)) || (role !== undefined && UNIT_ROLES.has(role));
}

/** Whether one of the next three cell lines from `k` is a short header word the lexicon knows, before any serial. */
function knownHeaderAhead(lines: Line[], k: number): boolean {
  for (let seen = 0; k < lines.length && seen < 3; k++) {
    const v = lines[k]!.view.trim();
    if (v === '' || ONLY_PIPES.test(v)) continue;
    const cell = v.replace(/^\|\s*|\s*\|$/g, '').trim();
    if (/^\d/.test(cell) || cell.length > 8) return false;
    if (headerRole(cell) !== undefined) return true;
    seen++;
  }
  return false;
}

/** Runs of lines between lines of only `|`, from line `i`: [first, last] of each, at most `limit`. */
function barGroups(lines: Line[], i: number, limit: number): [number, number][] {
  const groups: [number, number][] = [];
  let first = -1;
  for (let j = i; j < lines.length && groups.length < limit; j++) {
    const v = lines[j]!.view;
    if (v.trim() !== '' && ONLY_PIPES.test(v)) {
      if (first >= 0) groups.push([first, j - 1]);
      first = -1;
      continue;
    }
    if (v.trim() === '') break;
    if (first < 0) first = j;
  }
  if (first >= 0 && groups.length < limit) groups.push([first, lines.length - 1]);
  return groups;
}

/** Whether line `i` opens a table (the preamble ends there). */
export function startsTable(src: Source, lines: Line[], i: number): boolean {
  return headerAt(src, lines, i) !== undefined;
}

// ── Rows ────────────────────────────────────────────────────────────────────

interface Record {
  firstLine: number;
  lastLine: number;
  cells: RawCell[];
}

interface Builder {
  src: Source;
  table: Table;
  /** Serial of the last row (for rows under a merged 序号, and for stream serials). */
  lastSerial: number;
  previous?: TableRow;
  /** Columns whose markers number items inside a cell (`1.…; 2.…;`), not blocks. */
  itemColumns?: Set<number>;
}

function kindsOf(src: Source, cells: RawCell[]): CellKind[] {
  return cells.map((c) => c.kind ?? cellKind(src, c.start, c.end));
}

/** Is this record the header again (after a page break)? */
function isHeaderRecord(src: Source, cells: RawCell[]): boolean {
  return isHeaderRow(cells.map((c) => src.view.slice(c.start, c.end)));
}

function partMarker(src: Source, cells: RawCell[]): Marker | undefined {
  const filled = cells.filter((c) => src.view.slice(c.start, c.end).trim() !== '');
  if (filled.length !== 1) return undefined;
  const c = filled[0]!;
  const marker = readMarker(src.view.slice(c.start, c.end), src.text.slice(c.start, c.end));
  return marker && marker.level <= 2 && !marker.bare ? marker : undefined;
}

/** Build a row from its cells: serial, markers in text cells, cells placed in columns. */
function makeRow(b: Builder, firstLine: number, lastLine: number, raw: RawCell[], positional: boolean, startColumn = 0): TableRow {
  const { src, table } = b;
  const columns = table.columns;
  const row: TableRow = { firstLine, lastLine, kind: 'row', cells: [], markers: [] };
  let cells = raw;
  // The serial: a bare number in the first place of a table with a 序号 column.
  const numberColumn = columns.indexOf('number');
  // A category or name column before the 序号 (工程名称 ⏎ 序号 …): its cell, where the row has one, before the serial.
  let before: RawCell | undefined;
  if (
    numberColumn > 0 &&
    cells.length > 1 &&
    !SERIAL.test(src.view.slice(cells[0]!.start, cells[0]!.end)) &&
    SERIAL.test(src.view.slice(cells[1]!.start, cells[1]!.end))
  ) {
    before = cells[0];
    cells = cells.slice(1);
  }
  const first = cells.find((c) => src.view.slice(c.start, c.end).trim() !== '');
  const firstText = first ? src.view.slice(first.start, first.end) : '';
  const serial = first ? SERIAL.exec(firstText) : null;
  const glued = first && !serial && numberColumn === 0 ? GLUED_SERIAL.exec(firstText) : null;
  let offset = 0;
  if (serial && (numberColumn >= 0 || cells.indexOf(first!) === 0)) {
    row.serial = { start: first!.start, end: first!.end, value: Number(serial[1]), text: src.text.slice(first!.start, first!.end) };
    offset = numberColumn >= 0 ? numberColumn + 1 : 1;
    cells = cells.slice(cells.indexOf(first!) + 1);
  } else if (glued) {
    const end = first!.start + glued[0].length;
    row.serial = { start: first!.start, end, value: Number(glued[1]), text: src.text.slice(first!.start, end) };
    offset = numberColumn + 1;
    cells = [{ start: end, end: first!.end }, ...cells.slice(cells.indexOf(first!) + 1)];
  }
  const dataColumns = columns.slice(offset);
  // One cell where several columns are wanted: the cells ran together.
  if (cells.length === 1 && dataColumns.filter((c) => c !== 'note' && c !== 'person').length > 1) cells = splitRunTogether(src, cells[0]!, dataColumns);
  const shift = row.serial ? offset : startColumn;
  const placeColumns = columns.slice(shift);
  // Ragged ends (`| a | b | ||`): empty cells beyond the header's columns are padding.
  while (cells.length > placeColumns.length && src.view.slice(cells.at(-1)!.start, cells.at(-1)!.end).trim() === '') cells = cells.slice(0, -1);
  let kinds = kindsOf(src, cells);
  if (positional && cells.length < placeColumns.length) row.short = true;
  // Merged unit cells dropped and the rest moved left, empty cells padding the end: text where the
  // first unit column is, nothing where units should be. The trailing padding goes; the cells are
  // placed by what they hold.
  if (positional && cells.length === placeColumns.length && kinds.at(-1) === 'empty') {
    const unitAt = placeColumns.findIndex((r) => UNIT_ROLES.has(r));
    const filled = kinds.filter((k) => k !== 'empty').length;
    if (unitAt >= 0 && kinds[unitAt] === 'text' && !kinds.includes('units') && filled < placeColumns.length) {
      let end = cells.length;
      while (end > 0 && kinds[end - 1] === 'empty') end--;
      cells = cells.slice(0, end);
      kinds = kinds.slice(0, end);
      row.lostUnits = true;
    }
  }
  // One cell a line: after a deadline, a sentence starts the next row under the same 序号 (a
  // merged 序号 over two rows); each row is placed on its own.
  const segments: number[] = [0];
  if (!positional) {
    for (let k = 1; k < cells.length; k++)
      if (kinds[k - 1] === 'deadline' && (kinds[k] === 'text' || kinds[k] === 'marker') && columns.includes('deadline')) segments.push(k);
  }
  segments.forEach((from, n) => {
    const to = segments[n + 1] ?? cells.length;
    const part = cells.slice(from, to);
    const partKinds = kinds.slice(from, to);
    // Delimited rows that lost leading merged cells are right-aligned by their content; positional
    // fit is only a tie-breaker.
    const places = alignCells(partKinds, placeColumns, positional && part.length === placeColumns.length);
    const cellsBefore = row.cells.length;
    part.forEach((c, k) => {
      if (partKinds[k] === 'empty') return;
      const column = places[k]! + shift;
      const role = columns[column]!;
      const piece = n > 0 ? { start: c.start, end: c.end, row: n } : { start: c.start, end: c.end };
      const prev = row.cells.at(-1);
      const same = row.cells.slice(n > 0 ? 0 : cellsBefore).find((x) => x.column === column);
      if (prev && prev.column === column) prev.pieces.push(piece);
      else if (n > 0 && same) same.pieces.push(piece);
      else row.cells.push({ role, column, pieces: [piece], ...(c.glued ? { glued: true } : {}) });
    });
    row.cells.sort((x, y) => x.column - y.column);
  });
  if (before) row.cells.unshift({ role: columns[0]!, column: 0, pieces: [{ start: before.start, end: before.end }] });
  // Markers at the start of text cells open blocks: (一) section, 1. task, (1) sub-task.
  row.cells.forEach((cell, k) => {
    if (cell.role !== 'text' && cell.role !== 'number' && cell.role !== 'category') return;
    const p = cell.pieces[0]!;
    const cellView = src.view.slice(p.start, p.end);
    const marker = readMarker(cellView, src.text.slice(p.start, p.end));
    // A number glued to a month opens its task all the same (2.9月底前完成…): no decimal is followed by 月.
    if (marker && !marker.bare && (!marker.glued || GLUED_MONTH.test(cellView))) row.markers.push({ cell: k, marker, start: p.start });
  });
  return row;
}

/** The row has its text and a cell of units: a later heading or numbered cell starts something new. */
function hasUnitCell(row: TableRow): boolean {
  return row.cells.some((c) => UNIT_ROLES.has(c.role)) && row.cells.some((c) => c.role === 'text');
}

function rowIsComplete(row: TableRow, columns: ColumnRole[]): boolean {
  // A row is complete when it reached its last unit or deadline column.
  const lastWanted = Math.max(...columns.map((r, i) => (UNIT_ROLES.has(r) || r === 'deadline' ? i : -1)));
  return row.cells.some((c) => c.column >= lastWanted) || row.cells.some((c) => c.role === 'deadline');
}

/**
 * Place a finished row in the table: a new task, or more of the row above: the rest of a wrapped row,
 * or a row under a merged 序号 (one task per 序号, with the units and deadlines of all its rows).
 */
function pushRow(b: Builder, row: TableRow, wrapped: boolean): void {
  const { table } = b;
  if (!row.serial && row.markers.length > 0 && !table.columns.includes('number')) rowMarkers(b, row);
  if (row.serial) b.lastSerial = row.serial.value;
  else if ((wrapped || (row.markers.length === 0 && (table.columns.includes('number') || (b.previous?.markers.length ?? 0) > 0))) && b.previous) {
    // The cells continue the row above: the first continues the last cell written there. A row of
    // its own under a merged 序号 (not a wrapped line) counts as the task's next row.
    const prev = b.previous;
    const rowIndex = Math.max(0, ...prev.cells.flatMap((c) => c.pieces.map((p) => p.row ?? 0))) + (wrapped ? 0 : 1);
    for (const cell of row.cells) for (const p of cell.pieces) p.row = rowIndex;
    for (const cell of row.cells) {
      const same = prev.cells.find((c) => c.column === cell.column);
      if (same) same.pieces.push(...cell.pieces);
      else prev.cells.push(cell);
    }
    prev.cells.sort((x, y) => x.column - y.column);
    prev.lastLine = row.lastLine;
    return;
  }
  inheritMerged(b, row);
  table.rows.push(row);
  b.previous = row;
}

/**
 * The blocks a row of a table without a 序号 column opens, by the markers of its text cells (建设任务
 * | 工作事项 | 工作指标 | 任务清单: `(一)…` `1.…` `(1)…` `1.…; 2.…;`):
 * a marker less deep than one to its left in the row numbers an item inside its cell, and so do the
 * markers of that column in later rows: a row that holds only such items is more of the row above.
 */
function rowMarkers(b: Builder, row: TableRow): void {
  b.itemColumns ??= new Set();
  const items = b.itemColumns;
  // Which text column a cell is, counted from the last: a row that lost its leading merged cells
  // keeps its last text cells (the text columns before the first unit column).
  const textColumns = b.table.columns
    .slice(
      0,
      Math.max(
        0,
        b.table.columns.findIndex((r) => UNIT_ROLES.has(r)),
      ),
    )
    .filter((r) => r === 'text').length;
  const texts = row.cells.flatMap((c, k) => (c.role === 'text' ? [k] : []));
  const columnOf = (cell: number) => {
    const k = texts.indexOf(cell);
    return k < 0 || textColumns === 0 ? row.cells[cell]!.column : textColumns - texts.length + k;
  };
  const kept: TableRow['markers'] = [];
  let deepest = -1;
  // Markers per cell: a cell right of a numbered one that numbers items of its own (`1)…;⏎2)…`, a
  // 测评标准 beside its 测评内容) holds the row's task's items, deeper or not.
  const itemLines = (cell: number, level: number) =>
    row.cells[cell]!.pieces.flatMap((p) => b.src.view.slice(p.start, p.end).split('\n')).filter((l) => readMarker(l, l)?.level === level).length;
  for (const m of row.markers) {
    const column = columnOf(m.cell);
    if (m.marker.level < deepest || (deepest >= 0 && kept.at(-1)!.cell !== m.cell && itemLines(m.cell, m.marker.level) > 1)) {
      items.add(column);
      continue;
    }
    kept.push(m);
    deepest = Math.max(deepest, m.marker.level);
  }
  row.markers = kept.filter((m) => !items.has(columnOf(m.cell)));
}

/**
 * One cell a line: a row with fewer unit cells than the table has unit columns, and no person
 * where the table has a person column, lost its 责任领导 and leading unit cells to cells merged
 * over several rows. Its unit cells are the last unit columns'; the leading ones are those of the
 * row above.
 */
function inheritMerged(b: Builder, row: TableRow): void {
  const { table } = b;
  const prev = b.previous;
  // The cells of the row above, its own and those it took itself.
  const above = prev ? [...prev.cells, ...(prev.inherited ?? [])] : [];
  const take = (cells: Cell[]) => {
    if (cells.length > 0) row.inherited = [...(row.inherited ?? []), ...cells];
  };
  // A Word table copied as text (tabs between cells): a cell merged over several rows is written in
  // its first row, the rows under it leave it empty (1⇥任务⇥县农业农村局 ⏎ 2⇥任务⇥⇥配合单位): an empty 牵头
  // or 完成时限 cell is the one above it, up to the next part row.
  if (table.mode === 'tab' && prev && prev.kind === 'row' && row.serial) {
    const filled = (c: Cell | undefined) => !!c && c.pieces.some((p) => b.src.view.slice(p.start, p.end).trim() !== '');
    take(
      table.columns.flatMap((role, k) =>
        (role === 'lead' || role === 'deadline') && !filled(row.cells.find((c) => c.column === k)) ? above.filter((c) => c.column === k && filled(c)) : [],
      ),
    );
  }
  const hasUnits = row.cells.some((c) => UNIT_ROLES.has(c.role));
  // A pipe row short of cells, its task opened by a number in its text (4. … | 办公室 |): the unit
  // columns before its own unit cells were merged over it from the row above.
  // Its own unit cells are the last unit columns'.
  if (table.mode === 'pipe' && row.short && prev && prev.kind === 'row' && row.markers.some((m) => m.marker.level >= 3)) {
    const unitColumns = table.columns.flatMap((r, k) => (UNIT_ROLES.has(r) ? [k] : []));
    const own = row.cells.filter((c) => UNIT_ROLES.has(c.role));
    if (own.length >= unitColumns.length) return;
    const targets = unitColumns.slice(unitColumns.length - own.length);
    own.forEach((cell, k) => {
      cell.column = targets[k]!;
      cell.role = table.columns[cell.column]!;
    });
    row.cells.sort((x, y) => x.column - y.column);
    const missing = unitColumns.slice(0, unitColumns.length - own.length);
    take(above.filter((c) => missing.includes(c.column)));
    return;
  }
  if (row.lostUnits && prev && row.serial) {
    if (!hasUnits) take(above.filter((c) => UNIT_ROLES.has(c.role)));
    return;
  }
  // A web page's cells a paragraph each, a row with no unit cell at all under a row with one: the
  // unit cell was merged over both and written once (the copy drops it from the rows it spans).
  // A unit column before the 序号, written on its group's first row: the rows under it take it.
  const serialColumn = table.columns.indexOf('number');
  if (table.mode === 'stream' && prev && prev.kind === 'row' && row.serial && serialColumn > 0)
    take(
      table.columns
        .slice(0, serialColumn)
        .flatMap((r, k) => (UNIT_ROLES.has(r) && !row.cells.some((c) => c.column === k) ? above.filter((c) => c.column === k) : [])),
    );
  // (Only where the table has one unit column: beside a 牵头 column, an empty 配合 cell is dropped for being empty.)
  if (table.spaced && unitColumnCount(table) === 1 && prev && prev.kind === 'row' && row.serial && !hasUnits) {
    take(above.filter((c) => UNIT_ROLES.has(c.role)));
    return;
  }
  if (table.mode !== 'stream' || !prev || !row.serial || !table.columns.includes('person') || row.cells.some((c) => c.role === 'person')) return;
  const unitColumns = table.columns.flatMap((r, k) => (UNIT_ROLES.has(r) ? [k] : []));
  const own = row.cells.filter((c) => UNIT_ROLES.has(c.role));
  if (own.length === 0 || own.length >= unitColumns.length) return;
  const targets = unitColumns.slice(unitColumns.length - own.length);
  own.forEach((cell, k) => {
    cell.column = targets[k]!;
    cell.role = table.columns[cell.column]!;
  });
  row.cells.sort((x, y) => x.column - y.column);
  const inherited = unitColumns.slice(0, unitColumns.length - own.length).flatMap((k) => above.filter((c) => c.column === k));
  if (inherited.length > 0) row.inherited = inherited;
}

function readDelimited(b: Builder, lines: Line[], infos: LineInfo[], from: number, mode: 'pipe' | 'tab' | 'words'): number {
  const { src, table } = b;
  const opensWithPipe = lines[table.headerFirst]!.view.trimStart().startsWith('|');
  let i = from;
  while (i < lines.length) {
    const line = lines[i]!;
    const v = line.view;
    if (v.trim() === '') {
      // A blank line inside a table is tolerated when a row follows.
      const next = lines[i + 1]?.view ?? '';
      if (mode === 'pipe' ? next.includes('|') : mode === 'tab' ? next.includes('\t') : false) {
        i++;
        continue;
      }
      break;
    }
    if (mode === 'pipe' && !v.includes('|')) break;
    // A part row with no separator (一、项目建设类) between rows that have them.
    const separated = (text: string | undefined) => (mode === 'tab' ? !!text?.includes('\t') : mode === 'words' ? /\S \S/.test(text?.trim() ?? '') : false);
    // Part rows may follow one another (a part with no row of its own) before the next row.
    let after = i + 1;
    while (after < lines.length && !separated(lines[after]!.view) && PART_ROW.test(lines[after]!.view)) after++;
    const partLine = (mode === 'tab' || mode === 'words') && !separated(v) && PART_ROW.test(v) && separated(lines[after]?.view);
    if (mode === 'tab' && !v.includes('\t') && !partLine && !opensQuotedRecord(src, lines, i)) break;
    if (mode === 'words' && !partLine && (!/\S \S/.test(v.trim()) || infos[i]!.kind === 'chrome')) break;
    // A note row (注:1.… | | |) ends the table: its numbered lines after it are the note's.
    if (TABLE_END.test(v) && v.replace(/[\s|\t]+$/, '').split(/\s*[|\t]\s*/).length === 1) break;
    if (mode === 'pipe' && RULE.test(v)) {
      table.lastLine = i;
      i++;
      continue;
    }
    const record =
      mode === 'pipe'
        ? { firstLine: i, lastLine: i, cells: pipeCells(line, src.view, opensWithPipe) }
        : mode === 'words'
          ? wordRecord(src, lines, infos, i, table.columns.length)
          : partLine
            ? { firstLine: i, lastLine: i, cells: [{ start: line.start + (v.length - v.trimStart().length), end: line.start + v.trimEnd().length }] }
            : tabRecord(src, lines, i, table.columns.length);
    i = record.lastLine + 1;
    table.lastLine = record.lastLine;
    if (record.cells.every((c) => c.end <= c.start)) continue;
    // The header again (after a page break), or the second row of a two-row header.
    const filled = record.cells.map((c) => src.view.slice(c.start, c.end).trim()).filter(Boolean);
    const subHeader =
      table.rows.every((r) => r.kind === 'header') && filled.length > 0 && filled.length < 3 && filled.every((t) => headerRole(t) !== undefined);
    if (isHeaderRecord(src, record.cells) || subHeader) {
      if (subHeader) spreadSubHeader(table, filled);
      table.rows.push({ firstLine: record.firstLine, lastLine: record.lastLine, kind: 'header', cells: [], markers: [] });
      continue;
    }
    const part = partMarker(src, record.cells);
    if (part) {
      const c = record.cells.find((x) => src.view.slice(x.start, x.end).trim() !== '')!;
      table.rows.push({
        firstLine: record.firstLine,
        lastLine: record.lastLine,
        kind: 'part',
        marker: part,
        cells: [{ role: 'text', column: 0, pieces: [{ start: c.start, end: c.end }] }],
        markers: [],
      });
      b.previous = undefined;
      continue;
    }
    let row = makeRow(b, record.firstLine, record.lastLine, record.cells, true);
    const wrapped = !row.serial && row.markers.length === 0 && !!b.previous && !rowIsComplete(b.previous, table.columns);
    // A wrapped row goes on from the last column the row above reached.
    if (wrapped) row = makeRow(b, record.firstLine, record.lastLine, record.cells, false, Math.max(...b.previous!.cells.map((c) => c.column)));
    pushRow(b, row, wrapped);
  }
  return table.lastLine + 1;
}

/**
 * A two-row header: the second row names the columns under a merged cell of the first
 * (2025年计划 over 投资 and 年度目标). Its names go to the first run of columns, as many as it has,
 * that starts with a column of no known role and goes on with empty ones.
 */
function spreadSubHeader(table: Table, names: string[]): void {
  const cells = table.headerCells;
  for (let j = 0; j + names.length <= cells.length; j++) {
    const run = cells.slice(j, j + names.length);
    if (headerRole(run[0]!) !== undefined && run[0]!.trim() !== '') continue;
    if (!run.slice(1).every((c) => c.trim() === '')) continue;
    names.forEach((name, k) => {
      table.columns[j + k] = headerRole(name) ?? 'note';
    });
    return;
  }
}

/** A line that opens a record of a space-split table: a serial and a space, or a part's marker. */
const WORDS_RECORD_START = new RegExp(`^\\s*\\d{1,3}\\s+\\S|${PART_ROW.source}`);

/**
 * A space-split record from line `i`. A web copy drops the line breaks inside a cell into lines of
 * their own (`6 …增长5%。 区人社局` ⏎ `区农业农村局` ⏎ `区发改委,各乡镇…。`): a record of fewer cells than
 * the header goes on over the lines with no space inside until the next record starts; the last
 * lines fill its missing cells, the ones before them go on with its last cell.
 */
function wordRecord(src: Source, lines: Line[], infos: LineInfo[], i: number, width: number): Record {
  const cells = wordCells(lines[i]!, src.view);
  const more: number[] = [];
  for (let k = i + 1; k < lines.length && more.length < 6 && cells.length < width; k++) {
    const v = lines[k]!.view;
    if (v.trim() === '' || /\S \S/.test(v.trim()) || WORDS_RECORD_START.test(v) || infos[k]!.kind !== 'text' || v.trim().length > 80) break;
    more.push(k);
  }
  // Only where a record (or the table's end) comes next: a note line after the table is no cell.
  const next = lines[(more.at(-1) ?? i) + 1];
  const ends = !next || next.view.trim() === '' || WORDS_RECORD_START.test(next.view) || infos[(more.at(-1) ?? i) + 1]!.kind === 'chrome';
  if (more.length === 0 || !ends) return { firstLine: i, lastLine: i, cells };
  const missing = width - cells.length;
  const own = more.slice(Math.max(0, more.length - missing));
  const joined = more.slice(0, more.length - own.length);
  if (joined.length > 0 && cells.length > 0) {
    const last = trimPiece(src.view, lines[joined.at(-1)!]!.start, lines[joined.at(-1)!]!.end);
    cells[cells.length - 1] = { start: cells.at(-1)!.start, end: last[1] };
  }
  for (const k of own) {
    const [s, e] = trimPiece(src.view, lines[k]!.start, lines[k]!.end);
    cells.push({ start: s, end: e });
  }
  return { firstLine: i, lastLine: more.at(-1)!, cells };
}

/** A line that opens a record of its own: a serial and a tab, or a part's marker (一、…). */
const RECORD_START = new RegExp(`^\\s*\\d{1,3}\\s*\\t|${PART_ROW.source}`);

/**
 * A tab-separated record from line `i`: quoted cells may hold line breaks and `""`. With the
 * table's `width`, a record of fewer cells goes on over the next lines while they fit: Word's text
 * copy of a table leaves a cell's line breaks unquoted (推进…:⏎1.…;⏎2.…。⇥王梅⇥…), the first
 * cell of each next line going on with the last cell of the line before.
 */
function tabRecord(src: Source, lines: Line[], i: number, width = 0): Record {
  const { view } = src;
  const cells: RawCell[] = [];
  let k = lines[i]!.start;
  let cellStart = k;
  let quoted = false;
  let lastLine = i;
  const end = () => lines[lastLine]!.end;
  const fits = (next: Line | undefined) =>
    !!next && next.view.trim() !== '' && !RECORD_START.test(next.view) && cells.length + 1 + tabCount(next.view) <= width;
  // The last cell is quoted and its quote closed: the record ends with its line, whatever follows.
  let closed = false;
  while (true) {
    if (k >= end()) {
      if ((quoted || (!closed && fits(lines[lastLine + 1]))) && lastLine + 1 < lines.length) {
        lastLine++;
        k = lines[lastLine]!.start;
        continue;
      }
      break;
    }
    const c = view[k]!;
    if (quoted) {
      if (c === '"') {
        if (view[k + 1] === '"') k++;
        else {
          quoted = false;
          closed = true;
        }
      }
    } else if (c === '"' && view.slice(cellStart, k).trim() === '') quoted = true;
    else if (c !== ' ' && c !== '\u3000') closed = false;
    if (!quoted && c === '\t') {
      cells.push(unquote(view, cellStart, k));
      cellStart = k + 1;
    }
    k++;
  }
  cells.push(unquote(view, cellStart, end()));
  return { firstLine: i, lastLine, cells };
}

/** A tab record whose first cell is quoted over lines (`"Ⅰ—1⏎务⏎实"⇥…`): its first line has no tab. */
function opensQuotedRecord(src: Source, lines: Line[], i: number): boolean {
  return lines[i]!.view.trimStart().startsWith('"') && tabRecord(src, lines, i).cells.length > 1;
}

function tabCount(text: string): number {
  let n = 0;
  for (let k = text.indexOf('\t'); k >= 0; k = text.indexOf('\t', k + 1)) n++;
  return n;
}

function unquote(view: string, start: number, end: number): RawCell {
  let [s, e] = trimPiece(view, start, end);
  if (view[s] === '"' && view[e - 1] === '"' && e - s >= 2) {
    s++;
    e--;
  }
  return { start: s, end: e };
}

/** One cell per line: rows open at their serial. */
function readStream(b: Builder, lines: Line[], infos: LineInfo[], from: number): number {
  const { src, table } = b;
  let cells: RawCell[] = [];
  let firstLine = -1;
  let lastLine = -1;
  // The 序号 column: the first, or after a category or name column (工程名称 ⏎ 序号 …).
  const serialColumn = table.columns.indexOf('number');
  const numbered =
    serialColumn === 0 || (serialColumn > 0 && table.columns.slice(0, serialColumn).every((r) => r === 'text' || r === 'category' || UNIT_ROLES.has(r)));
  const isSerial = (c: RawCell | undefined) => !!c && SERIAL.test(src.view.slice(c.start, c.end).trim());
  const flush = () => {
    if (cells.length === 0) return;
    if (isHeaderRecord(src, cells)) table.rows.push({ firstLine, lastLine, kind: 'header', cells: [], markers: [] });
    else {
      // A PDF's cells, each hard-wrapped, or short ones run together on a line (foldWrapped says which).
      const serial = !numbered ? 0 : isSerial(cells[0]) ? 1 : serialColumn > 0 && isSerial(cells[1]) ? 2 : 0;
      const tail = src.view.slice(cells.at(-1)!.start, cells.at(-1)!.end);
      const dataColumns = table.columns.length - (numbered ? serialColumn + 1 : 0);
      const folded =
        cells.length - serial > dataColumns + 1 || (cells.length - serial >= 3 && /\S \S/.test(tail))
          ? foldWrapped(src, cells.slice(serial), table.columns.slice(numbered ? serialColumn + 1 : 0))
          : undefined;
      const row = makeRow(b, firstLine, lastLine, folded ? [...cells.slice(0, serial), ...folded] : cells, false);
      // The rest of a row a page break cut, after the header repeated: more of that row, its
      // measures (3.…) no task of their own.
      const rest = !row.serial && !!b.previous && !rowIsComplete(b.previous, table.columns) && table.rows.at(-1)?.kind === 'header';
      if (rest) row.markers = [];
      pushRow(b, row, rest);
    }
    cells = [];
    firstLine = -1;
  };
  const header = table.headerCells.map((c) => c.replace(/[\s|]+/g, '')).join('');
  /** The header again, one cell a line (its words maybe broken): the last line of it from `k`, or -1. */
  const headerAgain = (k: number): number => {
    let acc = '';
    for (; k < lines.length && acc.length < header.length; k++) {
      const v = lines[k]!.view.replace(/[\s|]+/g, '');
      if (v === '') continue;
      acc += v;
      if (!header.startsWith(acc)) return -1;
      if (acc === header) return k;
    }
    return -1;
  };
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const v = line.view.trim();
    if (v === '' || ONLY_PIPES.test(v)) continue;
    if (infos[i]!.kind === 'chrome' || TABLE_END.test(v) || PAGE_NUMBER.test(v) || isClosingLine(v)) {
      if (PAGE_NUMBER.test(v)) continue;
      break;
    }
    // The header repeated at the top of a page: no cell of the row it interrupts.
    const again = header.length >= 6 && v.startsWith(table.headerCells[0]!.trim().slice(0, 2)) ? headerAgain(i) : -1;
    if (again > i) {
      flush();
      table.rows.push({ firstLine: i, lastLine: again, kind: 'header', cells: [], markers: [] });
      table.lastLine = again;
      i = again;
      continue;
    }
    // Between lines of only `|`, the lines of one cell.
    let last = i;
    if (table.bars) while (last + 1 < lines.length && lines[last + 1]!.view.trim() !== '' && !ONLY_PIPES.test(lines[last + 1]!.view)) last++;
    const [s, e] = trimPiece(src.view, line.start, lines[last]!.end);
    const cellView = src.view.slice(s, e);
    const serial = SERIAL.exec(cellView);
    const glued = serial ? null : GLUED_SERIAL.exec(cellView);
    const value = serial ? Number(serial[1]) : glued ? Number(glued[1]) : NaN;
    const inSequence = value === b.lastSerial + 1 || (value === 1 && b.lastSerial === 0) || (b.lastSerial === 0 && table.rows.length === 0);
    const current = cells.length > 0 ? makeRow(b, firstLine, lastLine, cells, false) : undefined;
    // Complete, or as many cells as the columns but the unit ones (a merged unit cell dropped from the row).
    const ready =
      !current ||
      rowIsComplete(current, table.columns) ||
      cells.length >= table.columns.length - 1 ||
      (serialColumn > 0 && cells.length >= table.columns.length - 1 - serialColumn - unitColumnCount(table));
    const marker = readMarker(cellView, src.text.slice(s, e));
    // The first row's serial after its cells before the 序号 (牵头单位 ⏎ 1): the row goes on.
    const leadIn =
      serialColumn > 0 &&
      cells.length > 0 &&
      cells.length <= serialColumn &&
      cells.every((c) => categoryCell(src, c, table.headerCells[0]!, table.columns[0]!));
    if (numbered && (serial || glued) && inSequence && leadIn) b.lastSerial = value;
    else if (numbered && (serial || glued) && inSequence && ready) {
      // The category cell of a group's first row stands before its serial: it opens the new row.
      const category = serialColumn > 0 && cells.length > 1 ? cells.at(-1)! : undefined;
      const opens = category && categoryCell(src, category, table.headerCells[0]!, table.columns[0]!);
      if (opens) {
        cells.pop();
        lastLine = lineOf(lines, cells.at(-1)!.end - 1, i);
      }
      flush();
      b.lastSerial = value;
      firstLine = i;
      if (opens) {
        cells.push(category!);
        firstLine = lineOf(lines, category!.start, i);
      }
    } else if (
      marker &&
      marker.level <= 2 &&
      !marker.bare &&
      (!current || rowIsComplete(current, table.columns) || cells.length > table.columns.length || hasUnitCell(current))
    ) {
      flush();
      // Outside the table once a part is followed by no row (a part's cell may take several lines between bars).
      if (!nextIsRow(src, lines, last + 1)) break;
      table.rows.push({
        firstLine: i,
        lastLine: last,
        kind: 'part',
        marker,
        cells: [{ role: 'text', column: 0, pieces: [{ start: s, end: e }] }],
        markers: [],
      });
      b.previous = undefined;
      table.lastLine = last;
      i = last;
      continue;
    } else if (
      !numbered &&
      current &&
      ((rowIsComplete(current, table.columns) && cellKind(src, s, e) !== 'units' && cellKind(src, s, e) !== 'deadline') ||
        // The next task's numbered cell after a row that has its units (an empty 配合 cell dropped).
        (hasUnitCell(current) &&
          marker?.level === 3 &&
          !marker.bare &&
          current.markers.some((m) => m.marker.level === 3 && m.marker.value + 1 === marker.value)))
    ) {
      // A table without serials: a row ends after its last column.
      flush();
      firstLine = i;
    } else if (cells.length === 0 && numbered && b.lastSerial > 0 && table.rows.length > 0 && !(serial || glued)) {
      // Text after a finished row without a serial: more of the row above, under a merged 序号.
      firstLine = i;
    }
    if (firstLine < 0) firstLine = i;
    // A unit name the copy broke into two cell lines (市人力资源 ⏎ 社会保障局): one cell, its lines read with nothing between them.
    const previous = cells.at(-1);
    if (previous && brokenName(src, previous, s, e)) {
      previous.end = e;
      previous.glued = true;
    } else cells.push({ start: s, end: e });
    lastLine = last;
    table.lastLine = last;
    i = last;
  }
  flush();
  return table.lastLine + 1;
}

/**
 * Cell lines `previous` and `[s, e)` are the two halves of one unit name: the first opens with a
 * place and is no name, both joined are (市人力资源 ⏎ 社会保障局, 市住房城乡 ⏎ 建设局).
 */
function brokenName(src: Source, previous: RawCell, s: number, e: number): boolean {
  const first = src.view.slice(previous.start, previous.end).trim();
  const second = src.view.slice(s, e).trim();
  if (!/^[\u4e00-\u9fff]{2,10}$/.test(first) || !/^[\u4e00-\u9fff]{1,10}$/.test(second)) return false;
  return (
    opensWithPlace(first) && !isPersonLike(first) && !(isUnitLike(first) && hasUnitEnding(first)) && isUnitLike(first + second) && hasUnitEnding(first + second)
  );
}

/**
 * A short name of a group of rows as its column's header says it is written: under `工程名称` a
 * name ending in 工程 (就业促进工程), under `类别` one ending in 类 (民生保障类); under a unit column, units.
 */
function categoryCell(src: Source, cell: RawCell, header: string, role: ColumnRole): boolean {
  // A unit column before the 序号 (牵头单位, merged over its group): a cell of units.
  if (UNIT_ROLES.has(role)) return cellKind(src, cell.start, cell.end) === 'units';
  const text = src.view.slice(cell.start, cell.end).trim();
  if (!/^[\u4e00-\u9fff]{2,12}$/.test(text) || cellKind(src, cell.start, cell.end) !== 'text') return false;
  const named = /^([\u4e00-\u9fff]{1,4})名称$/.exec(header.replace(/\s+/g, ''));
  if (named) return text.endsWith(named[1]!);
  return /(?:类别|分类)$/.test(header) && text.endsWith('类');
}

/** The index of the line, at or before line `upTo`, that holds offset `at`. */
function lineOf(lines: Line[], at: number, upTo: number): number {
  let k = upTo;
  while (k > 0 && lines[k]!.start > at) k--;
  return k;
}

/**
 * A row of a PDF's text layer whose cells are each hard-wrapped at their column's width, one line
 * a fragment (`县委办(牵` ⏎ `头)、县政府` ⏎ `办、县生态环` ⏎ `境分局`). Read from the right, where cells
 * are short and typed: each unit, deadline or person column takes the longest run of last lines
 * that, joined with nothing between them, reads as one cell of its kind; what is left is the row's
 * text. Lines a PDF ran together on one baseline (`孟庆安 县督察整改办 2022年9月30日前`) are split
 * at their spaces first. Undefined when no typed cell is found.
 */
function foldWrapped(src: Source, cells: RawCell[], columns: ColumnRole[]): RawCell[] | undefined {
  const { view } = src;
  // Only where the typed columns stand right of the text (问题, 目标, 措施, then 领导, 单位, 时限).
  const lastText = columns.findLastIndex((r) => r === 'text' || r === 'category');
  if (columns.some((r, k) => (UNIT_ROLES.has(r) || r === 'deadline') && k < lastText)) return undefined;
  // Read with no space left: a PDF spaces out names and digits (周 斌, 2022 年 6 月).
  const kindOf = (frags: RawCell[]): CellKind => {
    const joined = frags
      .map((f) => view.slice(f.start, f.end))
      .join('')
      .replace(/\s+/g, '');
    return cellKind({ text: joined, view: joined, known: src.known }, 0, joined.length);
  };
  const personLine = (f: RawCell) =>
    /^[\u4e00-\u9fff·]{1,4}(?:\s+[\u4e00-\u9fff·]{1,4})?$/.test(view.slice(f.start, f.end).trim()) &&
    !/^[县市区省镇乡各]/.test(view.slice(f.start, f.end).trim());
  const frags: RawCell[] = [];
  // Evidence of the shape: a line split at its spaces, or a run that reads as one cell only joined.
  let wrapped = false;
  for (const [k, c] of cells.entries()) {
    // Its words as a space-split table's cells, a name spaced letter by letter (周 斌) one of them.
    const tokens = k >= cells.length - 4 ? wordCells(c, view).filter((t) => t.end > t.start) : [];
    const kinds = tokens.map((t) => kindOf([t]));
    // Cells of different kinds (a person, units, a date): units spaced apart are one cell's list.
    if (tokens.length >= 2 && kinds.every((t) => t === 'person' || t === 'units' || t === 'deadline') && new Set(kinds).size >= 2) {
      frags.push(...tokens.map((t, n) => ({ ...t, kind: kinds[n]! })));
      wrapped = true;
    } else frags.push(c);
  }
  let end = frags.length;
  const typed: RawCell[] = [];
  for (let col = columns.length - 1; col >= 0 && end > 1; col--) {
    const role = columns[col]!;
    if (role === 'text' || role === 'category' || role === 'number') break;
    const want: CellKind | undefined = role === 'deadline' ? 'deadline' : role === 'person' ? 'person' : UNIT_ROLES.has(role) ? 'units' : undefined;
    if (!want) continue;
    let take = 0;
    for (let k = 1; k <= Math.min(8, end - 1); k++) {
      // A person's line before the units is the person column's (黄志远 ⏎ 县工业园区管委会…).
      if (want === 'units' && k > 1 && personLine(frags[end - k]!) && (frags[end - k]!.kind ?? kindOf([frags[end - k]!])) === 'person') break;
      const run = frags.slice(end - k, end);
      const ok = want === 'person' ? run.every((f) => (f.kind ?? kindOf([f])) === 'person') : kindOf(run) === want;
      if (ok) take = k;
    }
    if (take === 0) continue;
    const run = frags.slice(end - take, end);
    // Units one a line (县财政局 ⏎ 城关镇人民政府) are lines of one cell, not fragments of a name.
    // A line that ends on a separator or one that opens with a role word or a closer is a fragment.
    const text = (f: RawCell) => view.slice(f.start, f.end).trim();
    const broken = run.slice(0, -1).some((f) => /[、,(]$/.test(text(f))) || run.slice(1).some((f) => FRAGMENT_START.test(text(f)));
    const glued = want !== 'person' && take > 1 && (broken || run.some((f) => (f.kind ?? kindOf([f])) !== want));
    if (glued) wrapped = true;
    typed.unshift({ start: run[0]!.start, end: run.at(-1)!.end, kind: want, ...(glued ? { glued: true } : {}) });
    end -= take;
  }
  if (typed.length === 0 || !wrapped) return undefined;
  return [{ start: frags[0]!.start, end: frags[end - 1]!.end, kind: 'text' }, ...typed];
}

function nextIsRow(src: Source, lines: Line[], i: number): boolean {
  let item = false;
  for (let n = 0; i < lines.length && n < 4; i++) {
    const v = lines[i]!.view.trim();
    if (v === '' || ONLY_PIPES.test(v)) continue;
    n++;
    if (n <= 3 && (SERIAL.test(v.replace(/\|$/, '')) || GLUED_SERIAL.test(v))) return true;
    // A table with no 序号 whose task cells are numbered (1.及时公开…), then a cell of units.
    if (item) return cellKind(src, lines[i]!.start, lines[i]!.end) === 'units';
    item = n <= 3 && readMarker(v, v)?.level === 3;
  }
  return false;
}

/** Columns aligned by spaces: each chunk goes to the column whose header starts nearest before it. */
function readSpaces(b: Builder, lines: Line[], infos: LineInfo[], from: number, xs: number[]): number {
  const { src, table } = b;
  // A chunk belongs to the last column whose header starts before it (two columns of slack).
  const columnAt = (x: number): number => {
    let best = 0;
    for (let k = 0; k < xs.length; k++) if (xs[k]! <= x + 2) best = k;
    return best;
  };
  const textColumn = table.columns.indexOf('text');
  interface Pending {
    firstLine: number;
    lastLine: number;
    byColumn: Map<number, RawCell[]>;
    serial?: RawCell;
  }
  let current: Pending | undefined;
  let waiting: { line: number; cells: RawCell[] }[] = [];
  let blanks = 0;
  const finish = () => {
    if (!current) return;
    const raw: RawCell[] = [];
    if (current.serial) raw.push(current.serial);
    const row: TableRow = { firstLine: current.firstLine, lastLine: current.lastLine, kind: 'row', cells: [], markers: [] };
    if (current.serial) {
      const t = src.view.slice(current.serial.start, current.serial.end);
      row.serial = {
        start: current.serial.start,
        end: current.serial.end,
        value: Number(SERIAL.exec(t)![1]),
        text: src.text.slice(current.serial.start, current.serial.end),
      };
    }
    for (const [column, cells] of [...current.byColumn.entries()].sort((x, y) => x[0] - y[0])) {
      if (table.columns[column] === 'number') continue;
      row.cells.push({ role: table.columns[column]!, column, pieces: cells.map((c) => ({ start: c.start, end: c.end })), wrapped: true });
    }
    pushRow(b, row, false);
    current = undefined;
  };
  const add = (p: Pending, line: number, cells: RawCell[]) => {
    for (const c of cells) {
      const column = columnAt(c.x!);
      const list = p.byColumn.get(column) ?? [];
      list.push(c);
      p.byColumn.set(column, list);
    }
    p.firstLine = Math.min(p.firstLine, line);
    p.lastLine = Math.max(p.lastLine, line);
  };
  const textEnded = (p: Pending | undefined) => {
    if (!p || textColumn < 0) return true;
    const cells = p.byColumn.get(textColumn);
    if (!cells || cells.length === 0) return false;
    const last = cells.at(-1)!;
    return /[。;!]\s*$/.test(src.view.slice(last.start, last.end));
  };
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const v = line.view;
    if (v.trim() === '') {
      blanks++;
      if (blanks >= 3) break;
      continue;
    }
    if (PAGE_NUMBER.test(v) || infos[i]!.kind === 'chrome') {
      table.lastLine = i;
      continue;
    }
    const cells = splitAtColumns(src, spaceCells(line, src.text), xs);
    if (isHeaderRecord(src, cells)) {
      finish();
      table.rows.push({ firstLine: i, lastLine: i, kind: 'header', cells: [], markers: [] });
      table.lastLine = i;
      continue;
    }
    const first = cells[0]!;
    const firstView = src.view.slice(first.start, first.end);
    const marker = readMarker(firstView, src.text.slice(first.start, first.end));
    // A part row: one chunk, a 一、 marker, at the left edge.
    if (cells.length === 1 && marker && marker.level <= 2 && first.x! < (xs[1] ?? 8)) {
      finish();
      waiting = [];
      table.rows.push({
        firstLine: i,
        lastLine: i,
        kind: 'part',
        marker,
        cells: [{ role: 'text', column: 0, pieces: [{ start: first.start, end: first.end }] }],
        markers: [],
      });
      b.previous = undefined;
      table.lastLine = i;
      blanks = 0;
      continue;
    }
    // Past the table: a line at the left edge that is no cell of it.
    if (first.x! < (xs[0] ?? 0) - 2 || (cells.length === 1 && first.x! <= 2 && src.view.slice(first.start, first.end).length > 30 && blanks > 0)) break;
    blanks = 0;
    const serialCell = table.columns[columnAt(first.x!)] === 'number' && SERIAL.test(firstView) ? first : undefined;
    if (serialCell) {
      finish();
      current = { firstLine: i, lastLine: i, byColumn: new Map(), serial: serialCell };
      for (const w of waiting) add(current, w.line, w.cells);
      waiting = [];
      add(current, i, cells.slice(1));
    } else if (current && !textEnded(current)) {
      add(current, i, cells);
    } else if (current && !cells.some((c) => columnAt(c.x!) === textColumn)) {
      // Only unit or deadline chunks: the rest of a wrapped cell of the row above.
      add(current, i, cells);
    } else {
      // Text of the next row, written above its serial (cells centred vertically).
      waiting.push({ line: i, cells });
    }
    table.lastLine = i;
  }
  if (current) {
    for (const w of waiting) add(current, w.line, w.cells);
    waiting = [];
  }
  finish();
  return table.lastLine + 1;
}

/** Find the tables of a plan, starting at `from`. */
export function findTables(src: Source, lines: Line[], infos: LineInfo[], from: number): Table[] {
  const glued = findGluedTables(src, lines, from);
  const tables: Table[] = [...glued];
  const gluedLines = new Set(glued.flatMap((t) => Array.from({ length: t.lastLine - t.headerFirst + 1 }, (_, k) => t.headerFirst + k)));
  let i = from;
  while (i < lines.length) {
    const header = gluedLines.has(i) ? undefined : headerAt(src, lines, i);
    if (!header) {
      i++;
      continue;
    }
    const table: Table = {
      headerFirst: header.first,
      headerLast: header.last,
      columns: header.columns,
      headerCells: header.cells,
      mode: header.mode,
      rows: [],
      lastLine: header.last,
      ...(header.bars ? { bars: true } : {}),
      ...(header.mode === 'stream' && header.last > header.first && lines[header.first + 1]!.view.trim() === '' ? { spaced: true } : {}),
    };
    // The notice says the main column leads: its units are the leads.
    const mainLeads = MAIN_LEADS.exec(src.view);
    if (mainLeads)
      table.columns = table.columns.map((role, k) => (role === 'responsible' && table.headerCells[k]!.replace(/\s/g, '') === mainLeads[1] ? 'lead' : role));
    const b: Builder = { src, table, lastSerial: 0 };
    let mode = header.mode;
    // A one-line header over rows written one cell per line.
    if (mode === 'pipe' || mode === 'tab' || mode === 'spaces' || mode === 'words') {
      const next = nextContent(lines, header.last + 1);
      const nv = next === undefined ? '' : lines[next]!.view;
      // Aligned columns may open with a part row (一、…) at the left edge: look at a few lines.
      const ahead = next === undefined ? [] : lines.slice(next, next + 4).map((l) => l.view);
      const rowLike =
        mode === 'pipe'
          ? ahead.some((v) => v.split('|').length > 2 || (RULE.test(v) && v.includes('|')))
          : mode === 'tab'
            ? nv.includes('\t') || (PART_ROW.test(nv) && !!ahead[1]?.includes('\t')) || opensQuotedRecord(src, lines, next!)
            : mode === 'words'
              ? ahead.some((v) => /^\s*\d{1,3}\s+\S/.test(v) && /\S \S/.test(v))
              : ahead.some((v) => /\S {2,}\S/.test(v));
      const cellLines = ahead.filter((v) => v.trim() !== '').every((v) => /^[^|]*\|?\s*$/.test(v.trim()) && !v.trim().startsWith('|'));
      if (!rowLike || (mode === 'pipe' && cellLines)) mode = 'stream';
    }
    const next =
      mode === 'pipe' || mode === 'tab' || mode === 'words'
        ? readDelimited(b, lines, infos, header.last + 1, mode)
        : mode === 'spaces'
          ? readSpaces(b, lines, infos, header.last + 1, header.xs!)
          : readStream(b, lines, infos, header.last + 1);
    table.mode = mode;
    tables.push(table);
    i = Math.max(next, header.last + 1);
  }
  return tables.sort((a, b) => a.headerFirst - b.headerFirst);
}

function nextContent(lines: Line[], i: number): number | undefined {
  for (; i < lines.length; i++) if (!ONLY_PIPES.test(lines[i]!.view) && lines[i]!.view.trim() !== '') return i;
  return undefined;
}

/** A deadline at the end of a cell: `2024年10月底`, `年底前`, `长期坚持`. */
export function looksLikeDeadline(view: string): boolean {
  const t = view.trim();
  const m = DEADLINE_CELL_END.exec(t);
  return t.length > 0 && t.length <= 24 && !!m && m.index <= 2;
}

/**
 * A row whose cells ran together (`任务。AB2024年10月底`): the text, then the units after its last
 * full stop, then the deadline. With two unit columns and no separator the first unit leads.
 */
function splitRunTogether(src: Source, cell: RawCell, columns: ColumnRole[]): RawCell[] {
  const { view } = src;
  const out: RawCell[] = [];
  let textEnd = cell.end;
  if (columns.includes('deadline')) {
    const m = DEADLINE_CELL_END.exec(view.slice(cell.start, cell.end));
    if (m && m[0].trim().length > 0) {
      out.push({ start: cell.start + m.index, end: cell.end });
      textEnd = cell.start + m.index;
    }
  }
  const unitColumns = columns.filter((c) => UNIT_ROLES.has(c));
  if (unitColumns.length > 0) {
    const body = view.slice(cell.start, textEnd);
    const lastStop = Math.max(body.lastIndexOf('。'), body.lastIndexOf(';'), body.lastIndexOf('!'));
    const unitStart = cell.start + lastStop + 1;
    const list = lastStop >= 0 ? recognizeUnits(src, unitStart, textEnd) : undefined;
    if (list && list.units.length > 0 && list.rejected.length === 0 && textEnd - unitStart <= 200) {
      if (unitColumns.length === 1 || list.units.length === 1) out.unshift({ start: unitStart, end: textEnd });
      else {
        const first = list.units[0]!;
        out.unshift({ start: first.end, end: textEnd });
        out.unshift({ start: unitStart, end: first.end });
      }
      textEnd = unitStart;
    }
  }
  out.unshift({ start: cell.start, end: textEnd });
  return out.filter((c) => c.end > c.start);
}
