/**
 * `npm run pdf` (after `npm run build`): prints every unit page, every plan's matrix (a split
 * matrix: its index and every slice page, each to its own PDF) and bulletin to PDF with Chromium
 * into dist/pdf/, keeps each PDF in the cache (`.pdf-cache/`, or `PDF_CACHE`) under a digest of
 * what the page prints, then shows each page's link to its PDF. The pages name their PDF in an
 * empty slot (src/components/PdfLink.astro); the site's base path is read from the build itself.
 * The next build restores the PDFs still current from the cache (src/integrations/pdf-cache.ts).
 *
 *   npm run pdf                          # dist/: print every page
 *   npm run pdf -- --missing             # only the pages whose PDF is missing or stale
 *   npm run pdf -- --missing --prune     # and drop cached PDFs no page of this build uses
 *   npm run pdf -- path/to/dist          # another build
 *   npm run publish                      # build, then print what is missing or stale, and prune
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { linkPdfs, pdfCacheDir, restorePdfs, type SlotState, slotStates } from '../src/integrations/pdf-cache.ts';
import { countPdfPages, type PdfSlot } from '../src/site/pdf.ts';
import { launchChromium } from './lib/chromium.ts';
import { serveStatic } from './lib/static-server.ts';

export { countPdfPages };

export interface PrintJob extends SlotState {
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

/** Every page of the build that asks for a PDF: units first, then matrices, each in name order. */
export function printJobs(dist: string, cacheDir: string = pdfCacheDir()): PrintJob[] {
  const jobs: PrintJob[] = [];
  const titles = new Map<string, string>();
  for (const state of slotStates(dist, builtBase(dist), cacheDir)) {
    if (!titles.has(state.htmlFile)) {
      const html = readFileSync(state.htmlFile, 'utf8');
      titles.set(
        state.htmlFile,
        html
          .match(/<h1\b[^>]*>([\s\S]*?)<\/h1>/)?.[1]
          ?.replace(/<[^>]+>/g, '')
          .trim() ?? state.pagePath,
      );
    }
    // A plan's matrix is /<plan>/matrix/, and a split matrix's slices /<plan>/matrix/<slice>/.
    const path = state.pagePath.replace(/\/$/, '');
    const kind = path.startsWith('units/') ? 'unit' : /\/matrix(\/[^/]+)?$/.test(path) ? 'matrix' : 'page';
    jobs.push({ ...state, title: titles.get(state.htmlFile)!, kind });
  }
  const rank = { unit: 0, matrix: 1, page: 2 };
  // Plan order for a split matrix: the index, then slices 1, 1-p2, 2, …, 10 (numeric, the .pdf set aside).
  return jobs.sort(
    (a, b) => rank[a.kind] - rank[b.kind] || a.slot.file.replace(/\.pdf$/, '').localeCompare(b.slot.file.replace(/\.pdf$/, ''), 'en', { numeric: true }),
  );
}

export interface PrintOptions {
  report?: (line: string) => void;
  /** Print only some pages (tests). */
  only?: (job: PrintJob) => boolean;
  /** Print only the pages whose PDF is missing or stale; the build restored the others. */
  missing?: boolean;
  /** Afterwards, delete the cached PDFs that no page of this build uses. */
  prune?: boolean;
  /** The cache (default `PDF_CACHE`, else `.pdf-cache`). */
  cacheDir?: string;
}

/** Cached PDFs that none of `keep` is: older prints of changed pages, pages no longer built. */
function prune(cacheDir: string, keep: Set<string>, dir = cacheDir): string[] {
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) removed.push(...prune(cacheDir, keep, full));
    else if (entry.name.endsWith('.pdf') && !keep.has(full)) {
      rmSync(full);
      removed.push(full);
    }
  }
  return removed;
}

export interface PrintResult extends Array<PrintedPdf> {
  /** Pages left as they were: their PDF was current (with `missing`). */
  current?: number;
  /** Cached PDFs deleted (with `prune`). */
  pruned?: number;
}

export async function printPdfs(
  dist: string,
  { report = () => {}, only = () => true, missing = false, prune: pruneCache = false, cacheDir = pdfCacheDir() }: PrintOptions = {},
): Promise<PrintResult> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html is missing: run \`npm run build\` first.`);
  const base = builtBase(dist);
  const all = printJobs(dist, cacheDir).filter(only);
  if (all.length === 0) throw new Error(`No page in ${dist} asks for a PDF: is the build current?`);
  // A PDF is current when the cache holds it for the page as built; the build has copied and linked it.
  const jobs = missing ? all.filter((job) => !existsSync(job.cached)) : all;
  const totals = { unit: 0, matrix: 0, page: 0 };
  for (const job of jobs) totals[job.kind]++;
  const seen = { unit: 0, matrix: 0, page: 0 };

  const printed: PrintResult = [];
  if (jobs.length > 0) {
    const server = await serveStatic(dist, base);
    const browser = await launchChromium();
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
        mkdirSync(dirname(job.cached), { recursive: true });
        copyFileSync(pdfFile, job.cached);
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
  }

  // Link each page to its PDF now that the file exists; the current ones again, should this build
  // not have been restored (built with another cache).
  linkPdfs(dist, printed);
  if (missing) printed.current = restorePdfs(dist, base, cacheDir).restored.length - printed.length;
  if (pruneCache) printed.pruned = prune(cacheDir, new Set(printJobs(dist, cacheDir).map((j) => j.cached))).length;
  return printed;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const unknown = [...flags].filter((f) => !['--missing', '--prune'].includes(f));
  const dist = args.find((a) => !a.startsWith('--')) ?? process.env.DIST_DIR ?? 'dist';
  try {
    if (unknown.length) throw new Error(`Unknown option ${unknown.join(', ')}; expected --missing, --prune`);
    const started = performance.now();
    const printed = await printPdfs(dist, { report: (line) => console.log(line), missing: flags.has('--missing'), prune: flags.has('--prune') });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const current = printed.current ? `; ${printed.current} already current` : '';
    const pruned = printed.pruned ? `; ${printed.pruned} old PDFs removed from the cache` : '';
    console.log(
      `Wrote ${printed.length} PDFs (${printed.reduce((n, p) => n + p.pages, 0)} pages) to ${join(dist, 'pdf')}/ in ${seconds} s${current}${pruned}; each page now links to its PDF.`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
