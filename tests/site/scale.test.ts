/**
 * A long plan (1 200 tasks, 300 units, generated): the matrix, the task list and the original text
 * are split into pages that stay small, and every task is still reachable from each of them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePlan } from '../../scripts/lib/generate-plan.ts';
import { MATRIX_PAGE_TASKS } from '../../src/site/slices.ts';
import { SOURCE_PAGE_LINES } from '../../src/site/url.ts';
import { type Page, attributeValues, brokenLinks, buildSite, invalidHtml, readPages, removeBuilds, textOf } from './dist.ts';

const TASKS = 1200;
const PLAN = 'long-plan';
let content: string;
let outDir: string;
let pages: Page[];
let buildOutput: string;

beforeAll(async () => {
  content = mkdtempSync(join(tmpdir(), 'plan-scale-'));
  mkdirSync(join(content, 'plans'));
  writeFileSync(join(content, 'plans', `${PLAN}.txt`), generatePlan(TASKS));
  const result = await buildSite({ CONTENT_DIR: content });
  expect(result.code, result.stdout + result.stderr).toBe(0);
  outDir = result.outDir;
  buildOutput = result.stdout;
  pages = readPages(outDir);
}, 240_000);

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
  }, 60_000);
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
    expect(taskLinks(page(`${PLAN}/`).html)).toEqual([]);
    const listed = under(`${PLAN}/parts/`).flatMap((p) => taskLinks(p.html.slice(p.html.indexOf('<main'), p.html.indexOf('</main>'))));
    expect(listed.sort()).toEqual(allTasks().sort());
  });
});

describe('the split original text', () => {
  it('puts each line on one page and links each task to the page with its line', () => {
    const sourcePages = [page(`${PLAN}/source/`), ...under(`${PLAN}/source/`)];
    const lines = generatePlan(TASKS).split('\n').length - 1;
    expect(sourcePages).toHaveLength(Math.ceil(lines / SOURCE_PAGE_LINES));
    const anchors = sourcePages.flatMap((p) => attributeValues(p.html, 'id').filter((id) => /^L\d+$/.test(id)));
    expect(anchors).toHaveLength(lines);
    const last = page(`${PLAN}/tasks/${TASKS}/`).html;
    expect(attributeValues(last, 'href').some((h) => new RegExp(`^/${PLAN}/source/${sourcePages.length}/#L\\d+$`).test(h))).toBe(true);
  });
});
