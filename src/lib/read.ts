/**
 * The read stage: a plan file's bytes, in any format it is published in, → the plan's text, with a
 * way back from each line and column of that text to the place in the file (a Word paragraph or
 * cell, an HTML line:column, a PDF page and line, an Excel sheet and cell).
 *
 * The format is recognised from the content, never from the file name; a name that says another
 * format than the content is reported (`format-mismatch`), so that a .doc renamed .pdf is not
 * published as a PDF. Each reader loads its library only when a file of its format is read.
 */
import { decode, type DecodeResult, MAX_PLAN_BYTES } from './decode.ts';
import type { RuleIdOf } from './rules.ts';

/** What was read; kept in `source.format` of the PlanDocument. */
export type SourceFormat = 'text' | 'html' | 'docx' | 'doc' | 'pdf' | 'xlsx';

export type ReadRuleId = RuleIdOf<'read'>;

export type ReadResult =
  | {
      ok: true;
      text: string;
      format: SourceFormat;
      /** `source.encoding`: the text encoding for text and HTML, else the format. */
      encoding: string;
      /** Where a line and column (1-based) of `text` is in the file, e.g. `PDF: page 3, line 7`. */
      place?: (line: number, column: number) => string | undefined;
      /** Warnings about the reading itself (what a reader could not keep), reported at 1:1. */
      notes?: { ruleId: ReadRuleId; reason: string }[];
    }
  | { ok: false; ruleId: ReadRuleId; reason: string };

export type Container = 'zip' | 'ole' | 'pdf' | 'html' | 'text';

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

/** `%PDF-` within the first KB (some writers put bytes before it, which readers accept). */
function pdfStart(bytes: Uint8Array): number {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  return head.indexOf('%PDF-');
}

/**
 * Looks like an HTML document: after a BOM, blank space and comments, it opens with a tag, and an
 * HTML element (html, head, body, meta, table, p, div) is among its first 4 KB. A text plan that
 * holds markup somewhere in its lines is still text.
 */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  let head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  if (head.startsWith('\xef\xbb\xbf')) head = head.slice(3);
  else if (head.startsWith('\xff\xfe') || head.startsWith('\xfe\xff')) head = head.slice(2).replace(/\0/g, '');
  const opening = head.replace(/^(\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*/, '');
  return opening.startsWith('<') && /<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|table[\s>]|p[\s>]|div[\s>])/i.test(head);
}

export function containerOf(bytes: Uint8Array): Container {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (pdfStart(bytes) >= 0) return 'pdf';
  if (looksLikeHtml(bytes)) return 'html';
  return 'text';
}

/** What a file name's extension promises, for the formats that cannot be mistaken for text. */
const NAMED: Record<string, { container: Container; what: string }> = {
  pdf: { container: 'pdf', what: 'a PDF' },
  doc: { container: 'ole', what: 'a Word 97 document' },
  wps: { container: 'ole', what: 'a WPS document' },
  xls: { container: 'ole', what: 'an Excel 97 workbook' },
  docx: { container: 'zip', what: 'a Word document' },
  xlsx: { container: 'zip', what: 'an Excel workbook' },
};

const CONTAINER_NAMES: Record<Container, string> = {
  zip: 'ZIP container (.docx or .xlsx)',
  ole: 'Word 97/WPS/Excel 97 file (.doc/.wps/.xls)',
  pdf: 'PDF',
  html: 'HTML page',
  text: 'text',
};

/** The bytes of one plan file → its text. `name` is the file's name, used only to spot a wrong one. */
export async function readPlan(bytes: Uint8Array, name = ''): Promise<ReadResult> {
  if (bytes.length > MAX_PLAN_BYTES || bytes.length === 0) return fromDecoded(decode(bytes));
  const container = containerOf(bytes);
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const named = NAMED[extension];
  if (named && named.container !== container) {
    return {
      ok: false,
      ruleId: 'format-mismatch',
      reason: `Unexpected ${CONTAINER_NAMES[container]} in a file named .${extension}, expected ${named.what}: give the file the extension of what it holds, or export the plan again`,
    };
  }
  switch (container) {
    case 'zip': {
      // Local headers name them too, so that a workbook cut short (no central directory) is still one.
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (buffer.includes('xl/workbook.xml') || (buffer.includes('xl/worksheets/') && !buffer.includes('word/document.xml'))) {
        const { xlsxToText } = await import('./xlsx.ts');
        return xlsxToText(bytes);
      }
      const { docxToText } = await import('./docx.ts');
      const read = await docxToText(bytes);
      if (!read.ok) return read;
      const { wordPlace } = await import('./docx.ts');
      return { ok: true, text: read.text, format: 'docx', encoding: 'docx', place: (line, column) => wordLabel(wordPlace(read.lines, line, column)) };
    }
    case 'ole': {
      const { readOle } = await import('./doc.ts');
      return readOle(bytes);
    }
    case 'pdf': {
      const { pdfToText } = await import('./pdf.ts');
      return pdfToText(bytes);
    }
    case 'html': {
      const { htmlToText } = await import('./html.ts');
      return htmlToText(bytes);
    }
    default:
      return fromDecoded(decode(bytes));
  }
}

export function fromDecoded(decoded: DecodeResult): ReadResult {
  return decoded.ok ? { ok: true, text: decoded.text, format: 'text', encoding: decoded.encoding } : decoded;
}

const wordLabel = (place: string | undefined) => (place ? `Word: ${place}` : undefined);
