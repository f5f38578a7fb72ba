/**
 * Bytes as published → text. Plans arrive as UTF-8 (with or without BOM), UTF-16 with BOM (from
 * Word's "Unicode text"), or GB18030/GBK with no marker at all (older Windows editors). The
 * encoding is detected, never assumed, and reported in `source.encoding`.
 */

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type DecodeResult =
  | { ok: true; text: string; encoding: Encoding }
  | { ok: false; ruleId: 'undecodable' | 'unsupported-format' | 'empty-file'; reason: string };

/** Magic numbers of files that people mistake for plans. */
const FORMATS: { magic: number[]; reason: string }[] = [
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0],
    reason:
      'Unexpected old binary Word/WPS file (.doc/.wps), expected a .docx or plain-text plan: open it in Word or WPS and save it as .docx (另存为 → Word 文档 *.docx)',
  },
  {
    magic: [0x50, 0x4b, 0x03, 0x04],
    reason: 'Unexpected ZIP container (.docx/.xlsx) where plain text was expected: read Word plans with `plan check` or the site build, which accept .docx',
  },
  { magic: [0x25, 0x50, 0x44, 0x46], reason: 'Unexpected PDF file, expected plain text: copy the text out of the PDF into a .txt file' },
  { magic: [0x89, 0x50, 0x4e, 0x47], reason: 'Unexpected PNG image, expected plain text' },
  { magic: [0xff, 0xd8, 0xff], reason: 'Unexpected JPEG image, expected plain text' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], reason: 'Unexpected RTF file, expected a .docx or plain-text plan: save it as .docx or .txt' },
];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

function strict(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Share of characters that no plan contains: C0 controls other than tab/newlines, and NUL. */
function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) bad++;
  }
  return bad / text.length;
}

/** Looks like UTF-16 without a BOM: NUL in every other byte of the ASCII part. */
function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.3 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.3 && oddZero / pairs < 0.05) return 'utf-16be';
  return undefined;
}

/** Plans are text of a few hundred KB; a 20 MB plan parses in seconds. Past this, refuse. */
export const MAX_PLAN_BYTES = 32 * 1024 * 1024;

export function decode(bytes: Uint8Array): DecodeResult {
  if (bytes.length > MAX_PLAN_BYTES) {
    return {
      ok: false,
      ruleId: 'unsupported-format',
      reason: `Unexpected file of ${(bytes.length / 2 ** 20).toFixed(1)} MB, expected a plan of at most ${MAX_PLAN_BYTES / 2 ** 20} MB: split it into several plans`,
    };
  }
  if (bytes.length === 0) return { ok: false, ruleId: 'empty-file', reason: 'Unexpected empty file, expected the text of a plan' };
  for (const format of FORMATS) {
    if (startsWith(bytes, format.magic)) return { ok: false, ruleId: 'unsupported-format', reason: format.reason };
  }
  let text: string | undefined;
  let encoding: Encoding;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    text = strict('utf-8', bytes.subarray(3));
    encoding = 'utf-8-bom';
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    text = strict('utf-16le', bytes.subarray(2));
    encoding = 'utf-16le';
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    text = strict('utf-16be', bytes.subarray(2));
    encoding = 'utf-16be';
  } else {
    const guess = utf16Guess(bytes);
    if (guess) {
      text = strict(guess, bytes);
      encoding = guess;
    } else {
      text = strict('utf-8', bytes);
      encoding = 'utf-8';
      if (text === undefined) {
        text = strict('gb18030', bytes);
        encoding = 'gb18030';
      }
    }
  }
  if (text === undefined) {
    return {
      ok: false,
      ruleId: 'undecodable',
      reason: `Unexpected bytes that are not valid ${encoding}, expected text in UTF-8, UTF-16 (with BOM) or GB18030`,
    };
  }
  if (controlShare(text) > 0.01 || text.includes('\u0000')) {
    return { ok: false, ruleId: 'undecodable', reason: 'Unexpected binary content, expected the text of a plan in UTF-8, UTF-16 (with BOM) or GB18030' };
  }
  if (text.trim().length === 0) {
    return { ok: false, ruleId: 'empty-file', reason: 'Unexpected file with only blank space, expected the text of a plan' };
  }
  return { ok: true, text, encoding };
}
