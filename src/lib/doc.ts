/**
 * Word 97 (.doc), WPS (.wps) and Excel 97 (.xls) files: OLE compound files.
 *
 * What each reader keeps was measured on Word plans converted to .doc by LibreOffice (a table plan
 * whose 序号 column is numbered by Word, with a 牵头单位 merged down two rows, and a paragraph plan
 * numbered by Word's multi-level list; docs/formats.md):
 * - LibreOffice (`soffice --headless --convert-to docx`) keeps the list numbering and the merged
 *   cells; the .docx reader then reads the result as it reads any Word plan. Both plans parse to
 *   the same assignments as their text (unit+role F1 1.000).
 * - word-extractor reads the text stream only: list numbers are not in it (一、 (一) 1. and the
 *   序号 column are lost, so tasks run together) and a merged cell is empty in the rows below.
 * So LibreOffice reads these files when it is installed (`soffice` on the PATH, or the path in
 * `SOFFICE`); without it, word-extractor's text is read and a warning says what is lost.
 * Excel 97 workbooks are converted to .xlsx by LibreOffice; without it they are refused.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { ReadResult } from './read.ts';

/** A conversion that takes longer than this is given up (a broken file can make LibreOffice hang). */
const CONVERT_TIMEOUT_MS = 120_000;

/** The names of the streams in an OLE file's directory (UTF-16LE names, 64 bytes each). */
function oleStreams(bytes: Uint8Array): Set<string> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf16le');
  const names = new Set<string>();
  for (const name of ['WordDocument', 'Workbook', 'Book', 'PowerPoint Document', 'EncryptionInfo', 'EncryptedPackage'])
    if (text.includes(name)) names.add(name);
  // An odd offset in the directory misses names read at even byte offsets: try the other alignment.
  const shifted = Buffer.from(bytes.buffer, bytes.byteOffset + 1, bytes.byteLength - 1).toString('utf16le');
  for (const name of ['WordDocument', 'Workbook', 'Book', 'EncryptionInfo', 'EncryptedPackage']) if (shifted.includes(name)) names.add(name);
  return names;
}

/** Whether a Word 97 file says it is encrypted: FIB flag fEncrypted (bit 8 of the word at 0x0A of WordDocument). */
function wordEncrypted(bytes: Uint8Array): boolean {
  // The WordDocument stream opens with wIdent 0xA5EC; find it at a sector boundary.
  for (let at = 512; at + 12 < bytes.length; at += 512) {
    if (bytes[at] === 0xec && bytes[at + 1] === 0xa5) return (((bytes[at + 0x0b]! << 8) | bytes[at + 0x0a]!) & 0x0100) !== 0;
  }
  return false;
}

/** The LibreOffice program: `SOFFICE`, else `soffice` or `libreoffice` on the PATH; undefined if none. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SOFFICE !== undefined) return env.SOFFICE && existsSync(env.SOFFICE) ? env.SOFFICE : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter))
    for (const name of ['soffice', 'libreoffice']) {
      const path = join(dir, name);
      if (dir && existsSync(path)) return path;
    }
  return undefined;
}

/**
 * Conversions of this process by program, formats and content: LibreOffice takes seconds to start,
 * and a build reads the same file more than once (the content loader, the 原文 page). A few are
 * kept; a failed one is not.
 */
const converted = new Map<string, Promise<Uint8Array | { error: string }>>();
const KEEP_CONVERSIONS = 16;

/** Converts a file with LibreOffice in a profile of its own; the converted bytes, or why not. */
export function convertWithSoffice(soffice: string, bytes: Uint8Array, from: string, to: 'docx' | 'xlsx'): Promise<Uint8Array | { error: string }> {
  const key = `${soffice}\u0000${from}\u0000${to}\u0000${createHash('sha256').update(bytes).digest('hex')}`;
  let result = converted.get(key);
  if (!result) {
    if (converted.size >= KEEP_CONVERSIONS) converted.delete(converted.keys().next().value!);
    result = convert(soffice, bytes, from, to).then((out) => {
      if (!(out instanceof Uint8Array)) converted.delete(key);
      return out;
    });
    converted.set(key, result);
  }
  // A copy each time: the caller may change the bytes it gets.
  return result.then((out) => (out instanceof Uint8Array ? out.slice() : out));
}

async function convert(soffice: string, bytes: Uint8Array, from: string, to: 'docx' | 'xlsx'): Promise<Uint8Array | { error: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'plan-convert-'));
  try {
    const input = join(dir, `plan.${from}`);
    await writeFile(input, bytes);
    const error = await new Promise<string | undefined>((resolve) => {
      execFile(
        soffice,
        [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', to, '--outdir', dir, input],
        { timeout: CONVERT_TIMEOUT_MS, env: { ...process.env, HOME: dir } },
        (err, _stdout, stderr) => resolve(err ? (stderr.trim().split('\n')[0] ?? err.message) || err.message : undefined),
      );
    });
    const output = join(dir, `plan.${to}`);
    if (!existsSync(output)) return { error: error ?? 'LibreOffice wrote no file' };
    return new Uint8Array(await readFile(output));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** word-extractor's text: paragraphs are lines; a table row (cells ended by tabs) becomes a pipe row. */
async function extractText(bytes: Uint8Array): Promise<ReadResult> {
  const { default: WordExtractor } = await import('word-extractor');
  let body: string;
  try {
    body = (await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))).getBody();
  } catch (error) {
    return {
      ok: false,
      ruleId: 'undecodable',
      reason: `Unexpected Word 97/WPS file that cannot be read (${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}), expected a file that Word or WPS can open: save it again as .docx`,
    };
  }
  const lines = body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line.includes('\t')
        ? `${line
            .replace(/\t$/, '')
            .split('\t')
            .map((c) => c.replace(/\|/g, '¦').trim())
            .join(' | ')} |`
        : line,
    );
  const text = `${lines.join('\n').trimEnd()}\n`;
  if (text.trim() === '') return { ok: false, ruleId: 'empty-file', reason: 'Unexpected Word 97/WPS file without text, expected the text of a plan' };
  const paragraphs: number[] = [];
  lines.forEach((_, i) => {
    paragraphs.push(i + 1);
  });
  return { ok: true, text, format: 'doc', encoding: 'doc', place: (line) => (paragraphs[line - 1] ? `Word: 段落 ${paragraphs[line - 1]}` : undefined) };
}

function withoutLibreOffice(read: ReadResult): ReadResult {
  if (!read.ok) return read;
  const reason =
    "Unexpected Word 97/WPS file read without LibreOffice: Word's list numbers (一、 (一) 1. and a numbered 序号 column) and merged cells are not in its text, expected LibreOffice (soffice) to read it: install it, or save the file as .docx";
  return { ...read, notes: [{ ruleId: 'doc-text-only', reason }] };
}

export interface OleOptions {
  /** The LibreOffice program; false reads without it (word-extractor). Default: findSoffice(). */
  soffice?: string | false;
}

export async function readOle(bytes: Uint8Array, options: OleOptions = {}): Promise<ReadResult> {
  const streams = oleStreams(bytes);
  if (streams.has('EncryptionInfo') || streams.has('EncryptedPackage') || (streams.has('WordDocument') && wordEncrypted(bytes)))
    return {
      ok: false,
      ruleId: 'encrypted-file',
      reason: 'Unexpected encrypted Office file (文件已加密，需要密码才能打开), expected a file without a password: save it again without one',
    };
  const soffice = options.soffice === false ? undefined : (options.soffice ?? findSoffice());
  const workbook = !streams.has('WordDocument') && (streams.has('Workbook') || streams.has('Book'));
  if (workbook) {
    if (!soffice)
      return {
        ok: false,
        ruleId: 'unsupported-format',
        reason:
          'Unexpected Excel 97 workbook (.xls), expected .xlsx: open it in Excel or WPS and save it as .xlsx (另存为 → Excel 工作簿 *.xlsx), or install LibreOffice to read it',
      };
    const converted = await convertWithSoffice(soffice, bytes, 'xls', 'xlsx');
    if ('error' in converted)
      return {
        ok: false,
        ruleId: 'undecodable',
        reason: `Unexpected .xls that LibreOffice cannot convert (${converted.error}), expected a workbook Excel can open`,
      };
    const { xlsxToText } = await import('./xlsx.ts');
    return xlsxToText(converted);
  }
  if (!streams.has('WordDocument'))
    return {
      ok: false,
      ruleId: 'unsupported-format',
      reason: `Unexpected ${streams.has('PowerPoint Document') ? 'PowerPoint 97 file (.ppt)' : 'OLE file that is no Word 97 document'}, expected a plan as .doc, .wps, .docx, .pdf, .html or .txt`,
    };
  if (!soffice) return withoutLibreOffice(await extractText(bytes));
  const converted = await convertWithSoffice(soffice, bytes, 'doc', 'docx');
  if ('error' in converted) return withoutLibreOffice(await extractText(bytes));
  const { docxToText, wordPlace } = await import('./docx.ts');
  const read = await docxToText(converted);
  if (!read.ok) return read;
  return {
    ok: true,
    text: read.text,
    format: 'doc',
    encoding: 'doc',
    place: (line, column) => {
      const place = wordPlace(read.lines, line, column);
      return place ? `Word: ${place}` : undefined;
    },
  };
}
