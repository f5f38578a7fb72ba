/**
 * Source text → plan tree (unist). Lossless: every character of the source lies in exactly one
 * leaf, in order, so that concatenating the leaves' values gives the source back.
 *
 *   root ─ preamble (covering notice, chrome, title, introduction)
 *        ─ part ─ section ─ task ─ task (sub-items)
 *   leaves: marker · heading · text · clause · cell · person · deadline · chrome · blank · break
 */
import { append } from '../append.ts';
import type { Literal, Parent, Position } from 'unist';
import { matchView } from '../normalize.ts';
import type { RuleIdOf } from '../rules.ts';
import { classifyLine, type LineInfo } from './classify.ts';
import { findDeadlines, findReferences, type FoundDeadline } from './deadlines.ts';
import { Locator, splitLines, type Line } from './lines.ts';
import type { Marker } from './markers.ts';
import { findBodyStart } from './preamble.ts';
import { findClausesInLine, findStartForms, type Clause, type Mention } from './responsibility.ts';
import { findTables, type ColumnRole, type Table, type TableRow } from './table.ts';
import { splitUnitList, type Span } from './unit-list.ts';

export type LeafType = 'marker' | 'heading' | 'text' | 'clause' | 'cell' | 'person' | 'deadline' | 'chrome' | 'blank' | 'break';

export interface PlanLeaf extends Literal {
  type: LeafType;
  value: string;
  position: Position;
  data?: { clause?: Clause; role?: ColumnRole };
}

export type BlockType = 'part' | 'section' | 'task';

export interface BlockData {
  level: number;
  marker: string;
  number: string;
  value: number;
  table: boolean;
  id: string;
  title?: string;
  text: string;
  mentions: Mention[];
  /** How the units were written: for diagnostics and for the group rule. */
  mentionSource?: 'parenthetical' | 'line' | 'inline' | 'cell' | 'unlabeled';
  persons: Span[];
  deadlines: FoundDeadline[];
  references: string[];
}

export interface PlanBlock extends Parent {
  type: BlockType;
  children: (PlanBlock | PlanLeaf)[];
  position: Position;
  data: BlockData;
}

export interface PlanPreamble extends Parent {
  type: 'preamble';
  children: PlanLeaf[];
  position: Position;
}

export interface PlanRoot extends Parent {
  type: 'root';
  children: (PlanPreamble | PlanBlock | PlanLeaf)[];
  position: Position;
  data: { taskLevel: number; year?: number };
}

export type ProblemRuleId = RuleIdOf<'parse'>;

export interface Problem {
  ruleId: ProblemRuleId;
  severity: 'error' | 'warning' | 'info';
  reason: string;
  start: number;
  end: number;
  /** Offset of an earlier related place (the first use of a duplicated number). */
  cause?: number;
  /** Filled in by buildTree from the offsets. */
  place?: Position;
}

interface Segment {
  start: number;
  end: number;
  type: LeafType;
  data?: PlanLeaf['data'];
}

export interface BuildOptions {
  /** The plan's year, for deadlines that give only month and day. */
  year?: number;
}

export function buildTree(source: string, options: BuildOptions = {}): { tree: PlanRoot; problems: Problem[] } {
  const view = matchView(source);
  const lines = splitLines(source, view);
  const locator = new Locator(lines);
  const infos = lines.map(classifyLine);
  const problems: Problem[] = [];
  const year = options.year;

  const bodyStart = findBodyStart(lines, infos);
  const tables = findTables(source, view, lines, infos, bodyStart);
  const rowAt = new Map<number, { table: Table; row: TableRow }>();
  const inTable = new Set<number>();
  for (const table of tables) {
    for (let i = table.headerFirst; i <= table.lastLine; i++) inTable.add(i);
    for (const row of table.rows) rowAt.set(row.firstLine, { table, row });
  }

  // 第一部分 above 一、: the named parts are parts and the 一、 inside them sections.
  const bodyMarkers = infos.slice(bodyStart).map((info) => info.marker).filter((m) => m !== undefined);
  const chapters = bodyMarkers.some((m) => m.chapter) && bodyMarkers.some((m) => m.level === 1 && !m.chapter);
  if (chapters) for (const m of bodyMarkers) if (m.chapter) m.level = 0;
  const taskLevel = chooseTaskLevel(lines, infos, bodyStart, inTable, tables);
  const kindOf = (level: number): BlockType => (level >= taskLevel ? 'task' : level === 0 || (level === 1 && !chapters) ? 'part' : 'section');

  const position = (start: number, end: number): Position => ({ start: locator.point(start), end: locator.point(end) });
  const leaf = (seg: Segment): PlanLeaf => {
    const node: PlanLeaf = { type: seg.type, value: source.slice(seg.start, seg.end), position: position(seg.start, seg.end) };
    if (seg.data) node.data = seg.data;
    return node;
  };
  /** Fill the gaps between segments of `[from, to)` with `fill` leaves. */
  const leavesOf = (from: number, to: number, segments: Segment[], fill: LeafType): PlanLeaf[] => {
    const out: PlanLeaf[] = [];
    let at = from;
    for (const seg of segments.sort((a, b) => a.start - b.start)) {
      if (seg.start < at || seg.end <= seg.start) continue;
      if (seg.start > at) out.push(leaf({ start: at, end: seg.start, type: fill }));
      out.push(leaf(seg));
      at = seg.end;
    }
    if (to > at) out.push(leaf({ start: at, end: to, type: fill }));
    return out;
  };
  const lineBreak = (line: Line): PlanLeaf[] => (line.next > line.end ? [leaf({ start: line.end, end: line.next, type: 'break' })] : []);

  const root: PlanRoot = { type: 'root', children: [], position: position(0, source.length), data: { taskLevel, ...(year ? { year } : {}) } };

  if (bodyStart > 0) {
    const children: PlanLeaf[] = [];
    for (let i = 0; i < bodyStart; i++) {
      const line = lines[i]!;
      const type: LeafType = infos[i]!.kind === 'chrome' ? 'chrome' : infos[i]!.kind === 'blank' ? 'blank' : 'text';
      if (line.end > line.start) children.push(leaf({ start: line.start, end: line.end, type }));
      append(children, lineBreak(line));
    }
    root.children.push({ type: 'preamble', children, position: position(0, lines[bodyStart - 1]!.next) });
  }

  const stack: PlanBlock[] = [];
  const container = (): PlanRoot | PlanBlock => stack.at(-1) ?? root;
  const open = (level: number, marker: Pick<Marker, 'text' | 'number' | 'value'>, table: boolean): PlanBlock => {
    while (stack.length > 0 && stack.at(-1)!.data.level >= level) stack.pop();
    const block: PlanBlock = {
      type: kindOf(level),
      children: [],
      position: position(0, 0),
      data: { level, marker: marker.text, number: marker.number, value: marker.value, table, id: '', text: '', mentions: [], persons: [], deadlines: [], references: [] },
    };
    (container().children as (PlanBlock | PlanLeaf)[]).push(block);
    stack.push(block);
    return block;
  };

  /**
   * Where the clauses of line `i` (from `from`) end: a bracket left open at the end of the line and
   * closed on the next line of plain text makes the two lines one clause (…配合单位:A、⏎B)).
   */
  const clauseReach = (i: number, from: number, allowUnlabeled: boolean): { clauses: Clause[]; end: number; last: number } => {
    const line = lines[i]!;
    const clauses = findClausesInLine(view, source, from, line.end, allowUnlabeled);
    const next = lines[i + 1];
    let depth = 0;
    for (let k = from; k < line.end; k++) {
      const c = view[k];
      if (c === '(' || c === '【') depth++;
      else if ((c === ')' || c === '】') && depth > 0) depth--;
    }
    if ((depth === 0 && !clauses.some((c) => c.unclosed)) || !next || infos[i + 1]!.kind !== 'text' || inTable.has(i + 1) || !/[)】\]]/.test(next.view)) {
      return { clauses, end: line.end, last: i };
    }
    const joined = findClausesInLine(view, source, from, next.end, allowUnlabeled);
    if (joined.some((c) => c.unclosed) || !joined.some((c) => c.end > next.start)) return { clauses, end: line.end, last: i };
    return { clauses: joined, end: next.end, last: i + 1 };
  };

  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i]!;
    const info = infos[i]!;
    const row = rowAt.get(i);
    if (row) {
      const { table, row: r } = row;
      if (r.marker) {
        const block = open(r.marker.level, r.marker, true);
        const cell = r.cells[0]!;
        const markerEnd = cell.start + r.marker.end;
        append(block.children, leavesOf(line.start, line.end, [{ start: cell.start, end: markerEnd, type: 'marker' }, { start: markerEnd, end: cell.end, type: 'heading' }], 'text'), lineBreak(line));
      } else {
        const marker = r.serial ? { text: r.serial.text.trim(), number: String(r.serial.value), value: r.serial.value } : { text: '', number: String(table.rows.indexOf(r) + 1), value: table.rows.indexOf(r) + 1 };
        const block = open(taskLevel, marker, true);
        for (let j = r.firstLine; j <= r.lastLine; j++) {
          const l = lines[j]!;
          const segments: Segment[] = [];
          if (r.serial && r.serial.start >= l.start && r.serial.end <= l.end) segments.push({ start: r.serial.start, end: r.serial.end, type: 'marker' });
          for (const cell of r.cells) if (cell.start >= l.start && cell.end <= l.end) segments.push({ start: cell.start, end: cell.end, type: 'cell', data: { role: cell.role } });
          append(block.children, leavesOf(l.start, l.end, segments, infos[j]!.kind === 'blank' ? 'blank' : 'text'), lineBreak(l));
        }
      }
      i = r.lastLine;
      continue;
    }
    if (!inTable.has(i) && info.marker && (info.kind === 'marker' || info.kind === 'pipe')) {
      const marker = info.marker;
      const block = open(marker.bare ? taskLevel : marker.level, marker, false);
      const markerEnd = line.start + marker.end;
      const isHeading = block.type !== 'task';
      const segments: Segment[] = [{ start: line.start, end: markerEnd, type: 'marker' }];
      const reach = clauseReach(i, markerEnd, !isHeading);
      const clauses = reach.clauses;
      for (const clause of clauses) segments.push({ start: clause.start, end: clause.end, type: 'clause', data: { clause } });
      if (isHeading) {
        // The heading runs to the first full stop when a body follows on the same line.
        const rest = view.slice(markerEnd, line.end);
        const stop = rest.search(/[。.](?=.{8,})/);
        const headingEnd = stop >= 0 && stop < 60 ? markerEnd + stop + 1 : clauses[0]?.start ?? line.end;
        segments.push({ start: markerEnd, end: Math.min(headingEnd, clauses[0]?.start ?? line.end), type: 'heading' });
      }
      append(block.children, leavesOf(line.start, reach.end, segments, 'text'), lineBreak(lines[reach.last]!));
      i = reach.last;
      continue;
    }
    // Any other line belongs to the innermost open block (or, before any, to the root).
    const target = container();
    const segments: Segment[] = [];
    let fill: LeafType = 'text';
    const [s, e] = trimLine(view, line);
    if (info.kind === 'blank') fill = 'blank';
    else if (info.kind === 'chrome') fill = 'chrome';
    else if (inTable.has(i)) fill = 'text';
    else if (info.kind === 'person') segments.push({ start: s, end: e, type: 'person' });
    else if (info.kind === 'deadline') segments.push({ start: s, end: e, type: 'deadline' });
    let last = i;
    let end = line.end;
    if (fill === 'text' && segments.length === 0 && !inTable.has(i)) {
      const allowUnlabeled = target.type === 'task' || target.type === 'section' || target.type === 'part';
      const reach = clauseReach(i, line.start, allowUnlabeled);
      for (const clause of reach.clauses) segments.push({ start: clause.start, end: clause.end, type: 'clause', data: { clause } });
      last = reach.last;
      end = reach.end;
    }
    append(target.children as (PlanBlock | PlanLeaf)[], leavesOf(line.start, end, segments, fill), lineBreak(lines[last]!));
    i = last;
  }

  // Trailing chrome and blank lines after the last block belong to the document, not the last task.
  hoistTrailing(root);
  hoistStray(root, view);

  const blocks: PlanBlock[] = [];
  const collect = (parent: PlanRoot | PlanBlock) => {
    for (const child of parent.children) if (child.type === 'part' || child.type === 'section' || child.type === 'task') { blocks.push(child as PlanBlock); collect(child as PlanBlock); }
  };
  collect(root);

  for (const block of blocks) describeBlock(block, source, view, year, problems);
  const tableLines = new Set([...inTable].filter((i) => !rowAt.has(i)));
  for (const run of unassignedText(root, locator, tableLines)) {
    const shown = run.text.length > 24 ? `${run.text.slice(0, 24)}…` : run.text;
    problems.push({ ruleId: 'unassigned-text', severity: 'warning', reason: `Unexpected text that belongs to no task: \`${shown}\`, expected it inside a numbered task or removed`, start: run.start, end: run.end });
  }
  for (const block of blocks) {
    const last = groupClauseToParent(block);
    if (!last) continue;
    // Both blocks read again; their problems were reported in the first pass.
    for (const b of [block, last]) {
      Object.assign(b.data, { text: '', mentions: [], persons: [], deadlines: [], references: [] });
      delete b.data.mentionSource;
      delete b.data.title;
      describeBlock(b, source, view, year, []);
    }
  }
  for (const block of blocks) setPosition(block);
  checkNumbers(root, taskLevel, problems);
  assignIds(root);

  if (!blocks.some((b) => b.type === 'task')) {
    problems.push({ ruleId: 'no-tasks', severity: 'error', reason: 'Unexpected plan without tasks, expected numbered items (1. / (一) / 一、) or a 任务分工 table', start: 0, end: 0 });
  }
  for (const problem of problems) problem.place = position(problem.start, problem.end);
  return { tree: root, problems };
}

function trimLine(view: string, line: Line): [number, number] {
  let s = line.start;
  let e = line.end;
  while (s < e && /\s/.test(view[s]!)) s++;
  while (e > s && /\s/.test(view[e - 1]!)) e--;
  return [s, e];
}

/**
 * Which level holds the tasks. Arabic-numbered items (1.) are tasks wherever they appear. Without
 * them, the shallowest of 一、 / (一) whose items read like tasks (a sentence, or a responsibility
 * clause) rather than short headings; failing that, (1) or ①, or the deepest level present.
 */
function chooseTaskLevel(lines: Line[], infos: LineInfo[], bodyStart: number, inTable: Set<number>, tables: Table[]): number {
  const present = new Set<number>();
  const headings = new Map<number, { heading: number; total: number }>();
  for (let i = bodyStart; i < lines.length; i++) {
    const info = infos[i]!;
    if (inTable.has(i) || !info.marker) continue;
    const level = info.marker.bare ? 3 : info.marker.level;
    present.add(level);
    if (level > 2) continue;
    const rest = lines[i]!.view.slice(info.marker.end).trim();
    let next = i + 1;
    while (next < lines.length && infos[next]!.kind === 'blank') next++;
    const clauseFollows = next < lines.length && infos[next]!.kind === 'label';
    const isHeading = rest.length <= 40 && !/[。;]./.test(rest) && !/(单位|部门)\s*[:]|牵头|配合/.test(rest) && !clauseFollows;
    const stat = headings.get(level) ?? { heading: 0, total: 0 };
    stat.total++;
    if (isHeading) stat.heading++;
    headings.set(level, stat);
  }
  if (tables.some((t) => t.rows.some((r) => !r.marker))) present.add(3);
  if (present.has(3)) return 3;
  for (const level of [1, 2]) {
    const stat = headings.get(level);
    if (stat && stat.heading / stat.total < 0.5) return level;
  }
  for (const level of [4, 5]) if (present.has(level)) return level;
  if (present.has(2)) return 2;
  return 1;
}

function hoistTrailing(root: PlanRoot): void {
  let last: PlanRoot | PlanBlock = root;
  const chain: PlanBlock[] = [];
  for (;;) {
    const tail: PlanBlock | PlanLeaf | PlanPreamble | undefined = last.children.at(-1);
    if (!tail || (tail.type !== 'part' && tail.type !== 'section' && tail.type !== 'task')) break;
    last = tail as PlanBlock;
    chain.push(last);
  }
  const moved: PlanLeaf[] = [];
  for (let k = chain.length - 1; k >= 0; k--) {
    const block = chain[k]!;
    // Only a run of chrome (with blank lines and breaks) at the very end moves.
    let cut = block.children.length;
    while (cut > 0) {
      const child = block.children[cut - 1]!;
      if (child.type === 'chrome' || child.type === 'blank' || child.type === 'break') cut--;
      else break;
    }
    const tail = block.children.slice(cut) as PlanLeaf[];
    if (!tail.some((leaf) => leaf.type === 'chrome')) break;
    // Keep the line break that ends the block's last line of content.
    const keep = tail[0]?.type === 'break' ? 1 : 0;
    moved.unshift(...(tail.slice(keep) as PlanLeaf[]));
    block.children.length = cut + keep;
    if (block.children.some((c) => c.type !== 'break' && c.type !== 'blank')) break;
  }
  append(root.children, moved);
}

/** A table row's text without its outer pipes (no unanchored `\s*`: linear on a 1 MB line). */
function stripPipes(value: string): string {
  let out = value;
  const lead = /^\s*\|\s*/.exec(out);
  if (lead) out = out.slice(lead[0].length);
  const trimmed = out.trimEnd();
  if (trimmed.endsWith('|')) out = trimmed.slice(0, -1).trimEnd();
  return out;
}

function lastNonSpace(view: string, end: number): string {
  let i = end - 1;
  while (i >= 0 && /\s/.test(view[i]!)) i--;
  return i >= 0 ? view[i]! : '';
}

/** Leaves of `children` cut into lines: each line's leaves, its break included. */
function linesOf(children: (PlanBlock | PlanLeaf)[]): (PlanBlock | PlanLeaf)[][] {
  const out: (PlanBlock | PlanLeaf)[][] = [[]];
  for (const child of children) {
    out.at(-1)!.push(child);
    if (child.type === 'break') out.push([]);
  }
  if (out.at(-1)!.length === 0) out.pop();
  return out;
}

const isContent = (leaf: PlanBlock | PlanLeaf): boolean => leaf.type === 'text' && (leaf as PlanLeaf).value.trim().length > 0;

/**
 * A paragraph between tasks belongs to none of them. A task whose marker line is a whole
 * sentence closed by its responsibility clause (`1.开展…。(责任单位:…)`) or whose clause stands on
 * a line of its own after the text ends there; plain text lines after that point (up to the next
 * task) are moved out of the task, to its parent, where `unassignedText` reports them.
 */
function hoistStray(root: PlanRoot, view: string): void {
  const visit = (parent: PlanRoot | PlanBlock) => {
    for (let i = 0; i < parent.children.length; i++) {
      const child = parent.children[i]!;
      if (child.type !== 'part' && child.type !== 'section' && child.type !== 'task') continue;
      const block = child as PlanBlock;
      if (block.type !== 'task' || block.children.some((c) => c.type === 'task')) {
        visit(block);
        continue;
      }
      if (block.data.table || parent.type === 'task') continue;
      const lines = linesOf(block.children);
      let closed = -1;
      for (let k = 0; k < lines.length; k++) {
        const line = lines[k]!;
        const clauseAt = line.findLastIndex((c) => c.type === 'clause');
        if (clauseAt < 0) continue;
        const after = line.slice(clauseAt + 1).filter((c) => c.type !== 'break');
        if (after.some((c) => !/^[\s。.;;,,]*$/.test((c as PlanLeaf).value))) continue;
        const before = line.slice(0, clauseAt).filter((c) => c.type === 'text' || c.type === 'heading');
        const sentence = before.map((c) => (c as PlanLeaf).value).join('').trim();
        const clause = line[clauseAt] as PlanLeaf;
        const ownLine = before.every((c) => (c as PlanLeaf).value.trim() === '') && !line.some((c) => c.type === 'marker');
        // The marker line closes the task when its text is a finished sentence (not a short title).
        const finished = line.some((c) => c.type === 'marker') && /[。;!]/.test(lastNonSpace(view, clause.position.start.offset!)) && sentence.length >= 2;
        if (ownLine || finished) closed = k;
      }
      if (closed < 0) continue;
      const rest = lines.slice(closed + 1);
      const first = rest.findIndex((line) => line.some(isContent));
      if (first < 0) continue;
      // Only plain text moves: a deadline, person or clause line after it keeps the task whole.
      if (rest.slice(first).some((line) => line.some((c) => c.type === 'clause' || c.type === 'deadline' || c.type === 'person' || c.type === 'marker'))) continue;
      const keep = lines.slice(0, closed + 1 + first).reduce((n, line) => n + line.length, 0);
      const moved = block.children.splice(keep);
      parent.children.splice(i + 1, 0, ...(moved as PlanLeaf[]));
      i += moved.length;
    }
  };
  visit(root);
}

/**
 * Text that no task holds: plain text directly under the root (past the preamble) or under a part
 * or section after its first block (not its heading or introduction). Table header lines are not
 * text of their own. One run per line.
 */
function unassignedText(root: PlanRoot, locator: Locator, tableLines: Set<number>): { start: number; end: number; text: string }[] {
  const runs: { start: number; end: number; text: string }[] = [];
  const visit = (parent: PlanRoot | PlanBlock) => {
    let afterBlock = parent.type === 'root';
    for (const line of linesOf(parent.children as (PlanBlock | PlanLeaf)[])) {
      for (const child of line) if (child.type === 'part' || child.type === 'section' || child.type === 'task') { afterBlock = true; visit(child as PlanBlock); }
      if (!afterBlock) continue;
      const texts = line.filter((c) => isContent(c) || c.type === 'clause') as PlanLeaf[];
      if (texts.length === 0) continue;
      const start = texts[0]!.position.start.offset!;
      if (tableLines.has(locator.point(start).line - 1)) continue;
      const end = texts.at(-1)!.position.end.offset!;
      runs.push({ start, end, text: texts.map((t) => t.value).join('').trim() });
    }
  };
  visit(root);
  return runs;
}

function lineJoin(values: string[]): string {
  return values
    .join('')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .join('\n');
}

function describeBlock(block: PlanBlock, source: string, view: string, year: number | undefined, problems: Problem[]): void {
  const data = block.data;
  const textParts: string[] = [];
  const headingParts: string[] = [];
  const textRanges: [number, number][] = [];
  for (const child of block.children) {
    if (!('value' in child)) continue;
    const leaf = child as PlanLeaf;
    const start = leaf.position.start.offset!;
    const end = leaf.position.end.offset!;
    switch (leaf.type) {
      case 'heading':
        headingParts.push(leaf.value);
        break;
      case 'text':
        if (!/^\s*(?:\|\s*)?$/.test(leaf.value)) {
          textParts.push(stripPipes(leaf.value));
          textRanges.push([start, end]);
        }
        break;
      case 'break':
        textParts.push('\n');
        break;
      case 'clause': {
        const clause = leaf.data!.clause!;
        append(data.mentions, clause.mentions);
        // 【牵头单位:A;完成时限:6月底前】: a deadline written inside the clause; after its label any date counts.
        const label = /(完成时限|完成时间|时间节点|时限要求|完成期限|时限)\s*[::]/.exec(view.slice(start, end));
        if (label) {
          const from = start + label.index + label[0].length;
          const stop = view.slice(from, end).search(/[;;)】\]]/);
          data.deadlines.push(...findDeadlines(view, source, from, stop >= 0 ? from + stop : end, year, true));
          data.deadlines.push(...findDeadlines(view, source, start, start + label.index, year));
        } else data.deadlines.push(...findDeadlines(view, source, start, end, year));
        append(data.persons, clause.persons);
        if (clause.mentions.length > 0) data.mentionSource ??= clause.labeled ? clause.kind : 'unlabeled';
        if (clause.unclosed) problems.push({ ruleId: 'unclosed-clause', severity: 'warning', reason: 'Unexpected end of line in a responsibility clause, expected `)`', start, end });
        // (A牵头,B配合) says its roles; only a bare list is read as responsible by default.
        if (!clause.labeled && clause.mentions.length > 0 && clause.mentions.every((m) => m.role === 'responsible')) problems.push({ ruleId: 'unlabeled-units', severity: 'info', reason: `Units without a label (责任单位/牵头单位) read as responsible: ${clause.mentions.map((m) => m.text).join('、')}`, start, end });
        for (const person of clause.persons) problems.push({ ruleId: 'person-not-unit', severity: 'info', reason: `\`${person.text}\` names a person, not a unit: left out of the units`, start: person.start, end: person.end });
        break;
      }
      case 'cell': {
        const role = leaf.data!.role!;
        if (role === 'text') {
          textParts.push(leaf.value);
          textRanges.push([start, end]);
        } else if (role === 'lead' || role === 'support' || role === 'responsible') {
          const list = splitUnitList(view, source, start, end);
          for (const unit of list.units) data.mentions.push({ ...unit, role });
          append(data.persons, list.persons);
          if (list.units.length > 0) data.mentionSource ??= 'cell';
        } else if (role === 'deadline') {
          append(data.deadlines, findDeadlines(view, source, start, end, year, true));
        }
        break;
      }
      case 'deadline': {
        const colon = view.slice(start, end).search(/[::]/);
        append(data.deadlines, findDeadlines(view, source, colon >= 0 ? start + colon + 1 : start, end, year, true));
        break;
      }
      default:
        break;
    }
  }
  data.text = lineJoin(textParts);
  const heading = lineJoin(headingParts).replace(/[。.]$/, '');
  if (block.type === 'task') {
    if (data.mentions.length === 0) {
      for (const [s, e] of textRanges) {
        for (const clause of findStartForms(view, source, s, e)) {
          append(data.mentions, clause.mentions);
          data.mentionSource ??= 'inline';
        }
      }
    }
    // A task's lead phrase: the short first sentence, where there is one.
    const stop = data.text.search(/[。]/);
    if (stop > 0 && stop <= 30 && !/[,;,;:]/.test(data.text.slice(0, stop)) && data.text.length > stop + 1) data.title = data.text.slice(0, stop);
    if (heading) data.title = heading;
  } else {
    if (heading) data.title = heading;
  }
  for (const [s, e] of textRanges) append(data.deadlines, findDeadlines(view, source, s, e, year));
  data.references = findReferences([heading, data.text].join('\n'));
}

/**
 * One clause written once after sub-items (1)…(n) belongs to their parent: the lines of
 * responsibility (and of persons and deadlines) that end the last sub-item move up to the parent.
 * Returns whether anything moved, so that the caller describes both blocks again.
 */
function groupClauseToParent(block: PlanBlock): PlanBlock | undefined {
  if (block.type !== 'task' || block.data.mentions.length > 0) return undefined;
  const subs = block.children.filter((c): c is PlanBlock => c.type === 'task');
  if (subs.length < 2) return undefined;
  const last = subs.at(-1)!;
  if (last.data.mentions.length === 0 || subs.slice(0, -1).some((s) => s.data.mentions.length > 0)) return undefined;
  if (last.data.mentionSource !== 'line' && last.data.mentionSource !== 'parenthetical') return undefined;
  // Walk back over whole lines made only of clauses, persons, deadlines and blanks.
  const children = last.children;
  const isRunLeaf = (c: PlanBlock | PlanLeaf) =>
    c.type === 'clause' || c.type === 'person' || c.type === 'deadline' || c.type === 'blank' || c.type === 'break' || (c.type === 'text' && (c as PlanLeaf).value.trim().length <= 1);
  let first = children.length;
  let sawClause = false;
  for (;;) {
    let lineStart = first;
    while (lineStart > 0 && children[lineStart - 1]!.type === 'break') lineStart--;
    while (lineStart > 0 && children[lineStart - 1]!.type !== 'break') lineStart--;
    if (lineStart === first || lineStart === 0) break;
    const line = children.slice(lineStart, first);
    if (!line.every(isRunLeaf)) break;
    if (line.some((c) => c.type === 'clause')) sawClause = true;
    first = lineStart;
  }
  if (!sawClause || first === 0 || first === children.length) return undefined;
  append(block.children, children.splice(first));
  return last;
}

function setPosition(block: PlanBlock): void {
  const first = firstLeaf(block);
  const last = lastLeaf(block);
  if (first && last) block.position = { start: first.position.start, end: last.position.end };
}

function firstLeaf(node: PlanBlock | PlanLeaf): PlanLeaf | undefined {
  if ('value' in node) return node as PlanLeaf;
  for (const child of (node as PlanBlock).children) {
    const found = firstLeaf(child);
    if (found) return found;
  }
  return undefined;
}

function lastLeaf(node: PlanBlock | PlanLeaf): PlanLeaf | undefined {
  if ('value' in node) return node as PlanLeaf;
  const children = (node as PlanBlock).children;
  for (let i = children.length - 1; i >= 0; i--) {
    // The line break after a block's last line is part of it, but a trailing blank line is not.
    const found = lastLeaf(children[i]!);
    if (found && found.type !== 'blank' && found.type !== 'break') return found;
  }
  return undefined;
}

function markerOffset(block: PlanBlock): [number, number] {
  const marker = block.children.find((c) => c.type === 'marker') as PlanLeaf | undefined;
  const leaf = marker ?? firstLeaf(block);
  return leaf ? [leaf.position.start.offset!, leaf.position.end.offset!] : [0, 0];
}

function checkNumbers(root: PlanRoot, taskLevel: number, problems: Problem[]): void {
  // Top-level tasks: one run through the document that may restart at 1 in each part or section.
  const top: { block: PlanBlock; parent: PlanRoot | PlanBlock }[] = [];
  const visit = (parent: PlanRoot | PlanBlock) => {
    const children = (parent.children as (PlanBlock | PlanLeaf | PlanPreamble)[]).filter((c): c is PlanBlock => c.type === 'part' || c.type === 'section' || c.type === 'task');
    // Sub-items: numbered within their parent.
    if (parent.type === 'task') checkRun(children.filter((c) => c.type === 'task'), problems, false);
    for (const child of children) {
      if (child.type === 'task' && child.data.level === taskLevel && parent.type !== 'task') top.push({ block: child, parent });
      visit(child);
    }
  };
  visit(root);
  checkRun(top.map((t) => t.block), problems, true, top.map((t) => t.parent));
  // Parts and sections read in order too.
}

function checkRun(blocks: PlanBlock[], problems: Problem[], mayRestart: boolean, parents?: (PlanRoot | PlanBlock)[]): void {
  let expected = 1;
  let seen = new Map<number, PlanBlock>();
  blocks.forEach((block, i) => {
    const n = block.data.value;
    if (block.data.table && block.data.marker === '') return;
    if (mayRestart && n === 1 && i > 0 && parents && parents[i] !== parents[i - 1]) {
      expected = 1;
      seen = new Map();
    }
    const [start, end] = markerOffset(block);
    const earlier = seen.get(n);
    if (earlier) {
      problems.push({
        ruleId: 'duplicate-number',
        severity: 'warning',
        reason: `Unexpected duplicate task number ${block.data.number} (first at line ${earlier.position.start.line}), expected ${expected}`,
        start,
        end,
        cause: earlier.position.start.offset,
      });
    } else if (n !== expected) {
      problems.push({ ruleId: 'number-gap', severity: 'warning', reason: `Unexpected task number ${block.data.number}, expected ${expected}`, start, end });
    }
    if (!earlier) seen.set(n, block);
    expected = Math.max(expected, n + 1);
  });
}

function assignIds(root: PlanRoot): void {
  const used = new Set<string>();
  const unique = (id: string): string => {
    let candidate = id;
    for (let k = 2; used.has(candidate); k++) candidate = `${id}-${k}`;
    used.add(candidate);
    return candidate;
  };
  const all: PlanBlock[] = [];
  const topTasks: PlanBlock[] = [];
  const topSections: PlanBlock[] = [];
  const walk = (parent: PlanRoot | PlanBlock) => {
    for (const c of parent.children) {
      if (c.type !== 'part' && c.type !== 'section' && c.type !== 'task') continue;
      all.push(c as PlanBlock);
      if (c.type === 'task' && parent.type !== 'task') topTasks.push(c as PlanBlock);
      if (c.type === 'section' && parent.type !== 'section') topSections.push(c as PlanBlock);
      walk(c as PlanBlock);
    }
  };
  walk(root);
  const topNumbers = new Map<number, number>();
  for (const t of topTasks) topNumbers.set(t.data.value, (topNumbers.get(t.data.value) ?? 0) + 1);
  const restarted = topTasks.length > 1 && [...topNumbers.values()].filter((count) => count > 1).length > 1;
  // Sections numbered anew in each part are named after their part: section-2-1.
  const sectionsRestart = new Set(topSections.map((b) => b.data.value)).size < topSections.length;

  let part = 0;
  let partOrdinal = 0;
  const visit = (parent: PlanRoot | PlanBlock, parentTaskId: string | undefined) => {
    for (const c of parent.children) {
      if (c.type !== 'part' && c.type !== 'section' && c.type !== 'task') continue;
      const block = c as PlanBlock;
      if (block.type === 'part') {
        partOrdinal++;
        part = block.data.value || partOrdinal;
        block.data.id = unique(`part-${part}`);
        visit(block, undefined);
      } else if (block.type === 'section') {
        const n = block.data.value;
        // (一) inside 一、 (under 第一部分) is named after its parent section: section-2-1-1.
        if (parent.type === 'section') block.data.id = unique(`${parent.data.id}-${n}`);
        else block.data.id = unique(sectionsRestart ? `section-${part}-${n}` : `section-${n}`);
        visit(block, undefined);
      } else {
        const n = block.data.value;
        let id: string;
        if (parentTaskId) id = `${parentTaskId}-${n}`;
        else if (restarted) id = `task-p${part}-${n}`;
        else id = `task-${n}`;
        if (used.has(id)) {
          // A duplicated number: task-7, then task-7b.
          for (const suffix of 'bcdefghijklmnopqrstuvwxyz') if (!used.has(`${id}${suffix}`)) { id = `${id}${suffix}`; break; }
        }
        block.data.id = unique(id);
        visit(block, block.data.id);
      }
    }
  };
  visit(root, undefined);
}

