/**
 * The 校对 page in Chromium: on the bundled site, every assignment marked inline with its role,
 * a flagged problem followed to its diagnostic and back by keyboard alone; on a plan with
 * corrections, the 人工校正 marks on the review, task, unit and matrix pages; both read at 360 px,
 * print in one column, and pass axe-core.
 */
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, newestPlanId } from '../../scripts/lib/built-site.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { type StaticServer, serveStatic } from '../../scripts/lib/static-server.ts';
import { ruleText } from '../../src/site/diagnostics.ts';
import { buildSite, removeBuilds } from '../build/dist.ts';
import { CORRECTED_PLAN, correctedContent } from '../support/corrected-content.ts';
import { axeViolations } from './axe.ts';

let seedServer: StaticServer;
let correctedServer: StaticServer;
let browser: Browser;
let planId: string;
const contentDir = correctedContent();

beforeAll(async () => {
  planId = newestPlanId();
  const build = await buildSite({ CONTENT_DIR: contentDir });
  expect(build.code, build.stdout + build.stderr).toBe(0);
  seedServer = await serveStatic(DIST);
  correctedServer = await serveStatic(build.outDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await seedServer?.close();
  await correctedServer?.close();
  removeBuilds();
  rmSync(contentDir, { recursive: true, force: true });
});

describe('the 校对 page', () => {
  it('marks all 80 assignments of the seed inline, each with its role in words', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(seedServer.url(`${planId}/review/`));
    const marks = await page.$$eval('.review [data-role]', (els) =>
      els.map((el) => ({ role: el.getAttribute('data-role'), tag: el.querySelector('.rm-tag')?.textContent, visible: (el as HTMLElement).offsetWidth > 0 })),
    );
    expect(marks).toHaveLength(80);
    const words = { lead: '牵头', support: '配合', responsible: '责任' } as Record<string, string>;
    expect(marks.filter((m) => m.tag !== words[m.role!] || !m.visible)).toEqual([]);
    await page.close();
  });

  it('follows a flagged problem to its diagnostic and back, by keyboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(seedServer.url(`${planId}/review/`));
    let focused = '';
    for (let i = 0; i < 300 && !focused.includes('rp-flag'); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.className ?? '');
    }
    expect(focused).toContain('rp-flag');
    const flagId = await page.evaluate(() => document.activeElement!.id);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/diagnostics\/#d\d+$/);
    const target = page.locator(':target');
    // The card of the rule: its Chinese explanation (rule ids stay out of the public pages).
    await expect.poll(() => target.textContent()).toContain(ruleText('unlabeled-units')!);
    // Back: the row's link to the review page, reached by keyboard from the row.
    await target.locator('a.review-link').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/review/#${flagId}$`));
    expect(await page.evaluate(() => document.querySelector(':target')?.className)).toContain('rp-flag');
    await page.close();
  });

  it('marks corrected units 人工校正 on the review, task, unit and matrix pages', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(correctedServer.url(`${CORRECTED_PLAN}/review/`));
    expect(await page.locator('#r-task-1 [data-corrected="removed"]').textContent()).toContain('有关部门');
    expect(await page.locator('#r-task-1 .review-units .corrected').count()).toBe(3);
    expect(await page.locator('#r-task-1').textContent()).toContain('原文“有关部门”指县公安局、县应急管理局');
    await page.goto(correctedServer.url(`${CORRECTED_PLAN}/tasks/1/`));
    expect(await page.locator('.corrected').first().textContent()).toBe('人工校正');
    expect(await page.locator('main').textContent()).toContain('原文“有关部门”指县公安局、县应急管理局');
    await page.goto(correctedServer.url('units/yingji/'));
    expect(await page.locator('main .corrected').count()).toBeGreaterThan(0);
    await page.goto(correctedServer.url(`${CORRECTED_PLAN}/matrix/`));
    expect(await page.locator('table [data-corrected]').count()).toBe(7);
    await page.close();
  });

  it('reads at 360 px without scrolling sideways and has no WCAG 2.1 A/AA violation', async () => {
    const violations: string[] = [];
    const wide: string[] = [];
    for (const width of [1280, 360]) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      for (const [label, server, path] of [
        ['seed review', seedServer, `${planId}/review/`],
        ['corrected review', correctedServer, `${CORRECTED_PLAN}/review/`],
        ['corrected task', correctedServer, `${CORRECTED_PLAN}/tasks/1/`],
        ['corrected diagnostics', correctedServer, `${CORRECTED_PLAN}/diagnostics/`],
      ] as const) {
        await page.goto(server.url(path), { waitUntil: 'networkidle' });
        violations.push(...(await axeViolations(page, `${label} at ${width}`)));
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scroll > width) wide.push(`${label}: ${scroll}px`);
      }
      await page.close();
    }
    expect(violations).toEqual([]);
    expect(wide).toEqual([]);
  });

  it('prints in one column, the roles still written out', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(correctedServer.url(`${CORRECTED_PLAN}/review/`));
    await page.emulateMedia({ media: 'print' });
    // One column: each task's units stand under its text, not beside it.
    const boxes = await page.$$eval('.review-task', (tasks) =>
      tasks.map((task) => {
        const text = task.querySelector('.review-task__text')!.getBoundingClientRect();
        const units = task.querySelector('.review-task__units')!.getBoundingClientRect();
        return { left: units.left - text.left, below: units.top - text.bottom, width: units.width - text.width };
      }),
    );
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) {
      expect(Math.abs(box.left)).toBeLessThan(1);
      expect(box.below).toBeGreaterThanOrEqual(-1);
      expect(Math.abs(box.width)).toBeLessThan(1);
    }
    expect(await page.$eval('.review [data-role] .rm-tag', (el) => getComputedStyle(el).display)).not.toBe('none');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });
});
