/**
 * The bundled example 解读 in Chromium: axe-core (WCAG 2.1 A/AA) at 1280 and 360 px, no sideways
 * scroll on a phone, its links reachable by keyboard, and printed: A4, the example marked, its
 * text and task card on paper, no navigation.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { newestPlanId } from '../../scripts/lib/built-site.ts';
import { DIST } from '../../scripts/lib/built-site.ts';
import { type StaticServer, serveStatic } from '../../scripts/lib/static-server.ts';
import { axeViolations } from './axe.ts';

let server: StaticServer;
let browser: Browser;
let path: string;
const folders: string[] = [];

beforeAll(async () => {
  path = `${newestPlanId()}/interpretation/`;
  server = await serveStatic(DIST);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('the example 解读', () => {
  for (const width of [1280, 360]) {
    it(`has no WCAG 2.1 A/AA violation at ${width} px and does not scroll sideways`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(server.url(path), { waitUntil: 'networkidle' });
      expect(await axeViolations(page, `解读 ${width}px`)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.close();
    });
  }

  it('reaches the links it made with the keyboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url(path));
    const focused: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href') ?? ''));
    }
    expect(focused).toEqual(expect.arrayContaining(['/units/zhujian/', `/${path.split('/')[0]}/tasks/24/`]));
    await page.close();
  });

  it('prints on A4 with its example notice, text and task card, and without navigation', async () => {
    const page = await browser.newPage();
    await page.goto(server.url(path), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const dir = mkdtempSync(join(tmpdir(), 'plan-print-'));
    folders.push(dir);
    const file = join(dir, 'interpretation.pdf');
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.close();
    const size = execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/^Page size:\s+([\d.]+) x ([\d.]+) pts/m)!;
    expect([Math.round(Number(size[1])), Math.round(Number(size[2]))]).toEqual([595, 842]);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('《2022年全县安全生产工作要点》解读(示例)');
    expect(text).toContain('示例本解读是演示本站功能的示例');
    expect(text).toContain('24.深入开展全县城镇燃气安全隐患排查整治专项行动');
    for (const screenOnly of ['跳到正文', '搜索任务和单位', '本站内容由工作要点原文自动整理']) expect(text).not.toContain(screenOnly);
  });
});
