/**
 * The 任务分工台账 workbook (src/site/ledger.ts), written and read back with exceljs (and its sheet
 * XML with JSZip, where exceljs would hide how the file stores a thing): the title row, numeric 序号,
 * row heights that fit the text, deadlines as dates, one validation per column, the sheet order of
 * the units page, and the file's properties.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/pipeline.ts';
import { readPlan } from '../../src/lib/read.ts';
import type { Task } from '../../src/lib/schema.ts';
import {
  buildLedgerWorkbook,
  deadlineCell,
  HEADER_ROW,
  LEDGER_SHEET,
  LINE_HEIGHT,
  ledgerXlsx,
  numberCell,
  SPARE_ROWS,
  textWidth,
  wrappedLines,
} from '../../src/site/ledger.ts';
import { unitDirectoryPage } from '../../src/site/routes/units.ts';

const content = await loadContent('content');
const plan = content.plans[0]!;
const doc = plan.document;
const title = plan.metadata.title ?? doc.title;
const SITE = { name: '某县任务分工公开台账', issuer: '某县人民政府办公室' };
const MADE = new Date(Date.UTC(2022, 2, 15, 8, 30));

const bytes = await ledgerXlsx(plan, content.units, { site: SITE, date: MADE });
const workbook = new ExcelJS.Workbook();
await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
const zip = await JSZip.loadAsync(bytes);
const main = workbook.getWorksheet(LEDGER_SHEET)!;

/** The rows of tasks on a sheet, below its header. */
function taskRows(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row, n) => {
    if (n > HEADER_ROW) rows.push(row);
  });
  return rows;
}

describe('each sheet of the ledger', () => {
  it('opens with a title row (the plan and what the sheet lists) merged over the columns, the header below it', () => {
    for (const sheet of workbook.worksheets) {
      const cell = sheet.getCell('A1');
      const subject = sheet.name === LEDGER_SHEET ? LEDGER_SHEET : `${sheet.name}任务清单`;
      expect(cell.value, sheet.name).toBe(`${title} ${subject}`);
      expect(cell.font?.bold).toBe(true);
      expect(cell.isMerged).toBe(true);
      expect(sheet.getRow(HEADER_ROW).getCell(1).value).toBe('序号');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
      expect(sheet.pageSetup.printTitlesRow).toBe(`${HEADER_ROW}:${HEADER_ROW}`);
    }
    const merges = (main.model as { merges?: string[] }).merges ?? [];
    expect(merges).toContain('A1:L1');
  });

  it('writes 序号 as numbers', () => {
    const numbers = taskRows(main).map((r) => r.getCell(1));
    expect(numbers.map((c) => c.type)).toEqual(numbers.map(() => ExcelJS.ValueType.Number));
    expect(numbers.map((c) => c.value)).toEqual(doc.tasks.map((t) => Number(t.id.replace('task-', ''))));
    for (const sheet of workbook.worksheets.slice(1)) for (const row of taskRows(sheet)) expect(row.getCell(1).type, sheet.name).toBe(ExcelJS.ValueType.Number);
  });

  it('gives each row the height of its longest cell, wrapped in its column', () => {
    const widths = main.columns.map((c) => c.width ?? 10);
    let tallest = 0;
    for (const row of taskRows(main)) {
      const texts = widths.map((_, c) => String(row.getCell(c + 1).value ?? ''));
      const lines = Math.max(...texts.map((t, c) => wrappedLines(t, widths[c]!)));
      expect(row.height, texts[1]).toBeGreaterThanOrEqual(lines * LINE_HEIGHT);
      expect(row.height).toBeLessThan((lines + 1) * LINE_HEIGHT + 5);
      tallest = Math.max(tallest, row.height);
    }
    // The seed's longest task wraps to several lines; a one-line row stays low.
    expect(tallest).toBeGreaterThan(4 * LINE_HEIGHT);
    expect(Math.min(...taskRows(main).map((r) => r.height))).toBeLessThan(3 * LINE_HEIGHT);
  });

  it('writes a deadline that names a day as a date shown as written, and keeps others as text', () => {
    const task25 = taskRows(main).find((r) => r.getCell(1).value === 25)!;
    const cell = task25.getCell(6);
    expect(cell.type).toBe(ExcelJS.ValueType.Date);
    expect((cell.value as Date).toISOString()).toBe('2022-11-20T00:00:00.000Z');
    expect(cell.numFmt).toBe('yyyy"年"m"月"d"日前"');
    const unitSheet = workbook.worksheets.find((s) => s.name !== LEDGER_SHEET && taskRows(s).some((r) => r.getCell(1).value === 25))!;
    expect(
      taskRows(unitSheet)
        .find((r) => r.getCell(1).value === 25)!
        .getCell(4).type,
    ).toBe(ExcelJS.ValueType.Date);
    // No other task of the seed has a deadline: empty text, not a date.
    expect(taskRows(main).filter((r) => r.getCell(6).type === ExcelJS.ValueType.Date)).toHaveLength(1);
  });

  it('holds one validation range per column: 状态 as the four stages, 报告日期 as a date', async () => {
    for (const [i, sheet] of workbook.worksheets.entries()) {
      const xml = await zip.file(`xl/worksheets/sheet${i + 1}.xml`)!.async('string');
      const sqrefs = [...xml.matchAll(/<dataValidation\b[^>]*\bsqref="([^"]+)"/g)].map((m) => m[1]);
      const last = HEADER_ROW + taskRows(sheet).length + SPARE_ROWS;
      const [status, date] = sheet.name === LEDGER_SHEET ? ['J', 'L'] : ['H', 'J'];
      expect(sqrefs, sheet.name).toEqual([`${status}${HEADER_ROW + 1}:${status}${last}`, `${date}${HEADER_ROW + 1}:${date}${last}`]);
    }
    expect(main.getCell('J3').dataValidation).toMatchObject({ type: 'list', formulae: ['"未启动,推进中,已完成,滞后"'] });
    expect(main.getCell('L40').dataValidation).toMatchObject({ type: 'date' });
  });

  it('comes in the order the units page lists the units', () => {
    const directory = unitDirectoryPage({ plans: [{ ...plan, id: plan.id }], units: content.units } as never).kinds.flatMap((k) => k.units.map((u) => u.name));
    const sheets = workbook.worksheets.slice(1).map((s) => s.name);
    expect(sheets.length).toBeGreaterThan(10);
    expect(sheets).toEqual(directory.filter((name) => sheets.includes(name)));
  });
});

describe('the ledger read back as a plan (src/lib/xlsx.ts)', () => {
  it('reads 序号 as numbers and a date deadline as the plan writes it, with the words after the day', async () => {
    const read = await readPlan(bytes, 'ledger.xlsx');
    expect(read.ok).toBe(true);
    const lines = read.ok ? read.text.split('\n') : [];
    expect(lines[0]).toBe(`${title} ${LEDGER_SHEET}`);
    expect(lines[1]).toMatch(/^序号 \| 重点任务 \|/);
    expect(lines[2]).toMatch(/^1 \| /);
    expect(lines.find((l) => l.startsWith('25 | '))).toContain('| 2022年11月20日前 |');
  });
});

describe('the workbook', () => {
  it('has its title, subject, author, company and dates', () => {
    expect(workbook.title).toBe(`${title} ${LEDGER_SHEET}`);
    expect(workbook.subject).toContain(title);
    expect(workbook.creator).toBe(SITE.issuer);
    expect(workbook.lastModifiedBy).toBe(SITE.issuer);
    expect(workbook.company).toBe(SITE.issuer);
    expect(workbook.created.toISOString()).toBe(MADE.toISOString());
    expect(workbook.modified.toISOString()).toBe(MADE.toISOString());
  });

  it('names the site when site.yaml gives no issuer', () => {
    const book = buildLedgerWorkbook(plan, content.units, { site: { name: SITE.name }, date: MADE });
    expect(book.creator).toBe(SITE.name);
    expect(book.company).toBe(SITE.name);
  });
});

describe('cells', () => {
  it('numberCell: whole numbers become numbers, sub-task numbers stay text', () => {
    expect(numberCell('24')).toBe(24);
    expect(numberCell('12-3')).toBe('12-3');
    expect(numberCell('07')).toBe('07');
  });

  it('deadlineCell: a date only where the text names that day', () => {
    const d = (text: string, date?: string): Task['deadlines'] => [{ text, ...(date ? { date } : {}) }];
    expect(deadlineCell(d('2022年11 月20日前', '2022-11-20'))).toMatchObject({ numFmt: 'yyyy"年"m"月"d"日前"', text: '2022年11月20日前' });
    expect(deadlineCell(d('2023年3月1日', '2023-03-01'))).toMatchObject({ numFmt: 'yyyy"年"m"月"d"日"' });
    expect(deadlineCell(d('2022年6月底前', '2022-06-30'))).toBe('2022年6月底前');
    expect(deadlineCell(d('6月底前'))).toBe('6月底前');
    expect(deadlineCell(d('长期坚持'))).toBe('长期坚持');
    expect(deadlineCell(d('2022年6月', '2022-06'))).toBe('2022年6月');
    expect(deadlineCell([...d('2022年5月1日', '2022-05-01'), ...d('2022年9月1日', '2022-09-01')])).toBe('2022年5月1日;2022年9月1日');
    expect(deadlineCell([])).toBe('');
  });

  it('textWidth counts a CJK character as about two digits', () => {
    expect(textWidth('1234')).toBe(4);
    expect(textWidth('任务')).toBeCloseTo(4.6);
    expect(wrappedLines('任'.repeat(50), 60)).toBe(2);
    expect(wrappedLines('任'.repeat(52), 60)).toBe(3);
    expect(wrappedLines('一\n二', 60)).toBe(2);
  });
});
