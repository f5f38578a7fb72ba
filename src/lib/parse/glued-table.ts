/**
 * A 任务分工表 whose every cell ran together, as a Word file shown on a document-sharing page gives
 * it: the page is cut into chunks that the site opens with its own `1、` `2、` … (cutting words and
 * unit names), and inside them the title, the header (`序号项目名称主要内容…牵头单位配合单位`), part
 * rows, serials, cells and repeated headers follow one another with no separator at all.
 *
 * The chunks are read as one text (the site's markers left out), the header gives the columns, rows
 * open at the serials in sequence, and each row is read as sentences, each followed by the person
 * (when the table has a person column), the units and the deadline its cells held.
 */
import { charClass } from './chars.ts';
import { alt, DEADLINE_CELL_END, DEADLINE_PERIODS, GLUE_AFTER, GLUED_HEADER_CELLS, ROLE_WORDS, SENTENCE_STARTS, UNDATED_DEADLINES } from './lexicon.ts';
import type { Line } from './lines.ts';
import { readMarker } from './markers.ts';
import type { Source } from './source.ts';
import type { Cell, Piece, Table, TableRow } from './table.ts';
import { headerRole } from './table-cells.ts';
import { cutsWord, hasUnitEnding, isPersonLike, isUnitLike, opensWithStem } from './units.ts';

/** A header cell; a year may open one (2023年计划投资). */
const HEADER_CELL = new RegExp(`^(?:(?:19|20)\\d{2}年)?(?:${alt(GLUED_HEADER_CELLS)})`);
const CHUNK_MARKER = /^\s*(\d{1,2})、/;
const UNDATED_END = new RegExp(`(?:${alt(UNDATED_DEADLINES)}|长期)(?:、(?:${alt(UNDATED_DEADLINES)}))*$`);
const NOT_AFTER_SERIAL = /^[年月日号时个万亿项家所座处条名人次天周批期级类.%\d]/;
const PERSON = /^[\u4e00-\u9fff]{2,4}$/;
const PLACE_NEXT = /^(?:各|省|市|县|区|州|镇|乡|街道)/;
const ENDING_NEXT = /^(?:党委|党工委|党组|管委会|委员会|人民政府|政府|会|委|办|事处|办事处|中心|局|处|室|科|所|站|部|队)/;
/** A role word right after a name (…财务审计科牵头,局属各单位配合): the name ends there. */
const ROLE_NEXT = new RegExp(`^(?:${alt(ROLE_WORDS.map((w) => w.word))})(?=[,;、。]|$)`);
const ROLE_END = new RegExp(`(?:${alt(ROLE_WORDS.map((w) => w.word))})$`);
/** A deadline with no digits written right after the units (…机关党委长期坚持). */
const UNDATED_NEXT = new RegExp(`^(?:${alt(UNDATED_DEADLINES)}|${alt(DEADLINE_PERIODS)})`);
const SENTENCE_NEXT = new RegExp(`^(?:${alt(SENTENCE_STARTS)}|对|在|为|与|从|向)`);
/** Last characters of a unit's name (局, 委, 司 …). */
const GLUE_SPECIAL_END = charClass(GLUE_AFTER);

/** A run of header cells written back to back, from `at` of `view`: the cells, or undefined. */
function headerRun(view: string, at: number): { cells: string[]; end: number } | undefined {
  const cells: string[] = [];
  let p = at;
  for (;;) {
    const m = HEADER_CELL.exec(view.slice(p, p + 12));
    if (!m) break;
    cells.push(m[0]);
    p += m[0].length;
  }
  return cells.length >= 3 && cells.filter((c) => headerRole(c) !== undefined).length >= 3 ? { cells, end: p } : undefined;
}

/** Does a header of a table run together stand anywhere in `view`? */
export function hasGluedHeader(view: string): boolean {
  for (let k = 0; k < view.length; k++) if ((view[k] === '序' || view[k] === '编') && headerRun(view, k)) return true;
  return false;
}

interface Stream {
  /** The chunks' text, the site's markers left out, joined with nothing between. */
  view: string;
  text: string;
  /** Offset in the stream → offset in the source. */
  starts: number[];
  pieces: Piece[];
  firstLine: number;
  lastLine: number;
  /** Where each cell starts in the stream, when the cells were joined by single spaces (a 范文 page). */
  tokens?: Set<number>;
}

function toSource(stream: Stream, offset: number): number {
  let k = stream.starts.length - 1;
  while (k > 0 && stream.starts[k]! > offset) k--;
  return Math.min(stream.pieces[k]!.end, stream.pieces[k]!.start + (offset - stream.starts[k]!));
}

/** A range of the stream as pieces of the source (split where it crosses a chunk's marker). */
function sourcePieces(stream: Stream, start: number, end: number): Piece[] {
  const out: Piece[] = [];
  for (let k = 0; k < stream.pieces.length; k++) {
    const s = stream.starts[k]!;
    const e = s + (stream.pieces[k]!.end - stream.pieces[k]!.start);
    const a = Math.max(start, s);
    const b = Math.min(end, e);
    if (b > a) out.push({ start: stream.pieces[k]!.start + (a - s), end: stream.pieces[k]!.start + (b - s) });
  }
  return out;
}

/** The units written back to back from `at` (with 、 , between or nothing): where they end. */
function unitsEnd(view: string, at: number, limit: number): number {
  const ranges = unitRanges(view, at, limit);
  return ranges.length === 0 ? at : ranges.at(-1)![1];
}

/**
 * Each unit written back to back from `at`, as [start, end). A name ends where a separator, a
 * digit (the deadline), another unit's place (区, 县, 各 …) or a sentence follows, and never just
 * before what is itself an ending (机关|党委, 管委|会): of the endings that qualify, the best placed wins.
 */
function unitRanges(view: string, at: number, limit: number): [number, number][] {
  const out: [number, number][] = [];
  let p = at;
  for (;;) {
    while (p < limit && /[、,;]/.test(view[p]!)) p++;
    let found = -1;
    let score = -Infinity;
    for (let e = p + 2; e <= Math.min(limit, p + 14); e++) {
      const name = view.slice(p, e);
      if (!isUnitLike(name) || !hasUnitEnding(name) || isPersonLike(name) || /[。:,、;]/.test(name) || twoUnits(name) || goesOnIntoSentence(view, p, e))
        continue;
      const next = view.slice(e, e + 4);
      const role = ROLE_NEXT.exec(view.slice(e, Math.min(limit, e + 9)));
      let fit = 0;
      if (e === limit || /^[、,;\d]/.test(next) || UNDATED_NEXT.test(view.slice(e, e + 6)) || role) fit = 3;
      else if (ENDING_NEXT.test(next) || cutsWord(view, e)) fit = -3;
      else if (PLACE_NEXT.test(next)) fit = 2;
      else if (SENTENCE_NEXT.test(next)) fit = 1;
      else if (!unitsStartAt(view, e, limit)) continue;
      const value = fit + (e - p) * 0.1;
      if (value > score) {
        score = value;
        // The role word goes with its name: the cell reads it.
        found = e + (role?.[0].length ?? 0);
      }
    }
    if (found < 0 || score < 0) return out;
    out.push([p, found]);
    p = found;
  }
}

/**
 * The units of the cells from `at` on, in a table whose cells were joined by spaces: each cell that
 * is all units (one, or several run together: 各镇区各单位), up to the first that is not.
 */
function cellUnits(view: string, tokens: Set<number>, at: number, limit: number): [number, number][] {
  const out: [number, number][] = [];
  let p = at;
  while (p < limit && tokens.has(p)) {
    let e = p + 1;
    while (e < limit && !tokens.has(e)) e++;
    const ranges = unitRanges(view, p, e);
    if (ranges.length > 0 && ranges.at(-1)![1] === e && ranges[0]![0] === p) out.push(...ranges);
    else if (isUnitLike(view.slice(p, e)) && !/[。;:]/.test(view.slice(p, e))) out.push([p, e]);
    else break;
    p = e;
  }
  return out;
}

/** A name that runs on past a whole name into a sentence (轨道公司|推进…核心区): no name. */
function goesOnIntoSentence(view: string, start: number, end: number): boolean {
  for (let k = start + 2; k < end - 1; k++) {
    if (GLUE_SPECIAL_END.has(view.charCodeAt(k - 1)) && SENTENCE_NEXT.test(view.slice(k, k + 6)) && hasUnitEnding(view.slice(start, k))) return true;
  }
  return false;
}

/**
 * A name that is two names (区住房城乡建设局青禾高新区): a unit, then another unit that is no
 * organ of it (机关|党委, 各街道|办事处) and no branch of it (县公安局|交警大队).
 */
function twoUnits(name: string): boolean {
  for (let k = 3; k <= name.length - 3; k++) {
    const left = name.slice(0, k);
    const right = name.slice(k);
    if (!isUnitLike(left) || !hasUnitEnding(left) || !isUnitLike(right) || !hasUnitEnding(right) || cutsWord(name, k)) continue;
    if (ENDING_NEXT.test(right) || (/(大队|中队|支队|分局|派出所|分公司)$/.test(right) && !PLACE_NEXT.test(right))) continue;
    return true;
  }
  return false;
}

/** Does a unit name start at `at` (checked on a short window, without going on)? */
function unitsStartAt(view: string, at: number, limit: number, depth = 0): boolean {
  for (let e = at + 2; e <= Math.min(limit, at + 16); e++) {
    const name = view.slice(at, e);
    if (!isUnitLike(name) || /[。:]/.test(name)) continue;
    if (e === limit || /[、,;\d]/.test(view[e]!) || /^(?:各|县|区|市|省|镇|乡)/.test(view.slice(e, e + 1))) return true;
    // The last of several units run together, then the text of a row's next part
    // (文体旅局晋陵公司轨道公司推进…): the names go on to a sentence, one name at a time.
    if (
      !/[,、;“”"‘’]/.test(name) &&
      hasUnitEnding(name) &&
      (SENTENCE_NEXT.test(view.slice(e, e + 6)) || (depth < 3 && unitsStartAt(view, e, limit, depth + 1)))
    )
      return true;
  }
  return false;
}

/** The stream of chunks from the line holding the header. */
function readStream(lines: Line[], view: string, from: number): Stream {
  const stream: Stream = { view: '', text: '', starts: [], pieces: [], firstLine: from, lastLine: from };
  let expected = 0;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    const m = CHUNK_MARKER.exec(line.view);
    if (i > from && (!m || Number(m[1]) !== expected + 1)) break;
    if (m) expected = Number(m[1]);
    const start = line.start + (m ? m[0].length : 0);
    stream.starts.push(stream.view.length);
    stream.pieces.push({ start, end: line.end });
    stream.view += view.slice(start, line.end);
    stream.lastLine = i;
  }
  return stream;
}

/** A line this long that holds a whole table, its cells joined by single spaces. */
const SPACED_TABLE_LINE = 300;

/**
 * A table a 范文 site gives on one line, every cell joined to the next by one space (and the whole
 * wrapped in one `| … |` cell): the line's cells, read back to back as a glued table's are, with
 * where each cell starts kept, and its header: the header cells written one after another before
 * the first part row or serial (a two-row header flattened: `工作内容及要求 牵头单位 责任单位 类型 序号 条款`).
 */
function spacedTable(src: Source, line: Line, index: number): { stream: Stream; headerCells: string[]; start: number } | undefined {
  let view = line.view;
  if (view.length < SPACED_TABLE_LINE || view.includes('\t')) return undefined;
  let from = line.start;
  const wrapped = /^\|\s/.test(view) && /\s\|\s*$/.test(view);
  if (wrapped) {
    from += 2;
    view = src.view.slice(from, line.start + view.replace(/\s*\|\s*$/, '').length);
  }
  if (view.includes('|')) return undefined;
  const tokens: { start: number; end: number }[] = [];
  for (const m of view.matchAll(/[^ \u3000]+/g)) tokens.push({ start: from + m.index, end: from + m.index + m[0].length });
  if (tokens.length < 20) return undefined;
  // The header: from the first header cell, the cells up to the first part row or serial.
  const first = tokens.findIndex((t) => HEADER_CELL.test(src.view.slice(t.start, t.end)));
  if (first < 0) return undefined;
  const cells: string[] = [];
  let k = first;
  for (; k < tokens.length && k < first + 16; k++) {
    const cell = src.view.slice(tokens[k]!.start, tokens[k]!.end);
    if (/^[一二三四五六七八九十]+、/.test(cell) || /^\d/.test(cell) || cell.length > 10 || /[。;]/.test(cell)) break;
    cells.push(cell);
  }
  const roles = cells.map((c) => headerRole(c));
  if (roles.filter((r) => r !== undefined).length < 3 || !roles.some((r) => r === 'lead' || r === 'responsible' || r === 'support')) return undefined;
  const stream: Stream = { view: '', text: '', starts: [], pieces: [], firstLine: index, lastLine: index, tokens: new Set() };
  for (const t of tokens.slice(k)) {
    stream.tokens!.add(stream.view.length);
    stream.starts.push(stream.view.length);
    stream.pieces.push(t);
    stream.view += src.view.slice(t.start, t.end);
  }
  stream.tokens!.add(stream.view.length);
  stream.text = stream.pieces.map((p) => src.text.slice(p.start, p.end)).join('');
  return { stream, headerCells: cells, start: tokens[first]!.start };
}

/** Tables run together on a document-sharing page, found from line `from`. */
export function findGluedTables(src: Source, lines: Line[], from: number): Table[] {
  const tables: Table[] = [];
  for (let i = from; i < lines.length; i++) {
    const view = lines[i]!.view;
    const spaced = spacedTable(src, lines[i]!, i);
    if (spaced) {
      const table = readRows(spaced.stream, spaced.headerCells, 0);
      if (table && table.rows.filter((r) => r.kind === 'row').length >= 2) {
        table.headerFirst = i;
        table.headerLast = i;
        table.lastLine = i;
        table.start = spaced.start;
        tables.push(table);
        continue;
      }
    }
    if (view.length < 20 || view.includes('|') || view.includes('\t')) continue;
    let header: { cells: string[]; end: number } | undefined;
    let headerAt = -1;
    for (let k = 0; k < view.length && !header; k++) {
      if (view[k] !== '序' && view[k] !== '编') continue;
      header = headerRun(view, k);
      headerAt = k;
    }
    if (!header || header.end >= view.length - 4) continue;
    const stream = readStream(lines, src.view, i);
    stream.text = stream.pieces.map((p) => src.text.slice(p.start, p.end)).join('');
    const table = readRows(stream, header.cells, header.end - (CHUNK_MARKER.exec(view)?.[0].length ?? 0));
    if (!table || table.rows.filter((r) => r.kind === 'row').length < 2) continue;
    table.headerFirst = i;
    table.headerLast = i;
    table.lastLine = stream.lastLine;
    table.start = lines[i]!.start + headerAt;
    tables.push(table);
    i = stream.lastLine;
  }
  return tables;
}

function readRows(stream: Stream, headerCells: string[], headerEnd: number): Table | undefined {
  const columns = headerCells.map((c) => headerRole(c) ?? 'note');
  const table: Table = { headerFirst: 0, headerLast: 0, columns, headerCells, mode: 'glued', rows: [], lastLine: 0 };
  const view = stream.view;
  const person = columns.includes('person');
  const unitColumns = columns.flatMap((r, k) => (r === 'lead' || r === 'support' || r === 'responsible' ? [k] : []));
  const deadlineColumn = columns.indexOf('deadline');
  const textColumn = columns.indexOf('text');
  if (unitColumns.length === 0) return undefined;
  // Names repeat from row to row: count every reading of a name after a full stop, so that each
  // row takes the reading the table uses most (张海涛 办公室, not 张海 涛办公室).
  const names = new Map<string, number>();
  if (person) {
    for (let q = view.indexOf('。'); q >= 0; q = view.indexOf('。', q + 1)) {
      for (const len of [2, 3, 4]) {
        const name = view.slice(q + 1, q + 1 + len);
        if (PERSON.test(name) && !isUnitLike(name) && unitsEnd(view, q + 1 + len, Math.min(view.length, q + 60)) > q + 1 + len)
          names.set(name, (names.get(name) ?? 0) + 1);
      }
    }
  }
  let p = headerEnd;
  let last = 0;
  const rowAt = (start: number, end: number, kind: TableRow['kind']): TableRow => ({
    firstLine: 0,
    lastLine: 0,
    kind,
    cells: [],
    markers: [],
    start: toSource(stream, start),
    end: toSource(stream, end),
  });
  /** Where the next row, part row, repeated header or note opens after `from`. */
  const nextBoundary = (from: number): number => {
    const tokens = stream.tokens;
    for (let q = from; q < view.length; q++) {
      // Cells joined by spaces: a row, a part or a header opens a cell, and a serial is a cell of its own.
      if (tokens && !tokens.has(q)) continue;
      if (tokens && view.startsWith(String(last + 1), q) && tokens.has(q + String(last + 1).length)) return q;
      if (
        !tokens &&
        view.startsWith(String(last + 1), q) &&
        !/\d/.test(view[q - 1] ?? '') &&
        !NOT_AFTER_SERIAL.test(view.slice(q + String(last + 1).length)) &&
        /[\u4e00-\u9fff“]/.test(view[q + String(last + 1).length] ?? '')
      )
        return q;
      if ((view[q] === '序' || view[q] === '编') && headerRun(view, q)) return q;
      if (/^[一二三四五六七八九十]+、/.test(view.slice(q, q + 4)) && q > from && !/[一二三四五六七八九十]/.test(view[q - 1]!)) return q;
      if (/^(?:注|说明)\s*[:：]/.test(view.slice(q, q + 3))) return q;
    }
    return view.length;
  };
  while (p < view.length) {
    const rest = view.slice(p);
    const run = rest.startsWith('序') || rest.startsWith('编') ? headerRun(view, p) : undefined;
    if (run) {
      table.rows.push(rowAt(p, run.end, 'header'));
      p = run.end;
      continue;
    }
    const part = /^[一二三四五六七八九十]+、/.exec(rest);
    if (part) {
      const end = nextBoundary(p + part[0].length);
      const marker = readMarker(view.slice(p, end), stream.text.slice(p, end));
      if (!marker) break;
      table.rows.push({ ...rowAt(p, end, 'part'), marker, cells: [{ role: 'text', column: 0, pieces: sourcePieces(stream, p, end), wrapped: true }] });
      p = end;
      continue;
    }
    // A totals row (合计 288100 126700) before the rows: no task.
    const totals = /^(?:合计|总计|小计)\s*(?:[\d.]+\s+)*/.exec(rest);
    if (totals) {
      p += totals[0].length;
      continue;
    }
    const serial = /^\d{1,3}/.exec(rest);
    if (!serial || Number(serial[0]) !== last + 1) break;
    if (stream.tokens && !stream.tokens.has(p + serial[0].length)) break;
    last = Number(serial[0]);
    const bodyStart = p + serial[0].length;
    const end = nextBoundary(bodyStart);
    const row = rowAt(p, end, 'row');
    const serialPieces = sourcePieces(stream, p, bodyStart);
    row.serial = { start: serialPieces[0]!.start, end: serialPieces.at(-1)!.end, value: last, text: serial[0] };
    row.cells = rowCells(stream, bodyStart, end, { tokens: stream.tokens, person, names, unitColumns, deadlineColumn, textColumn, columns });
    table.rows.push(row);
    p = end;
    if (/^(?:注|说明)/.test(view.slice(p))) break;
  }
  return table;
}

interface RowShape {
  /** Where each cell starts, for a table whose cells were joined by spaces. */
  tokens?: Set<number>;
  person: boolean;
  /** How often each reading of a person's name occurs in the table. */
  names: Map<string, number>;
  unitColumns: number[];
  deadlineColumn: number;
  textColumn: number;
  columns: Table['columns'];
}

/** A deadline anywhere in a row: a date, a month's end, the year's end. */
const DEADLINE_IN_ROW = new RegExp(DEADLINE_CELL_END.source.replace(/\\s\*\$$/, ''), 'g');

/**
 * The cells of a row whose header puts the deadline before the units (序号 项目 内容 完成时限 投资
 * 牵头单位 配合单位 领导): the text up to the deadline that figures (the money columns) and units
 * follow, then the units (the first leads when there is a lead and a support column), then the person.
 */
function orderedRowCells(stream: Stream, start: number, end: number, shape: RowShape): Cell[] | undefined {
  const view = stream.view;
  const segment = view.slice(start, end);
  DEADLINE_IN_ROW.lastIndex = 0;
  for (let m = DEADLINE_IN_ROW.exec(segment); m; m = DEADLINE_IN_ROW.exec(segment)) {
    if (m[0].length === 0) {
      DEADLINE_IN_ROW.lastIndex++;
      continue;
    }
    const deadlineStart = start + m.index;
    const deadlineEnd = deadlineStart + m[0].length;
    let q = deadlineEnd;
    while (q < end && /[\d.\s]/.test(view[q]!)) q++;
    // The person at the end of the row (…城北街道办事处王立军): the units end before the name.
    let personStart = end;
    if (shape.person) {
      let best = -1;
      for (const len of [3, 2, 4]) {
        const name = view.slice(end - len, end);
        const seen = shape.names.get(name) ?? 0;
        if (PERSON.test(name) && !isUnitLike(name) && hasUnitEnding(view.slice(Math.max(q, end - len - 6), end - len)) && seen > best) {
          best = seen;
          personStart = end - len;
        }
      }
    }
    const units = unitRanges(view, q, personStart);
    if (units.length === 0) continue;
    const cells: Cell[] = [];
    const add = (column: number, a: number, b: number) => {
      if (b > a && column >= 0) cells.push({ role: shape.columns[column]!, column, pieces: sourcePieces(stream, a, b), wrapped: true });
    };
    add(shape.textColumn, start, deadlineStart);
    add(shape.deadlineColumn, deadlineStart, deadlineEnd);
    const money = shape.columns.indexOf('note');
    if (q > deadlineEnd) add(money, deadlineEnd, q);
    const lead = shape.unitColumns[0]!;
    const support = shape.unitColumns[1] ?? lead;
    const grouped = new Map<number, [number, number]>();
    units.forEach(([a, b], k) => {
      const column = k === 0 ? lead : support;
      const range = grouped.get(column);
      grouped.set(column, range ? [range[0], b] : [a, b]);
    });
    for (const [column, [a, b]] of grouped) add(column, a, b);
    const after = units.at(-1)![1];
    if (shape.person && after < end) add(shape.columns.indexOf('person'), after, end);
    else if (after < end) add(shape.textColumn, after, end);
    if (after < personStart) return undefined;
    return cells.sort((a, b) => a.column - b.column);
  }
  return undefined;
}

/** The cells of one row: sentences, each followed by its person, units and deadline. */
function rowCells(stream: Stream, start: number, end: number, shape: RowShape): Cell[] {
  const view = stream.view;
  if (shape.deadlineColumn >= 0 && shape.deadlineColumn < shape.unitColumns[0]!) {
    const ordered = orderedRowCells(stream, start, end, shape);
    if (ordered) return ordered;
  }
  const cells: Cell[] = [];
  const addUnit = (column: number, a: number, b: number, row: number) => {
    if (b > a && column >= 0)
      cells.push({ role: shape.columns[column]!, column, pieces: sourcePieces(stream, a, b).map((piece) => ({ ...piece, row })), wrapped: true });
  };
  const add = (column: number, a: number, b: number, row: number) => {
    if (b <= a || column < 0) return;
    const pieces = sourcePieces(stream, a, b).map((piece) => ({ ...piece, row }));
    const same = cells.find((c) => c.column === column);
    if (same) same.pieces.push(...pieces);
    else cells.push({ role: shape.columns[column]!, column, pieces, wrapped: true });
  };
  // The deadline at the end of the row.
  let stop = end;
  // The longer of the two readings (立行立改、长期坚持 as a whole).
  const dated = DEADLINE_CELL_END.exec(view.slice(start, end));
  const undated = UNDATED_END.exec(view.slice(start, end));
  const deadline = dated && (!undated || dated.index <= undated.index) ? dated : undated;
  if (deadline && shape.deadlineColumn >= 0) {
    stop = start + deadline.index;
    add(shape.deadlineColumn, stop, end, 0);
  }
  let p = start;
  let textFrom = start;
  let row = 0;
  while (p < stop) {
    const dot = view.indexOf('。', p);
    if (dot < 0 || dot >= stop) break;
    let q = dot + 1;
    // A person (when the table has a person column), then the units.
    let personEnd = q;
    if (shape.person) {
      let best = 0;
      for (const len of [3, 2, 4]) {
        const name = view.slice(q, q + len);
        // A sentence's first word (开展…) is nobody's name.
        if (SENTENCE_NEXT.test(name)) continue;
        // The reading the table uses most; on a tie, the one after which a place or a
        // department's stem opens a unit (张菁|民政局, not 张菁民|政局).
        const rest = view.slice(q + len, q + len + 8);
        const seen = (shape.names.get(name) ?? 0) + (PLACE_NEXT.test(rest) || opensWithStem(rest) ? 0.5 : 0);
        if (seen > best && unitsEnd(view, q + len, stop) > q + len) {
          best = seen;
          personEnd = q + len;
        }
      }
    }
    let units = shape.tokens ? cellUnits(view, shape.tokens, personEnd, stop) : unitRanges(view, personEnd, stop);
    // Cells joined by spaces: the units are a row's last cells, before the next row or a sub-row's
    // measure (5、…); short cells before more text or a list of measures that opens at 1 (计划部署
    // 1、制定…, 机构 建设 1.健全…) are the row's label (类型).
    if (shape.tokens && units.length > 0) {
      const after = units.at(-1)![1];
      const next = /^(\d{1,2})\s*[.、]/.exec(view.slice(after, after + 4));
      if (after < stop && (!next || next[1] === '1')) units = [];
    }
    // Names that go on into a list of things (各科室、局属单位廉政风险点…) open a sentence: no units cell.
    if (units.length === 0 || view[units.at(-1)![1]] === '、') {
      p = dot + 1;
      continue;
    }
    const unitsStop = units.at(-1)![1];
    add(shape.textColumn, textFrom, dot + 1, row);
    if (personEnd > q) add(shape.columns.indexOf('person'), q, personEnd, row);
    // Each unit a cell of its column (they ran together); with a lead and a support column and
    // no separator, the first unit leads. Names with their own role words (A牵头,B配合) are one
    // cell that says the roles itself.
    if (units.some(([a, b]) => ROLE_END.test(view.slice(a, b)))) addUnit(shape.unitColumns[0]!, units[0]![0], units.at(-1)![1], row);
    else
      units.forEach(([a, b], k) => {
        addUnit(shape.unitColumns.length >= 2 && k > 0 ? shape.unitColumns[1]! : shape.unitColumns[0]!, a, b, row);
      });
    q = unitsStop;
    textFrom = q;
    p = q;
    row++;
  }
  if (textFrom < stop && p < stop) add(shape.textColumn, textFrom, stop, row);
  return cells.sort((a, b) => a.column - b.column);
}
