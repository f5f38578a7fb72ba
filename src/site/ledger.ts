/**
 * The 任务分工台账 of one plan as an Excel workbook: a sheet with every task (序号 / 重点任务 /
 * 牵头单位 / 配合单位 / 责任单位 / 完成时限 / 备注), then one sheet per unit. Each sheet ends with
 * empty 填报单位 / 状态 / 进展情况 / 报告日期 columns for departments to fill in (a unit's own sheet has
 * its name in 填报单位 already); the filled-in workbook is read back as `progress/<plan-id>.xlsx`
 * (src/lib/progress.ts) with no retyping. Header row, frozen
 * panes, wrapped text, column widths, and A4 landscape printing with the header on every page.
 * Text goes in as string cells, which Excel never evaluates, so no formula prefix is needed here.
 */
import ExcelJS from 'exceljs';
import { PROGRESS_STATUSES } from '../lib/progress.ts';
import type { Unit } from '../lib/schema.ts';
import { LEDGER_HEADER, UNIT_LEDGER_HEADER, ledgerRows, sheetNames, unitLedgers } from './opendata.ts';
import type { PlanInput } from './units.ts';

export const LEDGER_SHEET = '任务分工台账';

/** The columns departments fill in, after the ledger's own; the names src/lib/progress.ts reads. */
export const PROGRESS_COLUMNS = ['填报单位', '状态', '进展情况', '报告日期'] as const;
const PROGRESS_WIDTHS: Column[] = [{ width: 16 }, { width: 10, center: true }, { width: 40 }, { width: 13, center: true }];

/** 状态 as a drop-down of the four stages, 报告日期 as a date. */
function addProgressInputs(sheet: ExcelJS.Worksheet, firstColumn: number, rows: number): void {
  const status = firstColumn + 1;
  const date = firstColumn + 3;
  sheet.getColumn(date).numFmt = 'yyyy-mm-dd';
  for (let row = 2; row <= rows + 1; row++) {
    sheet.getCell(row, status).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${PROGRESS_STATUSES.join(',')}"`],
      showErrorMessage: true,
      errorTitle: '状态',
      error: `请选择:${PROGRESS_STATUSES.join('、')}`,
    };
    sheet.getCell(row, date).dataValidation = {
      type: 'date',
      operator: 'greaterThan',
      allowBlank: true,
      formulae: [new Date(Date.UTC(1999, 11, 31))],
      showErrorMessage: true,
      errorTitle: '报告日期',
      error: '请填写日期,例如 2022-06-30',
    };
  }
}

interface Column {
  width: number;
  center?: boolean;
}

function addSheet(workbook: ExcelJS.Workbook, name: string, title: string, header: readonly string[], columns: Column[], rows: string[][]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2', activeCell: 'B2' }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.6, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
      printTitlesRow: '1:1',
    },
    headerFooter: { oddHeader: `&C${title.replace(/&/g, '&&')}`, oddFooter: '&C— &P —' },
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const headerRow = sheet.addRow([...header]);
  headerRow.font = { bold: true };
  headerRow.height = 22;
  headerRow.eachCell((cell) => {
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEBE3' } };
  });
  for (const values of rows) {
    const row = sheet.addRow(values);
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: columns[col - 1]?.center ? 'center' : 'left' };
    });
  }
  const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };
  sheet.eachRow((row) => {
    for (let col = 1; col <= header.length; col++) row.getCell(col).border = { top: thin, left: thin, bottom: thin, right: thin };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  return sheet;
}

/** The workbook of one plan; `units` is every unit the site knows (for group members). */
export function buildLedgerWorkbook(plan: PlanInput, units: Unit[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const planTitle = plan.metadata.title ?? plan.document.title;
  workbook.title = `${planTitle} ${LEDGER_SHEET}`;
  workbook.subject = planTitle;
  // Fixed dates keep the file the same from build to build.
  workbook.created = workbook.modified = new Date(Date.UTC(2000, 0, 1));

  addSheet(
    workbook,
    LEDGER_SHEET,
    `${planTitle} ${LEDGER_SHEET}`,
    [...LEDGER_HEADER, ...PROGRESS_COLUMNS],
    [{ width: 7, center: true }, { width: 60 }, { width: 18 }, { width: 24 }, { width: 24 }, { width: 14 }, { width: 22 }, { width: 16 }, ...PROGRESS_WIDTHS],
    ledgerRows(plan.document).map((r) => [r.number, r.task, r.lead, r.support, r.responsible, r.deadline, r.note, r.source, '', '', '', '']),
  );
  addProgressInputs(workbook.getWorksheet(LEDGER_SHEET)!, LEDGER_HEADER.length + 1, plan.document.tasks.length);

  const ledgers = unitLedgers(plan, units);
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
      ledger.rows.map((r) => [r.number, r.task, r.role, r.deadline, r.note, r.source, ledger.unit.name, '', '', '']),
    );
    addProgressInputs(sheet, UNIT_LEDGER_HEADER.length + 1, ledger.rows.length);
  });
  return workbook;
}

export async function ledgerXlsx(plan: PlanInput, units: Unit[]): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await buildLedgerWorkbook(plan, units).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
