/**
 * Where `npm run pdf` puts each printable page, relative to the site root. Pages carry an empty,
 * hidden slot naming their PDF; the script renders the page, writes the file and fills the slot
 * with a link, so that a page links to its PDF only once the PDF exists.
 */
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
