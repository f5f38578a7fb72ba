/**
 * Word (.docx) plans → the text the plan parser reads, with a map back to Word's places.
 *
 * mammoth reads the document body (paragraphs, runs, hyperlinks, tables with merged cells,
 * tracked insertions); this module renders it as a text plan:
 * - a paragraph is a line (a manual line break inside it starts another line of the same paragraph);
 * - Word's automatic list numbering is written out as the marker Word shows (一、 (一) 1. ①), read
 *   from word/numbering.xml, which mammoth does not expose;
 * - a table row is a pipe row `序号 | 重点任务 | 牵头单位 |`, merged cells (vMerge, gridSpan)
 *   expanded by the grid model all formats share (src/lib/grid.ts): a 序号 merged down is written
 *   once, any other cell merged down is repeated in each row, so that every task row names its units.
 * Each text line keeps its Word place, so that diagnostics say `段落 12` or `表格1 第3行第2列`.
 * The container is checked before mammoth opens it: entry sizes are bounded (no zip bomb).
 */
// Loaded when a .docx is read, so that a text plan (and `plan check` of one) never pays for them.
import type JSZip from 'jszip';
import type mammoth from 'mammoth';
import { cellAt, expandSpans, pipeRow, type SpanCell } from './grid.ts';

export type WordPlace = { kind: 'paragraph'; paragraph: number } | { kind: 'cell'; table: number; row: number; column: number };

export interface DocxLine {
  /** The paragraph a line comes from; undefined for a table row (see `cells`). */
  paragraph?: number;
  table?: number;
  row?: number;
  /** Cells of a table row: column offsets in the line (UTF-16 code units, 0-based). */
  cells?: { start: number; end: number; row: number; column: number }[];
}

export type DocxResult =
  | { ok: true; text: string; lines: DocxLine[] }
  | { ok: false; ruleId: 'unsupported-format' | 'empty-file' | 'undecodable'; reason: string };

/** Whether the bytes are a ZIP container. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

// --- ZIP: JSZip reads the central directory without inflating anything; sizes are checked first. ---

const MAX_ENTRY = 64 * 1024 * 1024;
const MAX_TOTAL = 256 * 1024 * 1024;

/** The size an entry declares once unpacked (JSZip keeps it from the central directory). */
function declaredSize(file: JSZip.JSZipObject): number {
  const data = (file as unknown as { _data?: { uncompressedSize?: number } })._data;
  return data?.uncompressedSize ?? 0;
}

/** Why a ZIP container is refused before anything is unpacked (an entry or the whole too large), if it is. */
export function unpackedTooLarge(zip: JSZip, kind: string): string | undefined {
  const sizes = Object.values(zip.files).map(declaredSize);
  const total = sizes.reduce((n, size) => n + size, 0);
  if (sizes.some((size) => size > MAX_ENTRY) || total > MAX_TOTAL)
    return `Unexpected ${kind} that unpacks to ${(total / 2 ** 20).toFixed(0)} MB, expected a plan under ${MAX_TOTAL / 2 ** 20} MB unpacked`;
  return undefined;
}

async function readEntry(file: JSZip.JSZipObject | null): Promise<string | undefined> {
  if (!file) return undefined;
  try {
    return await file.async('string');
  } catch {
    return undefined;
  }
}

// --- Numbering (word/numbering.xml): the format and text of each list level. ---

interface Level {
  format: string;
  text: string;
  start: number;
  /** Restart after a use of this level (0-based); -1 never; undefined: after any higher level. */
  restart?: number;
}

interface Numbering {
  /** numId → abstract id and start overrides. */
  nums: Map<string, { abstract: string; overrides: Map<number, number> }>;
  abstracts: Map<string, Map<number, Level>>;
  /** Paragraph style → numbering it carries. */
  styles: Map<string, { numId: string; level: number }>;
}

function attr(xml: string, name: string): string | undefined {
  const m = new RegExp(`<w:${name}\\b[^>]*?\\bw:val="([^"]*)"`).exec(xml);
  return m?.[1];
}

function readNumbering(numberingXml: string | undefined, stylesXml: string | undefined): Numbering {
  const numbering: Numbering = { nums: new Map(), abstracts: new Map(), styles: new Map() };
  if (numberingXml) {
    for (const m of numberingXml.matchAll(/<w:abstractNum\b[^>]*?w:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
      const levels = new Map<number, Level>();
      for (const l of m[2]!.matchAll(/<w:lvl\b[^>]*?w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
        const body = l[2]!;
        const restart = attr(body, 'lvlRestart');
        const level: Level = { format: attr(body, 'numFmt') ?? 'decimal', text: attr(body, 'lvlText') ?? '', start: Number(attr(body, 'start') ?? 1) };
        if (restart !== undefined) level.restart = Number(restart) - 1;
        levels.set(Number(l[1]), level);
        const style = attr(body, 'pStyle');
        if (style) numbering.styles.set(style, { numId: `abstract:${m[1]}`, level: Number(l[1]) });
      }
      numbering.abstracts.set(m[1]!, levels);
    }
    for (const m of numberingXml.matchAll(/<w:num\b[^>]*?w:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
      const abstract = attr(m[2]!, 'abstractNumId');
      if (abstract === undefined) continue;
      const overrides = new Map<number, number>();
      for (const o of m[2]!.matchAll(/<w:lvlOverride\b[^>]*?w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
        const start = attr(o[2]!, 'startOverride');
        if (start !== undefined) overrides.set(Number(o[1]), Number(start));
      }
      numbering.nums.set(m[1]!, { abstract, overrides });
    }
    // A level linked to a paragraph style uses the first num of its abstract numbering.
    for (const [style, link] of numbering.styles) {
      const abstract = link.numId.slice('abstract:'.length);
      const num = [...numbering.nums].find(([, n]) => n.abstract === abstract);
      if (num) numbering.styles.set(style, { numId: num[0], level: link.level });
      else numbering.styles.delete(style);
    }
  }
  if (stylesXml) {
    for (const m of stylesXml.matchAll(/<w:style\b[^>]*?w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
      const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(m[2]!);
      const numId = numPr ? attr(numPr[1]!, 'numId') : undefined;
      if (numId && numId !== '0') numbering.styles.set(m[1]!, { numId, level: Number(attr(numPr![1]!, 'ilvl') ?? 0) });
    }
  }
  return numbering;
}

/** numId and level of each numbered paragraph of document.xml, in document order. */
function numberedParagraphs(documentXml: string, numbering: Numbering): { numId: string; level: number }[] {
  const out: { numId: string; level: number }[] = [];
  for (const m of documentXml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)) {
    const body = m[1] ?? '';
    const pPr = /^\s*<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(body)?.[1] ?? '';
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(pPr)?.[1];
    const numId = numPr ? attr(numPr, 'numId') : undefined;
    if (numId !== undefined) {
      if (numId !== '0' && numbering.nums.has(numId)) out.push({ numId, level: Number(attr(numPr!, 'ilvl') ?? 0) });
      continue;
    }
    const style = attr(pPr, 'pStyle');
    const linked = style ? numbering.styles.get(style) : undefined;
    if (linked) out.push(linked);
  }
  return out;
}

const CN_DIGITS = '〇一二三四五六七八九';

function chineseCounting(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  return String(n);
}

function letters(n: number, base: string): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = base[(k - 1) % 26] + out;
  return out;
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let k = n;
  for (const [value, symbol] of table)
    while (k >= value) {
      out += symbol;
      k -= value;
    }
  return out;
}

/** A counter as Word shows it in a given numFmt. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseCountingTenThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
      return [...chineseCounting(n)].map((c) => '零壹贰叁肆伍陆柒捌玖'[CN_DIGITS.indexOf(c)] ?? (c === '十' ? '拾' : c)).join('');
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[n - 1] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `(${n})`;
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2488 + n - 1) : `${n}.`;
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'lowerLetter':
      return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'upperLetter':
      return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'bullet':
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Counts list items as Word does and returns the marker text of each numbered paragraph. */
class Counter {
  private readonly counts = new Map<string, number[]>();
  private readonly numbering: Numbering;
  constructor(numbering: Numbering) {
    this.numbering = numbering;
  }

  marker(numId: string, level: number): string {
    const num = this.numbering.nums.get(numId);
    const levels = num ? this.numbering.abstracts.get(num.abstract) : undefined;
    const def = levels?.get(level);
    if (!num || !levels || !def) return '';
    // Counters are kept per list (numId).
    let counts = this.counts.get(numId);
    if (!counts) {
      counts = [];
      this.counts.set(numId, counts);
    }
    const startOf = (l: number) => num.overrides.get(l) ?? levels.get(l)?.start ?? 1;
    counts[level] = counts[level] === undefined ? startOf(level) : counts[level]! + 1;
    // Deeper levels restart (unless they say otherwise).
    for (let l = level + 1; l < 9; l++) {
      const restart = levels.get(l)?.restart;
      if (restart === undefined || (restart >= 0 && level <= restart)) counts[l] = undefined as unknown as number;
    }
    if (def.format === 'bullet' || def.format === 'none') return '';
    return def.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const value = counts![l] ?? startOf(l);
      return formatNumber(value, l === level ? def.format : (levels.get(l)?.format ?? 'decimal'));
    });
  }
}

// --- The body, through mammoth. ---

interface MammothNode {
  type: string;
  children?: MammothNode[];
  value?: string;
  breakType?: string;
  numbering?: { level: string | number; isOrdered: boolean } | null;
  colSpan?: number;
  rowSpan?: number;
}

function inlineText(node: MammothNode): string {
  switch (node.type) {
    case 'text':
      return node.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return node.breakType === 'line' || node.breakType === undefined ? '\n' : '';
    case 'checkbox':
      return '';
    default:
      return (node.children ?? []).map(inlineText).join('');
  }
}

export async function docxToText(bytes: Uint8Array): Promise<DocxResult> {
  const [{ default: Zip }, { default: word }] = await Promise.all([import('jszip'), import('mammoth')]);
  let zip: JSZip;
  try {
    zip = await Zip.loadAsync(bytes);
  } catch {
    return { ok: false, ruleId: 'undecodable', reason: 'Unexpected damaged ZIP container, expected a .docx file that Word can open' };
  }
  const document = zip.file('word/document.xml');
  if (!document) {
    const what = zip.file('xl/workbook.xml') ? 'an Excel workbook (.xlsx)' : zip.file('ppt/presentation.xml') ? 'a PowerPoint file (.pptx)' : 'a ZIP archive';
    return { ok: false, ruleId: 'unsupported-format', reason: `Unexpected ${what}, expected a Word .docx plan or plain text: save the plan as .docx or .txt` };
  }
  const tooLarge = unpackedTooLarge(zip, '.docx');
  if (tooLarge) return { ok: false, ruleId: 'unsupported-format', reason: tooLarge };
  const documentXml = await readEntry(document);
  if (documentXml === undefined)
    return { ok: false, ruleId: 'undecodable', reason: 'Unexpected damaged word/document.xml, expected a .docx file that Word can open' };
  const numbering = readNumbering(await readEntry(zip.file('word/numbering.xml')), await readEntry(zip.file('word/styles.xml')));

  let body: MammothNode | undefined;
  try {
    await word.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, {
      transformDocument: (doc: MammothNode) => {
        body = doc;
        return { ...doc, children: [] };
      },
    } as Parameters<typeof mammoth.convertToHtml>[1]);
  } catch (error) {
    return {
      ok: false,
      ruleId: 'undecodable',
      reason: `Unexpected .docx that cannot be read (${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}), expected a file that Word can open: open it in Word or WPS and save it again as .docx`,
    };
  }
  if (!body) return { ok: false, ruleId: 'undecodable', reason: 'Unexpected .docx without a document body, expected a file that Word can open' };

  // Numbered paragraphs as mammoth sees them, matched in order with numbering.xml's lists.
  const numbered = numberedParagraphs(documentXml, numbering);
  const seen: MammothNode[] = [];
  const collect = (node: MammothNode) => {
    if (node.type === 'paragraph' && node.numbering) seen.push(node);
    for (const child of node.children ?? []) collect(child);
  };
  collect(body);
  const aligned = numbered.length === seen.length && numbered.every((n, i) => String(n.level) === String(seen[i]!.numbering!.level));
  const counter = new Counter(numbering);
  const markers = new Map<MammothNode, string>();
  if (aligned) {
    seen.forEach((node, i) => {
      markers.set(node, counter.marker(numbered[i]!.numId, numbered[i]!.level));
    });
  } else {
    // numbering.xml and the body disagree (a damaged or unusual file): number by level, as plans do.
    const fallback: Numbering = {
      nums: new Map([['plan', { abstract: 'plan', overrides: new Map() }]]),
      abstracts: new Map([
        [
          'plan',
          new Map<number, Level>([
            [0, { format: 'chineseCounting', text: '%1、', start: 1 }],
            [1, { format: 'chineseCounting', text: '(%2)', start: 1 }],
            [2, { format: 'decimal', text: '%3.', start: 1 }],
            [3, { format: 'decimal', text: '(%4)', start: 1 }],
            [4, { format: 'decimalEnclosedCircle', text: '%5', start: 1 }],
          ]),
        ],
      ]),
      styles: new Map(),
    };
    const byLevel = new Counter(fallback);
    for (const node of seen) if (node.numbering!.isOrdered) markers.set(node, byLevel.marker('plan', Math.min(4, Number(node.numbering!.level))));
  }
  const paragraphText = (node: MammothNode) => (markers.get(node) ?? '') + inlineText(node);

  const lines: string[] = [];
  const places: DocxLine[] = [];
  let paragraphs = 0;
  let tables = 0;
  const visit = (node: MammothNode) => {
    if (node.type === 'paragraph') {
      paragraphs++;
      for (const line of paragraphText(node).split('\n')) {
        lines.push(line.replace(/\r/g, ''));
        places.push({ paragraph: paragraphs });
      }
    } else if (node.type === 'table') {
      tables++;
      const table = tables;
      const rows = (node.children ?? []).filter((r) => r.type === 'tableRow');
      const spans: SpanCell<undefined>[][] = rows.map((row) =>
        (row.children ?? [])
          .filter((c) => c.type === 'tableCell')
          .map((cell) => ({
            text: (cell.children ?? []).map((p) => (p.type === 'paragraph' ? paragraphText(p) : inlineText(p))).join('\n'),
            rowSpan: cell.rowSpan ?? 1,
            colSpan: cell.colSpan ?? 1,
            place: undefined,
          })),
      );
      expandSpans(spans).forEach((cells, r) => {
        const { line, cells: placed } = pipeRow(cells);
        lines.push(line);
        places.push({
          table,
          row: r + 1,
          cells: placed.map((c, i) => ({ start: c.start, end: c.end, row: c.origin?.row ?? r + 1, column: c.origin?.column ?? i + 1 })),
        });
      });
    } else {
      for (const child of node.children ?? []) visit(child);
    }
  };
  for (const child of body.children ?? []) visit(child);
  const text = `${lines.join('\n')}\n`;
  if (text.trim().length === 0) return { ok: false, ruleId: 'empty-file', reason: 'Unexpected .docx without text, expected the text of a plan' };
  return { ok: true, text, lines: places };
}

/** Where line `line` (1-based), column `column` (1-based) of the converted text is in Word. */
export function wordPlace(lines: DocxLine[], line: number, column: number): string | undefined {
  const place = lines[line - 1];
  if (!place) return undefined;
  if (place.paragraph !== undefined) return `段落 ${place.paragraph}`;
  const cell = cellAt(place.cells ?? [], column - 1);
  return `表格${place.table} 第${cell?.row ?? place.row}行${cell ? `第${cell.column}列` : ''}`;
}
