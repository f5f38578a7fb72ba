/**
 * Writes examples/with-progress/progress/2023-work-safety.xlsx: the 任务分工台账 the site publishes
 * for the example's 2023 plan, filled in with invented reports the way departments fill it in (each on
 * its own sheet, the office on the first), so that the example shows the round trip.
 * Run: `npm exec -- node scripts/example-ledger.ts`.
 */
import { writeFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { loadContent } from '../src/lib/pipeline.ts';
import { buildLedgerWorkbook, HEADER_ROW, LEDGER_SHEET } from '../src/site/ledger.ts';

const DIR = 'examples/with-progress';
const PLAN = '2023-work-safety';

/** Sheet (a unit's name, or the 任务分工台账) → task → reports, oldest first. */
const FILLED: { sheet: string; task: string; date: string; status: string; note: string }[] = [
  { sheet: '县安全生产委员会办公室', task: '1', date: '2023-03-28', status: '已完成', note: '(示例)成员单位安全生产工作职责清单已印发。' },
  { sheet: '县委组织部', task: '2', date: '2023-06-20', status: '推进中', note: '(示例)巡查考核方案已报县委审定。' },
  { sheet: '县应急管理局', task: '2', date: '2023-06-20', status: '推进中', note: '(示例)完成上半年巡查5个镇。' },
  { sheet: '县应急管理局', task: '3', date: '2023-05-15', status: '推进中', note: '(示例)规模以上企业达标率62%。' },
  { sheet: '县工业和信息化局', task: '3', date: '2023-05-15', status: '推进中', note: '(示例)指导12家工业企业开展标准化自评。' },
  { sheet: '县住房和城乡建设局', task: '4', date: '2023-04-30', status: '推进中', note: '(示例)排查老旧小区燃气管道41处。' },
  { sheet: '县住房和城乡建设局', task: '4', date: '2023-06-28', status: '滞后', note: '(示例)尚有2个小区管道改造未完工。' },
  { sheet: '县住房和城乡建设局', task: '4', date: '2023-07-12', status: '已完成', note: '(示例)全部整改完成(晚于统计日期)。' },
  { sheet: LEDGER_SHEET, task: '5', date: '2023-06-30', status: '推进中', note: '(示例)气瓶追溯系统招标中。' },
  { sheet: '县交通运输局', task: '6', date: '2023-06-15', status: '推进中', note: '(示例)已建防护栏12公里。' },
  { sheet: '县应急管理局', task: '8', date: '2023-05-20', status: '推进中', note: '(示例)预案修订稿征求意见中,演练推迟。' },
];

const content = await loadContent(DIR);
const plan = content.plans.find((p) => p.id === PLAN);
if (!plan) throw new Error(`${DIR}/plans/${PLAN}.txt is missing`);
const workbook = buildLedgerWorkbook(plan, content.units, { site: content.site, date: new Date(Date.UTC(2023, 6, 15)) });

const columnsOf = (sheet: ExcelJS.Worksheet) => (sheet.getRow(HEADER_ROW).values as unknown[]).map((v) => String(v ?? ''));
const used = new Set<string>();
for (const entry of FILLED) {
  const sheet = workbook.getWorksheet(entry.sheet);
  if (!sheet) throw new Error(`No sheet ${entry.sheet}`);
  const columns = columnsOf(sheet);
  // A second report on the same task goes on a copy of its row at the end of the sheet.
  let target: ExcelJS.Row | undefined;
  sheet.eachRow((row, n) => {
    if (n > HEADER_ROW && !target && String(row.getCell(1).value) === entry.task) target = row;
  });
  if (!target) throw new Error(`No task ${entry.task} on ${entry.sheet}`);
  const key = `${entry.sheet}|${entry.task}`;
  if (used.has(key)) {
    const copy = sheet.addRow((target.values as unknown[]).slice(1));
    copy.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.style = target!.getCell(col).style;
    });
    target = copy;
  }
  used.add(key);
  target.getCell(columns.indexOf('状态')).value = entry.status;
  target.getCell(columns.indexOf('进展情况')).value = entry.note;
  target.getCell(columns.indexOf('报告日期')).value = new Date(`${entry.date}T00:00:00Z`);
}
const out = `${DIR}/progress/${PLAN}.xlsx`;
writeFileSync(out, new Uint8Array(await workbook.xlsx.writeBuffer()));
console.log(`Wrote ${out} (${FILLED.length} reports)`);
