/**
 * Print and PDFs: `npm run pdf` on the built site (every unit page and the matrix), read back with
 * poppler (pdfinfo, pdftotext): paper size and orientation, the unit and plan named, every task of
 * the unit present, no navigation; the matrix landscape with its header on every page, also for a
 * plan too large for one sheet, built under a sub-path.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../src/lib/schema.ts';
import { printPdfs, type PrintedPdf } from '../../scripts/pdf.ts';
import { generatePlan } from '../../scripts/lib/generate-plan.ts';
import { buildSite, removeBuilds } from '../build/dist.ts';
import { DIST, listedUnits, newestPlanId, readDist } from '../../scripts/lib/built-site.ts';
import { builtBase } from '../../scripts/pdf.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';

const A4 = { width: 595, height: 842 };
const A3 = { width: 842, height: 1191 };
/** What only the screen shows: header, search, breadcrumbs, footer, download links. */
const SCREEN_ONLY = [
  '跳到正文',
  '任务分工公开台账',
  '工作计划',
  '搜索',
  '首页',
  '本站内容由工作要点原文自动整理',
  '任务分工台账(电子表格',
  '分工表(assignments.csv)',
  '打印版任务清单',
];

interface PageBox {
  width: number;
  height: number;
}

function pageSizes(file: string): PageBox[] {
  const pages = Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)![1]);
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), file], { encoding: 'utf8' });
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

interface TextOptions {
  page?: number;
  /** Keep the physical layout (page numbers come out in one piece). */
  layout?: boolean;
  /** Only the text inside this box, in millimetres from the top left corner. */
  box?: { x: number; y: number; width: number; height: number };
}

function pdfText(file: string, { page, layout = false, box }: TextOptions = {}): string {
  const args = ['-enc', 'UTF-8'];
  if (page !== undefined) args.push('-f', String(page), '-l', String(page));
  if (layout) args.push('-layout');
  // At -r 72 one pixel is one point.
  const pt = (mm: number) => String(Math.round((mm * 72) / 25.4));
  if (box) args.push('-r', '72', '-x', pt(box.x), '-y', pt(box.y), '-W', pt(box.width), '-H', pt(box.height));
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
}

/**
 * The task column of a printed unit sheet: the type area (left margin 28 mm, 156 mm wide) less the
 * number column (13 mm), the deadline column (26 mm) and the 落实措施 column (38 mm), so that a
 * deadline does not interleave.
 */
const TASK_COLUMN = { x: 28 + 13 + 0.5, y: 0, width: 156 - 13 - 26 - 38 - 1, height: 297 };

/**
 * How far down its type area each page of a PDF is printed (0 empty, 1 full): the lowest word above
 * the foot margin (the page number stands below it), measured from the top margin, in millimetres.
 */
function pageFill(file: string, margin = { top: 37, bottom: 35 }): number[] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const mm = 72 / 25.4;
  return [...xml.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((m) => {
    const height = Number(m[1]);
    const top = margin.top * mm;
    const foot = height - margin.bottom * mm;
    const bottoms = [...m[2]!.matchAll(/yMax="([\d.]+)"/g)].map((w) => Number(w[1])).filter((y) => y <= foot + 1);
    return bottoms.length ? Math.round(((Math.max(...bottoms) - top) / (foot - top)) * 100) / 100 : 0;
  });
}

const squash = (text: string) => text.replace(/\s+/g, '');
const near = (a: number, b: number) => Math.abs(a - b) < 2;

let printed: PrintedPdf[];
let doc: PlanDocument;
let planId: string;
const folders: string[] = [];

beforeAll(async () => {
  planId = newestPlanId();
  doc = JSON.parse(readDist(`${planId}/plan.json`));
  const lines: string[] = [];
  // A cache of the test's own: the developer's .pdf-cache/ stays as it is.
  const cacheDir = mkdtempSync(join(tmpdir(), 'pdf-cache-'));
  folders.push(cacheDir);
  printed = await printPdfs(DIST, { report: (line) => lines.push(line), cacheDir });
  expect(lines.at(-1)).toMatch(/^matrix 1 of 1: /);
  expect(lines[0]).toMatch(new RegExp(`^unit 1 of ${listedUnits().length}: `));
});

afterAll(() => {
  removeBuilds();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** The tasks a unit answers for, straight from plan.json: its own, and those of groups it is a member of. */
function tasksOf(unitId: string): string[] {
  const unit = doc.units.find((u) => u.id === unitId)!;
  const groups = doc.units.filter((g) => (g.members ?? []).some((m) => m === unit.id || m === unit.name || unit.aliases.includes(m)));
  const ids = new Set([unit.id, ...groups.map((g) => g.id)]);
  return doc.tasks.filter((t) => t.effectiveAssignments.some((a) => ids.has(a.unit))).map((t) => t.id);
}

describe('npm run pdf on the built site', () => {
  it('writes one PDF per unit and one per plan matrix into dist/pdf/', () => {
    const units = listedUnits();
    expect(
      printed
        .filter((p) => p.kind === 'unit')
        .map((p) => p.slot.file)
        .sort(),
    ).toEqual(units.map((u) => `pdf/units/${u.slug}.pdf`).sort());
    expect(printed.filter((p) => p.kind === 'matrix').map((p) => p.slot.file)).toEqual([`pdf/${planId}/matrix.pdf`]);
    for (const p of printed) expect(existsSync(join(DIST, p.slot.file)), p.slot.file).toBe(true);
  });

  it('prints each unit page on A4 portrait, naming the unit and the plan, with every task of the unit and no navigation', () => {
    const problems: string[] = [];
    for (const unit of listedUnits()) {
      const file = join(DIST, `pdf/units/${unit.slug}.pdf`);
      const sizes = pageSizes(file);
      if (!sizes.every((s) => near(s.width, A4.width) && near(s.height, A4.height))) problems.push(`${unit.slug}: not A4 portrait ${JSON.stringify(sizes)}`);
      const text = pdfText(file);
      const flat = squash(text);
      // A task may run on to the next page: the header repeated there and the page number are not its text.
      const taskColumn = squash(pdfText(file, { box: TASK_COLUMN })).replace(/任务内容|—\d+—/g, '');
      if (!flat.includes(squash(`${unit.name}任务清单`))) problems.push(`${unit.slug}: no heading with the unit's name`);
      if (!flat.includes(squash(`《${doc.title}》`))) problems.push(`${unit.slug}: the plan is not named`);
      for (const id of tasksOf(unit.slug)) {
        const task = doc.tasks.find((t) => t.id === id)!;
        if (!taskColumn.includes(squash(task.text))) problems.push(`${unit.slug}: task ${id} missing or cut`);
      }
      for (const word of SCREEN_ONLY) if (text.includes(word)) problems.push(`${unit.slug}: prints "${word}"`);
      if (!/—\s*1\s*—/.test(pdfText(file, { page: 1, layout: true }))) problems.push(`${unit.slug}: no page number "— 1 —"`);
      if (/https?:\/\/|\/units\//.test(text)) problems.push(`${unit.slug}: prints a URL`);
    }
    expect(problems).toEqual([]);
  });

  it('numbers the pages of a long unit sheet — 1 —, — 2 —, …', () => {
    const longest = printed.filter((p) => p.kind === 'unit').sort((a, b) => b.pages - a.pages)[0]!;
    expect(longest.pages).toBeGreaterThan(1);
    expect(pageSizes(longest.pdfFile)).toHaveLength(longest.pages);
    for (let n = 1; n <= longest.pages; n++) expect(pdfText(longest.pdfFile, { page: n, layout: true })).toMatch(new RegExp(`—\\s*${n}\\s*—`));
  });

  it('prints the matrix landscape, with every unit and every task column', () => {
    const file = join(DIST, `pdf/${planId}/matrix.pdf`);
    const sizes = pageSizes(file);
    expect(sizes.every((s) => near(s.width, A4.height) && near(s.height, A4.width))).toBe(true);
    const text = pdfText(file);
    for (const word of SCREEN_ONLY) expect(text).not.toContain(word);
    // The unit column alone (left margin 12 mm, 38 mm wide), so that a wrapped name reads in one piece.
    const names = squash(pdfText(file, { box: { x: 12, y: 0, width: 38, height: 210 } }));
    const named = listedUnits().filter((u) => doc.tasks.some((t) => t.effectiveAssignments.some((a) => a.unit === u.slug)));
    expect(named.length).toBeGreaterThan(10);
    for (const unit of named) expect(names).toContain(squash(unit.name));
    const tasks = squash(pdfText(file, { box: { x: 50, y: 0, width: 297 - 50 - 12, height: 210 } }));
    expect(tasks).toContain(squash(doc.tasks.map((t) => t.id.replace('task-', '')).join('')));
    for (let page = 1; page <= sizes.length; page++) expect(squash(pdfText(file, { page }))).toContain('单位\\任务');
  });

  it('links each printed page to its PDF', () => {
    for (const p of printed) {
      const html = readFileSync(p.htmlFile, 'utf8');
      const link = html.match(new RegExp(`<p[^>]*data-pdf-file="${p.slot.file}"[^>]*>(<a href="([^"]+)"[^>]*>[^<]+</a>[^<]*)</p>`));
      expect(link, p.pagePath).not.toBeNull();
      expect(link![2]).toBe(`/${p.slot.file}`);
      expect(link![1]).toMatch(/\(PDF,\d+ 页,[\d.]+ [KM]B\)$/);
    }
  });
});

describe('the 校对 page on paper', () => {
  it('fills every A4 page but the last at least two thirds, and starts part 一 on page 1', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'review-print-')), 'review.pdf');
    folders.push(join(file, '..'));
    const server = await serveStatic(DIST, builtBase(DIST));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(server.url(`${planId}/review/`), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    } finally {
      await browser.close();
      await server.close();
    }
    const sizes = pageSizes(file);
    expect(sizes.every((s) => near(s.width, A4.width) && near(s.height, A4.height))).toBe(true);
    const fill = pageFill(file);
    expect(fill.length).toBeGreaterThan(3);
    expect(
      fill.slice(0, -1).flatMap((f, i) => (f < 2 / 3 ? [`page ${i + 1}: ${f}`] : [])),
      fill.join(' '),
    ).toEqual([]);
    // The first part's heading and first task follow the legend on page 1.
    const first = doc.outline[0]!;
    expect(squash(pdfText(file, { page: 1 }))).toContain(squash(first.title ?? first.text).slice(0, 8));
    // Every task is printed under its label.
    const labels = new Set([...pdfText(file).matchAll(/^\f?任务\s*(\d+)\s*$/gm)].map((m) => `任务${m[1]}`));
    expect(doc.tasks.filter((t) => !labels.has(`任务${t.id.replace('task-', '')}`)).map((t) => t.id)).toEqual([]);
  });
});

describe('a plan too large for one sheet, under BASE_PATH=/plans/', () => {
  it('prints the matrix on A3 landscape with the header on every page, and links under the base', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-content-'));
    folders.push(dir);
    mkdirSync(join(dir, 'plans'));
    writeFileSync(join(dir, 'plans', 'large.txt'), generatePlan(48, 150, 7));
    const build = await buildSite({ CONTENT_DIR: dir, BASE_PATH: '/plans/' });
    expect(build.code, build.stdout + build.stderr).toBe(0);
    let units = 0;
    const done = await printPdfs(build.outDir, {
      cacheDir: join(dir, 'pdf-cache'),
      only: (job) => job.kind === 'matrix' || (job.kind === 'unit' && units++ === 0),
    });
    expect(done.map((p) => p.kind)).toEqual(['unit', 'matrix']);
    const unit = done[0]!;
    expect(pageSizes(unit.pdfFile).every((s) => near(s.width, A4.width) && near(s.height, A4.height))).toBe(true);
    expect(squash(pdfText(unit.pdfFile))).toContain(squash(`${unit.title}任务清单`));
    const matrix = done.find((p) => p.kind === 'matrix')!;
    const sizes = pageSizes(matrix.pdfFile);
    expect(sizes.length).toBeGreaterThan(1);
    expect(sizes.every((s) => near(s.width, A3.height) && near(s.height, A3.width))).toBe(true);
    for (let page = 1; page <= sizes.length; page++) {
      const text = squash(pdfText(matrix.pdfFile, { page }));
      expect(text, `page ${page}`).toContain('单位\\任务');
      expect(text, `page ${page}`).toContain('合计');
      expect(pdfText(matrix.pdfFile, { page, layout: true }), `page ${page}`).toMatch(new RegExp(`—\\s*${page}\\s*—`));
    }
    for (const p of done) expect(readFileSync(p.htmlFile, 'utf8')).toContain(`<a href="/plans/${p.slot.file}"`);
  });
});
