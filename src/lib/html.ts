/**
 * A plan published as a web page (.html/.htm, a 政务公开 page or Word's "save as web page") → the
 * plan's text, each character mapped back to its line:column in the HTML file.
 *
 * - The charset is the one `<meta charset>` (or `http-equiv`) declares when the bytes agree with it,
 *   else what the text decoder detects (UTF-8, GB18030 for GB2312/GBK pages).
 * - rehype-parse (parse5, as browsers parse) builds the tree; block elements (`p`, `div`, headings,
 *   list items, `br`) end lines, inline text runs on, blank space collapses as a browser shows it.
 * - A `<table>` of two columns or more is a grid: rowspan/colspan expanded by the grid model
 *   (src/lib/grid.ts) into pipe rows, one row a line. A table that holds tables, or one column, is
 *   page layout: its cells are read as blocks.
 * - Portal chrome is set aside: scripts, styles, navigation, breadcrumbs, headers and footers (by
 *   tag, role, class or id), the 索引号/发布机构 table, 【打印】【关闭】 lines, hidden elements.
 * - Word's HTML: `<o:p>` and `mso-` styles are ordinary inline markup here; conditional comments are
 *   comments, and the list numbers Word writes for browsers (`<![if !supportLists]>`) are kept.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { location } from 'vfile-location';
import { decode } from './decode.ts';
import { expandSpans, isMetadataTable, pipeRow, type SpanCell } from './grid.ts';
import type { ReadResult } from './read.ts';

/** A run of output characters whose source offsets follow on (exact) or all point at one place. */
interface Segment {
  start: number;
  end: number;
  offset: number;
  exact: boolean;
}

interface OutLine {
  text: string;
  segments: Segment[];
}

const LABELS: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  gb18030: 'gb18030',
  cp936: 'gb18030',
  'windows-936': 'gb18030',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  big5: 'big5',
};

/** The charset a page declares in its first 4 KB (`<meta charset=…>` or `content="…; charset=…"`). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : undefined;
}

function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } | { error: string } {
  const declared = declaredCharset(bytes);
  const label = declared ? LABELS[declared] : undefined;
  const bom = bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe;
  if (label && !bom) {
    try {
      return { text: new TextDecoder(label, { fatal: true }).decode(bytes), encoding: label };
    } catch {
      // Declared wrongly (a GBK page that says utf-8 is common): detect instead.
    }
  }
  const decoded = decode(bytes);
  if (!decoded.ok) return { error: decoded.reason };
  return { text: decoded.text, encoding: decoded.encoding };
}

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'nav',
  'header',
  'footer',
  'aside',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'select',
  'button',
  'input',
  'textarea',
  'map',
  'canvas',
  'video',
  'audio',
  'xml',
]);

const BLOCK = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'html',
  'li',
  'main',
  'menu',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
]);

/** Class or id words of portal chrome (导航, 面包屑, 页脚, 分享, 打印 …), as whole words of the attribute. */
const CHROME =
  /(^|[\s_-])(nav|navbar|navigation|menu|menus|breadcrumbs?|crumbs?|bread|location|position|weizhi|dqwz|header|topbar|footer|foot|copyright|share|toolbar|sidebar|related|xgxx|fenxiang|dayin|banner|search|skip|sitemap)($|[\s_-])/i;

/** A line that is only portal buttons: 【打印】【关闭】, [字体：大 中 小], 【收藏】… */
const BUTTON_LINE =
  /^(?:\s*(?:[【[［]\s*)?(?:打印(?:本页|此页)?|关闭(?:窗口|本页)?|收藏|分享(?:到)?|字体|字号|大|中|小|默认|返回(?:顶部)?|顶部|保存|纠错|我要纠错|打印本页)(?:\s*[】\]］])?\s*[：:]?\s*)+$/;

function attribute(node: Element, name: string): string {
  const value = node.properties?.[name];
  if (Array.isArray(value)) return value.join(' ');
  return value === undefined || value === null ? '' : String(value);
}

function isChrome(node: Element): boolean {
  if (SKIP.has(node.tagName)) return true;
  const role = attribute(node, 'role');
  if (/^(navigation|banner|contentinfo|search|toolbar)$/i.test(role)) return true;
  if (node.properties?.hidden !== undefined && node.properties.hidden !== false) return true;
  const style = attribute(node, 'style').replace(/\s/g, '').toLowerCase();
  if (/display:none|visibility:hidden|mso-hide:all/.test(style)) return true;
  return CHROME.test(attribute(node, 'className')) || CHROME.test(attribute(node, 'id'));
}

function elementChildren(node: Element): Element[] {
  return node.children.filter((c): c is Element => c.type === 'element');
}

/** The rows of a table, through thead/tbody/tfoot, not into nested tables. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of elementChildren(table)) {
    if (child.tagName === 'tr') rows.push(child);
    else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot')
      rows.push(...elementChildren(child).filter((r) => r.tagName === 'tr'));
  }
  return rows;
}

function containsTable(node: Element): boolean {
  return elementChildren(node).some((c) => c.tagName === 'table' || containsTable(c));
}

/** Builds the output text line by line, keeping where each character came from. */
class Writer {
  readonly lines: OutLine[] = [];
  private current: OutLine = { text: '', segments: [] };
  /** A space is owed before the next text (collapsed white space), not written at a line's start. */
  private space: { offset: number } | undefined;
  readonly source: string;

  constructor(source: string) {
    this.source = source;
  }

  text(value: string, offset: number | undefined, exact: boolean, pre: boolean): void {
    if (pre) {
      const parts = value.split('\n');
      parts.forEach((part, i) => {
        if (i > 0) this.newline(true);
        this.append(part, offset === undefined ? 0 : offset + parts.slice(0, i).join('\n').length + i, exact);
      });
      return;
    }
    const re = /[^\s\u00a0]+|[\s\u00a0]+/g;
    for (const m of value.matchAll(re)) {
      const at = offset === undefined ? 0 : exact ? offset + m.index : offset;
      if (/^[\s\u00a0]/.test(m[0])) {
        if (this.current.text.length > 0) this.space = { offset: at };
        continue;
      }
      if (this.space) {
        this.append(' ', this.space.offset, true);
        this.space = undefined;
      }
      this.append(m[0], at, exact);
    }
  }

  private append(text: string, offset: number, exact: boolean): void {
    if (text === '') return;
    const start = this.current.text.length;
    this.current.text += text;
    this.current.segments.push({ start, end: start + text.length, offset, exact });
  }

  /** Ends the line (a block boundary); `force` writes an empty line too (a `<br>` after a `<br>`). */
  newline(force = false): void {
    this.space = undefined;
    const text = this.current.text.replace(/[ \u3000]+$/, '');
    if (text.length > 0 || force) this.lines.push({ text, segments: this.current.segments });
    this.current = { text: '', segments: [] };
  }

  /** A pipe row of a table, written as its own line. */
  row(line: string, cells: { start: number; end: number; place?: number }[]): void {
    this.newline();
    this.lines.push({ text: line, segments: cells.map((c) => ({ start: c.start, end: c.end + 3, offset: c.place ?? 0, exact: false })) });
  }
}

/** The visible text of an element, as one cell's text (blocks and `<br>` become line breaks). */
function cellContent(node: Element, source: string): string {
  const writer = new Writer(source);
  walk(node.children, writer, false);
  writer.newline();
  return writer.lines.map((l) => l.text).join('\n');
}

function writeTable(table: Element, writer: Writer): void {
  const rows = tableRows(table);
  const width = Math.max(0, ...rows.map((r) => elementChildren(r).filter((c) => c.tagName === 'td' || c.tagName === 'th').length));
  if (containsTable(table) || width < 2) {
    // Page layout: its cells are blocks of the page.
    for (const row of rows) for (const cell of elementChildren(row)) walk([cell], writer, false);
    return;
  }
  if (isMetadataTable(cellContent(table, writer.source))) return;
  const spans: SpanCell<number>[][] = rows.map((row) =>
    elementChildren(row)
      .filter((c) => (c.tagName === 'td' || c.tagName === 'th') && !isChrome(c))
      .map((cell) => ({
        text: cellContent(cell, writer.source),
        rowSpan: Number(cell.properties?.rowSpan ?? 1) || 1,
        colSpan: Number(cell.properties?.colSpan ?? 1) || 1,
        place: firstTextOffset(cell) ?? cell.position?.start.offset ?? 0,
      })),
  );
  const caption = elementChildren(table).find((c) => c.tagName === 'caption');
  if (caption) walk([caption], writer, false);
  for (const cells of expandSpans(spans)) {
    if (cells.every((c) => c.text === '')) continue;
    const { line, cells: placed } = pipeRow(cells);
    writer.row(line, placed);
  }
}

function firstTextOffset(node: Element): number | undefined {
  for (const child of node.children) {
    if (child.type === 'text' && child.value.trim() !== '') return child.position?.start.offset;
    if (child.type === 'element') {
      const inner = firstTextOffset(child);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

/** Numbers of `<ol>` items, as a browser shows them (1. 2. …), unless the item writes its own. */
function listMarker(list: Element, index: number): string {
  const start = Number(list.properties?.start ?? 1) || 1;
  return `${start + index}.`;
}

function walk(nodes: readonly (RootContent | ElementContent)[], writer: Writer, pre: boolean): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      // Exact when the source holds the text as is (no entity such as &nbsp; in it).
      const exact = start !== undefined && end !== undefined && writer.source.slice(start, end) === node.value;
      writer.text(node.value, start, exact, pre);
      continue;
    }
    if (node.type !== 'element') continue;
    if (isChrome(node)) continue;
    const tag = node.tagName;
    if (tag === 'br') {
      writer.newline(true);
      continue;
    }
    if (tag === 'table') {
      writeTable(node, writer);
      continue;
    }
    const block = BLOCK.has(tag);
    if (block) writer.newline();
    if (tag === 'ol') {
      let index = 0;
      for (const child of node.children) {
        if (child.type === 'element' && child.tagName === 'li') {
          writer.newline();
          const text = cellContent(child, writer.source);
          if (!/^\s*[(（]?[0-9一二三四五六七八九十]+[.、)）．]/.test(text)) writer.text(listMarker(node, index), child.position?.start.offset, false, false);
          walk(child.children, writer, pre);
          writer.newline();
          index++;
        } else walk([child], writer, pre);
      }
    } else walk(node.children, writer, pre || tag === 'pre');
    if (block) writer.newline();
  }
}

export async function htmlToText(bytes: Uint8Array): Promise<ReadResult> {
  const decoded = decodeHtml(bytes);
  if ('error' in decoded) return { ok: false, ruleId: 'undecodable', reason: decoded.error };
  const [{ unified }, { default: rehypeParse }] = await Promise.all([import('unified'), import('rehype-parse')]);
  const source = decoded.text;
  const tree = unified().use(rehypeParse).parse(source) as Root;
  const writer = new Writer(source);
  walk(tree.children, writer, false);
  writer.newline();
  // Portal buttons on lines of their own; blank lines run together into one.
  const lines: OutLine[] = [];
  for (const line of writer.lines) {
    if (BUTTON_LINE.test(line.text)) continue;
    if (line.text.trim() === '' && (lines.length === 0 || lines.at(-1)!.text.trim() === '')) continue;
    lines.push(line);
  }
  while (lines.length > 0 && lines.at(-1)!.text.trim() === '') lines.pop();
  const text = `${lines.map((l) => l.text).join('\n')}\n`;
  if (text.trim() === '') return { ok: false, ruleId: 'empty-file', reason: 'Unexpected HTML page without text, expected the text of a plan' };
  const where = location(source);
  return {
    ok: true,
    text,
    format: 'html',
    encoding: decoded.encoding,
    place: (line, column) => {
      const out = lines[line - 1];
      if (!out) return undefined;
      const at = column - 1;
      const segment = out.segments.find((s) => at >= s.start && at < s.end) ?? out.segments.filter((s) => s.start <= at).at(-1) ?? out.segments[0];
      if (!segment) return undefined;
      const offset = segment.exact ? segment.offset + Math.min(at - segment.start, segment.end - segment.start) : segment.offset;
      const point = where.toPoint(offset);
      return point ? `HTML: line ${point.line}, column ${point.column}` : undefined;
    },
  };
}
