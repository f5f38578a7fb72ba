/**
 * One grid model for the tables of every format the plan is published in (Word, HTML, Excel, PDF):
 * cells with their spans → rows in which every column is present → pipe rows
 * `序号 | 重点任务 | 牵头单位 |`, one table row a line, as the parser reads tables.
 *
 * Merged cells follow the parser's convention of one task per 序号:
 * - a 序号 cell (a number in the first column, or in a column headed 序号/编号) merged down several
 *   rows is written in its first row only, so that those rows read as one task with all their units;
 * - every other cell merged down (a 牵头单位 or a 类别 spanning rows) is repeated in each row it spans;
 * - a cell merged across keeps its text in its first column; the columns it covers are empty.
 */

import { type ColumnRole, HEADER_WORDS } from './parse/lexicon.ts';

export interface SpanCell<P> {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  /** Where the cell is in the file (a Word cell, an HTML offset, an Excel address …). */
  place: P;
}

export interface GridCell<P> {
  text: string;
  place?: P;
  /** The grid row and column (1-based) where the cell starts: a merged cell's first row and column. */
  origin?: { row: number; column: number };
}

/** A bare serial number: 1, 12, 一, （三）, 5. or 5、 — what a 序号 cell holds. */
const SERIAL = /^[（(]?[0-9０-９一二三四五六七八九十百]+[)）.．、]?$/;
const SERIAL_HEADER = /^(序号|编号|序|No\.?)$/i;

/** Text of a cell on one line: its lines joined by a space; `|` would end the cell. */
export function cellText(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/\|/g, '¦')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();
}

/** Expands row and column spans so that every row has every column (see the module comment). */
export function expandSpans<P>(rows: SpanCell<P>[][]): GridCell<P>[][] {
  const grid: (GridCell<P> | undefined)[][] = rows.map(() => []);
  // Which spans to write once: decided when the whole header is known, so collect them first.
  const merged: { row: number; column: number; rowSpan: number; cell: SpanCell<P> }[] = [];
  rows.forEach((cells, r) => {
    let column = 0;
    for (const cell of cells) {
      while (grid[r]![column] !== undefined) column++;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, rows.length - r));
      const colSpan = Math.max(1, cell.colSpan ?? 1);
      const text = cellText(cell.text);
      for (let dr = 0; dr < rowSpan; dr++)
        for (let dc = 0; dc < colSpan; dc++)
          grid[r + dr]![column + dc] = { text: dc === 0 ? text : '', place: cell.place, origin: { row: r + 1, column: column + 1 } };
      if (rowSpan > 1) merged.push({ row: r, column, rowSpan, cell });
      column += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((cells) => cells.length));
  const serialColumns = new Set<number>([0]);
  for (const cells of grid.slice(0, 3))
    cells.forEach((cell, c) => {
      if (cell && SERIAL_HEADER.test(cell.text.replace(/\s/g, ''))) serialColumns.add(c);
    });
  for (const { row, column, rowSpan } of merged) {
    const first = grid[row]![column]!;
    if (!serialColumns.has(column) || !SERIAL.test(first.text)) continue;
    for (let dr = 1; dr < rowSpan; dr++) grid[row + dr]![column] = { ...first, text: '' };
  }
  const out = grid.map((cells) => Array.from({ length: width }, (_, c) => cells[c] ?? { text: '' }));
  mergeHeaderRows(out);
  return out;
}

/**
 * A header of two rows (`责任单位` over `牵头责任单位 | 协同责任单位`): the columns a cell of the first
 * row spans across take the names of the second row's cells under it, so that the first row, which
 * the parser reads as the header, names every column. The second row stays (a header again).
 */
function mergeHeaderRows<P>(grid: GridCell<P>[][]): void {
  const same = (a?: GridCell<P>, b?: GridCell<P>) => !!a?.origin && !!b?.origin && a.origin.row === b.origin.row && a.origin.column === b.origin.column;
  for (let r = 0; r + 1 < Math.min(grid.length, 4); r++) {
    const top = grid[r]!;
    const below = grid[r + 1]!;
    if (!isHeaderRow(top.map((c) => c.text))) continue;
    let merged = false;
    top.forEach((cell, c) => {
      const across = same(cell, top[c - 1]) || same(cell, top[c + 1]);
      const under = below[c];
      if (!across || cell.origin?.row !== r + 1 || !under?.origin || under.origin.row !== r + 2 || !columnRole(under.text)) return;
      top[c] = { ...cell, text: under.text };
      merged = true;
    });
    if (merged) return;
  }
}

export interface PipeRow<P> {
  line: string;
  /** Each cell's offsets in the line (UTF-16 code units, 0-based, end exclusive), place and origin. */
  cells: ({ start: number; end: number } & Omit<GridCell<P>, 'text'>)[];
}

/** A grid row as the parser reads it: `a | b | c |`. */
export function pipeRow<P>(cells: GridCell<P>[]): PipeRow<P> {
  let line = '';
  const out: PipeRow<P>['cells'] = [];
  for (const cell of cells) {
    const start = line.length;
    line += cell.text;
    const { text: _, ...rest } = cell;
    out.push({ start, end: line.length, ...rest });
    line += ' | ';
  }
  return { line: line.trimEnd(), cells: out };
}

/** The cell of a pipe row at a 0-based column: the one it falls in, with the ` | ` after it. */
export function cellAt<C extends { start: number; end: number }>(cells: C[], column: number): C | undefined {
  return cells.find((c) => column >= c.start && column < c.end + 3) ?? cells.at(-1);
}

/** What a header cell names (a serial, the task, the lead units …), by the lexicon's header words. */
export function columnRole(header: string): ColumnRole | undefined {
  const text = header.replace(/\s/g, '');
  if (text.length === 0 || text.length > 12) return undefined;
  return HEADER_WORDS.find((h) => h.words.some((w) => text.includes(w)))?.role;
}

/**
 * Whether a row of cells is a 任务分工 table's header: at least two short cells that name columns
 * (序号, 重点任务, 牵头单位 … in the lexicon's header words), one of them a units or serial column.
 */
export function isHeaderRow(texts: readonly string[]): boolean {
  const roles = texts.map(columnRole).filter((r) => r !== undefined);
  return roles.length >= 2 && roles.some((r) => r === 'number' || r === 'lead' || r === 'support' || r === 'responsible');
}

/** Labels of the metadata table portals put above a document (信息公开目录: 索引号, 发布机构 …). */
const METADATA_LABELS = /索引号|发布机构|发文机关|发文字号|主题分类|成文日期|发布日期|发文日期|生成日期|信息分类|公开方式|公开范围|有效性/g;

/** Whether a table's text is a portal's document metadata rather than a plan's table. */
export function isMetadataTable(text: string): boolean {
  return (text.replace(/\s/g, '').match(METADATA_LABELS)?.length ?? 0) >= 2 && text.length < 600;
}
