/**
 * The first stage: lines → blocks. Each line is classified (classify.ts), the covering notice is set
 * aside (preamble.ts), tables are found (table.ts), and every line becomes leaves of the innermost
 * open block: markers open parts, sections and tasks; clauses are found on each line by the line
 * forms of forms.ts. What the blocks mean is read later, by the transforms.
 */
import type { Position } from 'unist';
import { append } from '../append.ts';
import { charClass, isSpaceAt } from './chars.ts';
import { alt, CONTENTS_HEADINGS, NOTE_LABELS, TASK_FIELD_LABELS } from './lexicon.ts';
import { classifyLine, PAGE_NUMBER, type LineInfo } from './classify.ts';
import { findBodyClauses, findLineClauses, mapClause, type Clause } from './forms.ts';
import { unitLabelLater } from './clause-body.ts';
import { Locator, splitLines, type Line } from './lines.ts';
import type { Marker } from './markers.ts';
import { findBodyStart, findClosingStart } from './preamble.ts';
import { reflow } from './reflow.ts';
import { joinedSource, makeSource, type Source } from './source.ts';
import { findGluedTables } from './glued-table.ts';
import { findTables, type Table, type TableRow } from './table.ts';
import { hasUnitEnding } from './units.ts';
import { matchView } from '../normalize.ts';
import type { BlockType, BuildOptions, LeafType, ParseState, PlanBlock, PlanLeaf, PlanRoot } from './tree.ts';

/** A record's heading (`【5月6日 问题一】`) and its fields (`【主管单位】区城管局`). */
const RECORD_HEADING = /^\s*【[^】]{1,30}】\s*$/;
const RECORD_FIELD = /^\s*【[^】]{1,10}】\S/;
const ROLE_OR_LABEL = /牵头|配合|负责|责任|协办|主办|承办|单位|部门/;

/** The first half of a label at the end of a line, and the rest of it at the start of the next. */
const BROKEN_LABEL = /(?:—{1,2}|[。;,(【〔]|^)\s*(?:牵头|配合|责任|协办|主办|牵头单|配合单|责任单)\s*$/;
const LABEL_REST = /^\s*(?:单位|位|部门)\s*[:]/;
/** A field line of a record (`工单编号:`, `承办单位:镇卫生院`): a short label and its colon. */
const FIELD_LINE = /^\s*[\u4e00-\u9fff][\u4e00-\u9fff\s]{1,9}[:]/;
/** A label with nothing after its colon: its value stands on the lines below. */
const LABEL_ALONE = /[:]\s*$/;
/** Brackets that a clause may leave open at the end of a line (not `[`). */
const OPENERS = charClass('(【〔');
const CLOSERS = charClass(')】〕');

interface Segment {
  start: number;
  end: number;
  type: LeafType;
  data?: PlanLeaf['data'];
}

/** Source text → the tree of blocks, and the state the transforms read. */
export function readBlocks(source: string, options: BuildOptions = {}): { tree: PlanRoot; state: ParseState } {
  const read = makeSource(source, options);
  const physical = splitLines(source, read.view);
  const locator = new Locator(physical);
  // Text whose line breaks were lost is read back into lines (reflow.ts).
  const { src, lines } = reflow(read, physical);
  const view = src.view;
  const infos = lines.map(classifyLine);
  keepGluedMarkersInSequence(infos, lines);
  fieldItemsAsText(infos, lines);
  noteItemsAsText(infos, lines);
  contentsAsChrome(infos, lines);
  repeatsAsChrome(physical, lines, infos);
  enumerationsAsText(infos, lines);
  const year = options.year;

  let bodyStart = findBodyStart(src, lines, infos);
  // Tasks written as bare paragraphs, one a line, with no number: which lines open one.
  // A text a PDF broke at its width (its lines go on mid-sentence), read once for the whole plan.
  const wrappedText = hardWrapped(lines, bodyStart >= lines.length ? 0 : bodyStart);
  const bare = bareTaskLines(src, lines, infos, bodyStart, wrappedText);
  if (bare.size > 0) bodyStart = Math.min(bodyStart, ...bare);
  // A table run together on the line that holds the whole document (notice and all) starts the body.
  const gluedFirst = findGluedTables(src, lines, 0).find((t) => t.headerFirst < bodyStart);
  if (gluedFirst) bodyStart = gluedFirst.headerFirst;
  const tables = findTables(src, lines, infos, bodyStart);
  const rowAt = new Map<number, { table: Table; row: TableRow }>();
  const inTable = new Set<number>();
  const gluedAt = new Map<number, Table>();
  for (const table of tables) {
    for (let i = table.headerFirst; i <= table.lastLine; i++) inTable.add(i);
    if (table.mode === 'glued' && table.start !== undefined) gluedAt.set(table.headerFirst, table);
    else for (const row of table.rows) rowAt.set(row.firstLine, { table, row });
  }
  // The plan's 落款 and 版记 after its last task are the document's, like page chrome (trailing.ts
  // moves them out of the last task).
  for (let i = findClosingStart(lines, infos, bodyStart, inTable); i < lines.length; i++) if (infos[i]!.kind !== 'blank') infos[i]!.kind = 'chrome';

  // 第一部分 above 一、: the named parts are parts and the 一、 inside them sections.
  const bodyMarkers = infos
    .slice(bodyStart)
    .map((info) => info.marker)
    .filter((m) => m !== undefined);
  const chapters = bodyMarkers.some((m) => m.chapter) && bodyMarkers.some((m) => m.level === 1 && !m.chapter);
  if (chapters) for (const m of bodyMarkers) if (m.chapter) m.level = 0;
  const taskLevel = bare.size > 0 ? 3 : chooseTaskLevel(lines, infos, bodyStart, inTable, tables);
  let bareCount = 0;
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
    for (const seg of byStart(segments)) {
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
      data: {
        level,
        marker: marker.text,
        number: marker.number,
        value: marker.value,
        table,
        id: '',
        text: '',
        mentions: [],
        lists: [],
        persons: [],
        deadlines: [],
        references: [],
      },
    };
    (container().children as (PlanBlock | PlanLeaf)[]).push(block);
    stack.push(block);
    return block;
  };

  /**
   * Where the clauses of line `i` (from `from`) end: a bracket left open at the end of the line and
   * closed on one of the next lines of plain text (a PDF's hard-wrapped lines) makes those lines one
   * clause (…配合⏎单位:A、⏎B)).
   */
  const clauseReach = (i: number, from: number, allowUnlabeled: boolean): { clauses: Clause[]; end: number; last: number } => {
    const line = lines[i]!;
    // A line that goes on with the sentence of the line before (hard-wrapped text).
    const above = pageBreakBefore(i);
    const before = above >= 0 && (infos[above]!.kind === 'text' || infos[above]!.kind === 'marker') && from === line.start ? lines[above]!.view.trimEnd() : '';
    const continues = before !== '' && !endsSentence(before);
    const clauses = findLineClauses({ src, start: from, end: line.end, allowUnlabeled, continues });
    // A text a PDF broke at its width: units at the end of a line that goes on mid-sentence are the
    // paragraph's to read (…牵头,各乡镇⏎人民政府配合,…), not a sentence's last pieces.
    if (
      wrappedText &&
      clauses.length > 0 &&
      clauses.every((c) => c.form === 'sentence-final-units') &&
      !endsSentence(view.slice(from, line.end).trimEnd()) &&
      !view.slice(from, line.end).includes('(') &&
      infos[i + 1]?.kind === 'text'
    )
      return { clauses: [], end: line.end, last: i };
    const openAt = (a: number, b: number) => {
      let depth = 0;
      for (let k = a; k < b; k++) {
        const c = view.charCodeAt(k);
        // Not `[`: a stray one in task text (加强[) must not swallow the lines after it.
        if (OPENERS.has(c)) depth++;
        else if (CLOSERS.has(c) && depth > 0) depth--;
      }
      return depth;
    };
    // A label broken at the end of the line (…。——牵头⏎单位:A).
    const next = lines[i + 1];
    // 责任单位:⏎A、B — a label whose units stand on the next line.
    const bare =
      clauses.length === 1 && clauses[0]!.form === 'own-line-label' && clauses[0]!.mentions.length === 0 && /[:]\s*$/.test(view.slice(from, line.end));
    if (bare && next && (infos[i + 1]!.kind === 'text' || infos[i + 1]!.kind === 'pipe') && !inTable.has(i + 1)) {
      const joined = findLineClauses({ src, start: from, end: next.end, allowUnlabeled });
      if (joined.some((c) => c.mentions.length > 0)) {
        // A record's value of one unit a line (承办单位:⏎A⏎B): the lines go on while each is a unit.
        let reach = { clauses: joined, end: next.end, last: i + 1 };
        const count = (cs: Clause[]) => cs.reduce((n, c) => n + c.mentions.length, 0);
        for (let k = i + 2; k < lines.length && k <= i + 8 && valueLine(k); k++) {
          const more = findLineClauses({ src, start: from, end: lines[k]!.end, allowUnlabeled });
          if (count(more) <= count(reach.clauses) || more.some((c) => c.unclosed)) break;
          reach = { clauses: more, end: lines[k]!.end, last: k };
        }
        return reach;
      }
    }
    // A list that goes on on the next line (责任单位:A、B、⏎C / …,各乡镇人⏎民政府落实): a hard-wrapped
    // line whose list ends on a separator or in a piece that is no name; joined where that reads better.
    const tail = view.slice(from, line.end).trimEnd();
    const lastClause = clauses.at(-1);
    // A list cut by a page break (…、白 ⏎ -3- ⏎ 沙镇人民政府): read on over the page number, as one line.
    const after = lastClause && cutShort(clauses, from, i) ? pageBreakAfter(i) : -1;
    if (after > 0) {
      const joined = joinedSource(src, [
        { start: from, end: line.end },
        { start: lines[after]!.start, end: lines[after]!.end },
      ]);
      const read = findLineClauses({ src: joined.src, start: 0, end: joined.src.text.length, allowUnlabeled, continues }).map((c) =>
        mapClause(c, joined.toSource),
      );
      if (readsBetter(read, clauses, lines[after]!.start)) return { clauses: read, end: lines[after]!.end, last: after };
    }
    if (lastClause && cutShort(clauses, from, i) && goesOn(i + 1)) {
      const longer = goOn(from, { clauses, end: line.end, last: i }, allowUnlabeled, continues);
      if (longer.last > i) return longer;
      // Units at the end of a line that goes on mid-list end no sentence: the task's text reads them.
      if (/[、,]$/.test(tail) && (lastClause.form === 'sentence-final-units' || lastClause.form === 'bare-list'))
        return { clauses: clauses.slice(0, -1), end: line.end, last: i };
    }
    const open = openAt(from, line.end) > 0 || clauses.some((c) => c.unclosed);
    if (!open && next && infos[i + 1]!.kind === 'text' && !inTable.has(i + 1) && BROKEN_LABEL.test(view.slice(from, line.end)) && LABEL_REST.test(next.view)) {
      const joined = findLineClauses({ src, start: from, end: next.end, allowUnlabeled });
      if (joined.some((c) => c.end > next.start && !c.unclosed)) return { clauses: joined, end: next.end, last: i + 1 };
    }
    if (!open) return { clauses, end: line.end, last: i };
    for (let k = i + 1; k <= i + 4 && k < lines.length; k++) {
      const next = lines[k]!;
      // (A bracket left open at a line's end goes on on a label line too: …。(⏎责任科室:A) / (牵头科室:A;⏎配合科室:B).)
      if ((infos[k]!.kind !== 'text' && infos[k]!.kind !== 'label') || inTable.has(k) || infos[k]!.marker) break;
      if (!/[)】〕]/.test(next.view)) continue;
      const joined = findLineClauses({ src, start: from, end: next.end, allowUnlabeled });
      if (joined.some((c) => c.unclosed) || !joined.some((c) => c.end > next.start)) continue;
      return goOn(from, { clauses: joined, end: next.end, last: k }, allowUnlabeled, false);
    }
    return { clauses, end: line.end, last: i };
  };

  /**
   * The first line with text from line `i` on in direction `step` (1 after it, -1 before it), and
   * how many page numbers (`-3-`, `第3页`) stand between, over at most four lines; -1 for none.
   */
  const pastPageNumbers = (i: number, step: 1 | -1): { at: number; pages: number } => {
    let pages = 0;
    for (let k = i + step; k >= 0 && k < lines.length && Math.abs(k - i) <= 4; k += step) {
      if (infos[k]!.kind === 'blank') continue;
      if (infos[k]!.kind !== 'chrome' || !PAGE_NUMBER.test(lines[k]!.view)) return { at: k, pages };
      pages++;
    }
    return { at: -1, pages };
  };
  /** The line that goes on with line `i` after a page break (page numbers and blank lines, at least one page number), or -1. */
  const pageBreakAfter = (i: number): number => {
    const { at, pages } = pastPageNumbers(i, 1);
    return at >= 0 && pages > 0 && goesOn(at) ? at : -1;
  };
  /** The line before line `i`: the one above it, or the one above a page break; -1 for none. */
  const pageBreakBefore = (i: number): number => {
    const { at, pages } = pastPageNumbers(i, -1);
    return at >= 0 && (pages > 0 || at === i - 1) ? at : -1;
  };
  /** Line `k` can go on with a list of the line before: plain text, no marker, no field label of its own. */
  const goesOn = (k: number): boolean =>
    k < lines.length && infos[k]!.kind === 'text' && !inTable.has(k) && !infos[k]!.marker && !FIELD_LINE.test(lines[k]!.view);
  /** The clauses of a reach end at the end of its last line, in a list cut short there. */
  const cutShort = (clauses: Clause[], from: number, last: number): boolean => {
    const lastClause = clauses.at(-1);
    if (!lastClause) return false;
    const line = lines[last]!;
    const tail = view.slice(Math.max(from, line.start), line.end).trimEnd();
    return (
      lastClause.end >= Math.max(from, line.start) + tail.length - 1 &&
      (/[、,\u4e00-\u9fff]$/.test(tail) || lastClause.rejected.length > 0 || lastClause.mentions.some((m) => m.unusual))
    );
  };
  /** A reach joined with the next lines (at most three) while its list reads better for it. */
  const goOn = (from: number, reach: { clauses: Clause[]; end: number; last: number }, allowUnlabeled: boolean, continues: boolean) => {
    for (let n = 0; n < 3 && cutShort(reach.clauses, from, reach.last) && goesOn(reach.last + 1); n++) {
      const next = lines[reach.last + 1]!;
      const joined = findLineClauses({ src, start: from, end: next.end, allowUnlabeled, continues });
      if (!readsBetter(joined, reach.clauses, next.start)) break;
      reach = { clauses: joined, end: next.end, last: reach.last + 1 };
    }
    return reach;
  };

  /** Whether line `k` can be the value of a field label above it: short plain text, no label of its own. */
  const valueLine = (k: number): boolean => goesOn(k) && lines[k]!.view.trim().length <= 60 && !/[。;]\s*\S/.test(lines[k]!.view);

  /** Leaves of `[from, to)` (several lines): segments, and the gaps between them line by line. */
  const rangeLeaves = (from: number, to: number, segments: Segment[], quoted = false): PlanLeaf[] => {
    const out: PlanLeaf[] = [];
    const gap = (a: number, b: number) => {
      let at = a;
      while (at < b) {
        let nl = at;
        while (nl < b && view[nl] !== '\n' && view[nl] !== '\r') nl++;
        // Between the cells of a tab record (`quoted`), the quotes around a cell (`⇥"县财政局⏎县税务局"⇥`) are no text.
        const piece = view.slice(at, nl);
        const empty = piece.trim() === '' || (quoted && piece.replace(/"/g, '').trim() === '');
        if (nl > at) out.push(leaf({ start: at, end: nl, type: empty ? 'blank' : 'text' }));
        if (nl >= b) break;
        const brEnd = view[nl] === '\r' && view[nl + 1] === '\n' && nl + 1 < b ? nl + 2 : nl + 1;
        out.push(leaf({ start: nl, end: brEnd, type: 'break' }));
        at = brEnd;
      }
    };
    let at = from;
    for (const seg of byStart(segments)) {
      if (seg.start < at || seg.end <= seg.start) continue;
      gap(at, seg.start);
      out.push(leaf(seg));
      at = seg.end;
    }
    gap(at, to);
    return out;
  };

  /** Task numbers of each table without a 序号 column: a row's place. */
  const tableCount = new Map<Table, { count: number }>();

  /** A table row → a part, or a task (and the blocks its cells open), with one leaf a cell piece. */
  const emitRow = (table: Table, r: TableRow) => {
    const from = r.start ?? lines[r.firstLine]!.start;
    const to = r.end ?? lines[r.lastLine]!.next;
    const state = tableCount.get(table) ?? { count: 0 };
    tableCount.set(table, state);
    if (r.kind === 'header') {
      // A header repeated after a page break belongs to no task.
      while (stack.length > 0 && stack.at(-1)!.type === 'task') stack.pop();
      append(container().children as (PlanBlock | PlanLeaf)[], rangeLeaves(from, to, [], table.mode === 'tab'));
      return;
    }
    if (r.kind === 'part') {
      const block = open(r.marker!.level, r.marker!, true);
      const piece = r.cells[0]!.pieces[0]!;
      const markerEnd = piece.start + r.marker!.end;
      append(
        block.children,
        rangeLeaves(from, to, [
          { start: piece.start, end: markerEnd, type: 'marker' },
          { start: markerEnd, end: piece.end, type: 'heading' },
        ]),
      );
      return;
    }
    const segments: Segment[] = [];
    if (r.serial) segments.push({ start: r.serial.start, end: r.serial.end, type: 'marker' });
    const cellMarkers = r.serial ? r.markers.filter((m) => m.marker.level > taskLevel) : r.markers;
    // A cell's marker is the block's marker, not its text; the rest of a cell that opens a section
    // or a part is its heading (`Ⅰ—1⏎务⏎实…`, `(一)城乡⏎环境`).
    const openedBy = new Map(cellMarkers.map((m) => [m.start, m.marker]));
    for (const cell of r.cells) {
      const header = table.headerCells[cell.column];
      if (header?.includes('(')) cell.note = header;
      for (const p of cell.pieces) {
        const marker = openedBy.get(p.start);
        if (!marker) {
          segments.push({ start: p.start, end: p.end, type: 'cell', data: { role: cell.role, cell } });
          continue;
        }
        const markerEnd = Math.min(p.end, p.start + marker.end);
        segments.push({ start: p.start + marker.start, end: markerEnd, type: 'marker' });
        if (markerEnd < p.end)
          segments.push(
            marker.level < taskLevel
              ? { start: markerEnd, end: p.end, type: 'heading' }
              : {
                  start: markerEnd,
                  end: p.end,
                  type: 'cell',
                  data: { role: cell.role, cell: { ...cell, pieces: [{ ...p, start: markerEnd }, ...cell.pieces.filter((q) => q !== p)] } },
                },
          );
      }
    }
    const leaves = rangeLeaves(from, to, segments, table.mode === 'tab');
    // Blocks the row opens, each from an offset: the task of its serial (or of the row above under
    // a merged 序号, or of its place), then the blocks its cells' markers open.
    const openings: { at: number; level: number; marker: Pick<Marker, 'text' | 'number' | 'value'> }[] = [];
    if (r.serial) {
      const marker = { text: r.serial.text.trim(), number: String(r.serial.value), value: r.serial.value };
      openings.push({ at: from, level: taskLevel, marker });
    } else if (cellMarkers.length === 0) {
      const marker = { text: '', number: String(state.count + 1), value: state.count + 1 };
      openings.push({ at: from, level: taskLevel, marker });
    }
    for (const m of cellMarkers) {
      const level = m.marker.level;
      openings.push({ at: openings.length === 0 ? from : m.start, level, marker: m.marker });
    }
    state.count++;
    let k = 0;
    let target: PlanBlock | undefined;
    for (const leafNode of leaves) {
      while (k < openings.length && openings[k]!.at <= leafNode.position.start.offset!) {
        target = open(openings[k]!.level, openings[k]!.marker, true);
        if (r.inherited && openings[k]!.level >= taskLevel) target.data.inherited = r.inherited;
        k++;
      }
      (target ?? (container() as PlanBlock)).children.push(leafNode);
    }
  };

  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i]!;
    const info = infos[i]!;
    const glued = gluedAt.get(i);
    if (glued) {
      // A table run together: its rows share lines; the text between them (the title, the site's
      // chunk markers) is the container's.
      let at = line.start;
      const gap = (to: number) => {
        if (to > at) append(container().children as (PlanBlock | PlanLeaf)[], rangeLeaves(at, to, []));
        at = Math.max(at, to);
      };
      for (const r of glued.rows) {
        gap(r.start!);
        emitRow(glued, r);
        at = r.end!;
      }
      gap(lines[glued.lastLine]!.next);
      i = glued.lastLine;
      continue;
    }
    const row = rowAt.get(i);
    if (row) {
      emitRow(row.table, row.row);
      i = row.row.lastLine;
      continue;
    }
    // The 落款 and page chrome after the last task open no bare task.
    const bareTask = bare.has(i) && !inTable.has(i) && info.kind !== 'chrome';
    if (bareTask || (!inTable.has(i) && info.marker && (info.kind === 'marker' || info.kind === 'pipe'))) {
      bareCount += bareTask ? 1 : 0;
      const marker = bareTask ? { text: '', number: String(bareCount), value: bareCount, end: 0, bare: false } : info.marker!;
      const block = open(marker.bare ? taskLevel : bareTask ? taskLevel : info.marker!.level, marker, false);
      const markerEnd = line.start + marker.end;
      const isHeading = block.type !== 'task';
      const prefix = bareTask ? 0 : (info.marker!.prefix ?? 0);
      const segments: Segment[] = bareTask ? [] : [{ start: line.start + prefix, end: markerEnd, type: 'marker' }];
      if (prefix > 0) segments.push({ start: line.start, end: line.start + prefix, type: 'chrome' });
      const reach = clauseReach(i, markerEnd, !isHeading);
      const clauses = reach.clauses;
      for (const clause of clauses) segments.push({ start: clause.start, end: clause.end, type: 'clause', data: { clause } });
      if (isHeading) {
        // The heading runs to the first full stop when a body follows on the same line.
        const rest = view.slice(markerEnd, line.end);
        const stop = rest.search(/[。.](?=.{8,})/);
        const headingEnd = stop >= 0 && stop < 60 ? markerEnd + stop + 1 : (clauses[0]?.start ?? line.end);
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
    let last = i;
    let end = line.end;
    // 责任领导:X  责任单位:A B: the person's part ends where a unit label starts.
    const unitsAt = info.kind === 'person' && !inTable.has(i) ? unitLabelLater(view, s, e) : -1;
    if (unitsAt > 0) {
      segments.push({ start: s, end: trimLine(view, { ...line, end: unitsAt })[1], type: 'person' });
      const reach = clauseReach(i, unitsAt, true);
      for (const clause of reach.clauses) segments.push({ start: clause.start, end: clause.end, type: 'clause', data: { clause } });
      last = reach.last;
      end = reach.end;
    } else if (info.kind === 'person' || info.kind === 'deadline') {
      // 办结时限:⏎2025-05-07 / 包案领导:⏎副镇长 X: a label alone takes its value from the lines below.
      let to = e;
      if (LABEL_ALONE.test(view.slice(s, e))) {
        const limit = info.kind === 'deadline' ? 1 : 3;
        for (let k = i + 1; k <= i + limit && k < lines.length && valueLine(k); k++) {
          last = k;
          end = lines[k]!.end;
          to = trimLine(view, lines[k]!)[1];
        }
      }
      segments.push({ start: s, end: to, type: info.kind });
    }
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

  return { tree: root, state: { src, lines, infos, locator, tables, inTable, rowAt, taskLevel, problems: [] } };
}

/**
 * Clauses read over a line break (at `at`, the next line's start) read better than those of the
 * line alone: more units, or as many with a name that the break cut read whole (各街道办⏎事处).
 */
function readsBetter(joined: Clause[], alone: Clause[], at: number): boolean {
  const gain = quality(joined) - quality(alone);
  return gain > 0 || (gain === 0 && joined.some((c) => c.mentions.some((m) => m.start < at && m.end > at)));
}

/** How well clauses read: their units (a name with no unit ending counts half, one read only as like a name nothing) less their pieces that are none. */
function quality(clauses: Clause[]): number {
  let n = 0;
  for (const c of clauses) {
    for (const m of c.mentions) n += m.unusual ? 0 : hasUnitEnding(matchView(m.text)) ? 1 : 0.5;
    n -= c.rejected.length;
  }
  return n;
}

/** Segments in order of their start (most come in order: sorted only when they do not). */
function byStart(segments: Segment[]): Segment[] {
  for (let k = 1; k < segments.length; k++) if (segments[k]!.start < segments[k - 1]!.start) return segments.sort((a, b) => a.start - b.start);
  return segments;
}

function trimLine(view: string, line: Line): [number, number] {
  let s = line.start;
  let e = line.end;
  while (s < e && isSpaceAt(view, s)) s++;
  while (e > s && isSpaceAt(view, e - 1)) e--;
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
  const taskLike = (level: number) => {
    const stat = headings.get(level);
    return !!stat && stat.heading / stat.total < 0.5;
  };
  // Parts whose headings run into their text (一、工作目标按照…) over sections that read as tasks:
  // the sections are the tasks.
  if (taskLike(2)) return 2;
  if (taskLike(1)) return 1;
  for (const level of [4, 5]) if (present.has(level)) return level;
  if (present.has(2)) return 2;
  return 1;
}

/**
 * `2.3月底前…` is task 2 when it follows task 1 (or opens a part's numbering at 1); `1.5万元…` after
 * task 3 is text. A glued marker out of sequence becomes plain text.
 */
function keepGluedMarkersInSequence(infos: LineInfo[], lines: Line[]): void {
  let last = 0;
  for (const [i, info] of infos.entries()) {
    const marker = info.marker;
    const previous = i > 0 && infos[i - 1]!.kind === 'text' ? lines[i - 1]!.view.trimEnd() : '';
    if (!marker || marker.bare) continue;
    if (marker.level < 3) {
      if (marker.level >= 1) last = 0;
      continue;
    }
    if (marker.level !== 3) continue;
    // `…管网改造⏎12.6公里`: a wrapped line goes on with the sentence before, which did not end.
    const wrapped = previous !== '' && !endsSentence(previous) && !infos[i - 1]?.marker;
    if (marker.glued && (wrapped || (marker.value !== last + 1 && !(marker.value === 1 && last === 0)))) {
      delete info.marker;
      if (info.kind === 'marker') info.kind = 'text';
      continue;
    }
    last = marker.value;
  }
}

/** A task's field label with its value below it: `整改措施:` alone on its line. */
const FIELD_ALONE = new RegExp(`^\\s*(?:${alt(TASK_FIELD_LABELS)})\\s*[:]\\s*$`);

/**
 * `整改措施:` ⏎ `(1)…` ⏎ `(2)…`: the numbered lines under a task's field label are that field's
 * items (its measures), no sub-tasks of their own: plain text of the task.
 */
function fieldItemsAsText(infos: LineInfo[], lines: Line[]): void {
  let level = 0;
  let under = false;
  let items = false;
  for (const [i, info] of infos.entries()) {
    const marker = info.marker;
    if (info.kind === 'blank') continue;
    if (marker && !marker.bare) {
      // Under a task (1.), not under a part or section whose field heads its tasks (主要措施:⏎1.…).
      if (under && level >= 3 && marker.level > level) {
        delete info.marker;
        if (info.kind === 'marker') info.kind = 'text';
        items = true;
        continue;
      }
      level = marker.level;
      under = items = false;
      continue;
    }
    const view = lines[i]!.view;
    // The items go on over wrapped lines; the next field ends them.
    if (FIELD_LINE.test(view)) {
      under = FIELD_ALONE.test(view);
      items = false;
    } else if (!items) under = false;
  }
}

/** The heading of a table of contents: `目录`, `目  录`. */
const CONTENTS_HEAD = new RegExp(`^\\s*(?:${CONTENTS_HEADINGS.map((w) => [...w].join('\\s*')).join('|')})\\s*$`);
/** A contents entry's page: `一、工作原则 - 1 -`, `…… 3`, `...3`, `— 2 —`. */
const CONTENTS_PAGE = /(?:\s[-—–]\s*\d{1,3}\s*[-—–]|(?:…{1,}|\.{3,}|·{3,})\s*\d{1,3})\s*$/;

/**
 * A table of contents (`目录` and the headings again, each with its page): the document's, like page
 * chrome; its headings are no parts, sections or tasks.
 */
function contentsAsChrome(infos: LineInfo[], lines: Line[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (!CONTENTS_HEAD.test(lines[i]!.view)) continue;
    let k = i + 1;
    let entries = 0;
    for (; k < lines.length; k++) {
      if (infos[k]!.kind === 'blank') continue;
      if (!CONTENTS_PAGE.test(lines[k]!.view)) break;
      entries++;
    }
    if (entries < 2) continue;
    for (let j = i; j < k; j++) {
      if (infos[j]!.kind === 'blank') continue;
      delete infos[j]!.marker;
      infos[j]!.kind = 'chrome';
    }
    i = k - 1;
  }
}

/** A numbered run of short items on one line (`1、青崖县;2、溪口区;3、枫林县`): a ranking or a list, no task. */
const ENUMERATION = /^\s*1\s*[、.]\s*[^;;,,。]{1,12}(?:\s*[;;,,]\s*\d{1,2}\s*[、.]\s*[^;;,,。]{1,12}){2,}\s*[;;,,。]?\s*$/;

/** Lines that number short items in a run (a ranking of places) open no task: plain text where they stand. */
function enumerationsAsText(infos: LineInfo[], lines: Line[]): void {
  for (const [i, info] of infos.entries()) {
    if (info.marker?.level !== 3 || !ENUMERATION.test(lines[i]!.view)) continue;
    // The numbers go on in order (1、 2、 3、 …).
    const numbers = [...lines[i]!.view.matchAll(/(?:^|[;;,,])\s*(\d{1,2})\s*[、.]/g)].map((m) => Number(m[1]));
    if (!numbers.every((n, k) => n === k + 1)) continue;
    delete info.marker;
    if (info.kind === 'marker') info.kind = 'text';
  }
}

/** How much of a line's start names the text it repeats, and how long a line must be to be a repeat. */
const REPEAT_KEY = 20;
const REPEAT_LENGTH = 120;

/**
 * A document-sharing page ends with its summary (`摘要:`): the document's opening again, run together
 * on one long line. A long line that starts as one of the first lines of the document started (the
 * title, white space aside), after them, repeats them: page chrome, with every line read out of it.
 */
function repeatsAsChrome(physical: Line[], lines: Line[], infos: LineInfo[]): void {
  const compact = (view: string) =>
    view
      .slice(0, 4 * REPEAT_KEY)
      .replace(/\s+/g, '')
      .slice(0, REPEAT_KEY);
  const opening = new Set<string>();
  for (const line of physical.slice(0, 40)) {
    const key = compact(line.view);
    if (key.length === REPEAT_KEY) opening.add(key);
  }
  if (opening.size === 0) return;
  for (const line of physical.slice(40)) {
    if (line.end - line.start < REPEAT_LENGTH || !opening.has(compact(line.view))) continue;
    for (const [k, l] of lines.entries()) {
      if (l.start < line.start || l.start >= line.end || infos[k]!.kind === 'blank') continue;
      delete infos[k]!.marker;
      infos[k]!.kind = 'chrome';
    }
  }
}

/** `注:` / `说明:` opening a note, with its first item (`注:1.…`) or alone on its line; in a quoted cell, after its quote. */
const NOTE_HEAD = new RegExp(`^\\s*(?:"\\s*)?(?:${alt(NOTE_LABELS)})\\s*(?:[:]\\s*(?:(1|一|①)\\s*[.、]|$)|$)`);

/**
 * `注:1.…` ⏎ `2.…` ⏎ `3.…` after a table or the last task: the lines that go on with the note's
 * numbering are its items, no tasks: plain text where they stand.
 */
function noteItemsAsText(infos: LineInfo[], lines: Line[]): void {
  let expected = 0;
  for (const [i, info] of infos.entries()) {
    const head = NOTE_HEAD.exec(lines[i]!.view);
    if (head) {
      expected = head[1] ? 2 : 1;
      continue;
    }
    if (expected === 0 || info.kind === 'blank') continue;
    const marker = info.marker;
    if (!marker) continue;
    if (marker.bare || marker.level < 3 || marker.value !== expected) {
      expected = 0;
      continue;
    }
    delete info.marker;
    if (info.kind === 'marker') info.kind = 'text';
    expected++;
  }
}

/**
 * Plans whose tasks are bare paragraphs, one a line, with no number (`…,责任单位为区科技局。`),
 * under headings (一、…) or none: the lines that open a task. Only when the plan has no numbered
 * items and no table, and most paragraphs of a heading that has any clause name their units; a
 * heading none of whose paragraphs names a unit (总体要求) keeps its paragraphs as its text.
 */
function bareTaskLines(src: Source, lines: Line[], infos: LineInfo[], bodyStart: number, wrapped: boolean): Set<number> {
  const out = new Set<number>();
  const noMarkers = bodyStart >= lines.length;
  const from = noMarkers ? 0 : bodyStart;
  for (let i = from; i < lines.length; i++) {
    const m = infos[i]!.marker;
    if (m && !m.bare && m.level >= 3) return out;
  }
  // Records (a 督办 ledger, an 曝光台): a bracketed heading line opens each, 【label】 lines follow.
  const headings = [];
  for (let i = 0; i < lines.length; i++) if (RECORD_HEADING.test(lines[i]!.view) && RECORD_FIELD.test(lines[i + 1]?.view ?? '')) headings.push(i);
  if (headings.length >= 3) return new Set(headings);
  // Records of field lines (事项来源:⏎12345热线⏎…⏎承办单位:⏎镇卫生院), one a paragraph between blank
  // lines: each paragraph that opens with a field line and names its units under a label is a task.
  const records: number[] = [];
  for (let i = from; i < lines.length; i++) {
    if (infos[i]!.kind === 'blank' || (i > from && infos[i - 1]!.kind !== 'blank')) continue;
    let fields = 0;
    let labelled = false;
    for (let k = i; k < lines.length && infos[k]!.kind !== 'blank'; k++) {
      if (FIELD_LINE.test(lines[k]!.view)) fields++;
      if (infos[k]!.kind === 'label') labelled = true;
    }
    if (FIELD_LINE.test(lines[i]!.view) && fields >= 3 && labelled) records.push(i);
  }
  if (records.length >= 3) return new Set(records);
  // A list of each unit's duties (县水利局:负责…): only its lines open tasks; the lines around them are
  // the page's, or more of the duties above.
  const dutyLine = (i: number) => {
    const line = lines[i]!;
    return findLineClauses({ src, start: line.start, end: line.end, allowUnlabeled: true }).some((c) => c.form === 'units-colon');
  };
  // Paragraphs by heading: each run of text lines after a heading (or from the start).
  const groups: number[][] = [[]];
  const headingLevels: number[] = [0];
  let sawHeading = noMarkers;
  for (let i = from; i < lines.length; i++) {
    const info = infos[i]!;
    if (info.marker && !info.marker.bare) {
      groups.push([]);
      headingLevels.push(info.marker.level);
      sawHeading = true;
      continue;
    }
    // (A short line too where it is a unit and its colon alone, its duties below: 县公安局:.)
    // A line that goes on with the sentence of the line above (a PDF's width broke it) opens nothing.
    const above = i > 0 ? lines[i - 1]!.view.trim() : '';
    const opensParagraph = !wrapped || above === '' || endsSentence(above);
    if (info.kind === 'text' && sawHeading && opensParagraph && (lines[i]!.view.trim().length >= 8 || dutyLine(i))) groups.at(-1)!.push(i);
  }
  let clauseLines = 0;
  let textLines = 0;
  const named = (i: number) => {
    const line = lines[i]!;
    const scan = { src, start: line.start, end: line.end, allowUnlabeled: true };
    return (
      findLineClauses(scan).some((c) => c.mentions.length > 0) ||
      findBodyClauses(src, line.start, line.end).some((c) => c.mentions.length > 0) ||
      /^\s*(?:责任单位|牵头单位)/.test(lines[i + 1]?.view ?? '')
    );
  };
  const chosen: number[] = [];
  // Items (一)… whose heading stands alone over paragraphs that name their units once, in the last
  // paragraph: the item is the task and its paragraphs its text, not a section of bare tasks.
  let itemsOverText = 0;
  let namedGroups = 0;
  for (const [g, group] of groups.entries()) {
    const flags = group.map(named);
    const n = flags.filter(Boolean).length;
    if (n === 0) continue;
    namedGroups++;
    if (headingLevels[g] === 2 && n === 1 && flags.at(-1)) itemsOverText++;
  }
  if (namedGroups >= 3 && itemsOverText === namedGroups) return out;
  for (const group of groups) {
    const flags = group.map(named);
    const n = flags.filter(Boolean).length;
    if (n === 0) continue;
    const duties = group.filter(dutyLine);
    clauseLines += n;
    textLines += duties.length >= 3 ? duties.length : group.length;
    chosen.push(...(duties.length >= 3 ? duties : group));
  }
  if (clauseLines < 3 || clauseLines < textLines * 0.5) return out;
  for (const i of chosen) out.add(i);
  return out;
}

/**
 * A text a PDF broke at its width: most of its long lines are about as long as the longest, so a line
 * that does not end its sentence goes on on the next.
 */
function hardWrapped(lines: Line[], from: number): boolean {
  const lengths = lines
    .slice(from)
    .map((l) => l.view.trim().length)
    .filter((n) => n >= 16);
  if (lengths.length < 10) return false;
  const sorted = [...lengths].sort((a, b) => a - b);
  const width = sorted[Math.floor(sorted.length * 0.9)]!;
  return lengths.filter((n) => n >= width - 4 && n <= width + 2).length >= lengths.length * 0.6;
}

/**
 * Whether a line ends its sentence: a full stop, or a closing bracket of a clause; `各县(市、区)` at
 * the end of a line goes on on the next.
 */
function endsSentence(view: string): boolean {
  if (/[。;!:】〕]$/.test(view)) return true;
  if (!view.endsWith(')')) return false;
  const open = view.lastIndexOf('(');
  return open < 0 || ROLE_OR_LABEL.test(view.slice(open)) || /[。;]\s*\($/.test(view.slice(0, open + 1));
}
