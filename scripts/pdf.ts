/**
 * `npm run pdf` (after `npm run build`): prints every unit page and every plan's matrix to PDF with
 * Chromium into dist/pdf/ (a split matrix: its index and every slice page, each to its own PDF),
 * then shows each page's link to its PDF. The pages name their PDF in an empty slot
 * (src/components/PdfLink.astro); the site's base path is read from the build itself.
 *
 *   npm run pdf                 # dist/
 *   npm run pdf -- path/to/dist # another build
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fillPdfSlot, findPdfSlots, type PdfSlot } from '../src/site/pdf.ts';
import { launchChromium } from './lib/chromium.ts';
import { serveStatic } from './lib/static-server.ts';

export interface PrintJob {
  /** The page's HTML file inside the build. */
  htmlFile: string;
  /** The page's path below the base, e.g. units/zhujian/. */
  pagePath: string;
  title: string;
  kind: 'unit' | 'matrix' | 'page';
  slot: PdfSlot;
}

export interface PrintedPdf extends PrintJob {
  pdfFile: string;
  pages: number;
  bytes: number;
}

/** The base the site was built for, from the favicon link every page carries. */
export function builtBase(dist: string): string {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const href = html.match(/<link rel="icon" href="([^"]*)favicon\.svg"/)?.[1];
  if (href === undefined) throw new Error(`${join(dist, 'index.html')}:1:1: cannot tell the site's base path (no favicon link); is this a build of this site?`);
  return href;
}

function htmlFiles(dir: string, root = dir): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (dir === root && ['pagefind', '_astro', 'pdf'].includes(entry.name)) continue;
      files.push(...htmlFiles(full, root));
    } else if (entry.name === 'index.html') files.push(full);
  }
  return files;
}

/** Every page of the build that asks for a PDF: units first, then matrices, each in name order. */
export function printJobs(dist: string): PrintJob[] {
  const jobs: PrintJob[] = [];
  for (const htmlFile of htmlFiles(dist)) {
    const html = readFileSync(htmlFile, 'utf8');
    const slots = findPdfSlots(html);
    if (slots.length === 0) continue;
    const pagePath = relative(dist, dirname(htmlFile)).split(sep).join('/');
    const title =
      html
        .match(/<h1\b[^>]*>([\s\S]*?)<\/h1>/)?.[1]
        ?.replace(/<[^>]+>/g, '')
        .trim() ?? pagePath;
    // A plan's matrix is /<plan>/matrix/, and a split matrix's slices /<plan>/matrix/<slice>/.
    const kind = pagePath.startsWith('units/') ? 'unit' : /\/matrix(\/[^/]+)?$/.test(pagePath) ? 'matrix' : 'page';
    for (const slot of slots) jobs.push({ htmlFile, pagePath: pagePath ? `${pagePath}/` : '', title, kind, slot });
  }
  const rank = { unit: 0, matrix: 1, page: 2 };
  // Plan order for a split matrix: the index, then slices 1, 1-p2, 2, …, 10 (numeric, the .pdf set aside).
  return jobs.sort(
    (a, b) => rank[a.kind] - rank[b.kind] || a.slot.file.replace(/\.pdf$/, '').localeCompare(b.slot.file.replace(/\.pdf$/, ''), 'en', { numeric: true }),
  );
}

/** Pages in a PDF written by Chromium (one page object each). */
export function countPdfPages(bytes: Uint8Array): number {
  return (
    Buffer.from(bytes)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0
  );
}

function sizeLabel(pages: number, bytes: number): string {
  const size = bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${pages} 页,${size}`;
}

export interface PrintOptions {
  report?: (line: string) => void;
  /** Print only some pages (tests). */
  only?: (job: PrintJob) => boolean;
}

export async function printPdfs(dist: string, { report = () => {}, only = () => true }: PrintOptions = {}): Promise<PrintedPdf[]> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html is missing: run \`npm run build\` first.`);
  const base = builtBase(dist);
  const jobs = printJobs(dist).filter(only);
  if (jobs.length === 0) throw new Error(`No page in ${dist} asks for a PDF: is the build current?`);
  const totals = { unit: 0, matrix: 0, page: 0 };
  for (const job of jobs) totals[job.kind]++;
  const seen = { unit: 0, matrix: 0, page: 0 };

  const server = await serveStatic(dist, base);
  const browser = await launchChromium();
  const printed: PrintedPdf[] = [];
  try {
    const page = await browser.newPage();
    for (const job of jobs) {
      seen[job.kind]++;
      const pdfFile = join(dist, job.slot.file);
      await page.goto(server.url(job.pagePath), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
      mkdirSync(dirname(pdfFile), { recursive: true });
      writeFileSync(pdfFile, bytes);
      const pages = countPdfPages(bytes);
      printed.push({ ...job, pdfFile, pages, bytes: bytes.length });
      report(
        `${job.kind} ${seen[job.kind]} of ${totals[job.kind]}: ${job.title} → ${relative(process.cwd(), pdfFile)} (${pages} page${pages === 1 ? '' : 's'}, ${Math.round(bytes.length / 1024)} KB)`,
      );
    }
    await page.close();
  } finally {
    await browser.close();
    await server.close();
  }

  // Link each page to its PDF now that the file exists.
  for (const done of printed) {
    const html = readFileSync(done.htmlFile, 'utf8');
    const filled = fillPdfSlot(html, done.slot, sizeLabel(done.pages, statSync(done.pdfFile).size));
    if (filled !== html) writeFileSync(done.htmlFile, filled);
  }
  return printed;
}

if (import.meta.main) {
  const dist = process.argv[2] ?? process.env.DIST_DIR ?? 'dist';
  try {
    const started = performance.now();
    const printed = await printPdfs(dist, { report: (line) => console.log(line) });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Wrote ${printed.length} PDFs (${printed.reduce((n, p) => n + p.pages, 0)} pages) to ${join(dist, 'pdf')}/ in ${seconds} s; each page now links to its PDF.`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
