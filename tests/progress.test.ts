/** Progress reports: reading CSV and the filled-in ledger, diagnostics by row and column, the roll-up. */
import { describe, expect, it } from 'vitest';
import { loadContent, loadRegistry } from '../src/lib/pipeline.ts';
import {
  type ProgressReport,
  deadlineDay,
  normalizeTaskNumber,
  parseReportDate,
  planProgress,
  readProgress,
  resolveAsOf,
  rollUpTask,
} from '../src/lib/progress.ts';
import type { Task } from '../src/lib/schema.ts';
import { buildLedgerWorkbook, HEADER_ROW, LEDGER_SHEET } from '../src/site/ledger.ts';

const content = await loadContent('content');
const plan = content.plans[0]!;
const doc = plan.document;
const { registry } = await loadRegistry('content/units.yaml');
const context = { document: doc, registry, units: content.units };
const task = (n: string) => doc.tasks.find((t) => t.id === `task-${n}`)!;
const utf8 = (text: string) => new TextEncoder().encode(text);

const statuses = (reports: ProgressReport[]) => reports.map((r) => `${r.task}|${r.unit ?? ''}|${r.date}|${r.status}`).sort();

/** Reports on the seed used by the CSV and the ledger alike. */
const FILLED: { task: string; unit: string; date: string; status: string; note: string }[] = [
  { task: '21', unit: '县住房和城乡建设局', date: '2022-06-30', status: '推进中', note: '已完成排查' },
  { task: '24', unit: '县住房和城乡建设局', date: '2022-09-30', status: '已完成', note: '燃气专项整治完成' },
  { task: '25', unit: '县应急管理局', date: '2022-10-15', status: '滞后', note: '尚未验收' },
  { task: '22', unit: '县交通运输局', date: '2022-07-01', status: '已完成', note: '' },
];

describe('readProgress on a CSV', () => {
  it('reads one report per row, units by any spelling, dates as people write them', async () => {
    const csv = [
      '序号,填报单位,报告日期,状态,进展情况',
      '21,县住建局,2022/6/30,推进中,已完成排查',
      '任务24,县住房和城乡建设局,2022年9月30日,已完成,"燃气专项整治完成,已验收"',
      '25,县应急局,20221015,滞后,尚未验收',
      '22,,2022-07-01,已完成,',
      ',,,,',
    ].join('\r\n');
    const { reports, diagnostics } = await readProgress(utf8(`\uFEFF${csv}`), 'progress/p.csv', context);
    expect(diagnostics).toEqual([]);
    expect(statuses(reports)).toEqual(['21|zhujian|2022-06-30|推进中', '22||2022-07-01|已完成', '24|zhujian|2022-09-30|已完成', '25|yingji|2022-10-15|滞后']);
    expect(reports.find((r) => r.task === '24')!.note).toBe('燃气专项整治完成,已验收');
    expect(reports.find((r) => r.task === '25')!.source).toEqual({ path: 'progress/p.csv', row: 4 });
  });

  it('reports unknown tasks, units, bad dates and statuses at their row and column, and keeps every other row', async () => {
    const csv = [
      '序号,填报单位,报告日期,状态,进展情况',
      '21,县住建局,2022-06-30,推进中,好',
      '99,县住建局,2022-06-30,推进中,无此任务',
      '24,县不存在局,2022-06-30,推进中,无此单位',
      '24,县住建局,2022-02-30,推进中,无此日期',
      '24,县住建局,2022-06-30,70%,百分比',
      '"22","县交通运输局","2022-07-01","已完成","多行',
      '说明"',
      '7,县住建局,昨天,完成,两处错误',
    ].join('\n');
    const { reports, diagnostics } = await readProgress(utf8(csv), 'progress/p.csv', context);
    expect(statuses(reports)).toEqual(['21|zhujian|2022-06-30|推进中', '22|jiaotong|2022-07-01|已完成']);
    expect(diagnostics.map((d) => [d.line, d.column, d.ruleId])).toEqual([
      [3, 1, 'progress-unknown-task'],
      [4, 2, 'progress-unknown-unit'],
      [5, 3, 'progress-bad-date'],
      [6, 4, 'progress-bad-status'],
      [9, 3, 'progress-bad-date'],
      [9, 4, 'progress-bad-status'],
      // 县住建局 is not named on task 7: listed, not counted.
    ]);
    expect(diagnostics.every((d) => d.path === 'progress/p.csv' && d.severity === 'warning')).toBe(true);
    expect(diagnostics[3]!.message).toMatch(/`70%`.*未启动 \/ 推进中 \/ 已完成 \/ 滞后.*column D \(状态\)/);
  });

  it('names a missing column, and a report by a unit the task does not name', async () => {
    const missing = await readProgress(utf8('序号,单位,进展情况\n21,县住建局,好\n'), 'p.csv', context);
    expect(missing.reports).toEqual([]);
    expect(missing.diagnostics.map((d) => [d.line, d.ruleId])).toEqual([[1, 'progress-missing-column']]);
    expect(missing.diagnostics[0]!.message).toMatch(/报告日期, 状态/);

    const other = await readProgress(utf8('序号,单位,日期,状态\n27,县住建局,2022-05-01,推进中\n'), 'p.csv', context);
    expect(other.reports).toHaveLength(1);
    expect(other.diagnostics.map((d) => [d.line, d.column, d.ruleId, d.severity])).toEqual([[2, 2, 'progress-unit-not-assigned', 'info']]);
  });

  it('accepts a report by a member of the group the task names', async () => {
    // Task 2 goes to 县安委会成员单位; 县住建局 is one of its members.
    expect(task('2').effectiveAssignments.map((a) => a.unit)).toEqual(['anweihui-members']);
    const { reports, diagnostics } = await readProgress(utf8('序号,单位,日期,状态\n2,县住建局,2022-05-01,推进中\n'), 'p.csv', context);
    expect(diagnostics).toEqual([]);
    expect(reports).toHaveLength(1);
  });

  it('refuses a file that is no table, with a message', async () => {
    const { reports, diagnostics } = await readProgress(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'p.csv', context);
    expect(reports).toEqual([]);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['progress-unreadable']);
    const xlsx = await readProgress(utf8('not a zip'), 'p.xlsx', context);
    expect(xlsx.diagnostics.map((d) => d.ruleId)).toEqual(['progress-unreadable']);
  });
});

describe('the filled-in ledger (.xlsx)', () => {
  /** The published ledger, filled in as departments do: on their own sheets, the office on the first. */
  async function filledLedger(): Promise<Uint8Array> {
    const workbook = buildLedgerWorkbook(plan, content.units);
    const header = (sheet: import('exceljs').Worksheet) => (sheet.getRow(HEADER_ROW).values as unknown[]).map(String);
    for (const entry of FILLED) {
      // 22 is filled on the 任务分工台账 sheet with no unit, the rest on the unit's own sheet.
      const onMain = entry.task === '22';
      const sheet = onMain ? workbook.getWorksheet(LEDGER_SHEET)! : workbook.getWorksheet(entry.unit)!;
      const columns = header(sheet);
      let filled = false;
      sheet.eachRow((row, n) => {
        if (n <= HEADER_ROW || String(row.getCell(1).value) !== entry.task || filled) return;
        filled = true;
        row.getCell(columns.indexOf('状态')).value = entry.status;
        row.getCell(columns.indexOf('进展情况')).value = entry.note;
        // A date cell, as Excel stores a typed date.
        row.getCell(columns.indexOf('报告日期')).value = new Date(`${entry.date}T00:00:00Z`);
      });
      expect(filled, `${entry.unit} ${entry.task}`).toBe(true);
    }
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  it('gives the same statuses as the same reports in a CSV', async () => {
    const csv = [
      '序号,填报单位,报告日期,状态,进展情况',
      ...FILLED.map((f) => [f.task, f.task === '22' ? '' : f.unit, f.date, f.status, f.note].join(',')),
    ].join('\n');
    const fromCsv = await readProgress(utf8(csv), 'progress/p.csv', context);
    const fromXlsx = await readProgress(await filledLedger(), 'progress/p.xlsx', context);
    expect(fromCsv.diagnostics).toEqual([]);
    expect(fromXlsx.diagnostics).toEqual([]);
    expect(statuses(fromXlsx.reports)).toEqual(statuses(fromCsv.reports));
    expect(fromXlsx.reports.map((r) => r.note).sort()).toEqual(fromCsv.reports.map((r) => r.note).sort());
    const asOf = '2022-12-31';
    const rolled = (r: ProgressReport[]) => Object.values(planProgress(doc, r, asOf).tasks).map((t) => `${t.task}:${t.status ?? '-'}:${t.overdue}`);
    expect(rolled(fromXlsx.reports)).toEqual(rolled(fromCsv.reports));
    // Each report names its sheet and row.
    const r25 = fromXlsx.reports.find((r) => r.task === '25')!;
    expect(r25.source.sheet).toBe('县应急管理局');
    expect(r25.source.row).toBeGreaterThan(HEADER_ROW);
  });

  it('reports a bad cell with its sheet, row and column letter', async () => {
    const workbook = buildLedgerWorkbook(plan, content.units);
    const sheet = workbook.getWorksheet(LEDGER_SHEET)!;
    // After 来源 (H): 填报单位 I, 状态 J, 进展情况 K, 报告日期 L; task 2 on row 4, task 3 on row 5.
    sheet.getCell('J4').value = '差不多';
    sheet.getCell('L4').value = '2022-06-01';
    sheet.getCell('J5').value = '推进中';
    sheet.getCell('L5').value = '2022-06-01';
    const { reports, diagnostics } = await readProgress(new Uint8Array(await workbook.xlsx.writeBuffer()), 'p.xlsx', context);
    expect(reports.map((r) => r.task)).toEqual(['3']);
    expect(diagnostics.map((d) => [d.line, d.column, d.ruleId])).toEqual([[4, 10, 'progress-bad-status']]);
    expect(diagnostics[0]!.message).toMatch(/sheet “任务分工台账”.*column J \(状态\)/);
  });
});

describe('rollUpTask', () => {
  const report = (t: string, unit: string | undefined, date: string, status: ProgressReport['status']): ProgressReport => ({
    task: t,
    ...(unit ? { unit } : {}),
    date,
    status,
    note: '',
    source: { path: 'p.csv', row: 2 },
  });

  it('has no status without reports, and never calls a task overdue without a dated deadline', () => {
    const t = rollUpTask(task('24'), [], '2030-01-01');
    expect(t.status).toBeUndefined();
    expect(t.overdue).toBe(false);
  });

  it('counts the lead unit, not the support units, for 已完成', () => {
    // Task 24: 县住建局 leads, eight units support.
    expect(rollUpTask(task('24'), [report('24', 'zhujian', '2022-06-01', '已完成')], '2022-12-31').status).toBe('已完成');
    expect(rollUpTask(task('24'), [report('24', 'fagai', '2022-06-01', '已完成')], '2022-12-31').status).toBe('推进中');
    expect(rollUpTask(task('24'), [report('24', 'fagai', '2022-06-01', '未启动')], '2022-12-31').status).toBe('未启动');
  });

  it('is 已完成 only when every responsible unit reported it complete, and 滞后 when any is late', () => {
    // Task 22: 县交通运输局 and 县公安局, both 责任.
    const one = [report('22', 'jiaotong', '2022-06-01', '已完成')];
    expect(rollUpTask(task('22'), one, '2022-12-31').status).toBe('推进中');
    const both = [...one, report('22', 'gongan', '2022-07-01', '已完成')];
    expect(rollUpTask(task('22'), both, '2022-12-31').status).toBe('已完成');
    const late = [...one, report('22', 'gongan', '2022-07-01', '滞后')];
    expect(rollUpTask(task('22'), late, '2022-12-31').status).toBe('滞后');
  });

  it('takes each unit’s latest report; a report on the whole task speaks for every unit until a later one', () => {
    const reports = [
      report('22', 'jiaotong', '2022-06-01', '滞后'),
      report('22', undefined, '2022-08-01', '已完成'),
      report('22', 'gongan', '2022-09-01', '推进中'),
    ];
    const t = rollUpTask(task('22'), reports, '2022-12-31');
    expect(t.units.map((u) => `${u.unit}:${u.status}`)).toEqual(['jiaotong:已完成', 'gongan:推进中']);
    expect(t.status).toBe('推进中');
    expect(t.timeline.map((r) => r.date)).toEqual(['2022-06-01', '2022-08-01', '2022-09-01']);
  });

  it('lists reports after the "as of" date without counting them', () => {
    const t = rollUpTask(task('25'), [report('25', 'yingji', '2022-10-01', '推进中'), report('25', 'yingji', '2023-01-10', '已完成')], '2022-12-31');
    expect(t.status).toBe('推进中');
    expect(t.timeline.map((r) => r.counted)).toEqual([true, false]);
  });

  it('computes overdue against a fixed "as of" date', () => {
    // Task 25: 2022年11月20日前, 县应急管理局 responsible.
    const reports = [report('25', 'yingji', '2022-10-01', '推进中')];
    expect(rollUpTask(task('25'), reports, '2022-11-20').overdue).toBe(false);
    expect(rollUpTask(task('25'), reports, '2022-11-21')).toMatchObject({ deadline: '2022-11-20', overdue: true, status: '推进中' });
    expect(rollUpTask(task('25'), [...reports, report('25', 'yingji', '2022-11-18', '已完成')], '2022-11-21').overdue).toBe(false);
    // No report at all is not 已完成 either.
    expect(rollUpTask(task('25'), [], '2022-11-21').overdue).toBe(true);
  });

  it('counts every task once in planProgress', () => {
    const progress = planProgress(doc, [report('25', 'yingji', '2022-10-01', '滞后'), report('24', 'zhujian', '2022-06-01', '已完成')], '2022-12-31');
    expect(progress.counts).toEqual({ 未启动: 0, 推进中: 0, 已完成: 1, 滞后: 1, 暂无报告: doc.tasks.length - 2 });
    expect(progress.overdue).toEqual(['25']);
  });

  it('works on a task with no units from reports on the whole task', () => {
    const bare: Task = { ...task('25'), effectiveAssignments: [], assignments: [] };
    expect(rollUpTask(bare, [report('25', undefined, '2022-10-01', '已完成')], '2022-12-31').status).toBe('已完成');
  });
});

describe('dates and numbers', () => {
  it('reads report dates in the forms people write, and refuses the rest', () => {
    for (const text of ['2022-06-30', '2022/6/30', '2022.6.30', '2022年6月30日', '２０２２年６月３０日', '20220630', '2022-06-30T00:00:00.000Z']) {
      expect(parseReportDate(text), text).toBe('2022-06-30');
    }
    expect(parseReportDate(44742)).toBe('2022-06-30'); // Excel's day number
    expect(parseReportDate(new Date(Date.UTC(2022, 5, 30)))).toBe('2022-06-30');
    for (const bad of ['2022-02-30', '2022-13-01', '六月底', '', '44742.5', '1900-01-01']) expect(parseReportDate(bad), bad).toBeUndefined();
    expect(parseReportDate(undefined)).toBeUndefined();
  });

  it('reads task numbers as the site writes them', () => {
    expect(['24', ' 24 ', '任务24', '第24项', '２４', '24.'].map(normalizeTaskNumber)).toEqual(Array(6).fill('24'));
    expect(normalizeTaskNumber(24)).toBe('24');
    expect(normalizeTaskNumber('12-3')).toBe('12-3');
  });

  it('takes "as of" from the metadata, else the build date', () => {
    expect(resolveAsOf('2022-12-31')).toBe('2022-12-31');
    expect(resolveAsOf(new Date(Date.UTC(2022, 11, 31)))).toBe('2022-12-31');
    expect(resolveAsOf(undefined, new Date(Date.UTC(2024, 0, 2)))).toBe('2024-01-02');
    expect(resolveAsOf('年底')).toBeUndefined();
    expect(deadlineDay('2022-11')).toBe('2022-11-30');
    expect(deadlineDay('2024-02')).toBe('2024-02-29');
  });
});
