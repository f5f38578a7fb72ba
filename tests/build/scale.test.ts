/**
 * A long plan (1 200 tasks, 300 units, generated): the matrix, the task list and the original text
 * are split into pages that stay small, and every task is still reachable from each of them. The
 * plan also has a few sample progress reports and one stray paragraph in its second thousand lines,
 * so that statuses, PDF slots and unassigned text are checked on the split pages too.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printJobs } from '../../scripts/pdf.ts';
import { generatePlan } from '../../scripts/lib/generate-plan.ts';
import { findPdfSlots } from '../../src/site/pdf.ts';
import { MATRIX_PAGE_TASKS } from '../../src/site/slices.ts';
import { SOURCE_PAGE_LINES } from '../../src/site/url.ts';
import { type Page, attributeValues, brokenLinks, buildSite, invalidHtml, readPages, removeBuilds, textOf } from './dist.ts';

const TASKS = 1200;
const PLAN = 'long-plan';
const STRAY = '这一段是从网页复制时混进来的说明文字,不属于任何任务。';
/** The generated plan with a stray paragraph after task 976 (past line 1000). */
const planText = (() => {
  const lines = generatePlan(TASKS).split('\n');
  const at = lines.findIndex((l) => l.startsWith('976.')) + 1;
  lines.splice(at, 0, STRAY);
  return lines.join('\n');
})();
const STRAY_LINE = planText.split('\n').indexOf(STRAY) + 1;
let content: string;
let outDir: string;
let pages: Page[];
let buildOutput: string;

beforeAll(async () => {
  content = mkdtempSync(join(tmpdir(), 'plan-scale-'));
  mkdirSync(join(content, 'plans'));
  writeFileSync(join(content, 'plans', `${PLAN}.txt`), planText);
  // Task 1 done as a whole, task 2 late: statuses for the first matrix and part pages.
  mkdirSync(join(content, 'progress'));
  writeFileSync(join(content, 'progress', `${PLAN}.csv`), '序号,填报单位,报告日期,状态,进展情况\n1,,2024-03-01,已完成,示例\n2,,2024-03-01,滞后,示例\n');
  writeFileSync(join(content, 'progress', `${PLAN}.yaml`), 'sample: true\n');
  const result = await buildSite({ CONTENT_DIR: content });
  expect(result.code, result.stdout + result.stderr).toBe(0);
  outDir = result.outDir;
  buildOutput = result.stdout;
  pages = readPages(outDir);
});

afterAll(() => {
  removeBuilds();
  rmSync(content, { recursive: true, force: true });
});

const page = (url: string) => {
  const found = pages.find((p) => p.url === url);
  if (!found) throw new Error(`No page ${url}`);
  return found;
};
const under = (prefix: string) => pages.filter((p) => p.url.startsWith(prefix) && p.url !== prefix);
/** Task numbers a page links to, in order. */
const taskLinks = (html: string) => attributeValues(html, 'href').flatMap((h) => h.match(new RegExp(`^/${PLAN}/tasks/([^/]+)/$`))?.[1] ?? []);
const allTasks = () => under(`${PLAN}/tasks/`).map((p) => p.url.split('/')[2]!);

describe('a long plan', () => {
  it('builds a page per task', () => {
    expect(allTasks()).toHaveLength(TASKS);
  });

  it('keeps every page under 500 KB', () => {
    const heavy = pages.filter((p) => Buffer.byteLength(p.html) > 500_000).map((p) => `${p.url}: ${Buffer.byteLength(p.html)} bytes`);
    expect(heavy).toEqual([]);
  });

  it('has only links and anchors that resolve', () => {
    expect(brokenLinks(outDir, pages)).toEqual([]);
  });

  it('indexes every task and unit page for search, and no matrix, part or source page', () => {
    const marked = pages.filter((p) => p.html.includes('data-pagefind-body'));
    expect(marked.filter((p) => /\/(matrix|parts|source)\//.test(p.url))).toEqual([]);
    expect(Number(buildOutput.match(/Pagefind indexed (\d+) pages/)?.[1])).toBe(marked.length);
    expect(marked.length).toBeGreaterThan(TASKS + 300);
  });

  it('gives every page its own title', () => {
    const titles = pages.map((p) => textOf(p.html, 'title')[0]);
    expect(new Set(titles).size).toBe(pages.length);
  });

  it('is valid HTML on every kind of split page', async () => {
    const sample = [`${PLAN}/`, `${PLAN}/matrix/`, under(`${PLAN}/matrix/`)[0]!.url, under(`${PLAN}/parts/`)[0]!.url, `${PLAN}/source/2/`, ''].map(page);
    expect(await invalidHtml(sample)).toEqual([]);
  });
});

describe('the split matrix', () => {
  it('is an index of parts at /<plan>/matrix/, without the full table', () => {
    const index = page(`${PLAN}/matrix/`).html;
    expect(index).not.toContain('data-matrix');
    const slices = under(`${PLAN}/matrix/`);
    expect(slices.length).toBeGreaterThan(1);
    const linked = new Set(attributeValues(index, 'href').filter((h) => h.startsWith(`/${PLAN}/matrix/`) && h !== `/${PLAN}/matrix/`));
    expect([...linked].sort()).toEqual(slices.map((p) => `/${p.url}`).sort());
  });

  it('shows every task in exactly one page of at most MATRIX_PAGE_TASKS columns', () => {
    const columns = under(`${PLAN}/matrix/`).map((p) => taskLinks(p.html.slice(p.html.indexOf('class="row-tasks"'), p.html.indexOf('</thead>'))));
    for (const c of columns) expect(c.length).toBeLessThanOrEqual(MATRIX_PAGE_TASKS);
    const seen = columns.flat();
    expect(seen).toHaveLength(TASKS);
    expect(new Set(seen)).toEqual(new Set(allTasks()));
  });

  it('lists on each page only the units that have a role there', () => {
    for (const { url, html } of under(`${PLAN}/matrix/`)) {
      for (const row of html.match(/<tr data-kind="[^"]*">[\s\S]*?<\/tr>/g) ?? []) expect(row, url).toContain('data-role=');
    }
  });
});

describe('the split task list', () => {
  it('lists parts and sections on the plan page and each task on exactly one part page', () => {
    // No task list on the plan page (the overdue tasks, too, are counted by part there).
    expect(taskLinks(page(`${PLAN}/`).html)).toEqual([]);
    // The part's task list, without the part's overdue tasks listed above it.
    const outline = (html: string) =>
      html.slice(html.indexOf('<main'), html.indexOf('</main>')).replace(/<section aria-labelledby="overdue">[\s\S]*?<\/section>/, '');
    const listed = under(`${PLAN}/parts/`).flatMap((p) => taskLinks(outline(p.html)));
    expect(listed.sort()).toEqual(allTasks().sort());
  });
});

describe('the split original text', () => {
  it('puts each line on one page and links each task to the page with its line', () => {
    const sourcePages = [page(`${PLAN}/source/`), ...under(`${PLAN}/source/`)];
    const lines = planText.split('\n').length - 1;
    expect(sourcePages).toHaveLength(Math.ceil(lines / SOURCE_PAGE_LINES));
    const anchors = sourcePages.flatMap((p) => attributeValues(p.html, 'id').filter((id) => /^L\d+$/.test(id)));
    expect(anchors).toHaveLength(lines);
    const last = page(`${PLAN}/tasks/${TASKS}/`).html;
    expect(attributeValues(last, 'href').some((h) => new RegExp(`^/${PLAN}/source/${sourcePages.length}/#L\\d+$`).test(h))).toBe(true);
  });
});

describe('main features on the split pages', () => {
  const firstSlice = () => page(`${PLAN}/matrix/1/`);
  /** The opening tag of the first element matching `pattern`, or ''. */
  const tag = (html: string, pattern: RegExp) => html.match(pattern)?.[0] ?? '';

  it('gives the matrix index and every matrix page a PDF of its own, and `npm run pdf` prints them all', () => {
    const matrixPages = [page(`${PLAN}/matrix/`), ...under(`${PLAN}/matrix/`)];
    const files = matrixPages.map((p) => findPdfSlots(p.html).map((s) => s.file));
    expect(files[0]).toEqual([`pdf/${PLAN}/matrix.pdf`]);
    for (const [i, f] of files.slice(1).entries()) expect(f).toEqual([`pdf/${PLAN}/matrix/${matrixPages[i + 1]!.url.split('/')[2]}.pdf`]);
    const jobs = printJobs(outDir).filter((j) => j.kind === 'matrix');
    expect(jobs.map((j) => j.slot.file).sort()).toEqual(files.flat().sort());
    // Slices in plan order: 1, 1-p2, 2, …, 10, not 1, 10, 2.
    expect(jobs.map((j) => j.pagePath).slice(0, 4)).toEqual([`${PLAN}/matrix/`, `${PLAN}/matrix/1/`, `${PLAN}/matrix/1-p2/`, `${PLAN}/matrix/2/`]);
  });

  it('marks the part starts and the paper size for print on a matrix page', () => {
    const html = firstSlice().html;
    expect(tag(html, /<table class="matrix"[^>]*>/)).toContain('data-paper="a3"');
    expect(tag(html, /<th scope="col"[^>]*data-col="0"[^>]*>/)).toContain('class="part-start"');
    expect(tag(page(`${PLAN}/matrix/`).html, /<table class="matrix matrix-index"[^>]*>/)).toContain('data-paper="a4"');
  });

  it('shows the reported statuses in the matrix and on the part page, labelled 示例数据', () => {
    const slice = firstSlice().html;
    expect(tag(slice, /<table class="matrix"[^>]*>/)).toContain('data-status-colours');
    expect(slice.includes('name="colours"')).toBe(true);
    const done = [...slice.matchAll(/<td data-role="[a-z]+" data-status="done"[^>]*>[\s\S]*?<\/td>/g)];
    const tasks1 = page(`${PLAN}/tasks/1/`).html;
    expect(done.length).toBeGreaterThan(0);
    for (const [cell] of done) expect(cell.includes('<span class="visually-hidden">已完成</span>'), cell).toBe(true);
    expect(slice.includes('class="sample-notice"')).toBe(true);
    expect(tasks1.includes('class="sample-notice"')).toBe(true);
    const part = page(`${PLAN}/parts/1/`).html;
    expect(/<span class="status status--done"[^>]*>已完成<\/span><a href="\/long-plan\/tasks\/1\/">/.test(part)).toBe(true);
    expect(/<span class="status status--late"[^>]*>滞后<\/span><a href="\/long-plan\/tasks\/2\/">/.test(part)).toBe(true);
    expect(part.includes('class="sample-notice"')).toBe(true);
    // The index shows counts of roles, no status.
    expect(page(`${PLAN}/matrix/`).html.includes('class="sample-notice"')).toBe(false);
  });

  it('counts overdue tasks by part on the plan page and lists them on each part page', () => {
    const plan = page(`${PLAN}/`).html;
    const total = Number(plan.match(/逾期未完成\((\d+) 项\)/)?.[1]);
    expect(total).toBeGreaterThan(0);
    const byPart = [...plan.matchAll(/<a href="\/long-plan\/parts\/([^/]+)\/#overdue">[^<]*<\/a> <span class="meta">(\d+) 项<\/span>/g)];
    expect(byPart.length).toBeGreaterThan(1);
    expect(byPart.reduce((n, m) => n + Number(m[2]), 0)).toBe(total);
    for (const [, slug, count] of byPart) {
      const part = page(`${PLAN}/parts/${slug}/`).html;
      expect(part.match(/<h2 id="overdue">逾期未完成\((\d+) 项\)<\/h2>/)?.[1], slug).toBe(count);
      const list = part.slice(part.indexOf('<ul class="overdue">'), part.indexOf('</ul>', part.indexOf('<ul class="overdue">')));
      expect(taskLinks(list), slug).toHaveLength(Number(count));
    }
  });

  it('highlights the stray paragraph on its source page and links to it from the first', () => {
    expect(STRAY_LINE).toBeGreaterThan(SOURCE_PAGE_LINES);
    const second = page(`${PLAN}/source/2/`).html;
    const marked = [...second.matchAll(/<div class="line line--unassigned" id="L(\d+)" data-unassigned[ >]/g)].map((m) => Number(m[1]));
    expect(marked).toEqual([STRAY_LINE]);
    expect(second.includes(`href="#L${STRAY_LINE}"`)).toBe(true);
    const first = page(`${PLAN}/source/`).html;
    expect(first.includes('data-unassigned-count="1"')).toBe(true);
    expect(first.includes(`href="/${PLAN}/source/2/#L${STRAY_LINE}"`)).toBe(true);
    expect(first.includes('class="line line--unassigned"')).toBe(false);
  });
});
