/**
 * Route data of what a 督查 office follows a plan by: deadline lights on the task, unit, plan and
 * matrix pages, on the two-plan example (2023: as of 2023-06-30).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../scripts/lib/generate-plan.ts';
import { loadContent } from '../../src/lib/pipeline.ts';
import { rankUnits } from '../../src/site/bulletin.ts';
import { BULLETIN_LIST_LIMIT, bulletinPage, bulletinRoutes, percent } from '../../src/site/routes/bulletin.ts';
import { homePage } from '../../src/site/routes/home.ts';
import { matrixPage, matrixRoutes } from '../../src/site/routes/matrix.ts';
import { planOverview } from '../../src/site/routes/overview.ts';
import { segmentPage, segmentRoutes } from '../../src/site/routes/segment.ts';
import { taskPage, taskRoutes } from '../../src/site/routes/task.ts';
import type { SiteContent } from '../../src/site/routes/types.ts';
import { unitPage, unitRoutes } from '../../src/site/routes/units.ts';

const twoPlans: SiteContent = await loadContent('examples/with-progress');
const seed: SiteContent = await loadContent('content');
const plan2023 = twoPlans.plans.find((p) => p.id === '2023-work-safety')!;

describe('deadline lights', () => {
  it('lights a dated task on its page, with the rule in words', () => {
    const task = (n: string) => taskPage(taskRoutes(twoPlans).find((r) => r.params.slug === '2023-work-safety' && r.params.task === n)!.props);
    // Task 4 is due on the as-of date itself and not reported done.
    expect(task('4').light?.label).toBe('临期');
    expect(task('4').light?.rule).toMatch(/15 天以内/);
    // Task 2 has no dated deadline: no light.
    expect(task('2').light).toBeUndefined();
  });

  it('gives no light at all to a plan without progress reports', () => {
    expect(
      taskRoutes(seed)
        .map((r) => taskPage(r.props).light)
        .filter(Boolean),
    ).toEqual([]);
    expect(planOverview(seed.plans[0]!, 2).progress).toBeUndefined();
  });

  it('counts the lights on the plan page as the task pages show them', () => {
    const overview = planOverview(plan2023, 2);
    const counts = Object.fromEntries(overview.progress!.lights.map((l) => [l.light, l.count]));
    const fromTasks = { 正常: 0, 临期: 0, 逾期: 0 };
    for (const r of taskRoutes(twoPlans).filter((r) => r.params.slug === '2023-work-safety')) {
      const light = taskPage(r.props).light?.label;
      if (light) fromTasks[light]++;
    }
    expect(counts).toEqual(fromTasks);
    expect(fromTasks.临期).toBeGreaterThan(0);
    expect(overview.progress!.unlit).toBe(3);
    expect(overview.progress!.lights.filter((l) => l.light === '逾期')[0]!.count).toBe(overview.progress!.overdueCount);
    // The outline carries the same lights, by task id.
    expect(Object.keys(overview.lights!)).toHaveLength(counts.正常! + counts.临期! + counts.逾期!);
  });

  it('shows each task’s light on the unit page, and counts them per plan', () => {
    const page = unitPage(unitRoutes(twoPlans).find((r) => r.params.unit === 'zhujian')!.props);
    const block = page.blocks.find((b) => b.plan?.anchor === 'plan-2023-work-safety')!;
    const tasks = block.roles.flatMap((g) => g.tasks);
    // 县住建局 leads task 4 (6月30日前) and task 5 (no date).
    expect(tasks.find((t) => t.href.endsWith('/tasks/4/'))?.light).toBe('临期');
    expect(tasks.find((t) => t.href.endsWith('/tasks/5/'))?.light).toBeUndefined();
    expect(block.lightCounts?.find((c) => c.light === '临期')?.count).toBeGreaterThan(0);
  });

  it('explains the light marks of the matrix', () => {
    const route = matrixRoutes(twoPlans).find((r) => r.params.slug === '2023-work-safety')!;
    const page = matrixPage(route.props);
    expect(page.table!.lightLegend!.lights.map((l) => `${l.mark}${l.label}`)).toEqual(['正正常', '临临期', '逾逾期']);
    expect(page.table!.progress!.tasks['4']!.light).toBe('临期');
  });
});

describe('calendars and feeds are linked', () => {
  it('from the plan page (visible links and <link rel="alternate">), the unit page and the home page', () => {
    const route = segmentRoutes(twoPlans, []).find((r) => r.params.slug === '2023-work-safety')!;
    const page = segmentPage(route.props);
    if (page.kind !== 'plan') throw new Error('not a plan page');
    expect(page.overview.subscriptions).toEqual({ feedHref: '/2023-work-safety/feed.xml', calendarHref: '/2023-work-safety/calendar.ics' });
    expect(page.frame.alternates?.map((a) => [a.type, a.href])).toEqual([
      ['application/atom+xml', '/2023-work-safety/feed.xml'],
      ['text/calendar', '/2023-work-safety/calendar.ics'],
    ]);
    const unit = unitPage(unitRoutes(twoPlans).find((r) => r.params.unit === 'zhujian')!.props);
    expect(unit.calendarHref).toBe('/units/zhujian/calendar.ics');
    expect(unit.frame.alternates?.[0]?.href).toBe('/units/zhujian/calendar.ics');
    expect(homePage(twoPlans).frame.alternates).toEqual([{ href: '/feed.xml', type: 'application/atom+xml', title: '任务分工公开台账 进展报告' }]);
  });
});

describe('/<plan>/bulletin/ (督查通报)', () => {
  it('exists only for plans with progress reports', () => {
    expect(bulletinRoutes(twoPlans).map((r) => r.params.slug)).toEqual(['2023-work-safety', '2022-work-safety']);
    expect(bulletinRoutes(seed)).toEqual([]);
  });

  it('counts as the plan page counts, by status and by light', () => {
    for (const route of bulletinRoutes(twoPlans)) {
      const page = bulletinPage(route.props);
      const overview = planOverview(route.props.plan, 2).progress!;
      expect(page.statusCounts.map((c) => c.count)).toEqual(overview.statuses.map((s) => s.count));
      expect(page.lightCounts.map((c) => c.count)).toEqual(overview.lights.map((l) => l.count));
      expect(page.overdue.rows.map((r) => r.number)).toEqual(overview.overdue.map((r) => r.number));
      expect(page.summary).toContain(`共 ${route.props.plan.document.tasks.length} 项任务`);
    }
  });

  it('lists overdue, lagging, due-soon and unreported tasks with their accountable units, as a dated bulletin', () => {
    const page = bulletinPage(bulletinRoutes(twoPlans).find((r) => r.params.slug === '2023-work-safety')!.props);
    expect(page.heading).toBe('2023年全县安全生产工作要点(示例)督查通报');
    expect(page.asOf).toEqual({ date: '2023-06-30', text: '2023年6月30日' });
    expect(page.frame.sample).toBe(true);
    expect(page.pdf.file).toBe('pdf/2023-work-safety/bulletin.pdf');
    const task4 = page.dueSoon.rows.find((r) => r.number === '4')!;
    expect(task4.units).toEqual([{ href: '/units/zhujian/', name: '县住房和城乡建设局', role: '牵头' }]);
    expect(page.lagging.rows.every((r) => r.status === '滞后' && !page.overdue.rows.some((o) => o.number === r.number))).toBe(true);
    expect(page.unreported.rows.every((r) => r.status === '暂无报告')).toBe(true);
    expect(page.unreported.more).toBe(0);
    expect(page.lists.map((l) => l.id)).toEqual(['overdue', 'lagging', 'due-soon', 'unreported']);
    expect(page.rankingRule).toMatch(/并列/);
  });

  it('ranks units by share of their lead/responsible tasks completed, ties sharing a rank', () => {
    const ranked = rankUnits([
      { id: 'a', name: '县甲局', accountable: 4, done: 2, overdue: 1 },
      { id: 'b', name: '县乙局', accountable: 2, done: 2, overdue: 0 },
      { id: 'c', name: '县丙局', accountable: 4, done: 2, overdue: 0 },
      { id: 'd', name: '县丁局', accountable: 4, done: 2, overdue: 0 },
      { id: 'e', name: '县戊局', accountable: 0, done: 0, overdue: 0 },
    ]);
    expect(ranked.map((r) => `${r.rank}:${r.id}`)).toEqual(['1:b', '2:c', '2:d', '4:a']);
    expect(percent(2 / 3)).toBe('66.7%');
    expect(percent(1)).toBe('100%');
    const page = bulletinPage(bulletinRoutes(twoPlans).find((r) => r.params.slug === '2022-work-safety')!.props);
    const shares = page.ranking.map((r) => r.share);
    expect(shares).toEqual(shares.toSorted((x, y) => y - x));
    expect(page.ranking.every((r) => r.done <= r.accountable && r.accountable > 0)).toBe(true);
  });
});

describe('the 督查通报 of a long plan', () => {
  it('lists at most so many tasks a list and counts the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulletin-long-'));
    mkdirSync(join(dir, 'plans'));
    mkdirSync(join(dir, 'progress'));
    writeFileSync(join(dir, 'plans/long-plan.txt'), generatePlan(300));
    writeFileSync(join(dir, 'progress/long-plan.csv'), '序号,填报单位,报告日期,状态,进展情况\n1,,2024-03-01,已完成,示例\n');
    const content = await loadContent(dir);
    rmSync(dir, { recursive: true, force: true });
    const page = bulletinPage(bulletinRoutes(content)[0]!.props);
    expect(page.unreported.total).toBe(299);
    expect(page.unreported.rows).toHaveLength(BULLETIN_LIST_LIMIT);
    expect(page.unreported.more).toBe(299 - BULLETIN_LIST_LIMIT);
  });
});
