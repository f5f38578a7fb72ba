/**
 * The progress example (examples/with-progress) in Chromium: the pages that show progress read at
 * 360 px, pass axe-core, and the matrix's status colouring can be switched off and on.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { printPdfs } from '../../scripts/pdf.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, removeBuilds } from '../build/dist.ts';
import { axeViolations } from './axe.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { type StaticServer, serveStatic } from '../../scripts/lib/static-server.ts';

let server: StaticServer;
let outDir: string;
let browser: Browser;

const PAGES: [string, string][] = [
  ['home', ''],
  ['plan', '2022-work-safety/'],
  ['task', '2022-work-safety/tasks/25/'],
  ['task from the ledger', '2023-work-safety/tasks/4/'],
  ['unit', 'units/zhujian/'],
  ['matrix', '2022-work-safety/matrix/'],
  ['diagnostics', '2022-work-safety/diagnostics/'],
  ['plan with lights', '2023-work-safety/'],
  ['matrix with lights', '2023-work-safety/matrix/'],
  ['bulletin', '2023-work-safety/bulletin/'],
];

beforeAll(async () => {
  const build = await buildSite({ CONTENT_DIR: 'examples/with-progress' });
  expect(build.code, build.stdout + build.stderr).toBe(0);
  outDir = build.outDir;
  server = await serveStatic(build.outDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeBuilds();
});

describe('pages with progress', () => {
  it('do not scroll sideways at 360 px and say 示例数据 at the top', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const wide: string[] = [];
    for (const [kind, path] of PAGES) {
      await page.goto(server.url(path));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) wide.push(`${kind}: ${width}px`);
      // The label is in the first screen, not only somewhere on the page (the diagnostics show no statuses).
      if (kind === 'diagnostics') continue;
      const box = await page.locator('.sample-notice').boundingBox({ timeout: 2000 });
      expect(box, kind).not.toBeNull();
      expect(box!.y, kind).toBeLessThan(740);
    }
    expect(wide).toEqual([]);
    await page.close();
  });

  it('have no WCAG 2.1 A/AA violation (axe-core)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const violations: string[] = [];
    for (const [kind, path] of PAGES) {
      await page.goto(server.url(path), { waitUntil: 'networkidle' });
      violations.push(...(await axeViolations(page, kind)));
    }
    expect(violations).toEqual([]);
    await page.close();
  });
});

describe('the matrix coloured by status', () => {
  it('switches the colours and the status marks off and on', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url('2022-work-safety/matrix/'));
    const cell = page.locator('td[data-status="done"]').first();
    const mark = cell.locator('.smark');
    const background = () => cell.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await mark.isVisible()).toBe(true);
    const coloured = await background();
    await page.getByLabel('按进展状态着色').uncheck();
    expect(await mark.isVisible()).toBe(false);
    expect(await background()).not.toBe(coloured);
    // The status is still there for screen readers.
    expect(await cell.textContent()).toContain('已完成');
    await page.getByLabel('按进展状态着色').check();
    expect(await mark.isVisible()).toBe(true);
    expect(await background()).toBe(coloured);
    await page.close();
  });
});

describe('the 督查通报', () => {
  it('prints on A4 portrait as a bulletin: title, a blank 文号 line, the date, the counts, no navigation', async () => {
    const printed = await printPdfs(outDir, { cacheDir: join(outDir, '.pdf-cache'), only: (job) => job.slot.file === 'pdf/2023-work-safety/bulletin.pdf' });
    expect(printed.map((p) => p.slot.file)).toEqual(['pdf/2023-work-safety/bulletin.pdf']);
    const file = printed[0]!.pdfFile;
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const [, width, height] = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/)!;
    expect(Math.abs(Number(width) - 595) < 2 && Math.abs(Number(height) - 842) < 2, info).toBe(true);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('督查通报');
    expect(text).toContain('〔〕号');
    expect(text).toContain('统计截至2023年6月30日');
    expect(text).toContain('共8项任务,已完成1项');
    expect(text).toContain('示例数据');
    for (const screenOnly of ['跳到正文', '搜索任务', '本站内容由工作要点原文自动整理', '状态如何汇总']) expect(text).not.toContain(screenOnly);
  });
});
