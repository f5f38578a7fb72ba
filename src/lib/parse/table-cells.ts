/**
 * What a table's header cells say their columns hold, what a data cell holds, and where the cells
 * of a row go. A web copy drops merged cells and a flattened table puts one cell on a line, so
 * cells are placed by what they hold (a unit list, a date, a person, a number, a sentence), in
 * order, not by position alone.
 */
import { alt, HEADER_WORDS, LABEL_NOUNS, LABEL_ROLES, PLACE_WORDS, UNDATED_DEADLINES, type ColumnRole } from './lexicon.ts';
import { readMarker } from './markers.ts';
import type { Source } from './source.ts';
import { readClauseBody } from './clause-body.ts';
import { isPersonLike, isUnitLike, recognizeUnits } from './units.ts';

export type { ColumnRole };

/** Words that end a header cell broken across two lines (`责任` ⏎ `领导`, `责任` ⏎ `县领导`): they join the line before. */
const HEADER_TAILS = new RegExp(
  `^(?:${alt(PLACE_WORDS)})?(领导|单位|部门|科室|处室|办所|时限|时间|任务|内容|措施|目标|情况|完成情况|进展情况|落实情况|名称|要求|节点|事项|人)$`,
);

/** A header cell's column, or undefined for a cell that is no header word. */
export function headerRole(cell: string): ColumnRole | undefined {
  // 主责单位:县民政局 and 【责任单位】… are label lines, not header cells.
  if (/:\s*\S/.test(cell) || /[【】]/.test(cell)) return undefined;
  // A note in brackets after the header's words (责任部门(加*号为牵头部门,其余为参与部门), 投资(万元)) says
  // how to read the column, not what it holds.
  const h = cell.replace(/[\s|:]+/g, '').replace(HEADER_NOTE, '');
  if (h.length === 0 || h.length > 14 || /[。;,、]/.test(h) || /^\d+$/.test(h)) return undefined;
  for (const { words, role } of HEADER_WORDS) {
    // 序号 starts its cell (工作秩序 is no serial column).
    if (role === 'number' ? words.some((w) => h === w || (w.length > 1 && h.startsWith(w))) : words.some((w) => h.includes(w))) return role;
  }
  return undefined;
}

const HEADER_NOTE = /(?<=..)[(（][^()（）]*[)）]$/;

/** A level's role word with no noun (`市级牵头`), the first line of a header cell whose noun (`责任单位`) is the next. */
const LEVEL_ROLE = new RegExp(`^(?:${alt(PLACE_WORDS)})级?(?:${alt(LABEL_ROLES)})$`);
/** A label's noun (`单位`, `责任单位`, `股室`), the second line of such a cell. */
const LABEL_NOUN = new RegExp(`^(?:责任)?(?:${alt(LABEL_NOUNS)})$`);
/** A unit of measure or a qualifier in brackets (`(%)`, `(万元)`, `(截至6月30日)`), the last line of the header cell above it (`完成目标` ⏎ `(%)`). */
const MEASURE = /^[(（][^()（）]{1,10}[)）]$/;

/** `责任` ⏎ `领导`, `市级牵头` ⏎ `责任单位`, `完成目标` ⏎ `(%)` are one header cell. */
export function joinsHeader(first: string, second: string): boolean {
  const a = first.replace(/[\s|]+/g, '');
  const b = second.replace(/[\s|]+/g, '');
  if (MEASURE.test(b)) return headerRole(a) !== undefined;
  if (LEVEL_ROLE.test(a) && LABEL_NOUN.test(b)) return true;
  return a.length <= 4 && HEADER_TAILS.test(b) && !HEADER_TAILS.test(a) && headerRole(a + b) !== undefined;
}

/**
 * Whether cells read as a header row: at least three header words, most cells header words, and a
 * column of units (or a serial and a task column).
 */
export function isHeaderRow(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  if (filled.length < 3) return false;
  const roles = filled.map(headerRole);
  const known = roles.filter((r) => r !== undefined);
  if (known.length < 3 || known.length < filled.length * 0.7) return false;
  const hasUnits = known.some((r) => r === 'lead' || r === 'support' || r === 'responsible');
  return hasUnits || (known.includes('number') && known.includes('text') && known.length >= 3);
}

export type CellKind = 'empty' | 'serial' | 'number' | 'deadline' | 'units' | 'person' | 'marker' | 'text';

const NUMBER = /^[≥≤<>约\d.,%~\-+/]+[\d%]?(万|亿|元|万元|亿元|个|家|所|人|人次|次|座|处|条|公里|千米|米|亩|户|套|辆|台|场|期|项|类|吨|平方米|万平方米|%)?$/;
const UNDATED = new RegExp(
  `^(?:${alt(UNDATED_DEADLINES)}|每(?:月|季度|季|年|周|半年|学期)|全年|长期|常态化|按季度|按月|按年|及时|适时|定期|汛前|汛期|三夏前|年内|持续)`,
);
const DEADLINE_CELL =
  /^(?:\d{4}\s*年\s*)?(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日|\s*底|\s*末|\s*份|\s*中旬|\s*上旬|\s*下旬)?|年底|年末|上半年|下半年|第?[一二三四1-4]\s*季度|\d{4}\s*年(?:底|末)?)(?:前|之前|以前)?/;
const EMPTY = /^[\s—\-/|无]*$/;

const NUMERIC_DATE = /^(?:19|20)\d{2}\s*([.\-/])\s*(?:0?[1-9]|1[0-2])(?:\s*\1\s*(?:0?[1-9]|[12]\d|3[01]))?$/;

/** A schedule of dated steps (2025年2月公布预算信息,2025年8月公布决算信息): each piece opens with its date. */
function isSchedule(view: string): boolean {
  if (view.length > 80 || /[。!?]/.test(view)) return false;
  // Steps split by commas, or numbered (1.2025年8月 2.2025年12月).
  const numbered = /^\s*1\s*[.、]/.test(view) ? view.split(/(?:^|\s)\d\s*[.、](?=(?:19|20)\d{2}|\D)/) : view.split(/[,;]/);
  const pieces = numbered.filter((p) => p.trim());
  return pieces.length >= 2 && pieces.every((p) => /\d\s*月|年底|年末|半年|季度/.test(DEADLINE_CELL.exec(p.trim())?.[0] ?? ''));
}
/** A person's name: two to four characters, or two written apart to line up with three (`钱 进`, `钱　进`). */
const NAME = '(?:[\\u4e00-\\u9fff·]{2,4}|[\\u4e00-\\u9fff] {1,3}[\\u4e00-\\u9fff](?![\\u4e00-\\u9fff]))';
const PERSON_NAME = new RegExp(`^${NAME}(?:[、,\\s]${NAME})*$`);

/** What a cell holds. `view` is the cell's text in the match view. */
export function cellKind(src: Source, start: number, end: number): CellKind {
  const view = src.view.slice(start, end).replace(/\s+/g, ' ').trim();
  if (EMPTY.test(view)) return 'empty';
  if (/^\d{1,3}\.?$/.test(view)) return 'serial';
  // A ledger's numeric month or date (2025.9, 2025-10, 2025/6/30) is a deadline, not a figure.
  if (NUMERIC_DATE.test(view)) return 'deadline';
  if (NUMBER.test(view.replace(/\s/g, ''))) return 'number';
  if (view.length <= 24 && (DEADLINE_CELL.test(view) || UNDATED.test(view))) return 'deadline';
  if (isSchedule(view)) return 'deadline';
  if (readMarker(view, view)) return 'marker';
  if (TWO_CHARACTER_NAME.test(view)) return 'person';
  if (view.length <= 300 && !/[。!?]/.test(view)) {
    // Role words may stand in a unit cell (A牵头,B配合; A牵头落实).
    const body = readClauseBody(src, start, end);
    if (
      body.mentions.length > 0 &&
      body.rejected.length === 0 &&
      body.persons.length === 0 &&
      body.mentions.every((u) => u.text.replace(/\([^()]*\)/g, '').length <= 18)
    )
      return 'units';
    const list = recognizeUnits(src, start, end);
    // No unit's name runs to a sentence: 招引…设立区域总部或分拨中心 is a task.
    const named = list.units.every((u) => u.text.replace(/\([^()]*\)/g, '').length <= 18);
    if (named && list.units.length > 0 && list.rejected.length === 0 && list.persons.length === 0) return 'units';
    if (
      named &&
      list.units.length > 0 &&
      list.rejected.length <= list.units.length / 3 &&
      !/[。]/.test(view) &&
      list.rejected.every((r) => /牵头|配合|负责|落实|协办/.test(r.text))
    )
      return 'units';
  }
  if (isPersonLike(view) || (PERSON_NAME.test(view) && !isUnitLike(view))) return 'person';
  return 'text';
}

/**
 * Two characters that read as a unit only by a loose ending (田园, 王园): a person's name in a table's
 * cell, where a two-character unit ends in an organ's word (妇联, 团委, 工会, 林场) and a place opens none.
 */
const TWO_CHARACTER_NAME = /^(?![各省市县区镇乡村])[\u4e00-\u9fff][^局委办队所站部处科室院会联协社司厅行校馆场组中\s]$/;

/** How well a cell of a kind fits a column of a role (higher is better). */
function columnFit(kind: CellKind, role: ColumnRole): number {
  if (kind === 'empty') return 0;
  switch (role) {
    case 'number':
      return kind === 'serial' ? 3 : kind === 'marker' ? 2 : kind === 'number' ? 0 : -4;
    case 'text':
      return kind === 'text'
        ? 3
        : kind === 'marker'
          ? 3
          : kind === 'person'
            ? 0.5
            : kind === 'number'
              ? 0
              : kind === 'deadline'
                ? -2
                : kind === 'units'
                  ? -1
                  : 0;
    case 'category':
      return kind === 'text' ? 1 : kind === 'marker' ? 2 : kind === 'person' ? 0.5 : kind === 'units' ? -2 : -1;
    case 'lead':
    case 'support':
    case 'responsible':
      return kind === 'units' ? 4 : kind === 'text' ? -3 : kind === 'person' ? -2 : -4;
    case 'deadline':
      return kind === 'deadline' ? 4 : kind === 'text' ? -1 : kind === 'number' ? -1 : -4;
    case 'person':
      return kind === 'person' ? 4 : kind === 'text' ? -1 : kind === 'units' ? -2 : -3;
    case 'assessor':
      return kind === 'units' ? 4 : kind === 'text' ? -1 : kind === 'deadline' ? -3 : -2;
    case 'note':
      return kind === 'number' ? 2 : kind === 'units' ? 0.5 : kind === 'text' ? 0.5 : kind === 'deadline' ? 0.5 : 0;
  }
}

/**
 * Place cells (in order) in columns (in order): each cell gets a column index, never before the
 * previous cell's; several cells may share a column (units on separate lines, a wrapped sentence).
 * `positional` rewards a cell that stands in its own column's place (delimited rows).
 */
export function alignCells(kinds: CellKind[], columns: ColumnRole[], positional: boolean): number[] {
  const m = kinds.length;
  const n = columns.length;
  if (m === 0 || n === 0) return kinds.map(() => 0);
  const NEG = -1e9;
  // best[i][j]: best score of cells 0..i with cell i in column j.
  const best: number[][] = Array.from({ length: m }, () => new Array<number>(n).fill(NEG));
  const from: number[][] = Array.from({ length: m }, () => new Array<number>(n).fill(-1));
  // (An empty cell earns no place by position: padding at a row's end must not pull its cells left.)
  const score = (i: number, j: number) => columnFit(kinds[i]!, columns[j]!) + (positional && i === j && kinds[i] !== 'empty' ? 3 : 0);
  for (let j = 0; j < n; j++) best[0]![j] = score(0, j) - j * 0.01;
  for (let i = 1; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const s = score(i, j);
      let top = NEG;
      let arg = -1;
      for (let k = 0; k <= j; k++) {
        const prev = best[i - 1]![k]!;
        if (prev === NEG) continue;
        // Sharing a column costs a little, more for columns that hold one thing.
        const role = columns[j]!;
        const share =
          k === j
            ? role === 'text' || kinds[i] === 'empty'
              ? 0.2
              : role === 'lead' || role === 'support' || role === 'responsible'
                ? 0.6 - j * 0.01
                : 2.5
            : 0;
        const v = prev + s - share - (j - k - 1) * 0.01;
        if (v > top) {
          top = v;
          arg = k;
        }
      }
      best[i]![j] = top;
      from[i]![j] = arg;
    }
  }
  let j = 0;
  for (let k = 1; k < n; k++) if (best[m - 1]![k]! > best[m - 1]![j]!) j = k;
  const out = new Array<number>(m);
  for (let i = m - 1; i >= 0; i--) {
    out[i] = j;
    j = from[i]![j]!;
  }
  return out;
}
