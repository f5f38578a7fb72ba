/**
 * A long plan's split pages in Chromium: the matrix index, a matrix page of one part (its unit-kind
 * filter recounts), a part's task list and a later page of the original text, at 1280 and 360 px,
 * with axe-core (WCAG 2.1 A/AA), no foreign request and no console error; `npm run pdf` prints the
 * split matrix's index and a part's page landscape, the header on every page.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printPdfs } from '../../scripts/pdf.ts';
import { generatePlan, unitPool } from '../../scripts/lib/generate-plan.ts';
import { buildSite, readPages, removeBuilds } from '../build/dist.ts';
import { axeViolations } from './axe.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { type StaticServer, serveStatic } from '../../scripts/lib/static-server.ts';

const PLAN = 'long-plan';

let content: string;
let server: StaticServer;
let browser: Browser;
let paths: [string, string][];
let outDir: string;

beforeAll(async () => {
  content = mkdtempSync(join(tmpdir(), 'plan-scale-browser-'));
  mkdirSync(join(content, 'plans'));
  writeFileSync(join(content, 'plans', `${PLAN}.txt`), generatePlan(1200));
  // Two unit kinds, so that the kind filter has something to hide.
  const units = unitPool(300).map((name, i) => `- name: ${name}\n  slug: unit-${i + 1}\n  kind: ${i % 2 ? '政府部门' : '镇/街道'}\n`);
  writeFileSync(join(content, 'units.yaml'), units.join('\n'));
  const result = await buildSite({ CONTENT_DIR: content });
  expect(result.code, result.stdout + result.stderr).toBe(0);
  outDir = result.outDir;
  const urls = readPages(result.outDir).map((p) => p.url);
  const first = (prefix: string) => urls.find((u) => u.startsWith(prefix) && u !== prefix)!;
  paths = [
    ['plan', `${PLAN}/`],
    ['matrix index', `${PLAN}/matrix/`],
    ['matrix page', first(`${PLAN}/matrix/`)],
    ['part page', first(`${PLAN}/parts/`)],
    ['source page 2', `${PLAN}/source/2/`],
  ];
  server = await serveStatic(result.outDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeBuilds();
  rmSync(content, { recursive: true, force: true });
});

async function open(path: string, width = 1280): Promise<{ page: Page; foreign: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(server.origin) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url(path), { waitUntil: 'networkidle' });
  return { page, foreign, errors };
}

describe('a long plan in the browser', () => {
  it('filters a matrix page by unit kind and recounts its totals', async () => {
    const { page, errors } = await open(paths[2]![1]);
    await expect(page.isVisible('[data-matrix-filters]')).resolves.toBe(true);
    // One part per page: the part filter would offer nothing.
    expect(await page.locator('select[name="part"]').count()).toBe(0);
    const all = Number(await page.textContent('[data-grand-total]'));
    const kinds = await page.$$eval('select[name="kind"] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    await page.selectOption('select[name="kind"]', kinds[0]!);
    const shown = await page.locator('tbody:not([hidden]) td[data-role]').count();
    expect(Number(await page.textContent('[data-grand-total]'))).toBe(shown);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(all);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('does not scroll sideways at 360 px', async () => {
    const wide: string[] = [];
    for (const [kind, path] of paths) {
      const { page } = await open(path, 360);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) wide.push(`${kind}: ${width}px`);
      await page.close();
    }
    expect(wide).toEqual([]);
  });

  it('has no WCAG 2.1 A/AA violation, no foreign request and no console error', async () => {
    const problems: string[] = [];
    for (const [kind, path] of paths) {
      const { page, foreign, errors } = await open(path);
      problems.push(...(await axeViolations(page, kind)));
      for (const url of foreign) problems.push(`${kind}: request to ${url}`);
      for (const e of errors) problems.push(`${kind}: console error ${e}`);
      await page.close();
    }
    expect(problems).toEqual([]);
  });

  it('prints the matrix index and the matrix page of a part to PDFs of their own, landscape, the header on every page', async () => {
    const wanted = [`pdf/${PLAN}/matrix.pdf`, `pdf/${PLAN}/matrix/1.pdf`];
    const done = await printPdfs(outDir, { cacheDir: join(outDir, '.pdf-cache'), only: (job) => wanted.includes(job.slot.file) });
    expect(done.map((p) => p.slot.file)).toEqual(wanted);
    for (const pdf of done) {
      const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(pdf.pages), pdf.pdfFile], { encoding: 'utf8' });
      const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])] as const);
      expect(sizes.length, pdf.slot.file).toBe(pdf.pages);
      for (const [width, height] of sizes) expect(width, pdf.slot.file).toBeGreaterThan(height);
      for (let n = 1; n <= pdf.pages; n++) {
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(n), '-l', String(n), pdf.pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
        expect(text, `${pdf.slot.file} page ${n}`).toContain(pdf.slot.file.endsWith('matrix.pdf') ? '单位\\部分' : '单位\\任务');
      }
      expect(readFileSync(pdf.htmlFile, 'utf8')).toContain(`<a href="/${pdf.slot.file}"`);
    }
    // The part's page has 96 task columns: A3 (842 × 1191 pt), landscape.
    const part = execFileSync('pdfinfo', [done[1]!.pdfFile], { encoding: 'utf8' }).match(/Page size:\s+([\d.]+) x ([\d.]+)/)!;
    expect(Math.round(Number(part[1]))).toBe(1191);
  });
});
