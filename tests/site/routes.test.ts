/**
 * Route data of every page kind (src/site/routes/), without a build: the content folders are read
 * with the pipeline, as the content collections would give them, and each page's routes and data
 * are checked where the pages only display them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../scripts/lib/generate-plan.ts';
import { loadContent } from '../../src/lib/pipeline.ts';
import { RULES } from '../../src/lib/rules.ts';
import { diagnosticsPage, diagnosticsRoutes, quotedWords } from '../../src/site/routes/diagnostics.ts';
import { homePage } from '../../src/site/routes/home.ts';
import { matrixPage, matrixRoutes } from '../../src/site/routes/matrix.ts';
import { originalFileRoutes, planFileRoutes } from '../../src/site/routes/opendata.ts';
import { partPage, partRoutes } from '../../src/site/routes/parts.ts';
import { searchPage } from '../../src/site/routes/search.ts';
import { type ContentPageEntry, segmentPage, segmentRoutes } from '../../src/site/routes/segment.ts';
import { sourcePage, sourceRoutes } from '../../src/site/routes/source.ts';
import { taskPage, taskRoutes } from '../../src/site/routes/task.ts';
import type { SiteContent } from '../../src/site/routes/types.ts';
import { unitDirectoryPage, unitPage, unitRoutes } from '../../src/site/routes/units.ts';
import { notFoundPage } from '../../src/site/routes/not-found.ts';
import { taskFilterView, taskListPage, taskListRoutes } from '../../src/site/routes/task-list.ts';
import { rowPasses } from '../../src/site/task-filter.ts';
import { defaultSite, layoutData } from '../../src/site/identity.ts';
import { MATRIX_PAGE_TASKS, OUTLINE_PAGE_TASKS } from '../../src/site/slices.ts';
import { SOURCE_PAGE_LINES } from '../../src/site/url.ts';
import { contentFolders } from '../support/content-folder.ts';

/** A content folder of the given files, read as the site reads one. */
const contentOf = contentFolders('plan-routes');

const seed: SiteContent = await loadContent('content');
const twoPlans: SiteContent = await loadContent('examples/with-progress');
/** Inherited units, sub-tasks, a deadline and a reference in four tasks. */
const small = await contentOf({
  'plans/2024-small.txt': [
    '2024年测试工作要点',
    '一、总体要求',
    '(一)落实安全生产责任(责任单位:县应急管理局)',
    '1.健全责任体系,2024年6月底前完成。',
    '2.压实主体责任,执行《安全生产法》。(牵头单位:县住建局;配合单位:县水务局)',
    '(1)开展隐患排查。(责任单位:县水务局)',
    '(2)开展宣传。',
    '',
  ].join('\n'),
});
/** A plan with its covering notice (文号, 落款 in Chinese numerals), and one whose metadata file sets them. */
const issued = await contentOf({
  'plans/2026-issued.txt': [
    '青禾县安全生产委员会办公室关于印发工作要点的通知',
    '青安委办〔2026〕3号',
    '现将工作要点印发给你们,请认真抓好落实。',
    '青禾县安全生产委员会办公室',
    '二〇二六年三月一日',
    '青禾县2026年安全生产工作要点',
    '一、压实责任',
    '1.健全责任清单。(责任单位:县应急管理局)',
    '',
  ].join('\n'),
  'plans/2025-set.txt': '2025年测试工作要点\n一、压实责任\n1.健全责任清单。(责任单位:县应急管理局)\n',
  'plans/2025-set.yaml': 'issuer: 青禾县人民政府办公室\ndate: 2025年2月8日\ndocNumber: 青政办发〔2025〕2号\n',
});
/** A long plan: split matrix, part pages, paged source, one stray paragraph past line 1000, sample progress. */
const STRAY = '这一段是从网页复制时混进来的说明文字,不属于任何任务。';
const long = await contentOf({
  'plans/long-plan.txt': (() => {
    const lines = generatePlan(1200).split('\n');
    lines.splice(lines.findIndex((l) => l.startsWith('976.')) + 1, 0, STRAY);
    return lines.join('\n');
  })(),
  'progress/long-plan.csv': '序号,填报单位,报告日期,状态,进展情况\n1,,2024-03-01,已完成,示例\n2,,2024-03-01,滞后,示例\n',
  'progress/long-plan.yaml': 'sample: true\n',
});

const about = { id: 'about', data: { title: '说明', description: '如何阅读本站' } } as ContentPageEntry;
const only = <T>(list: T[]): T => {
  expect(list).toHaveLength(1);
  return list[0]!;
};

describe('/ (home)', () => {
  it('lists the plans newest first and shows the newest one, labelled when its progress is a sample', () => {
    const page = homePage(twoPlans);
    expect(page.plans.map((p) => [p.year, p.href])).toEqual([
      ['2023 年', '/2023-work-safety/'],
      ['2022 年', '/2022-work-safety/'],
    ]);
    expect(page.newest?.href).toBe('/2023-work-safety/');
    expect(page.newest?.overview.progress?.sample).toBe(true);
    expect(page.frame.sample).toBe(true);
    expect(homePage(seed).frame.sample).toBe(false);
    expect(homePage({ plans: [], units: [] }).newest).toBeUndefined();
  });

  it('says how each plan with reports stands before its structure counts', () => {
    const [newest, older] = homePage(twoPlans).plans;
    expect(newest!.progress).toMatch(/^截至 \d{4}年\d{1,2}月\d{1,2}日,已完成 \d+ 项,逾期未完成 \d+ 项$/);
    expect(older!.progress).toMatch(/^截至 /);
    expect(homePage(seed).plans[0]!.progress).toBeUndefined();
  });
});

describe('/<plan>/ and the MDX pages', () => {
  it('gives each plan and each page its segment, and refuses a page that takes the URL of a plan', () => {
    expect(segmentRoutes(seed, [about]).map((r) => r.params.slug)).toEqual(['2022-work-safety', 'about']);
    const clash = { ...about, id: 'x', data: { ...about.data, slug: '2022-work-safety' } } as ContentPageEntry;
    expect(() => segmentRoutes(seed, [clash])).toThrow(/Page "2022-work-safety" has the same URL as a plan/);
  });

  it('prepares the plan overview: counts, links, the outline', () => {
    const page = segmentPage(segmentRoutes(seed, [])[0]!.props);
    if (page.kind !== 'plan') throw new Error('not a plan page');
    expect(page.frame).toMatchObject({ title: '2022年全县安全生产工作要点', section: 'plans', searchable: true, sample: false });
    expect(page.frame.description).toMatch(/:30 项任务、\d+ 个责任单位的分工目录。$/);
    // The structure counts sit in 概况, after the progress, not among the facts of the plan's header.
    expect(page.overview.facts.map((f) => f.term)).not.toContain('结构');
    expect(page.overview.structure).toMatch(/^\d+ 个部分,\d+ 个小节,30 项任务$/);
    expect(page.overview.stats[0]).toEqual({ num: 30, label: '项任务' });
    expect(page.overview.parts).toBeUndefined();
    expect(page.overview.outline.length).toBe(4);
    expect(page.filter).toBe('计划:2022年全县安全生产工作要点');
  });

  it('heads the plan page with its 发布单位, 文号 and 发布日期, each linked to its line when read from the text', () => {
    const planPage = (content: SiteContent, id: string) => {
      const page = segmentPage(segmentRoutes(content, []).find((r) => r.params.slug === id)!.props);
      if (page.kind !== 'plan') throw new Error('not a plan page');
      return page;
    };
    const read = planPage(issued, '2026-issued');
    expect(read.overview.facts.slice(0, 3)).toEqual([
      { term: '发布单位', value: '青禾县安全生产委员会办公室', href: '/2026-issued/source/#L4' },
      { term: '文号', value: '青安委办〔2026〕3号', href: '/2026-issued/source/#L2' },
      { term: '发布日期', value: '2026年3月1日', datetime: '2026-03-01', href: '/2026-issued/source/#L5' },
    ]);
    expect(read.frame.description).toBe(
      '青禾县2026年安全生产工作要点(青安委办〔2026〕3号,青禾县安全生产委员会办公室 2026年3月1日发布):1 项任务、1 个责任单位的分工目录。',
    );
    expect(read.frame.meta).toEqual([
      { name: 'ArticleTitle', content: '青禾县2026年安全生产工作要点' },
      { name: 'PubDate', content: '2026-03-01' },
      { name: 'ContentSource', content: '青禾县安全生产委员会办公室' },
    ]);
    // Set by the metadata file: shown, not linked to the text.
    expect(planPage(issued, '2025-set').overview.facts.slice(0, 3)).toEqual([
      { term: '发布单位', value: '青禾县人民政府办公室' },
      { term: '文号', value: '青政办发〔2025〕2号' },
      { term: '发布日期', value: '2025年2月8日', datetime: '2025-02-08' },
    ]);
    // The seed states none of them: the date says so, the rest is left out.
    const seedPage = planPage(seed, '2022-work-safety');
    expect(seedPage.overview.facts.filter((f) => ['发布单位', '文号', '发布日期'].includes(f.term))).toEqual([{ term: '发布日期', value: '原文未载明' }]);
    expect(seedPage.frame.meta).toEqual([{ name: 'ArticleTitle', content: '2022年全县安全生产工作要点' }]);
  });

  it('lists a long plan by part pages, with the overdue count of each part', () => {
    const overview = (segmentPage(segmentRoutes(long, [])[0]!.props) as Extract<ReturnType<typeof segmentPage>, { kind: 'plan' }>).overview;
    expect(overview.parts!.length).toBeGreaterThan(1);
    expect(overview.parts![0]!.href).toBe(`/long-plan/parts/${partRoutes(long)[0]!.params.part}/`);
    expect(overview.statuses).toBeUndefined();
    const byPart = overview.progress!.overdueByPart!;
    expect(byPart.reduce((n, p) => n + p.count, 0)).toBe(overview.progress!.overdueCount);
    expect(byPart.every((p) => p.href.endsWith('/#overdue'))).toBe(true);
  });

  it('frames an MDX page as its own', () => {
    expect(segmentPage({ kind: 'page', entry: about })).toMatchObject({
      kind: 'page',
      heading: '说明',
      frame: { title: '说明', section: 'about', searchable: true },
    });
  });
});

describe('/<plan>/tasks/<n>/', () => {
  const routes = taskRoutes(seed);

  it('has a route for every task', () => {
    expect(routes.map((r) => r.params.task)).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1)));
  });

  it('names the units by role, the source line and its neighbours', () => {
    const page = taskPage(routes[23]!.props);
    expect(page.heading).toMatch(/^任务 24:/);
    expect(page.roles.map((g) => [g.role, g.units.length])).toEqual([
      ['lead', 1],
      ['support', 8],
    ]);
    expect(page.roles[0]!.units[0]).toMatchObject({
      name: '县住房和城乡建设局',
      href: '/units/zhujian/',
      mention: '县住建局',
      filter: '单位:县住房和城乡建设局',
    });
    expect(page.source.href).toMatch(/^\/2022-work-safety\/source\/#L\d+$/);
    expect(page.previous).toMatchObject({ href: '/2022-work-safety/tasks/23/', number: '23' });
    expect(page.next).toMatchObject({ href: '/2022-work-safety/tasks/25/', number: '25' });
    expect(page.frame.description.length).toBeLessThanOrEqual(160);
    expect(page.crumbs.map((c) => c.label)).toEqual([
      '首页',
      '2022年全县安全生产工作要点',
      expect.stringMatching(/^三、/),
      expect.stringMatching(/^\(/),
      '任务 24',
    ]);
    expect(page.status).toBeUndefined();
    expect(page.progress).toBeUndefined();
  });

  it('says where inherited units come from, and lists sub-tasks, deadlines and references', () => {
    const [first, second, sub] = taskRoutes(small).map((r) => taskPage(r.props));
    expect(first!.inheritedFrom).toBe('(一)落实安全生产责任');
    expect(first!.deadlines).toEqual([{ text: '2024年6月底前', date: '2024-06-30' }]);
    expect(second!.inheritedFrom).toBeUndefined();
    expect(second!.references).toEqual(['《安全生产法》']);
    expect(second!.children.map((c) => [c.number, c.href])).toEqual([
      ['2-1', '/2024-small/tasks/2-1/'],
      ['2-2', '/2024-small/tasks/2-2/'],
    ]);
    expect(sub!.crumbs.map((c) => c.href)).toEqual(['/', '/2024-small/', undefined, undefined, '/2024-small/tasks/2/', undefined]);
    expect(second!.roleNames).toBe('牵头、配合');
  });

  it('shows the status of a task, the reports of its units and where each report came from', () => {
    const page = taskPage(taskRoutes(twoPlans).find((r) => r.params.slug === '2022-work-safety' && r.params.task === '24')!.props);
    expect(page.frame.sample).toBe(true);
    expect(page.status?.label).toBeDefined();
    expect(page.progress!.units.length).toBeGreaterThan(0);
    expect(page.progress!.timeline.every((r) => /^来源:progress\/2022-work-safety\.csv 第 \d+ 行$/.test(r.source))).toBe(true);
  });
});

describe('/<plan>/source/', () => {
  it('is one page for a short text', () => {
    const page = sourcePage(only(sourceRoutes(seed)).props);
    expect(page.encoding).toBe('国际通用编码');
    expect(page.pager).toBeUndefined();
    expect(page.unassigned).toBeUndefined();
    expect(page.lines[0]).toMatchObject({ number: 1, unassigned: false });
    expect(page.heading).toBe('2022年全县安全生产工作要点 · 原文');
    expect(page.original).toEqual({ href: '/2022-work-safety/original/2022-work-safety.txt', label: '纯文本', name: '2022-work-safety.txt' });
  });

  it('links to the original file of a plan in another format, which the site publishes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-original-'));
    mkdirSync(join(dir, 'plans'));
    writeFileSync(join(dir, 'plans', '2025-table.pdf'), readFileSync('tests/fixtures/files/plans/table-libreoffice.pdf'));
    const content = await loadContent(dir);
    rmSync(dir, { recursive: true, force: true });
    const page = sourcePage(only(sourceRoutes(content)).props);
    expect(page.original).toEqual({ href: '/2025-table/original/2025-table.pdf', label: 'PDF 文件', name: '2025-table.pdf' });
    expect(page.lines.some((l) => l.text.startsWith('序号 | 类别 | 重点任务'))).toBe(true);
    expect(originalFileRoutes(content).map((r) => r.params)).toEqual([{ slug: '2025-table', file: '2025-table.pdf' }]);
  });

  it('pages a long text and marks the stray paragraph on its page, linked from the first', () => {
    const routes = sourceRoutes(long);
    expect(routes.map((r) => r.params.page)).toEqual([undefined, ...routes.slice(1).map((_, i) => String(i + 2))]);
    const [first, second] = routes.map((r) => sourcePage(r.props));
    expect(first!.lines).toHaveLength(SOURCE_PAGE_LINES);
    const stray = second!.lines.find((l) => l.unassigned)!;
    expect(stray.text).toBe(STRAY);
    expect(first!.unassigned).toEqual({ count: 1, line: stray.number, href: `/long-plan/source/2/#L${stray.number}` });
    expect(second!.unassigned!.href).toBe(`#L${stray.number}`);
    expect(first!.pager![0]).toEqual({ label: `第 1–${SOURCE_PAGE_LINES} 行` });
    expect(first!.pager![1]!.href).toBe('/long-plan/source/2/');
    expect(first!.frame.title!.endsWith(` 原文(第 1–${SOURCE_PAGE_LINES} 行)`)).toBe(true);
  });
});

describe('/<plan>/diagnostics/', () => {
  it("quotes only the plan's Chinese words of a message", () => {
    expect(quotedWords('Unknown unit `县城管局` (not in the registry)')).toEqual(['县城管局']);
    expect(quotedWords('Units without a label (责任单位/牵头单位) read as responsible: 各镇政府、县安委会各成员单位')).toEqual([
      '各镇政府、县安委会各成员单位',
    ]);
    expect(quotedWords('Unexpected task `任务99`, expected one of the 30 tasks of `2023-flood-control`')).toEqual(['任务99']);
    expect(quotedWords('No tasks found')).toEqual([]);
  });

  it('lists errors, warnings and infos in that order, each explained in Chinese', () => {
    const page = diagnosticsPage(only(diagnosticsRoutes(small)).props);
    // The plan gives no date: an info after the warnings.
    expect(page.counts).toEqual({ error: 0, warning: 3, info: 1 });
    expect(page.rows.map((r) => r.ruleId)).toEqual(['unknown-unit', 'unknown-unit', 'unknown-unit', 'plan-date-missing']);
    const warnings = page.rows.slice(0, 3);
    expect(warnings.every((r) => r.explanation === RULES['unknown-unit'].text && r.href?.startsWith('/2024-small/source/#L'))).toBe(true);
    expect(warnings.every((r) => /^原文第 \d+ 行第 \d+ 列$/.test(r.where) && r.severityLabel === '警告')).toBe(true);
    expect(page.rows[3]!.explanation).toBe(RULES['plan-date-missing'].text);
    expect(page.frame.description).toBe('2024年测试工作要点的解析提示:3 条警告,1 条提示,每条链接到原文所在行。');
  });

  it('lists the problems of the progress report with their file, row and column', () => {
    const route = diagnosticsRoutes(twoPlans).find((r) => r.params.slug === '2022-work-safety')!;
    const page = diagnosticsPage(route.props);
    expect(page.progress!.rows.map((r) => [r.place, r.ruleId])).toEqual([['examples/with-progress/progress/2022-work-safety.csv:25:4', 'progress-bad-status']]);
    expect(page.progress!.rows[0]!.href).toBeUndefined();
    expect(page.progress!.rows[0]!.where).toBe('2022-work-safety.csv 第 25 行第 4 列');
    // Progress warnings are counted with the plan's.
    expect(page.counts.warning).toBe(route.props.diagnostics.filter((d) => d.severity === 'warning').length + 1);
    expect(diagnosticsPage(only(diagnosticsRoutes(seed)).props).progress).toBeUndefined();
  });
});

describe('/<plan>/matrix/', () => {
  it('is one page for a plan small enough', () => {
    const route = only(matrixRoutes(seed));
    expect(route.params.part).toBeUndefined();
    const page = matrixPage(route.props);
    expect(page.index).toBeUndefined();
    expect(page.table!.matrix.columns).toHaveLength(30);
    expect(page.frame.description).toBe(`2022年全县安全生产工作要点:${page.table!.matrix.rows.length} 个单位 × 30 项任务的分工矩阵,标明牵头、配合与责任。`);
    expect(page.table!.statusLegend).toBeUndefined();
    expect(page.pdf.file).toBe('pdf/2022-work-safety/matrix.pdf');
  });

  it('splits a long plan into an index and slices, each building only its own columns', () => {
    const routes = matrixRoutes(long);
    const [index, ...slices] = routes.map((r) => matrixPage(r.props));
    expect(index!.table).toBeUndefined();
    expect(index!.frame.sample).toBe(false);
    expect(index!.index!.parts.map((p) => p.href)).toEqual(expect.arrayContaining([`/long-plan/matrix/${routes[1]!.params.part}/`]));
    expect(slices.length).toBe(routes.length - 1);
    for (const slice of slices) expect(slice.table!.matrix.columns.length).toBeLessThanOrEqual(MATRIX_PAGE_TASKS);
    expect(slices[0]!.table!.slice!.indexHref).toBe('/long-plan/matrix/');
    expect(slices[0]!.table!.previous).toBeUndefined();
    expect(slices[0]!.table!.next!.href).toBe(`/long-plan/matrix/${routes[2]!.params.part}/`);
    expect(slices[0]!.frame.sample).toBe(true);
    expect(slices[0]!.table!.statusLegend!.statuses.map((s) => s.label)).toEqual(['未启动', '推进中', '已完成', '滞后']);
  });
});

describe('the task list filters and /<plan>/list/<facet>-<value>/', () => {
  const plan = twoPlans.plans.find((p) => p.id === '2022-work-safety')!;

  it("gives the outline of a plan its filters by part, unit, role and status, with the whole plan's counts", () => {
    const view = taskFilterView(plan)!;
    expect(view.groups.map((g) => g.label)).toEqual(['部分', '单位', '角色', '状态']);
    expect(view.total).toBe(30);
    const parts = view.groups.find((g) => g.facet === 'part')!;
    expect(parts.options.map((o) => o.label[0])).toEqual(['一', '二', '三', '四']);
    expect(parts.options.reduce((n, o) => n + o.count, 0)).toBe(30);
    expect(parts.options[0]!.href).toBe('/2022-work-safety/list/part-1/');
    const units = view.groups.find((g) => g.facet === 'unit')!;
    expect(units.folded).toBe(true);
    expect(units.options[0]!.href).toMatch(/^\/units\/[a-z0-9-]+\/$/);
    // Units by how many tasks they hold.
    expect(units.options.map((o) => o.count)).toEqual([...units.options.map((o) => o.count)].sort((a, b) => b - a));
    const statuses = view.groups.find((g) => g.facet === 'status')!;
    expect(statuses.options.map((o) => o.label)).toEqual(['推进中', '已完成', '滞后', '暂无报告']);
    expect(statuses.options.reduce((n, o) => n + o.count, 0)).toBe(30);
    expect(Object.keys(view.rows)).toHaveLength(30);
  });

  it('has no status filter without reports, and no filters for a long plan', () => {
    expect(taskFilterView(seed.plans[0]!)!.groups.map((g) => g.facet)).toEqual(['part', 'unit', 'role']);
    expect(taskFilterView(long.plans[0]!)).toBeUndefined();
    expect(taskListRoutes(long)).toEqual([]);
  });

  it('pre-renders one page per part, role and status, listing as many tasks as its link counts', () => {
    const routes = taskListRoutes(twoPlans).filter((r) => r.params.slug === '2022-work-safety');
    expect(routes.map((r) => r.params.filter)).toEqual([
      'part-1',
      'part-2',
      'part-3',
      'part-4',
      'role-lead',
      'role-support',
      'role-responsible',
      'status-in-progress',
      'status-done',
      'status-late',
      'status-none',
    ]);
    const view = taskFilterView(plan)!;
    for (const route of routes) {
      const page = taskListPage(route.props);
      const option = view.groups.find((g) => g.facet === route.props.facet)!.options.find((o) => o.value === route.props.value)!;
      expect(page.rows, route.params.filter).toHaveLength(option.count);
      expect(page.current).toEqual({ [route.props.facet]: route.props.value });
    }
    const late = taskListPage(routes.find((r) => r.params.filter === 'status-late')!.props);
    expect(late.heading).toBe('任务清单:状态:滞后');
    expect(late.rows.every((r) => r.status === '滞后')).toBe(true);
    expect(late.frame.sample).toBe(true);
    expect(late.crumbs.map((c) => c.label)).toEqual(['首页', '2022年全县安全生产工作要点', '状态:滞后']);
  });

  it("combines filters: a role is the chosen unit's role", () => {
    const rows = Object.values(taskFilterView(plan)!.rows);
    const unit = rows.find((r) => r.units.some((u) => u.role === 'support'))!.units.find((u) => u.role === 'support')!.id;
    const asSupport = rows.filter((r) => rowPasses(r, { unit, role: 'support' }));
    expect(asSupport.length).toBeGreaterThan(0);
    expect(asSupport.every((r) => r.units.find((u) => u.id === unit)!.role === 'support')).toBe(true);
    expect(rows.filter((r) => rowPasses(r, { unit, role: 'lead' })).every((r) => r.units.find((u) => u.id === unit)!.role === 'lead')).toBe(true);
  });
});

describe('/<plan>/parts/<part>/', () => {
  it('exists only for a long plan, each page with at most so many tasks and its own overdue ones', () => {
    expect(partRoutes(seed)).toEqual([]);
    const pages = partRoutes(long).map((r) => partPage(r.props));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((p) => p.count <= OUTLINE_PAGE_TASKS * 2)).toBe(true);
    expect(pages.reduce((n, p) => n + p.count, 0)).toBe(long.plans[0]!.document.tasks.length);
    const overdue = pages.flatMap((p) => p.overdue?.rows.map((r) => r.number) ?? []);
    expect(new Set(overdue).size).toBe(overdue.length);
    expect(pages[0]!.matrixHref).toMatch(/^\/long-plan\/matrix\/[^/]+\/$/);
    expect(pages[0]!.next!.href).toBe(`/long-plan/parts/${partRoutes(long)[1]!.params.part}/`);
    expect(pages[0]!.statuses).toBeDefined();
  });
});

describe('/units/ and /units/<unit>/', () => {
  it('groups the directory by kind, and lists groups with their members', () => {
    const page = unitDirectoryPage(seed);
    expect(page.unitCount).toBe(seed.units.length);
    expect(page.kinds.map((k) => k.anchor)).toEqual(page.kinds.map((_, i) => `kind-${i + 1}`));
    expect(page.kinds[0]!.kind).toBe('党委部门');
    const group = page.groups.find((g) => g.href === '/units/anweihui-members/')!;
    expect(group.members.length).toBeGreaterThan(5);
  });

  it('shows the tasks of a unit plan by plan, newest first, with their statuses', () => {
    const page = unitPage(unitRoutes(twoPlans).find((r) => r.params.unit === 'zhujian')!.props);
    expect(page.blocks.map((b) => b.plan?.anchor)).toEqual(['plan-2023-work-safety', 'plan-2022-work-safety']);
    expect(page.blocks.every((b) => b.heading === 'h3')).toBe(true);
    expect(page.blocks[0]!.roles[0]!.anchor).toBe(`role-2023-work-safety-${page.blocks[0]!.roles[0]!.tasks[0]!.role}`);
    expect(page.blocks.flatMap((b) => b.roles.flatMap((g) => g.tasks)).every((t) => t.status !== undefined)).toBe(true);
    const titles = twoPlans.plans.map((p) => p.metadata.title ?? p.document.title);
    expect(page.openData.map((d) => d.label)).toEqual(titles.map((t) => `${t}数据`));
    expect(page.frame.sample).toBe(true);
  });

  it('counts each task once and says what the counters count', () => {
    const page = unitPage(unitRoutes(seed).find((r) => r.params.unit === 'zhujian')!.props);
    expect(page.counters[0]).toEqual({ value: 16, label: '项任务' });
    expect(page.counters.slice(1).reduce((n, c) => n + c.value, 0)).toBe(16);
    expect(page.countNote).toMatch(/^每项任务只计一次/);
    const both = unitPage(unitRoutes(twoPlans).find((r) => r.params.unit === 'zhujian')!.props);
    expect(both.counters[0]!.label).toBe('项任务(2 个计划合计)');
    const perPlan = both.blocks.map((b) => Number(/共 (\d+) 项/.exec(b.plan!.count)![1]));
    expect(perPlan.reduce((a, b) => a + b, 0)).toBe(both.counters[0]!.value);
    const directory = unitDirectoryPage(seed);
    const row = directory.kinds.flatMap((k) => k.units).find((u) => u.name === '县住房和城乡建设局')!;
    expect(row.total).toBe(16);
    expect(row.counts.map((c) => c.label)).toEqual(['牵头', '责任', '经所属群体']);
    expect(unitDirectoryPage(twoPlans).countNote).toMatch(/^任务数为 2 个计划合计/);
  });

  it('names no plan on the page of a site with one plan', () => {
    const page = unitPage(unitRoutes(seed).find((r) => r.params.unit === 'zhujian')!.props);
    expect(page.blocks.map((b) => [b.plan, b.heading])).toEqual([[undefined, 'h2']]);
    expect(page.openData).toEqual([{ planId: '2022-work-safety' }]);
    expect(page.empty).toBe(false);
    expect(page.sheet.unitName).toBe('县住房和城乡建设局');
  });
});

describe('/search/ and the open data', () => {
  it('names the status filter and the sample only where there are reports', () => {
    expect(searchPage(seed)).toMatchObject({ statusFilter: false, frame: { sample: false }, indexPath: '/search-index.json' });
    expect(searchPage(twoPlans)).toMatchObject({ statusFilter: true, frame: { sample: true } });
  });

  it('gives each plan its files', () => {
    expect(planFileRoutes(twoPlans).map((r) => r.params.slug)).toEqual(['2023-work-safety', '2022-work-safety']);
  });
});

describe('the site identity and the 404 page', () => {
  it('reads content/site.yaml, with defaults for what it leaves out', async () => {
    expect(seed.site).toMatchObject({ name: '任务分工公开台账', footer: [expect.stringMatching(/^本站内容由工作要点原文自动整理/)] });
    expect(seed.site?.site).toBeUndefined();
    const own = await contentOf({
      'plans/a.txt': '1.甲任务。(责任单位:县住建局)\n',
      'site.yaml': 'name: 示例平台\nissuer: 示例县人民政府办公室\nsite: https://example.gov.cn/duban/\n',
    });
    expect(own.site).toMatchObject({ name: '示例平台', issuer: '示例县人民政府办公室', site: 'https://example.gov.cn/duban/' });
    expect(homePage(own).heading).toBe('示例平台');
  });

  it('gives the layout its name, footer and an absolute canonical link only when the address is set', () => {
    const plain = layoutData(defaultSite(), '/units/', '责任单位');
    expect(plain).toMatchObject({ siteName: '任务分工公开台账', fullTitle: '责任单位 · 任务分工公开台账', footer: { facts: [] } });
    expect(plain.canonical).toBeUndefined();
    expect(plain.footer.beian).toBeUndefined();
    const site = {
      ...defaultSite(),
      name: '示例平台',
      issuer: '示例办',
      contact: '电话 0000-1234567',
      beian: '示ICP备1号',
      site: 'https://example.gov.cn/duban/',
    };
    const full = layoutData(site, '/duban/units/zhujian/');
    expect(full.fullTitle).toBe('示例平台');
    expect(full.canonical).toBe('https://example.gov.cn/duban/units/zhujian/');
    expect(full.footer.facts).toEqual([
      { label: '主办', value: '示例办' },
      { label: '联系方式', value: '电话 0000-1234567' },
    ]);
    expect(full.footer.beian).toEqual({ text: '示ICP备1号', href: 'https://beian.miit.gov.cn/' });
  });

  it('says in Chinese that a page is missing and leads back to every plan', () => {
    const page = notFoundPage(seed);
    expect(page.frame).toMatchObject({ title: '页面不存在', canonical: false });
    expect(page.links.map((l) => l.href)).toEqual(['/', '/2022-work-safety/', '/units/', '/about/']);
    expect(page.searchAction).toBe('/search/');
  });
});
