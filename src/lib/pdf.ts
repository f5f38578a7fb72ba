/**
 * A plan published as a PDF (as Word, WPS, LibreOffice and browsers save them) → the plan's text,
 * each character mapped back to `page P, line L` (L counts the page's text lines from the top).
 *
 * pdfjs-dist (its legacy build for Node, with the CMaps and standard fonts it ships, loaded from
 * the package folder, never from the network) gives the text layer with positions and the page's
 * drawing operations. From them:
 * - lines are rebuilt from the baselines of the text runs, and paragraphs from lines: a line that
 *   fills the text width goes on in the next line unless that one is indented (首行缩进) — also
 *   across a page break;
 * - ruled tables are rebuilt from their rules: the rule positions give a fine grid, a missing rule
 *   between two grid cells is a merged cell, and the grid model (src/lib/grid.ts) expands the
 *   merges into pipe rows; a table that goes on on the next page is one table (its repeated header
 *   row dropped, a row broken by the page joined); tables without rules are read by the column
 *   positions of their header row;
 * - running headers and footers (text repeated at the top or bottom of the pages) and page numbers
 *   (`— 3 —`, `第 3 页`, `3/10`) are dropped;
 * - radicals that fonts put for common characters (⻚ for 页) are read as those characters.
 * A PDF without a text layer (a scan) or with a password is refused with a message that says so.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { columnRole, expandSpans, isHeaderRow, isMetadataTable, pipeRow, type SpanCell } from './grid.ts';
import { foldRadicals } from './radicals.ts';
import type { ReadResult } from './read.ts';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfPage = Awaited<ReturnType<Awaited<ReturnType<Pdfjs['getDocument']>['promise']>['getPage']>>;

interface Run {
  text: string;
  x: number;
  /** Baseline, in PDF space (y grows upwards). */
  y: number;
  width: number;
  size: number;
}

interface Line {
  page: number;
  /** 1-based, from the top of the page. */
  line: number;
  runs: Run[];
  y: number;
  left: number;
  right: number;
  size: number;
}

interface Rule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Where a run of output characters came from. */
interface Segment {
  start: number;
  end: number;
  page: number;
  line: number;
}

interface OutLine {
  text: string;
  segments: Segment[];
}

/** A table of one page: its grid rows, and the lines it covers. */
interface PageTable {
  top: number;
  bottom: number;
  rows: TableCell[][];
  columns: number;
}

interface TableCell {
  text: string;
  page: number;
  line: number;
  /** Which merged region of its page's table the cell belongs to, and whether that one reaches the table's last row. */
  region?: number;
  toLastRow?: boolean;
}

type Block = { kind: 'line'; line: Line } | { kind: 'table'; table: PageTable };

const TOLERANCE = 3.5;

function packageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

// --- Text runs and lines ---

function runsOf(items: unknown[]): Run[] {
  const runs: Run[] = [];
  for (const item of items) {
    const it = item as { str?: string; transform?: number[]; width?: number };
    if (typeof it.str !== 'string' || !it.transform) continue;
    const text = foldRadicals(it.str);
    if (text.trim() === '') continue;
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = it.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || 10;
    runs.push({ text, x: e, y: f, width: it.width ?? text.length * size, size });
  }
  return runs;
}

function linesOf(runs: Run[], page: number): Line[] {
  const sorted = [...runs].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: Line[] = [];
  for (const run of sorted) {
    const last = lines.at(-1);
    if (last && Math.abs(last.y - run.y) <= 0.4 * Math.min(last.size, run.size)) {
      last.runs.push(run);
      last.left = Math.min(last.left, run.x);
      last.right = Math.max(last.right, run.x + run.width);
      last.size = Math.max(last.size, run.size);
    } else lines.push({ page, line: 0, runs: [run], y: run.y, left: run.x, right: run.x + run.width, size: run.size });
  }
  lines.forEach((line, i) => {
    line.line = i + 1;
    line.runs.sort((p, q) => p.x - q.x);
  });
  return lines;
}

const LATIN = /[\x21-\x7e]/;

/**
 * The text of runs on one line: a gap is a space when it is wider than a quarter of a character
 * between Latin letters or digits, and than most of one next to a CJK character (writers space
 * 1 个 and justify lines, which is no space in the text).
 */
function joinRuns(runs: Run[]): string {
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const run of runs) {
    const latin = LATIN.test(text.at(-1) ?? '') && LATIN.test(run.text[0] ?? '');
    if (text && run.x - end > (latin ? 0.25 : 0.8) * run.size && !text.endsWith(' ')) text += ' ';
    text += run.text;
    end = Math.max(end, run.x + run.width);
  }
  return text.replace(/\s+/g, ' ').trim();
}

// --- Rules (the strokes and thin rectangles that draw table borders) ---

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

async function rulesOf(page: PdfPage, pdfjs: Pdfjs): Promise<Rule[]> {
  const ops = await page.getOperatorList();
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const { OPS } = pdfjs;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.constructPath) {
      // [paint operation, path data, bounding box [minX, minY, maxX, maxY]] in the current space.
      const box = args[2] as ArrayLike<number> | null | undefined;
      if (!box || box.length < 4) continue;
      const [x1, y1] = apply(ctm, box[0]!, box[1]!);
      const [x2, y2] = apply(ctm, box[2]!, box[3]!);
      const rule = { x1: Math.min(x1, x2), y1: Math.min(y1, y2), x2: Math.max(x1, x2), y2: Math.max(y1, y2) };
      const w = rule.x2 - rule.x1;
      const h = rule.y2 - rule.y1;
      if ((h <= 2.5 && w > 4) || (w <= 2.5 && h > 4)) rules.push(rule);
      else if (w > 4 && h > 4 && w < 2000 && h < 2000) {
        // A stroked rectangle (re … S) is four rules; a filled one is a shaded cell and no border.
        const stroked = Array.isArray(args[1]) || ArrayBuffer.isView(args[1]) ? args[0] === OPS.stroke || args[0] === OPS.closeStroke : false;
        if (stroked)
          rules.push(
            { x1: rule.x1, y1: rule.y1, x2: rule.x2, y2: rule.y1 },
            { x1: rule.x1, y1: rule.y2, x2: rule.x2, y2: rule.y2 },
            { x1: rule.x1, y1: rule.y1, x2: rule.x1, y2: rule.y2 },
            { x1: rule.x2, y1: rule.y1, x2: rule.x2, y2: rule.y2 },
          );
      }
    }
  }
  return rules;
}

const isHorizontal = (r: Rule) => r.x2 - r.x1 > r.y2 - r.y1;

/** Values within TOLERANCE of each other, as one (their mean), sorted. */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out.at(-1);
    if (last && v - last.at(-1)! <= TOLERANCE) last.push(v);
    else out.push([v]);
  }
  return out.map((group) => group.reduce((a, b) => a + b, 0) / group.length);
}

/** Disjoint sets of 0…n-1: `find(i)` is the root of i's set; join two sets by `parent[find(i)] = find(j)`. */
function unionFind(n: number): ((i: number) => number) & { parent: number[] } {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) {
      const next = parent[i]!;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  return Object.assign(find, { parent });
}

/** Sets of rules that touch one another: each with two rules or more each way is a table. */
function ruleGroups(rules: Rule[]): Rule[][] {
  const find = unionFind(rules.length);
  const parent = find.parent;
  const touch = (a: Rule, b: Rule) => a.x1 - TOLERANCE <= b.x2 && b.x1 - TOLERANCE <= a.x2 && a.y1 - TOLERANCE <= b.y2 && b.y1 - TOLERANCE <= a.y2;
  for (let i = 0; i < rules.length; i++) for (let j = i + 1; j < rules.length; j++) if (touch(rules[i]!, rules[j]!)) parent[find(i)] = find(j);
  const groups = new Map<number, Rule[]>();
  rules.forEach((rule, i) => {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root)!.push(rule);
  });
  return [...groups.values()].filter((g) => g.filter(isHorizontal).length >= 2 && g.filter((r) => !isHorizontal(r)).length >= 2);
}

interface Placed {
  run: Run;
  line: Line;
}

/**
 * Text of one cell: its lines joined. A line that ends well short of the cell's right edge was
 * broken by hand (a line break, a new paragraph in the cell): a space. Otherwise the line wrapped
 * and goes on without one (line breaking keeps some punctuation off a line's start, so a wrapped
 * line can end a character or two short).
 */
function cellTextOf(placed: Placed[], left: number, right: number): { text: string; page: number; line: number } | undefined {
  if (placed.length === 0) return undefined;
  const byLine = new Map<Line, Run[]>();
  for (const p of placed) {
    if (!byLine.has(p.line)) byLine.set(p.line, []);
    byLine.get(p.line)!.push(p.run);
  }
  const lines = [...byLine].sort((a, b) => b[0].y - a[0].y);
  let text = '';
  let previousRight = Number.POSITIVE_INFINITY;
  for (const [, runs] of lines) {
    runs.sort((a, b) => a.x - b.x);
    const piece = joinRuns(runs);
    const size = runs[0]!.size;
    if (text) text += previousRight >= right - Math.max(3 * size, 0.4 * (right - left)) ? '' : '\n';
    text += piece;
    previousRight = Math.max(...runs.map((r) => r.x + r.width));
  }
  const first = lines[0]![0];
  return { text, page: first.page, line: first.line };
}

/** A ruled table: the fine grid of its rules, merged where a rule is missing, its runs put in cells. */
function ruledTable(rules: Rule[], lines: Line[], used: Set<Run>): PageTable | undefined {
  const horizontal = rules.filter(isHorizontal);
  const vertical = rules.filter((r) => !isHorizontal(r));
  // A table broken by the page has no rule where the page cuts it: its side rules go on past the
  // last (or first) horizontal rule, and their ends close it there.
  const sideTop = Math.max(...vertical.map((r) => r.y2));
  const sideBottom = Math.min(...vertical.map((r) => r.y1));
  const levels = horizontal.map((r) => (r.y1 + r.y2) / 2);
  const open = [Math.max(...levels) < sideTop - 2 * TOLERANCE ? [sideTop] : [], Math.min(...levels) > sideBottom + 2 * TOLERANCE ? [sideBottom] : []].flat();
  const ys = cluster([...levels, ...open]).reverse();
  const xs = cluster(vertical.map((r) => (r.x1 + r.x2) / 2));
  if (ys.length < 2 || xs.length < 2) return undefined;
  const rows = ys.length - 1;
  const columns = xs.length - 1;
  const covers = (r: Rule, along: 'x' | 'y', at: number) =>
    along === 'x' ? r.x1 - TOLERANCE <= at && at <= r.x2 + TOLERANCE : r.y1 - TOLERANCE <= at && at <= r.y2 + TOLERANCE;
  const near = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE;
  const wallRight = (r: number, c: number) => vertical.some((v) => near((v.x1 + v.x2) / 2, xs[c + 1]!) && covers(v, 'y', (ys[r]! + ys[r + 1]!) / 2));
  const wallBelow = (r: number, c: number) =>
    open.some((y) => near(y, ys[r + 1]!)) || horizontal.some((h) => near((h.y1 + h.y2) / 2, ys[r + 1]!) && covers(h, 'x', (xs[c]! + xs[c + 1]!) / 2));
  const id = (r: number, c: number) => r * columns + c;
  const find = unionFind(rows * columns);
  const parent = find.parent;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) {
      if (c + 1 < columns && !wallRight(r, c)) parent[find(id(r, c + 1))] = find(id(r, c));
      if (r + 1 < rows && !wallBelow(r, c)) parent[find(id(r + 1, c))] = find(id(r, c));
    }
  // Each merged region: its first fine cell and its extent.
  const regions = new Map<number, { top: number; left: number; bottom: number; right: number; placed: Placed[] }>();
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) {
      const root = find(id(r, c));
      const region = regions.get(root);
      if (!region) regions.set(root, { top: r, left: c, bottom: r, right: c, placed: [] });
      else {
        region.bottom = Math.max(region.bottom, r);
        region.right = Math.max(region.right, c);
        region.top = Math.min(region.top, r);
        region.left = Math.min(region.left, c);
      }
    }
  const top = ys[0]!;
  const bottom = ys.at(-1)!;
  const left = xs[0]!;
  const rightEdge = xs.at(-1)!;
  for (const line of lines)
    for (const run of line.runs) {
      const cx = run.x + Math.min(run.width, run.size) / 2;
      const cy = run.y + run.size * 0.35;
      if (cy > top || cy < bottom || cx < left || cx > rightEdge) continue;
      const r = ys.findIndex((y, i) => i < rows && cy <= y && cy >= ys[i + 1]!);
      const c = xs.findIndex((x, i) => i < columns && cx >= x && cx <= xs[i + 1]!);
      if (r < 0 || c < 0) continue;
      regions.get(find(id(r, c)))!.placed.push({ run, line });
      used.add(run);
    }
  const spanRows: SpanCell<{ page?: number; line?: number; region: number; toLastRow: boolean }>[][] = Array.from({ length: rows }, () => []);
  for (const [root, region] of [...regions].sort(([, a], [, b]) => a.top - b.top || a.left - b.left)) {
    const cell = cellTextOf(region.placed, xs[region.left]!, xs[region.right + 1]!);
    spanRows[region.top]!.push({
      text: cell?.text ?? '',
      rowSpan: region.bottom - region.top + 1,
      colSpan: region.right - region.left + 1,
      place: { ...(cell ? { page: cell.page, line: cell.line } : {}), region: root, toLastRow: region.bottom === rows - 1 && region.bottom > region.top },
    });
  }
  const grid = expandSpans(spanRows)
    .filter((cells) => cells.some((c) => c.text !== ''))
    .map((cells) =>
      cells.map((c) => ({
        text: c.text,
        page: c.place?.page ?? lines[0]?.page ?? 1,
        line: c.place?.line ?? 1,
        ...(c.place ? { region: c.place.region, toLastRow: c.place.toLastRow } : {}),
      })),
    );
  if (grid.length === 0) return undefined;
  return { top, bottom, rows: grid, columns };
}

/**
 * A table without rules whose cells are centred in their rows, as a browser prints a web page's
 * table with its borders off: a header cell may wrap onto lines of its own (序⏎号 beside a one-line
 * 重点任务), and a row's serial stands in the middle of its text, not on its first line. The header
 * band (the header line and the short fragments just above and below it) gives the columns, each
 * widened to the white gutters of the body; each serial in the 序号 column is a row, and every
 * piece of text belongs to the row whose serial is nearest; a part row (`一、…`) is a row of its own.
 * Undefined where the table has no serial column or its serials do not go up: then the other
 * readers try.
 */
/** A part row of a table: `一、政务服务提质` alone. */
const PART_ROW = /^[一二三四五六七八九十]+、[^|]{1,40}$/;

function centredTable(lines: Line[], start: number, used: Set<Run>): PageTable | undefined {
  const main = lines[start]!;
  const size = main.size;
  const fragment = (line: Line) =>
    Math.abs(line.y - main.y) <= 1.7 * size && line.runs.every((r) => r.text.trim().length <= 4 && !/^\d+$/.test(r.text.trim()) && !used.has(r));
  let top = start;
  while (top > 0 && fragment(lines[top - 1]!)) top--;
  let bottom = start;
  while (bottom + 1 < lines.length && fragment(lines[bottom + 1]!)) bottom++;
  if (top === start && bottom === start) return undefined;
  // Header cells: runs of the band that overlap horizontally.
  const band = lines.slice(top, bottom + 1).flatMap((l) => l.runs.map((run) => ({ run, line: l })));
  band.sort((a, b) => a.run.x - b.run.x);
  const heads: { left: number; right: number; placed: Placed[] }[] = [];
  for (const p of band) {
    const last = heads.at(-1);
    if (last && p.run.x < last.right - 0.2 * size) {
      last.right = Math.max(last.right, p.run.x + p.run.width);
      last.placed.push(p);
    } else heads.push({ left: p.run.x, right: p.run.x + p.run.width, placed: [p] });
  }
  const headTexts = heads.map((h) => cellTextOf(h.placed, h.left, h.right)?.text.replace(/\s/g, '') ?? '');
  if (heads.length < 3 || !isHeaderRow(headTexts)) return undefined;
  const serialColumn = headTexts.findIndex((t) => columnRole(t) === 'number');
  if (serialColumn < 0) return undefined;
  // The body: lines below the band down to a wide gap or a line of prose across the columns.
  const body: Line[] = [];
  let previous = lines[bottom]!;
  for (let i = bottom + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (previous.y - line.y > 3.2 * size) break;
    if (line.runs.some((r) => used.has(r))) break;
    // Prose: one piece from the table's left edge past the third column (a part row is not prose).
    const only = line.runs.length === 1 ? line.runs[0]! : undefined;
    if (only && only.x < heads[1]!.left && only.x + only.width > heads[2]!.right && !PART_ROW.test(joinRuns(line.runs))) break;
    body.push(line);
    previous = line;
  }
  if (body.length === 0) return undefined;
  // Column boundaries: between two header cells, the middle of the widest gutter that no body text
  // crosses, else the middle between the cells.
  const partLine = (line: Line) => PART_ROW.test(joinRuns(line.runs)) && line.runs[0]!.x < heads[0]!.right + size;
  const boundsOf = (placedBody: Placed[]): number[] => {
    const bounds: number[] = [];
    for (let k = 0; k + 1 < heads.length; k++) {
      const a = heads[k]!.right;
      const b = heads[k + 1]!.left;
      const from = Math.min(a, b);
      const to = Math.max(a, b);
      // Gaps in [centre of k, centre of k+1] not covered by any body run that is not a part row's.
      const lo = (heads[k]!.left + heads[k]!.right) / 2;
      const hi = (heads[k + 1]!.left + heads[k + 1]!.right) / 2;
      // Where the fewest pieces of body text cross (none, in a table laid out in columns; a note
      // under the table may cross every gutter), the middle of the widest such stretch.
      const pieces = placedBody.filter((p) => !partLine(p.line)).map((p) => [p.run.x, p.run.x + p.run.width] as const);
      let fewest = Number.POSITIVE_INFINITY;
      let best: [number, number] = [from, to];
      let stretch: [number, number] | undefined;
      for (let x = lo; x <= hi; x += 1) {
        const crossing = pieces.filter(([x1, x2]) => x1 < x - 0.5 && x2 > x + 0.5).length;
        if (crossing < fewest) {
          fewest = crossing;
          stretch = [x, x];
          best = stretch;
        } else if (crossing === fewest) {
          stretch = stretch && stretch[1] === x - 1 ? [stretch[0], x] : [x, x];
          if (stretch[1] - stretch[0] > best[1] - best[0]) best = stretch;
        } else stretch = undefined;
      }
      bounds.push((best[0] + best[1]) / 2);
    }
    return bounds;
  };
  let placedBody = body.flatMap((l) => l.runs.map((run) => ({ run, line: l })));
  let bounds = boundsOf(placedBody);
  // The table ends before a line that crosses a gutter (the page's footer, a note under the table).
  const crosses = (line: Line) => !partLine(line) && line.runs.some((r) => bounds.some((b) => r.x < b - size && r.x + r.width > b + size));
  const cut = body.findIndex(crosses);
  if (cut === 0) return undefined;
  if (cut > 0) {
    body.splice(cut);
    placedBody = body.flatMap((l) => l.runs.map((run) => ({ run, line: l })));
    bounds = boundsOf(placedBody);
  }
  const columnOf = (x: number) => {
    let c = 0;
    while (c < bounds.length && x >= bounds[c]!) c++;
    return c;
  };
  // Rows: the serials, in order, and the part rows.
  const anchors: { y: number; part: boolean; line: Line }[] = [];
  let serial = 0;
  for (const line of body) {
    // 一、… alone on its line, from the first column: a part row across the table.
    if (partLine(line)) {
      anchors.push({ y: line.y, part: true, line });
      continue;
    }
    for (const run of line.runs) {
      const text = run.text.trim();
      if (columnOf(run.x + run.width / 2) !== serialColumn || !/^\d{1,3}$/.test(text)) continue;
      if (Number(text) <= serial) return undefined;
      serial = Number(text);
      anchors.push({ y: run.y, part: false, line });
    }
  }
  if (anchors.filter((a) => !a.part).length < 2) return undefined;
  anchors.sort((a, b) => b.y - a.y);
  const cells = anchors.map(() => heads.map(() => [] as Placed[][]));
  const nearest = (y: number) => {
    let best = -1;
    anchors.forEach((a, r) => {
      if (!a.part && (best < 0 || Math.abs(a.y - y) < Math.abs(anchors[best]!.y - y))) best = r;
    });
    return best;
  };
  // A cell's text is a block: its lines in one column, each close below the one before. The block
  // goes to the row whose serial is nearest its middle (a cell merged down goes to one of its rows).
  const columns = heads.map(() => [] as Placed[][]);
  const middles = anchors.map(() => heads.map(() => Number.NaN));
  for (const line of body) {
    const part = anchors.findIndex((a) => a.part && a.line === line);
    if (part >= 0) {
      cells[part]![0]!.push(line.runs.map((run) => ({ run, line })));
      continue;
    }
    const byColumn = new Map<number, Placed[]>();
    for (const run of line.runs) {
      const c = columnOf(run.x + Math.min(run.width, size) / 2);
      if (!byColumn.has(c)) byColumn.set(c, []);
      byColumn.get(c)!.push({ run, line });
    }
    for (const [c, placed] of byColumn) columns[c]!.push(placed);
  }
  for (const cellLines of columns) {
    let block: Placed[][] = [];
    const flush = () => {
      if (block.length === 0) return;
      const middle = (block[0]![0]!.run.y + block.at(-1)![0]!.run.y) / 2;
      const row = nearest(middle);
      const c = columns.indexOf(cellLines);
      if (row >= 0) {
        cells[row]![c]!.push(block.flat());
        middles[row]![c] = middle;
      }
      block = [];
    };
    for (const placed of cellLines) {
      // The runs' own baselines: a line of the page may gather runs of several cells a little apart.
      const last = block.at(-1)?.[0]?.run;
      const run = placed[0]!.run;
      // A part row between two lines ends the block.
      const across = last && anchors.some((a) => a.part && a.y < last.y && a.y > run.y);
      if (last && (last.y - run.y > 1.6 * Math.max(last.size, run.size) || across)) flush();
      block.push(placed);
    }
    flush();
  }
  // A cell merged down over two rows stands between their serials: an empty cell of a units or
  // deadline column beside such a cell is part of it.
  const merges = headTexts.map((t) => ['lead', 'support', 'responsible', 'deadline', 'person'].includes(columnRole(t) ?? ''));
  const filled = cells.map((row) => row.map((placed) => placed.length > 0));
  cells.forEach((row, r) => {
    if (anchors[r]!.part) return;
    row.forEach((placed, c) => {
      if (!merges[c] || placed.length > 0) return;
      for (const n of [r - 1, r + 1]) {
        const other = anchors[n];
        if (!other || other.part || !filled[n]![c]) continue;
        const middle = middles[n]![c]!;
        const toward = n < r ? other.y - middle : middle - other.y;
        const between = n < r ? middle > anchors[r]!.y : middle < anchors[r]!.y;
        if (toward > 0.3 * size && between) {
          placed.push(...cells[n]![c]!);
          break;
        }
      }
    });
  });
  const edges = [heads[0]!.left - size, ...bounds, heads.at(-1)!.right + size];
  let regions = 0;
  const cellOf = (blocks: Placed[][], c: number, line: Line): TableCell => {
    // Blocks of one cell (a task's two rows of units under one serial) are lines of their own.
    const texts = blocks.map((placed) => cellTextOf(placed, edges[c]!, edges[c + 1]!)).filter((t) => t !== undefined);
    const text = texts[0] && { ...texts[0], text: texts.map((t) => t.text).join('\n') };
    // Each cell a region of its own: where a cell merged down ends is not known without rules.
    const region = --regions;
    return text ? { text: text.text, page: text.page, line: text.line, region } : { text: '', page: line.page, line: line.line, region };
  };
  const header = heads.map((h, c) => cellOf([h.placed], c, main));
  const rows = [header, ...cells.map((row, r) => row.map((placed, c) => cellOf(placed, c, anchors[r]!.line)))];
  for (let i = top; i <= bottom; i++) for (const run of lines[i]!.runs) used.add(run);
  for (const line of body) for (const run of line.runs) used.add(run);
  return { top: Math.max(...lines.slice(top, bottom + 1).map((l) => l.y + l.size)), bottom: body.at(-1)!.y, rows, columns: heads.length };
}

/**
 * A table without rules: the header row's cells give the columns (each column from its header
 * cell's left edge); a row starts where the first column has text, and its other lines fill its cells.
 */
function unruledTable(lines: Line[], start: number, used: Set<Run>): PageTable | undefined {
  const header = lines[start]!;
  const cells: Run[][] = [];
  for (const run of header.runs) {
    const last = cells.at(-1)?.at(-1);
    if (last && run.x - (last.x + last.width) <= 1.5 * run.size) cells.at(-1)!.push(run);
    else cells.push([run]);
  }
  if (cells.length < 3 || !isHeaderRow(cells.map((c) => joinRuns(c)))) return undefined;
  const starts = cells.map((c) => c[0]!.x);
  const size = header.size;
  const columnOf = (x: number) => {
    let c = 0;
    while (c + 1 < starts.length && x >= starts[c + 1]! - size) c++;
    return c;
  };
  const rows: TableCell[][] = [];
  const push = (line: Line) => {
    const row = starts.map(() => [] as Run[]);
    for (const run of line.runs) row[columnOf(run.x)]!.push(run);
    return row;
  };
  const headerCells = push(header).map((runs) => ({ text: joinRuns(runs), page: header.page, line: header.line }));
  rows.push(headerCells);
  let current: { runs: Run[][]; line: Line } | undefined;
  let previous = header;
  let end = start;
  const flush = () => {
    if (current)
      rows.push(
        current.runs.map((runs, c) => ({
          text:
            cellTextOf(
              runs.map((run) => ({ run, line: lineOf.get(run)! })),
              starts[c]!,
              starts[c + 1] ?? header.right + size,
            )?.text ?? '',
          page: current!.line.page,
          line: current!.line.line,
        })),
      );
  };
  const lineOf = new Map<Run, Line>();
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    // The table ends at a wide gap, or at a line that runs across the columns as prose does.
    if (previous.y - line.y > 3.2 * size) break;
    if (line.runs.length === 1 && line.runs[0]!.width > (starts[2] ?? Number.POSITIVE_INFINITY) - starts[0]!) break;
    for (const run of line.runs) lineOf.set(run, line);
    const split = push(line);
    if (!current || split[0]!.length > 0) {
      flush();
      current = { runs: split, line };
    } else
      split.forEach((runs, c) => {
        current!.runs[c]!.push(...runs);
      });
    previous = line;
    end = i;
  }
  flush();
  if (rows.length < 2) return undefined;
  for (let i = start; i <= end; i++) for (const run of lines[i]!.runs) used.add(run);
  return { top: header.y + header.size, bottom: lines[end]!.y, rows, columns: starts.length };
}

// --- Page chrome ---

const PAGE_NUMBER = /^(?:[-—–－~\s]*\d{1,4}[-—–－~\s]*|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)$/i;

function chromeKey(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, '');
}

export async function pdfToText(bytes: Uint8Array): Promise<ReadResult> {
  const pdfjs: Pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const dir = packageDir();
  const task = pdfjs.getDocument({
    // pdfjs takes ownership of the buffer it is given: give it a copy.
    data: new Uint8Array(bytes),
    cMapUrl: `${pathToFileURL(join(dir, 'cmaps')).href}/`,
    cMapPacked: true,
    standardFontDataUrl: `${pathToFileURL(join(dir, 'standard_fonts')).href}/`,
    wasmUrl: `${pathToFileURL(join(dir, 'wasm')).href}/`,
    iccUrl: `${pathToFileURL(join(dir, 'iccs')).href}/`,
    useSystemFonts: false,
    disableFontFace: true,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException')
      return {
        ok: false,
        ruleId: 'encrypted-file',
        reason: 'Unexpected encrypted PDF (PDF 已加密，需要密码才能打开), expected a PDF without a password: publish it without one',
      };
    return {
      ok: false,
      ruleId: 'undecodable',
      reason: `Unexpected damaged PDF (${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}), expected a PDF that a reader can open`,
    };
  }
  try {
    return await readDocument(doc, pdfjs);
  } finally {
    await task.destroy();
  }
}

async function readDocument(doc: Awaited<ReturnType<Pdfjs['getDocument']>['promise']>, pdfjs: Pdfjs): Promise<ReadResult> {
  const pages: { lines: Line[]; height: number; blocks: Block[] }[] = [];
  let characters = 0;
  let previousHadTable = false;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const [, , , height = 842] = page.view;
    const content = await page.getTextContent();
    const runs = runsOf(content.items);
    for (const run of runs) characters += run.text.replace(/\s/g, '').length;
    const lines = linesOf(runs, p);
    const used = new Set<Run>();
    const tables: PageTable[] = [];
    // Rules are read only on pages that may hold a table: drawing operations cost more than text.
    const mayHaveTable = previousHadTable || lines.some((l) => l.runs.length >= 2 && isHeaderRow(l.runs.map((r) => r.text)));
    if (mayHaveTable || lines.some((l) => l.runs.length >= 3)) {
      for (const group of ruleGroups(await rulesOf(page, pdfjs))) {
        const table = ruledTable(group, lines, used);
        if (table) tables.push(table);
      }
    }
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]!.runs.every((r) => used.has(r))) continue;
      if (lines[i]!.runs.length >= 3 && !lines[i]!.runs.some((r) => used.has(r))) {
        const table = centredTable(lines, i, used) ?? unruledTable(lines, i, used);
        if (table) tables.push(table);
      }
    }
    previousHadTable = tables.length > 0;
    const blocks: Block[] = [
      ...lines
        .filter((l) => l.runs.some((r) => !used.has(r)))
        .map((line) => ({ kind: 'line' as const, line: { ...line, runs: line.runs.filter((r) => !used.has(r)) } })),
      ...tables.map((table) => ({ kind: 'table' as const, table })),
    ].sort((a, b) => (b.kind === 'line' ? b.line.y : b.table.top) - (a.kind === 'line' ? a.line.y : a.table.top));
    pages.push({ lines, height, blocks });
    page.cleanup();
  }
  if (characters < 16 * doc.numPages)
    return {
      ok: false,
      ruleId: 'no-text-layer',
      reason: `Unexpected PDF without a text layer (${characters} characters on ${doc.numPages} pages: a scan; 扫描件没有文字层，需先 OCR 文字识别), expected a PDF saved from Word, WPS or a browser, or the plan's text`,
    };
  dropChrome(pages);
  return assemble(pages);
}

/** Drops page numbers, and lines repeated at the top or bottom of most pages (running headers). */
function dropChrome(pages: { height: number; blocks: Block[] }[]): void {
  const band = (block: Block, height: number) => block.kind === 'line' && (block.line.y > height * 0.88 || block.line.y < height * 0.12);
  const seen = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set(page.blocks.filter((b) => band(b, page.height)).map((b) => chromeKey(joinRuns((b as { line: Line }).line.runs))));
    for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  for (const page of pages) {
    page.blocks = page.blocks.filter((b) => {
      if (!band(b, page.height)) return true;
      const text = joinRuns((b as { line: Line }).line.runs);
      if (PAGE_NUMBER.test(text)) return false;
      return !(pages.length >= 2 && (seen.get(chromeKey(text)) ?? 0) >= Math.max(2, pages.length / 2));
    });
  }
}

const STARTS_ITEM = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|第[一二三四五六七八九十]+[章节部分条])/;

function assemble(pages: { blocks: Block[] }[]): ReadResult {
  const lines = pages.flatMap((p) => p.blocks.filter((b): b is { kind: 'line'; line: Line } => b.kind === 'line').map((b) => b.line));
  const bodyRight = Math.max(0, ...lines.map((l) => l.right));
  const leftOf = new Map<number, number>();
  for (const l of lines) leftOf.set(l.page, Math.min(leftOf.get(l.page) ?? Number.POSITIVE_INFINITY, l.left));
  const out: OutLine[] = [];
  let previous: { line: Line; out: OutLine } | undefined;
  let lastTable: { table: PageTable; out: number } | undefined;
  for (const page of pages) {
    for (const [index, block] of page.blocks.entries()) {
      if (block.kind === 'table') {
        writeTable(block.table, out, lastTable, index === 0);
        lastTable = { table: block.table, out: out.length };
        previous = undefined;
        continue;
      }
      const line = block.line;
      const text = joinRuns(line.runs);
      const left = leftOf.get(line.page) ?? line.left;
      const prev = previous?.line;
      const goesOn =
        prev !== undefined &&
        prev.right >= bodyRight - 3 * prev.size &&
        line.left <= left + 0.6 * line.size &&
        Math.abs(prev.size - line.size) < 1.5 &&
        (prev.page !== line.page || prev.y - line.y <= 2.2 * line.size) &&
        !(STARTS_ITEM.test(text) && /[。；;：:]$/.test(joinRuns(prev.runs)));
      if (goesOn && previous) {
        const target = previous.out;
        const space = /[A-Za-z0-9]$/.test(target.text) && /^[A-Za-z0-9]/.test(text) ? ' ' : '';
        const start = target.text.length + space.length;
        target.text += space + text;
        target.segments.push({ start, end: target.text.length, page: line.page, line: line.line });
        previous = { line, out: target };
      } else {
        const o: OutLine = { text, segments: [{ start: 0, end: text.length, page: line.page, line: line.line }] };
        out.push(o);
        previous = { line, out: o };
      }
      lastTable = undefined;
    }
  }
  const text = `${out.map((l) => l.text).join('\n')}\n`;
  if (text.trim() === '') return { ok: false, ruleId: 'empty-file', reason: 'Unexpected PDF without text, expected the text of a plan' };
  return {
    ok: true,
    text,
    format: 'pdf',
    encoding: 'pdf',
    place: (line, column) => {
      const o = out[line - 1];
      if (!o) return undefined;
      const at = column - 1;
      const s = o.segments.find((seg) => at >= seg.start && at < seg.end) ?? o.segments.filter((seg) => seg.start <= at).at(-1) ?? o.segments[0];
      return s ? `PDF: page ${s.page}, line ${s.line}` : undefined;
    },
  };
}

/**
 * Writes a table's rows as pipe rows. A table that opens a page right after a table of as many
 * columns goes on with it: a repeated header row is dropped, and a first row without a 序号 is the
 * rest of the row the page broke.
 */
function writeTable(table: PageTable, out: OutLine[], last: { table: PageTable; out: number } | undefined, pageStart: boolean): void {
  let rows = table.rows;
  const continues =
    last !== undefined && pageStart && last.out === out.length && last.table.columns === table.columns && table.rows[0]!.length === last.table.rows[0]!.length;
  if (continues) {
    const key = (row: { text: string }[]) => row.map((c) => c.text.replace(/\s/g, '')).join('|');
    if (key(rows[0]!) === key(last.table.rows[0]!)) rows = rows.slice(1);
    const first = rows[0];
    const before = last.table.rows.at(-1);
    if (first && before && first[0]!.text === '' && before !== last.table.rows[0]) {
      // The rest of the last row of the page before: its cells go on.
      first.forEach((cell, c) => {
        if (cell.text && before[c] && !before[c]!.text.endsWith(cell.text)) before[c]!.text += cell.text;
      });
      rows = rows.slice(1);
      out[out.length - 1] = render(before);
    }
    // A cell merged down past the page break is printed once, above it (browsers close its border
    // at the page's end): an empty 类别 or units cell in the first row after the break is that
    // cell, and so are the rows below it on this page that are still in its merge.
    const above = last.table.rows.at(-1)!;
    const header = last.table.rows[0]!;
    above.forEach((cell, c) => {
      const repeats = cell.toLastRow || ['category', 'lead', 'support', 'responsible', 'person'].includes(columnRole(header[c]?.text ?? '') ?? '');
      // Not into a part row (一、… across the table).
      const partRow = rows[0] && PART_ROW.test(rows[0][0]?.text ?? '') && rows[0].slice(1).every((x) => x.text === '');
      if (!repeats || !cell.text || !rows[0] || partRow || rows[0][0]?.text === '' || rows[0][c]?.text !== '') return;
      const region = rows[0][c]!.region;
      for (const row of rows) {
        if (row[c]?.text !== '' || row[c]?.region !== region) break;
        row[c]!.text = cell.text;
      }
    });
  }
  if (
    isMetadataTable(
      table.rows
        .flat()
        .map((c) => c.text)
        .join(' '),
    )
  ) {
    // A portal's 索引号/发布机构 table printed with the page: lines of text, as the parser expects chrome.
    for (const row of rows) {
      const text = row
        .map((c) => c.text.replace(/\s+/g, ''))
        .filter(Boolean)
        .join(' ');
      out.push({ text, segments: [{ start: 0, end: text.length, page: row[0]!.page, line: row[0]!.line }] });
    }
    return;
  }
  for (const row of rows) out.push(render(row));
  if (continues) last!.table.rows.push(...rows);
}

function render(row: TableCell[]): OutLine {
  const { line, cells } = pipeRow(row.map((c) => ({ text: c.text.replace(/\n/g, ' '), place: { page: c.page, line: c.line } })));
  return { text: line, segments: cells.map((c) => ({ start: c.start, end: c.end + 3, page: c.place!.page, line: c.place!.line })) };
}
