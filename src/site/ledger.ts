/**
 * The 任务分工台账 of one plan as an Excel workbook: a sheet with every task (序号 / 重点任务 /
 * 牵头单位 / 配合单位 / 责任单位 / 完成时限 / 备注), then one sheet per unit, in the order of the units
 * page. Each sheet ends with empty 填报单位 / 状态 / 进展情况 / 报告日期 columns for departments to
 * fill in (a unit's own sheet has its name in 填报单位 already); the filled-in workbook is read back
 * as `progress/<plan-id>.xlsx` (src/lib/progress.ts) with no retyping.
 *
 * Each sheet: a title row (the plan and what the sheet lists) above the header row, frozen panes
 * below the header, wrapped text, column widths, and row heights estimated from the text (Excel
 * does not fit them when it opens a file); 序号 as numbers where they are whole numbers (a
 * sub-task's 12-3 stays text); a deadline that names a day as an Excel date shown as written
 * (2022年11月20日前), any other deadline (长期坚持, 6月底前 with no year) as its text; one list
 * validation over the 状态 column and one date validation over 报告日期; A4 landscape printing with
 * the header on every page; the workbook's title, subject, author and company (content/site.yaml).
 * Text goes in as string cells, which Excel never evaluates, so no formula prefix is needed here.
 */
import ExcelJS from 'exceljs';
import { PROGRESS_STATUSES } from '../lib/progress.ts';
import type { Deadline, SiteConfig, Unit } from '../lib/schema.ts';
import { LEDGER_HEADER, UNIT_LEDGER_HEADER, ledgerRows, sheetNames, unitLedgers } from './opendata.ts';
import type { PlanInput } from './units.ts';

export const LEDGER_SHEET = '任务分工台账';

/** The columns departments fill in, after the ledger's own; the names src/lib/progress.ts reads. */
export const PROGRESS_COLUMNS = ['填报单位', '状态', '进展情况', '报告日期'] as const;
const PROGRESS_WIDTHS: Column[] = [{ width: 16 }, { width: 10, center: true }, { width: 40 }, { width: 13, center: true }];

/** Rows left below the tasks that still offer the drop-down and the date check (a second report on a copied row). */
export const SPARE_ROWS = 200;

/** The header is row 2, under the title row; tasks start on row 3. */
export const HEADER_ROW = 2;
const FIRST_ROW = HEADER_ROW + 1;

/** exceljs keeps range validations on the sheet, but its types leave them out. */
type WithValidations = ExcelJS.Worksheet & { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

function columnLetter(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

/** 状态 as a drop-down of the four stages, 报告日期 as a date: one validation over each column. */
function addProgressInputs(sheet: ExcelJS.Worksheet, firstColumn: number, rows: number): void {
  const status = columnLetter(firstColumn + 1);
  const date = columnLetter(firstColumn + 3);
  const last = FIRST_ROW + rows - 1 + SPARE_ROWS;
  sheet.getColumn(firstColumn + 3).numFmt = 'yyyy-mm-dd';
  const validations = (sheet as WithValidations).dataValidations;
  validations.add(`${status}${FIRST_ROW}:${status}${last}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${PROGRESS_STATUSES.join(',')}"`],
    showErrorMessage: true,
    errorTitle: '状态',
    error: `请选择:${PROGRESS_STATUSES.join('、')}`,
  });
  validations.add(`${date}${FIRST_ROW}:${date}${last}`, {
    type: 'date',
    operator: 'greaterThan',
    allowBlank: true,
    formulae: [new Date(Date.UTC(1999, 11, 31))],
    showErrorMessage: true,
    errorTitle: '报告日期',
    error: '请填写日期,例如 2022-06-30',
  });
}

interface Column {
  width: number;
  center?: boolean;
}

/** A date cell, shown in the words of the plan. */
export interface DateCell {
  date: Date;
  numFmt: string;
  /** What the cell shows. */
  text: string;
}

export type LedgerCell = string | number | DateCell;

/** 序号 as a number when it is a whole number ('24' → 24); a sub-task's '12-3' stays text. */
export function numberCell(number: string): string | number {
  return /^[1-9]\d{0,8}$/.test(number) ? Number(number) : number;
}

/**
 * A deadline as an Excel date when the task has one deadline and its text names that very day
 * (2022年11月20日前, 2022年11月20日): the cell holds the date and its number format writes it as the
 * text does, so that it sorts and filters as a date and reads as the plan reads. Anything else
 * stays text: no deadline, several, a month or season (6月底前, 年底前, 三季度), no year, 长期坚持.
 */
export function deadlineCell(deadlines: readonly Deadline[]): string | DateCell {
  const text = deadlines.map((d) => d.text.trim()).join(';');
  if (deadlines.length !== 1) return text;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(deadlines[0]!.date ?? '');
  const written = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号](前|之前|以前)?$/.exec(text.replace(/\s+/g, ''));
  if (!iso || !written) return text;
  const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  if (Number(written[1]) !== y || Number(written[2]) !== m || Number(written[3]) !== d) return text;
  return { date: new Date(Date.UTC(y, m - 1, d)), numFmt: `yyyy"年"m"月"d"日${written[4] ?? ''}"`, text: `${y}年${m}月${d}日${written[4] ?? ''}` };
}

// ── Row heights ─────────────────────────────────────────────────────────────
// Excel measures a column in widths of the default font's digit (Calibri 11: 7 px); a CJK
// character of the same size is 2.1 of them in Excel and about 2.3 in LibreOffice (measured on the
// seed: 25 characters a line in a column of 60), a Latin letter or digit about 1. A line of 11-point
// CJK text takes 14.25 points in Excel's 等线 and about 16 in Noto Sans CJK. The estimate takes the
// larger figures: a row a little high in Excel, never a line cut off in either.

const WIDE = /[\u1100-\u115F\u2E80-\u303F\u3040-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;
const WIDE_WIDTH = 2.3;
export const LINE_HEIGHT = 16.5;
const ROW_PADDING = 4;

/** Width of a text in Excel's column units. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? WIDE_WIDTH : 1;
  return width;
}

/** Lines a text takes when wrapped in a column of this width (a margin of one unit inside the cell). */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text.split(/\r?\n/).reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}

/** The height in points that shows every cell of a row whole. */
export function rowHeight(texts: readonly string[], widths: readonly number[], lineHeight = LINE_HEIGHT): number {
  const lines = Math.max(1, ...texts.map((t, i) => (t ? wrappedLines(t, widths[i] ?? 10) : 1)));
  return lines * lineHeight + ROW_PADDING;
}

const cellText = (value: LedgerCell) => (typeof value === 'object' ? value.text : String(value));

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  header: readonly string[],
  columns: Column[],
  rows: LedgerCell[][],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW, topLeftCell: `B${FIRST_ROW}`, activeCell: `B${FIRST_ROW}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.6, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddHeader: `&C${title.replace(/&/g, '&&')}`, oddFooter: '&C— &P —' },
  });
  const widths = columns.map((c) => c.width);
  sheet.columns = columns.map((c) => ({ width: c.width }));

  // Row 1: the title, across every column.
  const titleRow = sheet.getRow(1);
  titleRow.getCell(1).value = title;
  sheet.mergeCells(1, 1, 1, header.length);
  titleRow.getCell(1).font = { bold: true, size: 14 };
  titleRow.getCell(1).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  const titleWidth = widths.reduce((a, b) => a + b, 0);
  titleRow.height = Math.max(28, wrappedLines(title, titleWidth / (14 / 11)) * 20 + 8);

  const headerRow = sheet.getRow(HEADER_ROW);
  headerRow.values = [...header];
  headerRow.font = { bold: true };
  headerRow.height = Math.max(22, rowHeight([...header], widths));
  headerRow.eachCell((cell) => {
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEBE3' } };
  });
  const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };
  rows.forEach((values, i) => {
    const row = sheet.getRow(FIRST_ROW + i);
    values.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      if (typeof value === 'object') {
        cell.value = value.date;
        cell.numFmt = value.numFmt;
      } else cell.value = value;
    });
    row.height = rowHeight(values.map(cellText), widths);
  });
  for (let r = HEADER_ROW; r < FIRST_ROW + rows.length; r++) {
    const row = sheet.getRow(r);
    for (let col = 1; col <= header.length; col++) {
      const cell = row.getCell(col);
      cell.border = { top: thin, left: thin, bottom: thin, right: thin };
      if (r > HEADER_ROW) cell.alignment = { vertical: 'top', wrapText: true, horizontal: columns[col - 1]?.center ? 'center' : 'left' };
    }
  }
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: header.length } };
  return sheet;
}

export interface LedgerOptions {
  /** The portal (content/site.yaml): author and company of the file. */
  site?: Pick<SiteConfig, 'name' | 'issuer'>;
  /** When the file is made: created and modified. */
  date?: Date;
}

/** When a build makes its files: `SOURCE_DATE_EPOCH` (seconds) for a reproducible build, else now. */
export function buildDate(env: Record<string, string | undefined> = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
}

/** The workbook of one plan; `units` is every unit the site knows (for group members). */
export function buildLedgerWorkbook(plan: PlanInput, units: Unit[], options: LedgerOptions = {}): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const planTitle = plan.metadata.title ?? plan.document.title;
  const siteName = options.site?.name ?? '任务分工公开台账';
  const author = options.site?.issuer ?? siteName;
  const ledgers = unitLedgers(plan, units);
  workbook.title = `${planTitle} ${LEDGER_SHEET}`;
  workbook.subject = `${planTitle}:任务分工与落实情况`;
  workbook.creator = author;
  workbook.lastModifiedBy = author;
  workbook.company = author;
  workbook.category = '督查台账';
  workbook.keywords = `任务分工,督查台账,${planTitle}`;
  workbook.description = `${planTitle}的${LEDGER_SHEET}:${plan.document.tasks.length} 项任务,另有 ${ledgers.length} 个责任单位各一张工作表。由${siteName}根据原文整理,以原文为准。`;
  workbook.created = workbook.modified = options.date ?? buildDate();

  const main = addSheet(
    workbook,
    LEDGER_SHEET,
    `${planTitle} ${LEDGER_SHEET}`,
    [...LEDGER_HEADER, ...PROGRESS_COLUMNS],
    [{ width: 7, center: true }, { width: 60 }, { width: 18 }, { width: 24 }, { width: 24 }, { width: 14 }, { width: 22 }, { width: 16 }, ...PROGRESS_WIDTHS],
    ledgerRows(plan.document).map((r, i) => [
      numberCell(r.number),
      r.task,
      r.lead,
      r.support,
      r.responsible,
      deadlineCell(plan.document.tasks[i]!.deadlines),
      r.note,
      r.source,
      '',
      '',
      '',
      '',
    ]),
  );
  addProgressInputs(main, LEDGER_HEADER.length + 1, plan.document.tasks.length);

  const deadlines = new Map(ledgerRows(plan.document).map((r, i) => [r.number, plan.document.tasks[i]!.deadlines]));
  const names = sheetNames(
    ledgers.map((l) => l.unit.name),
    [LEDGER_SHEET],
  );
  ledgers.forEach((ledger, i) => {
    const sheet = addSheet(
      workbook,
      names[i]!,
      `${planTitle} ${ledger.unit.name}任务清单`,
      [...UNIT_LEDGER_HEADER, ...PROGRESS_COLUMNS],
      [{ width: 7, center: true }, { width: 70 }, { width: 8, center: true }, { width: 16 }, { width: 26 }, { width: 16 }, ...PROGRESS_WIDTHS],
      ledger.rows.map((r) => [
        numberCell(r.number),
        r.task,
        r.role,
        deadlineCell(deadlines.get(r.number) ?? []),
        r.note,
        r.source,
        ledger.unit.name,
        '',
        '',
        '',
      ]),
    );
    addProgressInputs(sheet, UNIT_LEDGER_HEADER.length + 1, ledger.rows.length);
  });
  return workbook;
}

export async function ledgerXlsx(plan: PlanInput, units: Unit[], options: LedgerOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await buildLedgerWorkbook(plan, units, options).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
