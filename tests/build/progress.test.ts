/**
 * The example content folder (examples/with-progress): two plans side by side, sample progress from a
 * CSV and from a filled-in ledger, overdue tasks against the plans' fixed "as of" dates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Page, attributeValues, buildSite, decodeEntities, latinAllowed, latinWords, readPages, removeBuilds, textOf } from './dist.ts';

let pages: Page[];
let outDir: string;

beforeAll(async () => {
  const result = await buildSite({ CONTENT_DIR: 'examples/with-progress' });
  expect(result.code, result.stdout + result.stderr).toBe(0);
  // The one bad row of the sample CSV is reported with file, row and column, and the build goes on.
  expect(result.stdout + result.stderr).toMatch(/progress\/2022-work-safety\.csv:25:4: warning Unexpected status `基本完成`.*\[progress-bad-status\]/);
  pages = readPages(result.outDir);
  outDir = result.outDir;
});

afterAll(removeBuilds);

describe('the pages of two plans with progress', () => {
  it('speak Chinese only: no Latin-letter word but file names, addresses and the allowed names', () => {
    const found = pages.flatMap(({ url, html }) => latinWords(html, latinAllowed(url)).map((w) => `${url}: ${w}`));
    expect(found).toEqual([]);
  });
});

const page = (url: string) => {
  const found = pages.find((p) => p.url === url);
  if (!found) throw new Error(`No page ${url}`);
  return found.html;
};
/** Visible text, tags dropped, entities decoded. */
const text = (html: string) =>
  decodeEntities(html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
/** The section of the page from the heading with this text up to the next heading of the same level. */
function section(html: string, heading: string, level = 2): string {
  const headings = [...html.matchAll(new RegExp(`<h${level}\\b[^>]*>([\\s\\S]*?)</h${level}>`, 'g'))];
  const index = headings.findIndex((m) => text(m[1]!).trim().startsWith(heading));
  expect(index, heading).toBeGreaterThanOrEqual(0);
  const start = headings[index]!.index!;
  const next = headings[index + 1];
  return html.slice(start, next ? next.index : undefined);
}

describe('two plans side by side', () => {
  it('gives each plan its own stable URLs', () => {
    const urls = pages.map((p) => p.url);
    for (const plan of ['2022-work-safety', '2023-work-safety']) {
      for (const sub of ['', 'matrix/', 'source/', 'diagnostics/', 'tasks/1/', 'tasks/8/']) expect(urls).toContain(`${plan}/${sub}`);
    }
    expect(urls).toContain('2022-work-safety/tasks/30/');
    expect(urls).not.toContain('2023-work-safety/tasks/9/');
  });

  it('lists the plans on the home page, newest first', () => {
    const hrefs = attributeValues(section(page(''), '工作计划'), 'href').filter((h) => /^\/20\d\d-work-safety\/$/.test(h));
    expect(hrefs).toEqual(['/2023-work-safety/', '/2022-work-safety/']);
    expect(text(page(''))).toMatch(/最新计划: ?2023年全县安全生产工作要点/);
  });

  it('shows a unit its tasks of both years, this year first', () => {
    const html = page('units/zhujian/');
    const plans = textOf(html, 'h2').filter((h) => /年 · /.test(h));
    expect(plans).toEqual([
      expect.stringMatching(/^2023 年 · 2023年全县安全生产工作要点\(示例\)\(本计划中共 \d+ 项\)$/),
      expect.stringMatching(/^2022 年 · 2022年全县安全生产工作要点\(本计划中共 16 项\)$/),
    ]);
    const links = attributeValues(html, 'href');
    expect(links).toContain('/2023-work-safety/tasks/4/');
    expect(links).toContain('/2022-work-safety/tasks/24/');
    // Each year's tasks sit under that year's heading.
    expect(attributeValues(section(html, '2023 年'), 'href')).not.toContain('/2022-work-safety/tasks/24/');
    expect(attributeValues(section(html, '2022 年'), 'href')).toContain('/2022-work-safety/tasks/24/');
  });

  it('lets search filter by plan', () => {
    expect(decodeEntities(page('2023-work-safety/tasks/4/'))).toContain('data-pagefind-filter="计划:2023年全县安全生产工作要点(示例)"');
    expect(decodeEntities(page('2023-work-safety/'))).toContain('data-pagefind-filter="计划:2023年全县安全生产工作要点(示例)"');
    expect(page('units/zhujian/')).toContain('data-pagefind-filter="计划:2022年全县安全生产工作要点"');
  });
});

describe('progress', () => {
  it('counts the 2022 plan by status as of its fixed date and lists the overdue task', () => {
    const html = page('2022-work-safety/');
    const progress = text(section(html, '进展'));
    expect(progress).toContain('统计截至 2022年12月31日');
    const counts: Record<string, number> = Object.fromEntries(
      [...progress.matchAll(/(\d+) 项(未启动|推进中|已完成|滞后|暂无报告)/g)].map((m) => [m[2]!, Number(m[1])]),
    );
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(30);
    // Task 8: its last report says 滞后; task 24: the lead unit reported 已完成; task 22: one of two responsible units is not done.
    expect(text(page('2022-work-safety/tasks/8/'))).toMatch(/当前状态 滞后/);
    expect(text(page('2022-work-safety/tasks/24/'))).toMatch(/当前状态 已完成/);
    expect(text(page('2022-work-safety/tasks/22/'))).toMatch(/当前状态 推进中/);
    const overdue = text(section(html, '逾期未完成'));
    expect(overdue).toMatch(/^逾期未完成\(1 项\)/);
    expect(overdue).toContain('任务 25');
    expect(text(page('2022-work-safety/tasks/25/'))).toMatch(/当前状态 推进中 逾期未完成/);
  });

  it('reads the 2023 plan from its filled-in ledger, and leaves reports after "as of" out of the status', () => {
    const task4 = text(page('2023-work-safety/tasks/4/'));
    // 2023-07-12 已完成 comes after asOf 2023-06-30: listed, not counted; the deadline is the asOf day, so not overdue.
    expect(task4).toMatch(/当前状态 滞后/);
    expect(task4).not.toMatch(/逾期未完成/);
    expect(task4).toMatch(/2023年7月12日 已完成 .*晚于统计日期,未计入当前状态/);
    expect(task4).toMatch(/来源:progress\/2023-work-safety\.xlsx 工作表“县住房和城乡建设局” 第 \d+ 行/);
    const overdue = text(section(page('2023-work-safety/'), '逾期未完成'));
    // Task 8 (2023年5月31日前) is 推进中; task 1 (2023年3月31日前) is 已完成.
    expect(overdue).toMatch(/^逾期未完成\(1 项\)/);
    expect(overdue).toContain('任务 8');
  });

  it('shows each unit’s tasks with their status, and colours the matrix with the status written out', () => {
    const unit = section(page('units/zhujian/'), '2022 年');
    expect(text(unit)).toMatch(/牵头 已完成 任务 24/);
    const matrix = page('2022-work-safety/matrix/');
    expect(matrix).toContain('data-status-colours');
    const cells = [...matrix.matchAll(/<td[^>]*data-status="([a-z-]+)"[^>]*>([\s\S]*?)<\/td>/g)];
    expect(cells.length).toBeGreaterThan(5);
    const word = { 'not-started': '未启动', 'in-progress': '推进中', done: '已完成', late: '滞后' } as Record<string, string>;
    for (const [, status, inner] of cells) expect(text(inner!)).toContain(word[status!]);
  });

  it('lists the bad row on the diagnostics page, and keeps the rest of the report', () => {
    const html = text(page('2022-work-safety/diagnostics/'));
    expect(html).toMatch(/警告 2022-work-safety\.csv 第 25 行第 4 列 进展状态不是“未启动\/推进中\/已完成\/滞后”之一,该行未计入。 ?涉及:“基本完成”/);
    expect(html).not.toMatch(/Unexpected|progress-bad-status/);
    // 28 data rows, one left out.
    expect(text(section(page('2022-work-safety/'), '进展'))).toContain('共 27 条进展报告');
  });

  it('offers a 状态 filter in search on task pages', () => {
    expect(page('2022-work-safety/tasks/24/')).toMatch(/data-pagefind-filter="状态">已完成</);
    expect(page('2022-work-safety/tasks/2/')).toMatch(/data-pagefind-filter="状态">暂无报告</);
  });

  it('labels every page that shows the sample progress as 示例数据', () => {
    const showing = pages.filter((p) => /class="(status|smark) status--/.test(p.html));
    expect(showing.length).toBeGreaterThan(60);
    for (const { url, html } of showing) expect(html, url).toMatch(/class="sample-notice"[^>]*><strong>示例数据<\/strong>/);
    expect(page('search/')).toContain('class="sample-notice"');
  });
});

describe('lights, calendars, feeds and the 督查通报 as built', () => {
  it('writes each plan’s calendar and feed, and a unit’s calendar, in their formats', () => {
    const ics = readFileSync(join(outDir, '2023-work-safety/calendar.ics'), 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const starts = calendar.getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('dtstart')));
    expect(starts).toEqual(['2023-03-31', '2023-05-31', '2023-06-30', '2023-09-30', '2023-12-31']);
    expect(new ICAL.Component(ICAL.parse(readFileSync(join(outDir, 'units/zhujian/calendar.ics'), 'utf8'))).getAllSubcomponents('vevent')).toHaveLength(2);
    const feed = new DOMParser().parseFromString(readFileSync(join(outDir, '2022-work-safety/feed.xml'), 'utf8'), 'application/xml');
    expect(feed.documentElement?.namespaceURI).toBe('http://www.w3.org/2005/Atom');
    // The sample CSV has 28 rows of reports, one of them left out for its status.
    expect(feed.getElementsByTagName('entry').length).toBe(27);
    const site = new DOMParser().parseFromString(readFileSync(join(outDir, 'feed.xml'), 'utf8'), 'application/xml');
    expect(site.getElementsByTagName('entry').length).toBeGreaterThan(27);
  });

  it('shows on the 督查通报 the counts of the plan page', () => {
    const plan = text(section(page('2023-work-safety/'), '进展'));
    const bulletin = text(page('2023-work-safety/bulletin/'));
    for (const [label, word] of [
      ['项已完成', '已完成'],
      ['项推进中', '推进中'],
      ['项滞后', '滞后'],
    ] as const) {
      const count = plan.match(new RegExp(`(\\d+) ${label}`))?.[1];
      expect(count, label).toBeDefined();
      expect(bulletin).toContain(`${word} ${count} 项`);
    }
    expect(bulletin).toContain('督查通报');
    expect(page('2023-work-safety/')).toContain('href="/2023-work-safety/bulletin/"');
  });
});
