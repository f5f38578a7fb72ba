/**
 * The hostile plan (tests/fixtures/hostile) in Chromium: on every page, in the search results and
 * the matrix filter, none of the plan's markup runs (its payloads call window.__pwned, alert would
 * open a dialog, a blocked inline script would raise a CSP violation) and it reads as literal text.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, readPages, removeBuilds } from '../build/dist.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { type StaticServer, serveStatic } from '../../scripts/lib/static-server.ts';

let server: StaticServer;
let browser: Browser;
let urls: string[];

beforeAll(async () => {
  const build = await buildSite({ CONTENT_DIR: 'tests/fixtures/hostile' });
  if (build.code !== 0) throw new Error(`The hostile plan did not build:\n${build.stdout}${build.stderr}`);
  urls = readPages(build.outDir).map((p) => p.url);
  server = await serveStatic(build.outDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeBuilds();
});

interface Watched {
  page: Page;
  ran: string[];
  problems: string[];
}

async function openPage(): Promise<Watched> {
  const page = await browser.newPage();
  const ran: string[] = [];
  const problems: string[] = [];
  await page.exposeFunction('__report', (what: string) => ran.push(what));
  await page.addInitScript(() => {
    const report = (window as unknown as { __report(what: string): void }).__report;
    (window as unknown as { __pwned(what: string): void }).__pwned = (what: string) => report(`payload ${what}`);
    document.addEventListener('securitypolicyviolation', (e) => report(`csp ${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}`));
  });
  page.on('dialog', (dialog) => {
    ran.push(`dialog ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  return { page, ran, problems };
}

describe('a hostile plan in the browser', () => {
  it('runs none of its markup on any page and shows it as text', async () => {
    const { page, ran, problems } = await openPage();
    for (const url of urls) await page.goto(server.url(url), { waitUntil: 'networkidle' });
    await page.goto(server.url('2024-hostile/tasks/1/'));
    const text = await page.textContent('main');
    expect(text).toContain('修订<script>window.__pwned("task")</script>责任清单');
    expect(await page.title()).toContain('<script>window.__pwned("meta")</script>');
    expect(await page.locator('main script, main img[src="x"], main svg[onload], main iframe').count()).toBe(0);
    await page.goto(server.url('2024-hostile/source/'));
    expect(await page.textContent('#L7')).toContain('<img src=x onerror=window.__pwned("stray")>');
    expect(ran).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows search results and filters as text', async () => {
    const { page, ran, problems } = await openPage();
    await page.goto(server.url('search/?q=修订'));
    await page.waitForSelector('.search-results a.result-link', { timeout: 60_000 });
    const results = await page.textContent('.search-results');
    expect(results).toContain('修订');
    expect(await page.locator('[data-search] :is(script, img, iframe, svg)').count()).toBe(0);
    for (const query of ['script', 'onerror', 'pwned', 'HYPERLINK', 'svg']) {
      await page.fill('#search-q', query);
      await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, query);
      expect(await page.locator('[data-search] :is(script, img, iframe, svg)').count(), query).toBe(0);
    }
    // Filter values are the plan's words, whole, as text.
    await page.fill('#search-q', '修订');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === '修订');
    const filters = await page.$$eval('.search-facets a', (els) => els.map((e) => e.textContent ?? ''));
    expect(filters.some((f) => f.includes('一、压实责任<img src=x onerror=window'))).toBe(true);
    expect(filters.some((f) => f.includes('<script>window.__pwned("meta")</script>江城县'))).toBe(true);
    expect(await page.locator('.search-facets :is(script, img, svg, iframe)').count()).toBe(0);
    expect(ran).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('filters the matrix by a part whose title is markup', async () => {
    const { page, ran, problems } = await openPage();
    await page.goto(server.url('2024-hostile/matrix/'));
    const options = await page.$$eval('select[name="part"] option', (os) => os.map((o) => o.textContent ?? ''));
    expect(options).toContain('一、压实责任<img src=x onerror=window');
    const values = await page.$$eval('select[name="part"] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    for (const value of values) await page.selectOption('select[name="part"]', value);
    expect(ran).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
