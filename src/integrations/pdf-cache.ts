/**
 * Keeps the printed PDFs of a site across builds. `npm run pdf` prints the unit, matrix and
 * bulletin pages and keeps each PDF in a cache outside the build (`.pdf-cache/`, or `PDF_CACHE`)
 * under a digest of what the page prints (src/site/pdf.ts `pageDigest`). After every build this
 * integration copies back the PDFs whose digest still matches and fills their pages' slots; a page
 * that changed keeps its empty slot, so it links no PDF until it is printed again (`npm run pdf --
 * --missing`, or `npm run publish`: build, then print only what is missing or stale).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cachedPdfPath, countPdfPages, fillPdfSlot, findPdfSlots, pageDigest, pdfKey, pdfSizeLabel, type PdfSlot } from '../site/pdf.ts';

/** The cache folder: `PDF_CACHE`, else `.pdf-cache` in the working directory. */
export function pdfCacheDir(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.PDF_CACHE || '.pdf-cache');
}

/** Every page of a build (its index.html files), leaving out Pagefind's, the bundles and the PDFs. */
export function builtPages(dist: string, dir = dist): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (dir === dist && ['pagefind', '_astro', 'pdf'].includes(entry.name)) continue;
      files.push(...builtPages(dist, full));
    } else if (entry.name === 'index.html') files.push(full);
  }
  return files.sort();
}

/** One slot of a built page and where its current PDF is, or would be, kept. */
export interface SlotState {
  htmlFile: string;
  /** The page's path below the base, e.g. units/zhujian/. */
  pagePath: string;
  slot: PdfSlot;
  /** Digest of the page and the slot's file (src/site/pdf.ts pdfKey). */
  key: string;
  /** The cached PDF for that key (it may not exist). */
  cached: string;
}

/** A stylesheet the page links, read from the build (the base taken off its href). */
function assetReader(dist: string, base: string): (href: string) => string | undefined {
  const seen = new Map<string, string | undefined>();
  return (href) => {
    if (!seen.has(href)) {
      const path = href.startsWith(base) ? href.slice(base.length) : href.replace(/^\//, '');
      const file = join(dist, ...path.split('/'));
      seen.set(href, !/^[a-z]+:/i.test(href) && existsSync(file) ? readFileSync(file, 'utf8') : undefined);
    }
    return seen.get(href);
  };
}

/** Every PDF slot of a build, with its key. */
export function slotStates(dist: string, base: string, cacheDir: string): SlotState[] {
  const read = assetReader(dist, base.endsWith('/') ? base : `${base}/`);
  const states: SlotState[] = [];
  for (const htmlFile of builtPages(dist)) {
    const html = readFileSync(htmlFile, 'utf8');
    const slots = findPdfSlots(html);
    if (slots.length === 0) continue;
    const digest = pageDigest(html, read);
    const path = relative(dist, dirname(htmlFile)).split(sep).join('/');
    for (const slot of slots) {
      const key = pdfKey(slot.file, digest);
      states.push({ htmlFile, pagePath: path ? `${path}/` : '', slot, key, cached: join(cacheDir, cachedPdfPath(slot.file, key)) });
    }
  }
  return states;
}

/** Fills the slot of each page whose PDF is in the build: the link, with its pages and size. */
export function linkPdfs(dist: string, states: SlotState[]): void {
  const byPage = new Map<string, SlotState[]>();
  for (const s of states) byPage.set(s.htmlFile, [...(byPage.get(s.htmlFile) ?? []), s]);
  for (const [htmlFile, slots] of byPage) {
    const html = readFileSync(htmlFile, 'utf8');
    let filled = html;
    for (const s of slots) {
      const pdf = readFileSync(join(dist, s.slot.file));
      filled = fillPdfSlot(filled, s.slot, pdfSizeLabel(countPdfPages(pdf), pdf.length));
    }
    if (filled !== html) writeFileSync(htmlFile, filled);
  }
}

/** Copies each current PDF from the cache into the build and links it; says which are missing or stale. */
export function restorePdfs(dist: string, base: string, cacheDir: string = pdfCacheDir()): { restored: SlotState[]; missing: SlotState[] } {
  const states = slotStates(dist, base, cacheDir);
  const restored = states.filter((s) => existsSync(s.cached) && statSync(s.cached).size > 0);
  for (const s of restored) {
    const target = join(dist, s.slot.file);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(s.cached, target);
  }
  linkPdfs(dist, restored);
  return { restored, missing: states.filter((s) => !restored.includes(s)) };
}

/** The Astro integration: after the build, restore the PDFs that are still current. */
export function pdfCache(options: { cacheDir?: string } = {}): AstroIntegration {
  let base = '/';
  return {
    name: 'pdf-cache',
    hooks: {
      'astro:config:setup': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const cacheDir = options.cacheDir ?? pdfCacheDir();
        const { restored, missing } = restorePdfs(fileURLToPath(dir), base, cacheDir);
        if (restored.length + missing.length === 0) return;
        const where = relative(process.cwd(), cacheDir) || cacheDir;
        logger.info(
          missing.length === 0
            ? `all ${restored.length} PDFs current, restored from ${where}/`
            : `${restored.length} of ${restored.length + missing.length} PDFs current, restored from ${where}/; ${missing.length} missing or stale, not linked: run \`npm run pdf -- --missing\` (or \`npm run publish\`)`,
        );
      },
    },
  };
}
