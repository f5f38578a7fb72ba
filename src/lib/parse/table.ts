/**
 * 任务分工 tables as they survive in text: pipe rows (`1 | 任务 | A | B | 2024年6月底 |`), one cell
 * per line (`1 |` then `任务 |` …), a header and cells each on a line of its own, or a row whose
 * cells ran together (`…完成验收。县住建局县水务局2024年10月底`). Each row becomes a task; a row
 * holding a part marker (一、…) becomes a part.
 */
import { append } from '../append.ts';
import type { LineInfo } from './classify.ts';
import type { Line } from './lines.ts';
import { readMarker, type Marker } from './markers.ts';
import type { Source } from './source.ts';
import { recognizeUnits } from './units.ts';

const HEADER_WORD = /^(序号|编号|序|重点任务|工作任务|主要任务|具体任务|任务内容|工作内容|工作措施|具体措施|主要内容|任务|目标任务|工作目标|工作事项|事项|项目|牵头单位|牵头部门|配合单位|配合部门|协办单位|参与单位|责任单位|责任部门|承办单位|主办单位|完成时限|完成时间|时间节点|时限要求|时限|进度安排|责任领导|牵头领导|分管领导|县级领导|责任人|备注)$/;

export function isHeaderWord(cell: string): boolean {
  return HEADER_WORD.test(cell.replace(/\s+/g, ''));
}

/** A table's header row written on one line: with pipes, or run together. */
export function isTableHeader(view: string): boolean {
  if (view.includes('|')) {
    const cells = view.split('|').map((c) => c.trim()).filter(Boolean);
    return cells.length >= 3 && cells.filter(isHeaderWord).length >= 3;
  }
  const compact = view.replace(/\s+/g, '');
  const words = compact.match(/序号|重点任务|工作任务|主要任务|具体任务|任务内容|工作内容|工作措施|具体措施|牵头单位|牵头部门|配合单位|配合部门|责任单位|责任部门|完成时限|完成时间|时间节点|时限要求|备注|责任领导/g);
  return !!words && words.length >= 3 && words.join('').length >= compact.length - 2;
}

export type ColumnRole = 'number' | 'text' | 'lead' | 'support' | 'responsible' | 'deadline' | 'person' | 'note';

export interface Cell {
  start: number;
  end: number;
  role: ColumnRole;
}

export interface TableRow {
  firstLine: number;
  lastLine: number;
  /** Set for a part/section row (一、…); absent for a task row. */
  marker?: Marker;
  /** The serial number cell of a task row. */
  serial?: { start: number; end: number; value: number; text: string };
  cells: Cell[];
}

export interface Table {
  headerFirst: number;
  headerLast: number;
  columns: ColumnRole[];
  rows: TableRow[];
  lastLine: number;
}

export function columnRole(header: string): ColumnRole {
  const h = header.replace(/\s+/g, '');
  if (/领导|责任人/.test(h)) return 'person';
  if (/^(序号|编号|序)$/.test(h)) return 'number';
  if (/牵头|主办/.test(h)) return 'lead';
  if (/配合|协办|参与|协助/.test(h)) return 'support';
  if (/责任|承办|实施|单位|部门/.test(h)) return 'responsible';
  if (/时限|时间|节点|进度|期限/.test(h)) return 'deadline';
  if (/备注/.test(h)) return 'note';
  return 'text';
}

const DEADLINE_TAIL =
  /((\d{4}\s*年\s*)?\d{1,2}\s*月(\s*\d{1,2}\s*日|\s*底|\s*末|\s*份|\s*中旬|\s*下旬)?(前|之前)?|(\d{4}\s*年?)?(年底|年末|年内|上半年|下半年|全年)(前)?|长期坚持|持续推进|长期)\s*$/;

export function looksLikeDeadline(view: string): boolean {
  const t = view.trim();
  return t.length > 0 && t.length <= 24 && DEADLINE_TAIL.test(t) && DEADLINE_TAIL.exec(t)!.index <= 2;
}

function looksLikeUnits(src: Source, start: number, end: number): boolean {
  const t = src.view.slice(start, end).trim();
  if (t.length === 0 || t.length > 200 || /[。]/.test(t)) return false;
  const list = recognizeUnits(src, start, end);
  return list.units.length > 0 && list.rejected.length === 0;
}

function trimmed(view: string, start: number, end: number): [number, number] {
  while (start < end && /[\s|]/.test(view[start]!)) start++;
  while (end > start && /[\s|]/.test(view[end - 1]!)) end--;
  return [start, end];
}

/** Cells of a pipe row, with their offsets. */
function pipeCells(line: Line, view: string): { start: number; end: number }[] {
  const cells: { start: number; end: number }[] = [];
  let from = line.start;
  for (let i = line.start; i <= line.end; i++) {
    if (i === line.end || view[i] === '|') {
      cells.push({ start: from, end: i });
      from = i + 1;
    }
  }
  // A leading | gives an empty first cell; a trailing | an empty last one.
  if (cells.length > 1 && view.slice(cells[0]!.start, cells[0]!.end).trim() === '' && view.slice(line.start, line.end).trimStart().startsWith('|')) cells.shift();
  if (cells.length > 1 && view.slice(cells.at(-1)!.start, cells.at(-1)!.end).trim() === '') cells.pop();
  return cells.map((c) => {
    const [s, e] = trimmed(view, c.start, c.end);
    return { start: s, end: e };
  });
}

/** Cells that ran together (`任务。AB2024年10月底`): text, then units, then the deadline. */
function splitRunTogether(src: Source, start: number, end: number, columns: ColumnRole[]): Cell[] {
  const view = src.view;
  const cells: Cell[] = [];
  let textEnd = end;
  if (columns.includes('deadline')) {
    const m = DEADLINE_TAIL.exec(view.slice(start, end));
    if (m && m[0].trim().length > 0) {
      const s = start + m.index;
      cells.push({ start: s, end, role: 'deadline' });
      textEnd = s;
    }
  }
  const unitColumns = columns.filter((c): c is 'lead' | 'support' | 'responsible' => c === 'lead' || c === 'support' || c === 'responsible');
  if (unitColumns.length > 0) {
    const body = view.slice(start, textEnd);
    const lastStop = Math.max(body.lastIndexOf('。'), body.lastIndexOf(';'), body.lastIndexOf('!'));
    const unitStart = start + lastStop + 1;
    if (lastStop >= 0 && looksLikeUnits(src, unitStart, textEnd)) {
      const list = recognizeUnits(src, unitStart, textEnd);
      if (unitColumns.length === 1 || list.units.length === 1) {
        cells.unshift({ start: unitStart, end: textEnd, role: unitColumns[0]! });
      } else {
        // Two unit columns and no separator: the first unit leads, the rest support.
        const first = list.units[0]!;
        cells.unshift({ start: first.end, end: textEnd, role: unitColumns[1]! });
        cells.unshift({ start: unitStart, end: first.end, role: unitColumns[0]! });
      }
      textEnd = unitStart;
    }
  }
  cells.unshift({ start, end: textEnd, role: 'text' });
  return cells.filter((c) => c.end > c.start);
}

/** Give each cell of a row a column, by position when the counts agree, else by what it holds. */
function mapCells(src: Source, spans: { start: number; end: number }[], columns: ColumnRole[]): Cell[] {
  const view = src.view;
  const data = columns.filter((c) => c !== 'number');
  if (spans.length === data.length) return spans.map((s, i) => ({ ...s, role: data[i]! }));
  if (spans.length === 1 && data.length > 1) return splitRunTogether(src, spans[0]!.start, spans[0]!.end, data);
  const cells: Cell[] = [];
  let last = spans.length - 1;
  for (let c = data.length - 1; c >= 0 && last >= 0; c--) {
    const role = data[c]!;
    const span = spans[last]!;
    if (role === 'text') break;
    if (role === 'deadline' && looksLikeDeadline(view.slice(span.start, span.end))) {
      cells.unshift({ ...span, role });
      last--;
    } else if ((role === 'lead' || role === 'support' || role === 'responsible') && looksLikeUnits(src, span.start, span.end)) {
      cells.unshift({ ...span, role });
      last--;
    }
  }
  for (let i = last; i >= 0; i--) cells.unshift({ ...spans[i]!, role: 'text' });
  return cells;
}

const SERIAL = /^\s*(\d{1,4})\s*(?:[.、]\s*)?$/;
/** A serial number glued to the first cell: `1开展…`. */
const GLUED_SERIAL = /^\s*(\d{1,4})(?![年月日号时个万亿项家所座处条名人次天周批期级类])(?=[\u4e00-\u9fff“《])/;

/** Find the tables of a plan, starting at `from`. */
export function findTables(src: Source, lines: Line[], infos: LineInfo[], from: number): Table[] {
  const view = src.view;
  const tables: Table[] = [];
  let i = from;
  while (i < lines.length) {
    const line = lines[i]!;
    // A. Header on one line, with pipes or run together.
    if (isTableHeader(line.view)) {
      const headerCells = line.view.includes('|')
        ? pipeCells(line, view).map((c) => view.slice(c.start, c.end))
        : line.view.replace(/\s+/g, '').match(/序号|编号|重点任务|工作任务|主要任务|具体任务|任务内容|工作内容|工作措施|具体措施|主要内容|牵头单位|牵头部门|配合单位|配合部门|责任单位|责任部门|完成时限|完成时间|时间节点|时限要求|责任领导|备注|任务/g)!;
      const columns = headerCells.map(columnRole);
      const table: Table = { headerFirst: i, headerLast: i, columns, rows: [], lastLine: i };
      // Rows as pipe rows when the next line holds several cells; else one cell per line.
      const next = lines[i + 1]?.view ?? '';
      const pipeRows = next.split('|').length > 2 || (line.view.includes('|') && !next.trim().endsWith('|'));
      i = pipeRows ? readPipeRows(src, lines, i + 1, table) : readCellStream(src, lines, infos, i + 1, table, false);
      tables.push(table);
      continue;
    }
    // B. Header cells one per line (`序号 |` or `序号`).
    const stacked = stackedHeader(lines, i);
    if (stacked) {
      const columns = stacked.cells.map(columnRole);
      const table: Table = { headerFirst: i, headerLast: stacked.last, columns, rows: [], lastLine: stacked.last };
      i = readCellStream(src, lines, infos, stacked.last + 1, table, stacked.piped);
      tables.push(table);
      continue;
    }
    i++;
  }
  return tables;
}

export function stackedHeader(lines: Line[], i: number): { cells: string[]; last: number; piped: boolean } | undefined {
  const cells: string[] = [];
  let j = i;
  let piped = false;
  while (j < lines.length) {
    const v = lines[j]!.view.trim();
    const m = /^([^|]{1,8})\s*\|?$/.exec(v);
    if (!m || !isHeaderWord(m[1]!)) break;
    if (v.endsWith('|')) piped = true;
    cells.push(m[1]!.trim());
    j++;
  }
  if (cells.length < 3 || columnRole(cells[0]!) !== 'number' && cells.map(columnRole).filter((c) => c !== 'text' && c !== 'note').length < 2) return undefined;
  return { cells, last: j - 1, piped };
}

function readPipeRows(src: Source, lines: Line[], i: number, table: Table): number {
  const { text: source, view } = src;
  let current: TableRow | undefined;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const v = line.view;
    if (v.trim() === '') {
      // A blank line inside a table is tolerated when a row follows.
      if (lines[i + 1]?.view.includes('|')) continue;
      break;
    }
    if (!v.includes('|')) break;
    if (/^\s*(?:\|\s*)?:?-{2,}/.test(v)) {
      table.lastLine = i;
      continue;
    }
    const spans = pipeCells(line, view);
    const first = spans[0] ? view.slice(spans[0].start, spans[0].end) : '';
    const marker = readMarker(first, source.slice(spans[0]?.start ?? 0, spans[0]?.end ?? 0));
    table.lastLine = i;
    if (marker && marker.level <= 2 && spans.slice(1).every((s) => s.end === s.start)) {
      table.rows.push({ firstLine: i, lastLine: i, marker, cells: [{ ...spans[0]!, role: 'text' }] });
      current = undefined;
      continue;
    }
    const serial = SERIAL.exec(first);
    if (serial && table.columns[0] === 'number') {
      const cells = mapCells(src, spans.slice(1), table.columns);
      current = {
        firstLine: i,
        lastLine: i,
        serial: { start: spans[0]!.start, end: spans[0]!.end, value: Number(serial[1]), text: source.slice(spans[0]!.start, spans[0]!.end) },
        cells: cells.filter((c) => c.end > c.start),
      };
      table.rows.push(current);
    } else if (current && first === '') {
      // A wrapped row: the cells continue the row above.
      const cells = mapCells(src, spans.slice(1), table.columns).filter((c) => c.end > c.start);
      append(current.cells, cells);
      current.lastLine = i;
    } else if (table.columns[0] !== 'number') {
      const cells = mapCells(src, spans, [...table.columns]).filter((c) => c.end > c.start);
      current = { firstLine: i, lastLine: i, cells };
      table.rows.push(current);
    } else if (current) {
      append(current.cells, mapCells(src, spans, ['text', ...table.columns.slice(1)]).filter((c) => c.end > c.start));
      current.lastLine = i;
    }
  }
  return i;
}

/** Rows whose cells stand one per line, each row opened by its serial number. */
function readCellStream(src: Source, lines: Line[], infos: LineInfo[], i: number, table: Table, piped: boolean): number {
  const { text: source, view } = src;
  let current: { row: TableRow; spans: { start: number; end: number }[] } | undefined;
  let lastSerial = 0;
  const flush = () => {
    if (!current) return;
    if (!current.row.marker) current.row.cells = mapCells(src, current.spans, table.columns).filter((c) => c.end > c.start);
    table.rows.push(current.row);
    current = undefined;
  };
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const v = line.view;
    if (v.trim() === '') continue;
    // A cell that lost its trailing | still belongs to the table when the table goes on after it.
    if (piped && !v.trim().endsWith('|') && !SERIAL.test(v) && !lines.slice(i + 1, i + 3).some((l) => l.view.trim().endsWith('|'))) break;
    const [s, e] = trimmed(view, line.start, line.end);
    const cellView = view.slice(s, e);
    const serial = SERIAL.exec(cellView);
    const glued = serial ? null : GLUED_SERIAL.exec(cellView);
    const marker = readMarker(cellView, source.slice(s, e));
    if (serial) {
      flush();
      current = { row: { firstLine: i, lastLine: i, serial: { start: s, end: e, value: Number(serial[1]), text: source.slice(s, e) }, cells: [] }, spans: [] };
      lastSerial = Number(serial[1]);
    } else if (glued && (lastSerial === 0 || Number(glued[1]) === lastSerial + 1 || Number(glued[1]) === 1)) {
      flush();
      const serialEnd = s + glued[0].length;
      current = { row: { firstLine: i, lastLine: i, serial: { start: s, end: serialEnd, value: Number(glued[1]), text: source.slice(s, serialEnd) }, cells: [] }, spans: [{ start: serialEnd, end: e }] };
      lastSerial = Number(glued[1]);
    } else if (marker && marker.level <= 2) {
      flush();
      // Outside the table once a part is followed by no row.
      if (!piped && !nextIsRow(lines, i + 1)) break;
      table.rows.push({ firstLine: i, lastLine: i, marker, cells: [{ start: s, end: e, role: 'text' }] });
    } else if (current) {
      current.spans.push({ start: s, end: e });
      current.row.lastLine = i;
    } else if (!piped) break;
    table.lastLine = i;
  }
  flush();
  // Give back the blank lines after the last row.
  return table.lastLine + 1;
}

function nextIsRow(lines: Line[], i: number): boolean {
  for (let n = 0; i < lines.length && n < 3; i++) {
    const v = lines[i]!.view.trim();
    if (v === '') continue;
    n++;
    if (SERIAL.test(v.replace(/\|$/, '')) || GLUED_SERIAL.test(v)) return true;
  }
  return false;
}

