/**
 * Where `npm run pdf` puts each printable page, relative to the site root. Pages carry an empty,
 * hidden slot naming their PDF; the script renders the page, writes the file and fills the slot
 * with a link, so that a page links to its PDF only once the PDF exists.
 *
 * A printed PDF is also kept in a cache outside the build (`.pdf-cache/`, or `PDF_CACHE`), under a
 * digest of what the printed page shows: the page's HTML (its PDF slot left out) and its
 * stylesheets. The build restores the PDFs whose digest still matches and fills their slots
 * (src/integrations/pdf-cache.ts); a page whose text or styles changed keeps an empty slot until
 * it is printed again, so that no page links a stale PDF.
 */
import { createHash } from 'node:crypto';

export const PDF_DIR = 'pdf';

export const unitPdfPath = (unitId: string) => `${PDF_DIR}/units/${unitId}.pdf`;
/** The matrix's PDF; a split matrix has one for its index (no slice) and one per slice page. */
export const matrixPdfPath = (planId: string, slice?: string) =>
  slice === undefined ? `${PDF_DIR}/${planId}/matrix.pdf` : `${PDF_DIR}/${planId}/matrix/${slice}.pdf`;

export interface PdfSlot {
  /** The PDF, relative to the site root. */
  file: string;
  /** The link's href, with the site's base. */
  href: string;
  /** Name offered when saving, e.g. 县住房和城乡建设局任务清单.pdf. */
  download: string;
  /** Link text. */
  label: string;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const unescapeAttribute = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The slots of a built page, read from its HTML. */
export function findPdfSlots(html: string): PdfSlot[] {
  const slots: PdfSlot[] = [];
  for (const match of html.matchAll(/<p\b[^>]*\bdata-pdf-file="[^"]*"[^>]*>/g)) {
    const attr = (name: string) => unescapeAttribute(match[0].match(new RegExp(`\\bdata-pdf-${name}="([^"]*)"`))?.[1] ?? '');
    slots.push({ file: attr('file'), href: attr('href'), download: attr('download'), label: attr('label') });
  }
  return slots;
}

/** The page's HTML with the slot for `file` shown and holding a link to it; the same when already filled. */
export function fillPdfSlot(html: string, slot: PdfSlot, sizeLabel: string): string {
  const pattern = new RegExp(
    `(<p\\b[^>]*\\bdata-pdf-file="${slot.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*?)(\\s+hidden(?:="[^"]*")?)?(\\s*)>[\\s\\S]*?</p>`,
  );
  const link = `<a href="${escapeAttribute(slot.href)}" download="${escapeAttribute(slot.download)}" type="application/pdf">${escapeAttribute(slot.label)}</a>(PDF,${escapeAttribute(sizeLabel)})`;
  return html.replace(pattern, (_all, open: string) => `${open}>${link}</p>`);
}

/** Every PDF slot of a page, filled or not, as one fixed mark: the page as it prints. */
const SLOT = /<p\b[^>]*\bdata-pdf-file="([^"]*)"[^>]*>[\s\S]*?<\/p>/g;

/**
 * The digest of what a page prints: its HTML with each PDF slot reduced to its file name (a slot
 * is hidden in print, and filling it must not change the digest), and the text of every
 * stylesheet it links (`readAsset` gets the href as written; a missing one counts as empty).
 */
export function pageDigest(html: string, readAsset: (href: string) => string | undefined): string {
  const page = html.replace(SLOT, (_all, file: string) => `<p data-pdf-file="${file}"></p>`);
  const hash = createHash('sha256').update(page);
  for (const link of page.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)) {
    const href = link[0].match(/\bhref="([^"]*)"/)?.[1];
    if (href === undefined) continue;
    hash.update(`\0${href}\0`).update(readAsset(href) ?? '');
  }
  return hash.digest('hex');
}

/** The key of one slot's PDF: the file it is published as and the digest of the page it prints. */
export function pdfKey(file: string, digest: string): string {
  return createHash('sha256').update(`${file}\0${digest}`).digest('hex').slice(0, 20);
}

/** Where a slot's PDF is kept in the cache, relative to it: pdf/units/zhujian.<key>.pdf. */
export function cachedPdfPath(file: string, key: string): string {
  return file.replace(/(\.pdf)?$/, `.${key}.pdf`);
}

/** Pages in a PDF written by Chromium (one page object each). */
export function countPdfPages(bytes: Uint8Array): number {
  return (
    Buffer.from(bytes)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0
  );
}

/** What a link says of its PDF: 3 页,80 KB. */
export function pdfSizeLabel(pages: number, bytes: number): string {
  const size = bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${pages} 页,${size}`;
}
