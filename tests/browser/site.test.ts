/**
 * The built site in Chromium: search, the matrix filter, navigation, the 360 px layout,
 * accessibility (axe-core, WCAG 2.1 A/AA), no request to another origin, no console error.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { type StaticServer, serveStatic } from '../../scripts/lib/static-server.ts';
import { DIST, listedUnits, newestPlanId, readDist } from '../../scripts/lib/built-site.ts';

let server: StaticServer;
let browser: Browser;
let planId: string;

beforeAll(async () => {
  planId = newestPlanId();
  server = await serveStatic(DIST);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Watched {
  page: Page;
  foreign: string[];
  errors: string[];
}

/** A page that records requests to other origins and console errors. */
async function openPage(width = 1280): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(server.origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, foreign, errors };
}

function pageKinds(): [string, string][] {
  const unit = listedUnits()[0]!;
  return [
    ['home', ''],
    ['plan', `${planId}/`],
    ['task', `${planId}/tasks/24/`],
    ['units', 'units/'],
    ['unit', `units/${unit.slug}/`],
    ['matrix', `${planId}/matrix/`],
    ['source', `${planId}/source/`],
    ['diagnostics', `${planId}/diagnostics/`],
    ['review', `${planId}/review/`],
    ['search', 'search/?q=燃气'],
    ['about', 'about/'],
    ['interpretation', `${planId}/interpretation/`],
  ];
}

/** Result URLs for a query, units first, as the search page shows them. */
async function searchUrls(page: Page, query: string): Promise<string[]> {
  await page.fill('#search-q', query);
  await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, query);
  return page.$$eval('.search-units a, .search-results a.result-link', (as) => as.slice(0, 10).map((a) => (a as HTMLAnchorElement).pathname));
}

describe('search', () => {
  it('finds task 24 for 燃气 through the search form, with filters that live in the URL', async () => {
    const { page, foreign, errors } = await openPage();
    await page.goto(server.url(''));
    await page.fill('#site-search-q', '燃气');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await page.waitForSelector('.search-results a.result-link', { timeout: 60_000 });
    const links = await page.$$eval('.search-results a.result-link', (as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(links[0]).toBe(new URL(server.url(`${planId}/tasks/24/`)).pathname);
    const first = page.locator('.search-result').first();
    expect(await first.locator('.result-meta').textContent()).toContain('2022年全县安全生产工作要点');
    expect(await first.locator('mark').first().textContent()).toBe('燃气');
    expect(await first.locator('.result-roles').textContent()).toMatch(/^牵头:县住房和城乡建设局;配合:/);
    // Filters by plan, part, unit and role, in that order, with counts.
    const filters = await page.$$eval('.search-facets h2', (els) => els.map((e) => e.textContent?.trim()));
    expect(filters).toEqual(['计划', '部分', '单位', '角色']);
    await page.locator('#facet-role + ul a', { hasText: '牵头' }).click();
    await page.waitForURL((url) => url.searchParams.get('role') === 'lead');
    expect(await page.locator('#facet-role + ul a[aria-current="true"]').textContent()).toMatch(/^牵头 \d+$/);
    // The state is an address: reloading it shows the same results.
    await page.reload();
    await page.waitForSelector('.search-results a.result-link');
    expect(await page.locator('#facet-role + ul a[aria-current="true"]').textContent()).toMatch(/^牵头 /);
    // Arrow keys go from the box to the results.
    await page.focus('#search-q');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement).pathname)).toBe(links[0]);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says so when no task holds a phrase, and suggests what tasks hold', async () => {
    const { page } = await openPage();
    await page.goto(server.url('search/?q=燃气灶具更换'));
    await page.waitForSelector('[data-search][data-ready]');
    expect(await page.locator('.search-results li').count()).toBe(0);
    expect(await page.locator('#search-status').textContent()).toBe('没有包含“燃气灶具更换”的任务。');
    expect(await page.locator('.search-suggestions a').first().textContent()).toBe('燃气(1 项任务)');
    await page.close();
  });

  it('finds each unit page first for the unit name', async () => {
    const { page } = await openPage();
    await page.goto(server.url('search/'));
    await page.waitForSelector('[data-search][data-ready]');
    const units = listedUnits();
    const misses: string[] = [];
    for (const unit of units) {
      const urls = await searchUrls(page, unit.name);
      if (!urls[0]?.endsWith(`/units/${unit.slug}/`)) misses.push(`${unit.name}: ${urls.slice(0, 5).join(' ')}`);
    }
    expect(misses).toEqual([]);
    await page.close();
  });
});

/** Everyday Chinese queries on the seed plan and the task each should find (in its first 5 results). */
const SEED_QUERIES: [string, string][] = [
  ['燃气', '24'],
  ['液化气', '24'],
  ['危险化学品', '25'],
  ['非煤矿山', '26'],
  ['粉尘', '27'],
  ['消防', '28'],
  ['微型消防站', '28'],
  ['特种设备', '29'],
  ['电梯', '29'],
  ['铁路', '23'],
  ['起重机械', '20'],
  ['城市体检', '20'],
  ['安全生产法', '9'],
  ['双随机', '16'],
  ['事故统计', '17'],
  ['举报奖励', '18'],
  ['专家', '15'],
  ['道路', '22'],
  ['巡查', '7'],
  ['标准化', '5'],
];

describe('search recall on the seed plan', () => {
  it('finds the task for each everyday query in the top 5', async () => {
    const { page } = await openPage();
    await page.goto(server.url('search/'));
    await page.waitForSelector('[data-search][data-ready]');
    const misses: string[] = [];
    let top1 = 0;
    for (const [query, task] of SEED_QUERIES) {
      const urls = await searchUrls(page, query);
      const wanted = `/${planId}/tasks/${task}/`;
      if (urls[0]?.endsWith(wanted)) top1++;
      if (!urls.slice(0, 5).some((u) => u.endsWith(wanted))) misses.push(`${query} → ${urls.slice(0, 5).join(' ')}`);
    }
    // Exact phrases: no query is segmented away from its task.
    expect(misses, misses.join('\n')).toEqual([]);
    expect(top1).toBeGreaterThanOrEqual(SEED_QUERIES.length * 0.9);
    await page.close();
  });
});

describe('matrix', () => {
  it('filters columns by part and rows by unit kind', async () => {
    const { page, errors } = await openPage();
    await page.goto(server.url(`${planId}/matrix/`));
    await expect(page.isVisible('[data-matrix-filters]')).resolves.toBe(true);
    const allColumns = await page.locator('.row-tasks th:visible').count();
    const parts = await page.$$eval('select[name="part"] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(parts.length).toBeGreaterThan(1);
    await page.selectOption('select[name="part"]', parts[0]!);
    const partColumns = await page.locator('.row-tasks th:visible').count();
    expect(partColumns).toBeGreaterThan(0);
    expect(partColumns).toBeLessThan(allColumns);
    const foreignPart = await page.locator(`.row-tasks th[data-part]:not([data-part="${parts[0]}"]):visible`).count();
    expect(foreignPart).toBe(0);

    await page.selectOption('select[name="part"]', '');
    const kinds = await page.$$eval('select[name="kind"] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    await page.selectOption('select[name="kind"]', kinds[0]!);
    const visibleKinds = await page.$$eval('tbody[data-kind]', (bs) =>
      bs.filter((b) => !(b as HTMLElement).hidden).map((b) => (b as HTMLElement).dataset.kind),
    );
    expect(visibleKinds).toEqual([kinds[0]]);
    // The grand total is recounted for what is shown.
    const grand = Number(await page.textContent('[data-grand-total]'));
    const marks = await page.locator('tbody:not([hidden]) td[data-role]').count();
    expect(grand).toBe(marks);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('navigation', () => {
  it('goes from a unit page to one of its tasks and back', async () => {
    const { page } = await openPage();
    const unit = listedUnits().find((u) => readDist(`units/${u.slug}/index.html`).includes('/tasks/'))!;
    await page.goto(server.url(`units/${unit.slug}/`));
    const taskLink = page.locator('main .task-list a[href*="/tasks/"]').first();
    const taskHref = await taskLink.getAttribute('href');
    await taskLink.click();
    await page.waitForURL((url) => url.pathname === taskHref);
    expect(await page.textContent('h1')).toMatch(/^任务 /);
    // The task page names the unit (directly or through its group) with a link to the unit.
    const back = page.locator(`main a[href$="/units/${unit.slug}/"]`);
    if ((await back.count()) > 0) {
      await back.first().click();
    } else {
      await page.goBack();
    }
    await page.waitForURL((url) => url.pathname.endsWith(`/units/${unit.slug}/`));
    expect(await page.textContent('h1')).toBe(unit.name);
    await page.close();
  });
});

describe('every page kind', () => {
  it('does not scroll sideways at 360 px', async () => {
    const { page } = await openPage(360);
    const wide: string[] = [];
    for (const [kind, path] of pageKinds()) {
      await page.goto(server.url(path));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) wide.push(`${kind}: ${width}px`);
    }
    expect(wide).toEqual([]);
    await page.close();
  });

  it('has no WCAG 2.1 A/AA violation (axe-core), no foreign request and no console error', async () => {
    const { page, foreign, errors } = await openPage();
    const violations: string[] = [];
    for (const [kind, path] of pageKinds()) {
      await page.goto(server.url(path), { waitUntil: 'networkidle' });
      if (kind === 'search') await page.waitForSelector('.search-results a.result-link', { timeout: 60_000 });
      violations.push(...(await axeViolations(page, kind)));
    }
    expect(violations).toEqual([]);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
