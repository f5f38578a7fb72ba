/**
 * Excel 任务分工表 (.xlsx) → the plan's text, with each line's cells mapped back to `Sheet!C7`.
 *
 * Every visible sheet whose first rows hold a 任务分工 header is read (cover and notes sheets have
 * none and are left out; a workbook where no sheet has one is read whole, for the parser to say what
 * it finds). Rows above the header (the title, the covering sentence) are lines of text; the header
 * and the rows below it are pipe rows, merged cells expanded by the grid model (src/lib/grid.ts);
 * a cell's line breaks (Alt+Enter) become spaces within its cell.
 */
import type ExcelJS from 'exceljs';
import type JSZip from 'jszip';
import { unpackedTooLarge } from './docx.ts';
import { cellAt, expandSpans, isHeaderRow, pipeRow, type SpanCell } from './grid.ts';
import type { ReadResult } from './read.ts';

/**
 * How far down a sheet its header may be: title rows, a covering sentence, a blank row or two, or
 * the whole covering notice typed above the table (title, 文号, addressees, paragraphs, 附件, signature).
 */
const HEADER_ROWS = 40;

interface CellPlace {
  sheet: string;
  address: string;
}

/** Excel's way of naming a sheet in a reference: quoted when it holds anything but letters and digits. */
function sheetRef(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function columnName(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

const pad = (n: number) => String(n);

/** What a date cell's number format shows: the date in full, its month or year alone, or none; the time to the minute, to the second or none. */
interface DateShown {
  date: 'day' | 'month' | 'year' | 'none';
  time: 'minutes' | 'seconds' | 'none';
}

/**
 * Read a number format's date and time codes. Quoted text, escapes and locale or colour brackets are
 * no codes; `[h]` and `[mm]` (elapsed time) are. An `m` right after an hour or right before a second
 * is minutes, any other `m` the month (`yyyy/m/d h:mm`, `h"时"mm"分"`, `mm:ss`).
 */
export function dateShown(numFmt: string | undefined): DateShown {
  if (!numFmt) return { date: 'day', time: 'none' };
  const codes = numFmt.replace(/"[^"]*"|\\.|\[(?![hms]+\])[^\]]*\]/gi, ' ').replace(/[[\]]/g, '');
  const runs = [...codes.matchAll(/y+|m+|d+|h+|s+|a(?:m\/pm|\/p)/gi)].map((r) => r[0][0]!.toLowerCase());
  let month = false;
  let day = false;
  let year = false;
  let minutes = false;
  let seconds = false;
  let hours = false;
  runs.forEach((run, k) => {
    if (run === 'y') year = true;
    else if (run === 'd') day = true;
    else if (run === 'h') hours = true;
    else if (run === 's') seconds = true;
    else if (run === 'm') {
      if (runs[k - 1] === 'h' || runs[k + 1] === 's') minutes = true;
      else month = true;
    }
  });
  const time = seconds ? 'seconds' : hours || minutes ? 'minutes' : 'none';
  const date = day ? 'day' : month ? 'month' : year ? 'year' : 'none';
  // A format with no code at all (`General` on a date) shows the date.
  return date === 'none' && time === 'none' ? { date: 'day', time: 'none' } : { date, time };
}

/**
 * The text a cell shows: rich text and hyperlinks as their text, a formula as its result, a date as
 * 2024年6月30日 (2024年6月 where its format shows no day), with the words its number format writes after the day (`yyyy"年"m"月"d"日前"`, as
 * the published ledger writes a deadline: 2024年6月30日前).
 */
function cellText(value: ExcelJS.CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const shown = dateShown(numFmt);
    const year = value.getUTCFullYear();
    const month = value.getUTCMonth() + 1;
    // A format that shows no day (`yyyy"年"m"月"`) makes the month the deadline, as the sheet shows it.
    let text = '';
    if (shown.date === 'year') text = `${year}年`;
    else if (shown.date === 'month') text = `${year}年${pad(month)}月${(numFmt && /m+\s*"月([^"]*)"\s*$/.exec(numFmt)?.[1]) ?? ''}`;
    else if (shown.date === 'day') text = `${year}年${pad(month)}月${pad(value.getUTCDate())}日${(numFmt && /d+\s*"日([^"]*)"\s*$/.exec(numFmt)?.[1]) ?? ''}`;
    // A time of day (`h:mm`, `yyyy/m/d h:mm`) as a clock shows it; a time alone has no date (Excel's day 0).
    if (shown.time !== 'none') {
      const two = (n: number) => String(n).padStart(2, '0');
      const clock = `${value.getUTCHours()}:${two(value.getUTCMinutes())}${shown.time === 'seconds' ? `:${two(value.getUTCSeconds())}` : ''}`;
      text = text === '' ? clock : `${text} ${clock}`;
    }
    return text;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue, numFmt);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function merges(sheet: ExcelJS.Worksheet): Merge[] {
  const out: Merge[] = [];
  for (const range of (sheet.model as { merges?: string[] }).merges ?? []) {
    const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(range);
    if (!m) continue;
    const col = (s: string) => [...s].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
    out.push({ left: col(m[1]!), top: Number(m[2]), right: col(m[3]!), bottom: Number(m[4]) });
  }
  return out;
}

interface SheetLines {
  lines: string[];
  places: ({ place: CellPlace } | { cells: { start: number; end: number; place?: CellPlace }[] })[];
  hasHeader: boolean;
}

function readSheet(sheet: ExcelJS.Worksheet): SheetLines {
  const width = sheet.columnCount;
  const height = sheet.rowCount;
  const ranges = merges(sheet);
  const master = new Map<string, Merge>();
  const covered = new Set<string>();
  for (const r of ranges) {
    master.set(`${r.top}:${r.left}`, r);
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) if (row !== r.top || col !== r.left) covered.add(`${row}:${col}`);
  }
  const texts: string[][] = [];
  for (let r = 1; r <= height; r++) {
    const row = sheet.getRow(r);
    texts.push(
      Array.from({ length: width }, (_, c) => (covered.has(`${r}:${c + 1}`) ? '' : cellText(row.getCell(c + 1).value, row.getCell(c + 1).numFmt).trim())),
    );
  }
  const place = (r: number, c: number): CellPlace => ({ sheet: sheet.name, address: `${columnName(c)}${r}` });
  let header = texts.slice(0, HEADER_ROWS).findIndex((cells) => isHeaderRow(cells));
  const hasHeader = header >= 0;
  if (!hasHeader) header = texts.length;
  const out: SheetLines = { lines: [], places: [], hasHeader };
  // Above the header: text lines (a title merged across the columns is one cell).
  for (let r = 0; r < header; r++) {
    const c = texts[r]!.findIndex((t) => t !== '');
    if (c < 0) continue;
    for (const line of texts[r]!.filter((t) => t !== '')
      .join(' ')
      .split(/\r?\n/)) {
      out.lines.push(line.trim());
      out.places.push({ place: place(r + 1, c + 1) });
    }
  }
  if (!hasHeader) return out;
  const rows: SpanCell<CellPlace>[][] = [];
  const rowNumbers: number[] = [];
  for (let r = header; r < texts.length; r++) {
    const excelRow = r + 1;
    // A blank row is no task; a row whose cells are all covered by merges from above still is one.
    const blank = texts[r]!.every((t) => t === '') && !texts[r]!.some((_, c) => covered.has(`${excelRow}:${c + 1}`));
    if (blank) continue;
    rowNumbers.push(excelRow);
    const cells: SpanCell<CellPlace>[] = [];
    for (let c = 1; c <= width; c++) {
      if (covered.has(`${excelRow}:${c}`)) continue;
      const m = master.get(`${excelRow}:${c}`);
      cells.push({ text: texts[r]![c - 1]!, rowSpan: m ? m.bottom - m.top + 1 : 1, colSpan: m ? m.right - m.left + 1 : 1, place: place(excelRow, c) });
    }
    rows.push(cells);
  }
  // Merges count rows of the sheet; a blank row left out inside one would shift them, so spans are
  // cut to the rows that are kept.
  for (let i = 0; i < rows.length; i++)
    for (const cell of rows[i]!) {
      const span = cell.rowSpan ?? 1;
      if (span > 1) {
        const last = rowNumbers[i]! + span - 1;
        let kept = 0;
        for (let j = i; j < rowNumbers.length && rowNumbers[j]! <= last; j++) kept++;
        cell.rowSpan = kept;
      }
    }
  for (const cells of expandSpans(rows)) {
    const { line, cells: placed } = pipeRow(cells);
    out.lines.push(line);
    out.places.push({ cells: placed });
  }
  return out;
}

export async function xlsxToText(bytes: Uint8Array): Promise<ReadResult> {
  const [{ default: Zip }, { default: Excel }] = await Promise.all([import('jszip'), import('exceljs')]);
  let zip: JSZip;
  try {
    zip = await Zip.loadAsync(bytes);
  } catch {
    return {
      ok: false,
      ruleId: 'undecodable',
      reason: 'Unexpected damaged .xlsx (the ZIP container is cut short or broken), expected a workbook that Excel can open',
    };
  }
  const tooLarge = unpackedTooLarge(zip, '.xlsx');
  if (tooLarge) return { ok: false, ruleId: 'unsupported-format', reason: tooLarge };
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    return {
      ok: false,
      ruleId: 'undecodable',
      reason: `Unexpected .xlsx that cannot be read (${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}), expected a workbook that Excel can open: open it in Excel or WPS and save it again as .xlsx`,
    };
  }
  const sheets = workbook.worksheets.filter((s) => s.state !== 'hidden' && s.state !== 'veryHidden').map((s) => ({ name: s.name, ...readSheet(s) }));
  const chosen = sheets.some((s) => s.hasHeader) ? sheets.filter((s) => s.hasHeader) : sheets;
  const lines: string[] = [];
  const places: SheetLines['places'] = [];
  for (const sheet of chosen) {
    if (sheet.lines.length === 0) continue;
    if (lines.length > 0) {
      lines.push('');
      places.push({ place: { sheet: sheet.name, address: 'A1' } });
    }
    lines.push(...sheet.lines);
    places.push(...sheet.places);
  }
  const text = `${lines.join('\n')}\n`;
  if (text.trim() === '')
    return { ok: false, ruleId: 'empty-file', reason: 'Unexpected .xlsx without text in its sheets, expected the 任务分工 table of a plan' };
  return {
    ok: true,
    text,
    format: 'xlsx',
    encoding: 'xlsx',
    place: (line, column) => {
      const at = places[line - 1];
      if (!at) return undefined;
      const cell = 'place' in at ? at.place : cellAt(at.cells, column - 1)?.place;
      return cell ? `Excel: ${sheetRef(cell.sheet)}!${cell.address}` : undefined;
    },
  };
}
