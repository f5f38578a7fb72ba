/**
 * The 校对 page's route data (src/site/routes/review.ts) and the diagnostics page's links to it,
 * without a build: every unit mention marked with its role, problems flagged in place and linked
 * both ways, corrections shown, a long plan paged; and `plan review` in the terminal.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePlan } from '../../scripts/lib/generate-plan.ts';
import { loadContent, parsePlan } from '../../src/lib/pipeline.ts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ledgerXlsx } from '../../src/site/ledger.ts';
import { assignmentsCsv } from '../../src/site/opendata.ts';
import { diagnosticsPage, diagnosticsRoutes } from '../../src/site/routes/diagnostics.ts';
import { matrixPage, matrixRoutes } from '../../src/site/routes/matrix.ts';
import { taskPage, taskRoutes } from '../../src/site/routes/task.ts';
import { unitPage, unitRoutes } from '../../src/site/routes/units.ts';
import { type ReviewPage, type ReviewPiece, reviewPage, reviewRoutes } from '../../src/site/routes/review.ts';
import type { SiteContent } from '../../src/site/routes/types.ts';
import { REVIEW_PAGE_TASKS } from '../../src/site/review.ts';
import { CORRECTED_PLAN, correctedContent } from '../support/corrected-content.ts';
import { runPlan } from '../support/plan-command.ts';
import { PROCESS_TIMEOUT } from '../support/timeouts.ts';

const seed: SiteContent = await loadContent('content');
const correctedDir = correctedContent('- task: "99"\n  text: 无此任务\n  note: 已删除的任务\n  remove: [县公安局]\n');
const corrected: SiteContent = await loadContent(correctedDir);
afterAll(() => rmSync(correctedDir, { recursive: true, force: true }));

const pageOf = (content: SiteContent, n = 1): ReviewPage => {
  const route = reviewRoutes(content).find((r) => r.props.page === n)!;
  return reviewPage(route.props);
};
const pieces = (page: ReviewPage): ReviewPiece[] => page.entries.flatMap((e) => e.text.flat().flatMap((run) => run.pieces));

describe('/<plan>/review/', () => {
  it('marks every assignment of the seed inline, by its role, around the characters of its mention', () => {
    const page = pageOf(seed);
    const units = pieces(page).filter((p) => p.mark?.kind === 'unit');
    const document = seed.plans[0]!.document;
    const assignments = document.tasks.flatMap((t) => t.effectiveAssignments);
    expect(assignments).toHaveLength(80);
    expect(units).toHaveLength(80);
    expect(page.counts).toMatchObject({ tasks: 30, units: 80, corrected: 0 });
    // By role, as plan.json counts them; each mark's text is what the plan wrote, its role in words.
    const byRole = (list: { role?: string }[]) => {
      const counts: Record<string, number> = {};
      for (const a of list) counts[a.role!] = (counts[a.role!] ?? 0) + 1;
      return counts;
    };
    expect(byRole(units.map((u) => u.mark!))).toEqual(byRole(assignments));
    for (const u of units) expect(u.mark!.label).toBe({ lead: '牵头', support: '配合', responsible: '责任' }[u.mark!.role!]);
    const task1 = page.entries.find((e) => e.anchor === 'r-task-1')!;
    expect(task1.text.flat().flatMap((r) => r.pieces.filter((p) => p.mark).map((p) => `${p.text}:${p.mark!.label}`))).toEqual([
      '各镇党委:责任',
      '政府:责任',
      '县安委会办公室:责任',
    ]);
    // The text is the plan's own, every character of the task once.
    const text = task1.text.map((runs) => runs.flatMap((r) => r.pieces.map((p) => p.text)).join('')).join('');
    expect(text.startsWith('1.强化党政领导干部安全责任')).toBe(true);
    expect(text.endsWith('(责任单位:各镇党委、政府,县安委会办公室)')).toBe(true);
    expect(task1.units.map((u) => `${u.roleLabel} ${u.name}`)).toEqual(['责任 各镇党委', '责任 各镇政府', '责任 县安全生产委员会办公室']);
    expect(task1.key).toEqual({ task: '1', text: '强化党政领导干部安全责任' });
  });

  it('marks deadlines and cited documents, and heads parts and sections by their own words', () => {
    const page = pageOf(seed);
    const marks = pieces(page).filter((p) => p.mark && p.mark.kind !== 'unit');
    expect(marks.filter((m) => m.mark!.kind === 'deadline').map((m) => m.text)).toEqual(['2022年11 月20日前']);
    expect(marks.filter((m) => m.mark!.kind === 'reference').length).toBeGreaterThan(0);
    const headings = page.entries.filter((e) => e.kind !== 'task');
    expect(headings[0]).toMatchObject({ kind: 'part', level: 2, heading: '一、不断完善安全生产责任体系' });
    expect(headings[1]).toMatchObject({ kind: 'section', level: 3 });
    expect(page.entries.find((e) => e.kind === 'task')!.level).toBe(4);
  });

  it('flags each problem where it is, linked to its diagnostic, which links back', () => {
    const page = pageOf(seed);
    const flagged = page.entries.flatMap((e) => e.text.flat().filter((r) => r.flag));
    expect(flagged.map((r) => r.problem!.ruleId)).toEqual(['unlabeled-units']);
    const run = flagged[0]!;
    // The flag covers the pieces the diagnostic names, not the whole task.
    expect(run.pieces.map((p) => p.text).join('')).toBe('(各镇政府,县安委会各成员单位)');
    // d1 is the plan's missing date (line 1), d2 the unlabeled units.
    expect(run.problem!.href).toBe('/2022-work-safety/diagnostics/#d2');
    const diagnostics = diagnosticsPage(diagnosticsRoutes(seed)[0]!.props);
    const row = diagnostics.rows.find((r) => r.id === 'd2')!;
    expect(row.ruleId).toBe('unlabeled-units');
    expect(row.review).toBe(`/2022-work-safety/review/#${run.problem!.id}`);
    expect(diagnostics.reviewHref).toBe('/2022-work-safety/review/');
  });

  it('shows corrected units (人工校正 with the note), and the readings corrections took away', () => {
    const page = pageOf(corrected);
    expect(page.corrections).toMatchObject({ applied: 4, stale: 1 });
    const task1 = page.entries.find((e) => e.anchor === 'r-task-1')!;
    expect(task1.units.map((u) => `${u.roleLabel} ${u.name}${u.corrected ? ' 人工校正' : ''}`)).toEqual([
      '牵头 县交通运输局',
      '配合 县公安局 人工校正',
      '配合 县应急管理局 人工校正',
    ]);
    expect(task1.notes).toEqual(['原文“有关部门”指县公安局、县应急管理局']);
    expect(task1.removed).toEqual([{ name: '有关部门', roleLabel: '配合' }]);
    const removedMark = task1.text
      .flat()
      .flatMap((r) => r.pieces)
      .find((p) => p.text === '有关部门')!;
    expect(removedMark.mark).toMatchObject({ role: 'support', removed: { note: '原文“有关部门”指县公安局、县应急管理局' } });
    // A role corrected: the mark says what was read, and that it was taken away.
    const task5 = page.entries.find((e) => e.anchor === 'r-task-5')!;
    const marks5 = task5.text.flat().flatMap((r) => r.pieces.filter((p) => p.mark));
    expect(marks5.map((p) => `${p.text}:${p.mark!.label}:${p.mark!.removed ? 'removed' : 'stands'}`)).toEqual([
      '县交通运输局:配合:removed',
      '县公安局:配合:stands',
    ]);
    // The diagnostics page lists what the corrections did and the one that no longer applies.
    const diagnostics = diagnosticsPage(diagnosticsRoutes(corrected)[0]!.props);
    expect(diagnostics.corrections!.rows.map((r) => `${r.place.split(':').slice(-2).join(':')} ${r.ruleId}`)).toEqual([
      '27:9 stale-correction',
      '2:3 correction-applied',
      '9:3 correction-applied',
      '15:3 correction-applied',
      '21:3 correction-applied',
    ]);
  });

  it('pages a long plan, each page with its tasks and the problems on it', async () => {
    const text = generatePlan(REVIEW_PAGE_TASKS + 50);
    const parsed = parsePlan(new TextEncoder().encode(text), { path: 'long.txt', id: 'long' });
    const content: SiteContent = {
      plans: [{ id: 'long', document: parsed.document, sourceText: parsed.sourceText, metadata: {}, review: parsed.review }],
      units: parsed.document.units,
    };
    const routes = reviewRoutes(content);
    expect(routes.map((r) => r.params.page)).toEqual([undefined, '2']);
    const [first, second] = [pageOf(content, 1), pageOf(content, 2)];
    expect(first.counts.tasks + second.counts.tasks).toBe(parsed.document.tasks.length);
    expect(first.counts.tasks).toBe(REVIEW_PAGE_TASKS);
    expect(second.pager!.map((p) => p.href ?? 'here')).toEqual(['/long/review/', 'here']);
    // No mark is lost between pages (a unit named twice in a task is one assignment, two marks).
    const marked = parsed.review.reduce((n, b) => n + b.marks.filter((m) => m.kind === 'unit').length, 0);
    expect(first.counts.units + second.counts.units).toBe(marked);
    expect(marked).toBeGreaterThanOrEqual(parsed.document.tasks.reduce((n, t) => n + t.assignments.length, 0));
  });
});

describe('corrected assignments on the other pages and in the open data', () => {
  const plan = corrected.plans[0]!;

  it('are marked 人工校正 on the task page, with the note and what was taken away', () => {
    const route = taskRoutes(corrected).find((r) => r.params.task === '1')!;
    const page = taskPage(route.props);
    const units = page.roles.flatMap((g) => g.units.map((u) => `${u.name}${u.corrected ? ' 人工校正' : ''}`));
    expect(units).toEqual(['县交通运输局', '县公安局 人工校正', '县应急管理局 人工校正']);
    expect(page.corrections).toEqual({
      notes: ['原文“有关部门”指县公安局、县应急管理局'],
      removed: [{ name: '有关部门', roleLabel: '配合' }],
      reviewHref: '/2024-roads/review/#r-task-1',
    });
    expect(taskPage(taskRoutes(corrected).find((r) => r.params.task === '3')!.props).corrections).toBeUndefined();
  });

  it('are marked on the unit page and its printed 任务清单', () => {
    const route = unitRoutes(corrected).find((r) => r.params.unit === 'yingji')!;
    const page = unitPage(route.props);
    const rows = page.blocks.flatMap((b) => b.roles.flatMap((g) => g.tasks));
    expect(rows.map((r) => [r.label.slice(0, 4), r.corrected])).toEqual([['任务 1', '原文“有关部门”指县公安局、县应急管理局']]);
    expect(page.sheet.groups.flatMap((g) => g.rows.map((r) => r.corrected))).toEqual(['原文“有关部门”指县公安局、县应急管理局']);
  });

  it('are marked in the matrix, one cell each, with the note', () => {
    const page = matrixPage(matrixRoutes(corrected)[0]!.props);
    const matrix = page.table!.matrix;
    const cells = matrix.rows.flatMap((r) => (r.corrected ?? []).flatMap((note, i) => (note ? [`${r.unit.name} ${matrix.columns[i]!.slug}`] : [])));
    expect(cells.sort()).toEqual(['县交通运输局 4', '县交通运输局 5', '县公安局 1', '县公安局 2', '县公安局 4', '县应急管理局 1', '各镇政府 2'].sort());
    expect(page.table!.correctedLegend).toMatch(/^人工校正/);
    expect(matrixPage(matrixRoutes(seed)[0]!.props).table!.correctedLegend).toBeUndefined();
  });

  it('say 来源 in the CSV and in both sheets of the ledger', async () => {
    const csv = parse(assignmentsCsv(plan.document), { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(csv[0]!).at(-1)).toBe('来源');
    const task1 = csv.filter((r) => r.序号 === '1').map((r) => `${r.单位} ${r.来源}`);
    expect(task1).toEqual([
      '县交通运输局 原文',
      '县公安局 人工校正:原文“有关部门”指县公安局、县应急管理局',
      '县应急管理局 人工校正:原文“有关部门”指县公安局、县应急管理局',
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await ledgerXlsx(plan, corrected.units)).buffer);
    const ledger = workbook.getWorksheet('任务分工台账')!;
    expect(ledger.getRow(2).getCell(8).value).toBe('来源');
    expect(ledger.getRow(3).getCell(8).value).toBe('人工校正:原文“有关部门”指县公安局、县应急管理局(删去有关部门)');
    expect(ledger.getRow(5).getCell(8).value).toBe('原文');
    const yingji = workbook.worksheets.find((w) => w.name.includes('应急管理局'))!;
    expect(yingji.getRow(2).getCell(6).value).toBe('来源');
    expect(yingji.getRow(3).getCell(6).value).toBe('人工校正:原文“有关部门”指县公安局、县应急管理局');
  });
});

describe('plan review', { timeout: PROCESS_TIMEOUT }, () => {
  it('prints each task with its units in brackets by role, corrections and problems', () => {
    const out = runPlan('review', join(correctedDir, 'plans', `${CORRECTED_PLAN}.txt`));
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('(责任单位:[县交通运输局:牵头]牵头,[有关部门:配合]配合)');
    expect(out.stdout).toContain('→ 牵头 县交通运输局 · 配合 县公安局 (人工校正) · 配合 县应急管理局 (人工校正)');
    expect(out.stdout).toMatch(/人工校正: 原文“有关部门”指县公安局、县应急管理局; removed 有关部门 \(配合\)/);
    expect(out.stdout).toMatch(/! 5:29 info .* \[unlabeled-units\]/);
    expect(out.stdout).toContain('[2024年6月底前:时限]');
    expect(out.stdout).toMatch(/correction key: task: "5" {2}text: 加强旅游包车、校车等重点 {2}hash: 04915631/);
    const seedOut = runPlan('review', 'content/plans/2022-work-safety.txt');
    expect(seedOut.stdout.match(/\[[^\]:]+:(牵头|配合|责任)\]/g)).toHaveLength(80);
  });
});
