/**
 * A plan's 解读, without a build: its page's route data, the data of the MDX components it uses,
 * the link targets built from the content loader's result, and the bundled example run through
 * the link plugin as the build runs it (remark-mdx), with every link it makes.
 */
import { readFileSync } from 'node:fs';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../scripts/lib/generate-plan.ts';
import { loadContent } from '../../src/lib/pipeline.ts';
import remarkPlanLinks from '../../src/lib/remark/plan-links.ts';
import { planLinkTargets } from '../../src/site/plan-links.ts';
import { EXAMPLE_NOTICE, type InterpretationEntry, interpretationPage, interpretationRoutes } from '../../src/site/routes/interpretation.ts';
import { planCountsCard, taskCard, unitTasksCard } from '../../src/site/routes/plan-components.ts';
import { segmentPage, segmentRoutes } from '../../src/site/routes/segment.ts';
import type { SiteContent } from '../../src/site/routes/types.ts';
import { contentFolders } from '../support/content-folder.ts';

/** A content folder of the given files, read as the site reads one. */
const contentOf = contentFolders('plan-interpretation');

const seed: SiteContent = await loadContent('content');
const twoPlans: SiteContent = await loadContent('examples/with-progress');
/** Tasks numbered anew in each part. */
const restarted = await contentOf({
  'plans/restart.txt': [
    '一、甲部分',
    '1.甲一。(责任单位:县住建局)',
    '2.甲二。(责任单位:县住建局)',
    '二、乙部分',
    '1.乙一。(责任单位:县水务局)',
    '2.乙二。(责任单位:县水务局)',
    '',
  ].join('\n'),
});
const long = await contentOf({ 'plans/long-plan.txt': generatePlan(1200) });

const EXAMPLE = 'content/plans/2022-work-safety.mdx';
const entry = { id: '2022-work-safety', data: { title: '草稿解读', description: '说明', example: true } } as InterpretationEntry;
const withInterpretation = (content: SiteContent): SiteContent => ({
  ...content,
  plans: content.plans.map((plan) => (plan.id === entry.id ? { ...plan, interpretation: entry.data } : plan)),
});

describe('/<plan>/interpretation/', () => {
  it('is built for a 解读 whose plan exists, and only for those', () => {
    const orphan = { ...entry, id: 'no-such-plan' } as InterpretationEntry;
    expect(interpretationRoutes(seed, [entry, orphan]).map((r) => r.params.slug)).toEqual(['2022-work-safety']);
    expect(interpretationRoutes(seed, [])).toEqual([]);
  });

  it("sits under its plan's crumbs and says plainly when it is an example", () => {
    const page = interpretationPage(interpretationRoutes(seed, [entry])[0]!.props);
    expect(page.crumbs.map((c) => c.label)).toEqual(['首页', '2022年全县安全生产工作要点', '政策解读']);
    expect(page.crumbs[1]!.href).toBe('/2022-work-safety/');
    expect(page.frame).toMatchObject({ title: '草稿解读', description: '说明', section: 'plans', searchable: true, sample: false });
    expect(page.example).toEqual({ label: '示例', text: EXAMPLE_NOTICE });
    const official = interpretationPage({ plan: seed.plans[0]!, entry: { ...entry, data: { ...entry.data, example: false } } as InterpretationEntry });
    expect(official.example).toBeUndefined();
  });

  it("is linked from its plan's overview, marked as an example where its title does not say so; a plan without one links none", () => {
    const page = segmentPage(segmentRoutes(withInterpretation(seed), [])[0]!.props);
    if (page.kind !== 'plan') throw new Error('not a plan page');
    expect(page.overview.interpretation).toEqual({ href: '/2022-work-safety/interpretation/', title: '草稿解读', description: '说明', example: '示例' });
    const titled = { ...entry, data: { ...entry.data, title: '解读(示例)' } } as InterpretationEntry;
    const said = segmentPage(segmentRoutes({ ...seed, plans: [{ ...seed.plans[0]!, interpretation: titled.data }] }, [])[0]!.props);
    expect(said.kind === 'plan' && said.overview.interpretation).toEqual({
      href: '/2022-work-safety/interpretation/',
      title: '解读(示例)',
      description: '说明',
    });
    const plain = segmentPage(segmentRoutes(seed, [])[0]!.props);
    expect(plain.kind === 'plan' && plain.overview.interpretation).toBeUndefined();
  });
});

describe('the MDX components', () => {
  it('<Task n="24" /> shows the task with its units by role, from the plan', () => {
    const card = taskCard(seed, '2022-work-safety', '24');
    if ('missing' in card) throw new Error(card.missing);
    expect(card.href).toBe('/2022-work-safety/tasks/24/');
    expect(card.heading).toMatch(/^任务 24:深入开展全县城镇燃气安全隐患排查整治专项行动/);
    expect(card.roles.map((g) => [g.label, g.units.length])).toEqual([
      ['牵头', 1],
      ['配合', 8],
    ]);
    expect(card.roles[0]!.units[0]).toEqual({ name: '县住房和城乡建设局', href: '/units/zhujian/' });
    expect(card.status).toBeUndefined();
    // Numbers as a 解读 writes them.
    expect(taskCard(seed, '2022-work-safety', '二十四')).toEqual(card);
    expect(taskCard(seed, '2022-work-safety', 24)).toEqual(card);
  });

  it('<Task /> shows the deadline, and the status where the plan has reports', () => {
    const card = taskCard(seed, '2022-work-safety', 25);
    expect('missing' in card ? [] : card.deadlines).toEqual(['2022年11 月20日前']);
    const reported = taskCard(twoPlans, '2022-work-safety', 1);
    expect('missing' in reported ? undefined : reported.status).toMatch(/^(未启动|推进中|已完成|滞后|暂无报告)$/);
  });

  it('<Task /> says what is missing: a task, a plan, one of several tasks of a number', () => {
    expect(taskCard(seed, '2022-work-safety', '99')).toEqual({ missing: '本计划没有第 99 项任务。' });
    expect(taskCard(seed, 'nope', '1')).toEqual({ missing: '本站没有编号为“nope”的计划。' });
    expect(taskCard(restarted, 'restart', '1')).toEqual({ missing: '本计划有 2 项编号为 1 的任务,请直接链接所指的一项。' });
  });

  it('<UnitTasks unit="县住建局" /> lists the unit’s tasks in the plan by role, by name or alias', () => {
    const card = unitTasksCard(seed, '2022-work-safety', '县住建局');
    if ('missing' in card) throw new Error(card.missing);
    expect(card.unit).toEqual({ name: '县住房和城乡建设局', href: '/units/zhujian/' });
    expect(card.groups[0]).toEqual({
      label: '牵头',
      tasks: [expect.objectContaining({ number: '21', href: '/2022-work-safety/tasks/21/' }), expect.objectContaining({ number: '24' })],
    });
    expect(card.groups.map((g) => g.label)).toContain('作为县安委会成员单位');
    expect(card.count).toBe(card.groups.reduce((n, g) => n + g.tasks.length, 0));
    expect(unitTasksCard(seed, '2022-work-safety', '县住房和城乡建设局')).toEqual(card);
    expect(unitTasksCard(seed, '2022-work-safety', '县不存在局')).toEqual({ missing: '本站没有名为“县不存在局”的单位。' });
  });

  it('<PlanCounts /> gives the counts of the plan page', () => {
    const card = planCountsCard(seed, '2022-work-safety');
    if ('missing' in card) throw new Error(card.missing);
    expect(card.stats.slice(0, 3)).toEqual([
      { num: 4, label: '个部分' },
      { num: 15, label: '个小节' },
      { num: 30, label: '项任务' },
    ]);
    expect(planCountsCard(seed, undefined)).toEqual({ missing: '未指明计划。' });
  });
});

describe('link targets from the content loader', () => {
  it('give each plan its top-level tasks, sections and parts, and every unit with its aliases', () => {
    const targets = planLinkTargets(seed, '/');
    const plan = targets.plans[0]!;
    expect(plan).toMatchObject({ id: '2022-work-safety', title: '2022年全县安全生产工作要点', href: '/2022-work-safety/' });
    expect(plan.tasks).toHaveLength(30);
    expect(plan.tasks[11]).toEqual({ number: '12', href: '/2022-work-safety/tasks/12/' });
    expect(plan.sections).toHaveLength(15);
    expect(plan.sections[2]).toEqual({ number: '三', href: '/2022-work-safety/#section-3' });
    expect(plan.parts.map((p) => p.href)).toEqual([
      '/2022-work-safety/#part-1',
      '/2022-work-safety/#part-2',
      '/2022-work-safety/#part-3',
      '/2022-work-safety/#part-4',
    ]);
    expect(targets.units.find((u) => u.id === 'zhujian')).toEqual({
      id: 'zhujian',
      name: '县住房和城乡建设局',
      aliases: expect.arrayContaining(['县住建局']),
      href: '/units/zhujian/',
    });
  });

  it('build every URL from the base, and send a long plan’s sections to its part pages', () => {
    const targets = planLinkTargets(long, '/plans/');
    const plan = targets.plans[0]!;
    expect([plan.href, plan.tasks[0]!.href, targets.units[0]!.href].every((href) => href.startsWith('/plans/'))).toBe(true);
    expect(plan.sections.every((s) => /^\/plans\/long-plan\/parts\/[^/]+\/#section-/.test(s.href))).toBe(true);
    expect(plan.parts.every((p) => /^\/plans\/long-plan\/parts\/[^/]+\/$/.test(p.href))).toBe(true);
    // Sub-tasks are no 任务N.
    expect(plan.tasks.length).toBe(long.plans[0]!.document.tasks.filter((t) => t.path.every((id) => !id.startsWith('task-'))).length);
  });
});

describe('the bundled example 解读', () => {
  it('is marked as an example', () => {
    expect(readFileSync(EXAMPLE, 'utf8')).toMatch(/^---\n(.*\n)*example: true\n(.*\n)*---\n/);
  });

  it('links its units, tasks, sections, parts and the plan, and cites nothing the plan lacks', async () => {
    const file = new VFile({ path: EXAMPLE, value: readFileSync(EXAMPLE, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, (m) => m.replace(/[^\n]/g, ' ')) });
    const output = String(
      await unified()
        .use(remarkParse)
        .use(remarkMdx)
        .use(remarkPlanLinks, { targets: planLinkTargets(seed, '/'), planOf: () => '2022-work-safety' })
        .use(remarkStringify)
        .process(file),
    );
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([]);
    const links = [...output.matchAll(/\[([^\]]+)\]\(([^)]+)\)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(links).toEqual(
      expect.arrayContaining([
        '《2022年全县安全生产工作要点》 /2022-work-safety/',
        '第一部分 /2022-work-safety/#part-1',
        '第(十)部分 /2022-work-safety/#section-10',
        '任务24 /2022-work-safety/tasks/24/',
        '县住建局 /units/zhujian/',
        '县安委会成员单位 /units/anweihui-members/',
      ]),
    );
    expect(output).not.toMatch(/\[《安全生产法》\]/);
    expect(output).toMatch(/<Task n="24" plan="2022-work-safety" \/>/);
    expect(output).toMatch(/<UnitTasks unit="县住建局" plan="2022-work-safety" \/>/);
  });
});
