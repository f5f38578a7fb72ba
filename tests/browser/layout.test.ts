/**
 * The units list and the diagnostics on a phone (360 px): no sideways scrolling, no unit name broken
 * in the middle; and each unit page lists as many tasks as its counter says, each once.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { DIST, listedUnits, newestPlanId } from '../../scripts/lib/built-site.ts';
import { type StaticServer, serveStatic } from '../../scripts/lib/static-server.ts';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(DIST);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function phone(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(server.url(path));
  return page;
}

/** How many lines each matching element's text takes. */
const lineCounts = (page: Page, selector: string) =>
  page.$$eval(selector, (els) =>
    els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      return { name: el.textContent ?? '', lines: tops.size };
    }),
  );

describe('at 360 px', () => {
  it('lists the units as cards, each name on one line, nothing wider than the screen', async () => {
    const page = await phone('units/');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.locator('main table').count()).toBe(0);
    const names = await lineCounts(page, '.unit-cards .unit-name');
    expect(names.length).toBe(listedUnits().length);
    expect(names.filter((n) => n.lines !== 1)).toEqual([]);
    // Each card is at most a name, its other names and a line of counts: short enough to scan.
    const heights = await page.$$eval('.unit-cards > li', (els) => els.map((el) => el.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(160);
    await page.close();
  });

  it('shows the diagnostics as cards in Chinese that fit the screen', async () => {
    const page = await phone(`${newestPlanId()}/diagnostics/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.locator('main table').count()).toBe(0);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toMatch(/原文第 \d+ 行第 \d+ 列/);
    expect(text.match(/[A-Za-z]{2,}/g) ?? []).toEqual([]);
    await page.close();
  });
});

describe('unit pages', () => {
  it('list each task once, as many as the first counter says and the units list shows', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('units/'));
    const totals = await page.$$eval('.unit-cards > li', (els) =>
      Object.fromEntries(els.map((el) => [el.querySelector('a')!.getAttribute('href')!, Number(el.querySelector('.unit-counts strong')!.textContent)])),
    );
    let checked = 0;
    for (const unit of listedUnits()) {
      await page.goto(server.url(`units/${unit.slug}/`));
      const links = await page.$$eval('main .task-list a', (as) => as.map((a) => a.getAttribute('href')));
      const counter = Number(await page.locator('main .stats .num').first().textContent());
      expect(new Set(links).size, unit.name).toBe(links.length);
      expect(links.length, unit.name).toBe(counter);
      expect(totals[`/units/${unit.slug}/`], unit.name).toBe(counter);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
    await page.close();
  });
});

describe('a missing page', () => {
  it("answers 404 with the site's own page, in Chinese", async () => {
    const page = await browser.newPage();
    const response = await page.goto(server.url('no-such-page/'));
    expect(response?.status()).toBe(404);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('h1').textContent()).toBe('页面不存在');
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text.match(/[A-Za-z]{2,}/g) ?? []).toEqual([]);
    await page.locator('#not-found-q').fill('燃气');
    await page.locator('#not-found-q').press('Enter');
    await page.waitForURL((url) => url.pathname.endsWith('/search/') && url.searchParams.get('q') === '燃气');
    await page.close();
  });
});
