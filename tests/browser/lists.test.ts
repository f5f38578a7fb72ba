/**
 * The pages' order and their lists in Chromium, on the progress example (examples/with-progress):
 * progress before the structure counts, the task list's filters (in place with the state in the URL,
 * and as plain links without JavaScript), the header search in place, the search page's results first
 * on a phone; axe-core at 1280 and 360 px on each of them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, removeBuilds } from '../build/dist.ts';
import { axeViolations } from './axe.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { type StaticServer, serveStatic } from '../../scripts/lib/static-server.ts';

let server: StaticServer;
let browser: Browser;
const PLAN = '2022-work-safety/';

beforeAll(async () => {
  const build = await buildSite({ CONTENT_DIR: 'examples/with-progress' });
  expect(build.code, build.stdout + build.stderr).toBe(0);
  server = await serveStatic(build.outDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeBuilds();
});

const top = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
/** The tasks the outline shows. */
const shownTasks = (page: Page) => page.locator('.outline li.task[data-units]:visible').count();
const countLine = (page: Page) => page.locator('[data-filter-count]').textContent();

describe('home and plan pages', () => {
  it('show the progress before the structure counts', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const path of ['', PLAN]) {
      await page.goto(server.url(path));
      const progress = await top(page, 'section.progress');
      const structure = await top(page, 'ul.stats:not(.stats--status):not(.stats--light)');
      expect(progress, path).toBeLessThan(structure);
      // The structure is no longer among the plan's facts at the top.
      expect(await page.locator('.facts dt', { hasText: '结构' }).count(), path).toBe(0);
    }
    // The home page's list of plans says how each stands before it counts its tasks.
    await page.goto(server.url(''));
    const item = page.locator('.task-list li').first();
    expect(await item.locator('.plan-progress').textContent()).toMatch(/^截至 .+,已完成 \d+ 项,逾期未完成 \d+ 项。$/);
    await page.close();
  });
});

describe('the task list filters', () => {
  it('filter in place, combine, keep their state in the URL and follow the back button', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url(PLAN));
    await page.waitForSelector('[data-task-filters][data-ready]');
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    expect(await shownTasks(page)).toBe(30);
    const late = page.locator('[data-task-filters] a[data-facet="status"][data-value="late"]');
    const lateCount = Number(await late.locator('.count').textContent());
    expect(lateCount).toBeGreaterThan(0);
    await late.click();
    expect(new URL(page.url()).searchParams.get('status')).toBe('late');
    expect(await shownTasks(page)).toBe(lateCount);
    expect(await countLine(page)).toBe(`显示 ${lateCount} 项任务(共 30 项)。`);
    expect(await late.getAttribute('aria-current')).toBe('true');
    // Every shown task is 滞后, and its part is shown with it.
    for (const status of await page.locator('.outline li.task[data-units]:visible').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.status)))
      expect(status).toBe('late');
    // The counts follow: each part now counts its 滞后 tasks; a second filter combines with the first.
    const parts = page.locator('[data-task-filters] a[data-facet="part"][data-value]:not([data-value=""])');
    const partCounts = (await parts.locator('.count').allTextContents()).map(Number);
    expect(partCounts.reduce((a, b) => a + b, 0)).toBe(lateCount);
    const part = parts.nth(partCounts.findIndex((n) => n > 0));
    const partCount = Number(await part.locator('.count').textContent());
    await part.click();
    expect(await shownTasks(page)).toBe(partCount);
    expect(new URL(page.url()).search).toMatch(/^\?part=\d+&status=late$/);
    await page.goBack();
    expect(new URL(page.url()).search).toBe('?status=late');
    expect(await shownTasks(page)).toBe(lateCount);
    await page.goBack();
    expect(new URL(page.url()).search).toBe('');
    expect(await shownTasks(page)).toBe(30);
    // No page was loaded for any of it.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    await page.close();
  });

  it("read a filtered address as it is, a role as the chosen unit's, and are used by keyboard", async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(server.url(`${PLAN}?role=support`));
    await page.waitForSelector('[data-task-filters][data-ready]');
    const support = Number(await page.locator('a[data-facet="role"][data-value="support"] .count').textContent());
    expect(await shownTasks(page)).toBe(support);
    // A unit by keyboard: open the folded list, Tab to the first unit, Enter.
    await page.locator('details[data-group="unit"] summary').focus();
    await page.keyboard.press('Enter');
    const unit = page.locator('a[data-facet="unit"][data-value]:not([data-value=""])').first();
    const unitId = await unit.getAttribute('data-value');
    const unitCount = Number(await unit.locator('.count').textContent());
    await unit.focus();
    // Focused, the link carries the address of the list it leads to (to open in a tab, to copy).
    expect(await unit.getAttribute('href')).toBe(`/${PLAN}?unit=${unitId}&role=support#tasks`);
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).searchParams.get('unit')).toBe(unitId);
    expect(await shownTasks(page)).toBe(unitCount);
    for (const units of await page.locator('.outline li.task[data-units]:visible').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.units!)))
      expect(units.split(' ')).toContain(`${unitId}:support`);
    expect(await countLine(page)).toBe(`显示 ${unitCount} 项任务(共 30 项)。`);
    expect(await page.locator('[data-filter-count]').getAttribute('role')).toBe('status');
    await page.close();
  });

  it("are plain links without JavaScript: a list page per status, the unit's own page", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(server.url(PLAN));
    const late = page.locator('[data-task-filters] a[data-facet="status"][data-value="late"]');
    const lateCount = Number(await late.locator('.count').textContent());
    await late.click();
    expect(new URL(page.url()).pathname).toBe(`/${PLAN}list/status-late/`);
    expect(await page.locator('h1').textContent()).toBe('任务清单:状态:滞后');
    expect(await page.locator('ol.task-list > li').count()).toBe(lateCount);
    expect(await page.locator('a[data-facet="status"][aria-current="true"]').textContent()).toMatch(/^滞后/);
    await page.locator('details[data-group="unit"] summary').click();
    const unit = page.locator('a[data-facet="unit"][data-value]:not([data-value=""])').first();
    const href = await unit.getAttribute('href');
    expect(href).toMatch(/^\/units\/[^/]+\/$/);
    await unit.click();
    expect(new URL(page.url()).pathname).toBe(href);
    await context.close();
  });
});

describe('the header search', () => {
  it('shows results as the reader types, moves through them by arrow keys and opens one by Enter', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url('units/'));
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    const box = page.locator('#site-search-q');
    expect(await box.getAttribute('role')).toBe('combobox');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await box.click();
    await page.keyboard.type('燃气');
    const list = page.locator('#site-search-list');
    await list.waitFor({ state: 'visible' });
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    const options = list.locator('[role="option"]');
    expect(await options.count()).toBeGreaterThan(1);
    expect(await options.first().textContent()).toMatch(/^任务 \d+:.*燃气/);
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/^找到 \d+ 项任务/);
    // Typing loaded no page.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    await page.keyboard.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await options.nth(0).getAttribute('id'));
    expect(await options.nth(0).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await options.nth(0).getAttribute('id'));
    // Escape closes the list and keeps the words.
    await page.keyboard.press('Escape');
    expect(await list.isHidden()).toBe(true);
    expect(await box.inputValue()).toBe('燃气');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/tasks\/\d+\/$/);
    await page.close();
  });

  it('finds units by a short name and leads to /search/ by Enter with nothing chosen', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(server.url(''));
    await page.locator('#site-search-q').fill('住建局');
    const first = page.locator('#site-search-list [role="option"]').first();
    await first.waitFor({ state: 'visible' });
    expect(await first.textContent()).toMatch(/住房和城乡建设局单位 · \d+ 项任务$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('住建局');
    await page.close();
  });

  it('submits to /search/ without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url(PLAN));
    await page.locator('#site-search-q').fill('燃气');
    await page.locator('.site-search button[type="submit"]').click();
    await page.waitForURL(/\/search\/\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('燃气');
    await context.close();
  });
});

describe('the search page on a phone', () => {
  it('shows the first result on the first screen, the filters after the results', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(server.url('search/?q=安全'));
    await page.waitForSelector('[data-search][data-ready]');
    const first = await top(page, '.search-results .search-result');
    expect(first).toBeLessThan(740);
    expect(await top(page, '.search-facets')).toBeGreaterThan(first);
    await page.close();
  });
});

describe('axe-core on these pages and states', () => {
  it('finds no WCAG 2.1 A/AA violation at 1280 and 360 px', async () => {
    const violations: string[] = [];
    for (const width of [1280, 360]) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      for (const [label, path] of [
        ['home', ''],
        ['plan filtered', `${PLAN}?status=late&role=lead`],
        ['list page', `${PLAN}list/part-1/`],
        ['search', 'search/?q=燃气'],
      ] as const) {
        await page.goto(server.url(path), { waitUntil: 'networkidle' });
        violations.push(...(await axeViolations(page, `${label} ${width}`)));
      }
      // The header search's list open.
      await page.locator('#site-search-q').fill('燃气');
      await page.locator('#site-search-list [role="option"]').first().waitFor({ state: 'visible' });
      await page.keyboard.press('ArrowDown');
      violations.push(...(await axeViolations(page, `header search ${width}`)));
      await page.close();
    }
    expect(violations).toEqual([]);
  });
});
