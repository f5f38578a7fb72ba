/** View data for the unit × task matrix of one plan. Pure: no Astro import. */
import type { OutlineNode, PlanDocument, Role, Unit } from '../lib/schema.ts';
import { outlineIndex, taskLabel, taskSlug } from './plan.ts';
import { kindRank } from './roles.ts';
import { MATRIX_SPLIT_CELLS, type PlanSlice, sliceHeading } from './slices.ts';

export interface MatrixColumn {
  slug: string;
  label: string;
  /** Id of the part the task sits in ('' when the plan has no parts). */
  partId: string;
  sectionId: string;
  /** Number of units assigned to the task. */
  total: number;
}

export interface MatrixHeaderCell {
  id: string;
  partId: string;
  label: string;
  title: string;
  span: number;
}

export interface MatrixRow {
  unit: Pick<Unit, 'id' | 'name' | 'kind'>;
  /** One cell per column: the unit's role on that task, if any. */
  cells: (Role | undefined)[];
  /** 人工校正: for each cell a correction set, the correction's note (absent when none was). */
  corrected?: (string | undefined)[];
  totals: Record<Role, number>;
  total: number;
}

export interface Matrix {
  columns: MatrixColumn[];
  parts: MatrixHeaderCell[];
  sections: MatrixHeaderCell[];
  rows: MatrixRow[];
  kinds: string[];
  grandTotal: number;
}

function shortHeading(node: OutlineNode | undefined): string {
  if (!node) return '';
  return node.marker.replace(/[、.．]$/, '');
}

function fullHeading(node: OutlineNode | undefined): string {
  if (!node) return '';
  return `${node.marker}${node.title ?? taskLabel(node)}`;
}

/** Merge consecutive equal ids into header cells with a span. */
function spans(columns: MatrixColumn[], key: 'partId' | 'sectionId', index: Map<string, OutlineNode>): MatrixHeaderCell[] {
  const cells: MatrixHeaderCell[] = [];
  for (const column of columns) {
    const id = column[key];
    const last = cells[cells.length - 1];
    // A section never spans two parts, even when neither has an id.
    if (last && last.id === id && last.partId === column.partId) last.span++;
    else {
      const node = index.get(id);
      cells.push({ id, partId: column.partId, label: shortHeading(node), title: fullHeading(node), span: 1 });
    }
  }
  return cells;
}

/** The strongest role of each unit on a task: a unit named twice in one clause keeps lead over responsible over support. */
function rolesOf(task: PlanDocument['tasks'][number]): Map<string, Role> {
  const roles = new Map<string, Role>();
  for (const a of task.effectiveAssignments) {
    const had = roles.get(a.unit);
    if (!had || a.role === 'lead' || (a.role === 'responsible' && had === 'support')) roles.set(a.unit, a.role);
  }
  return roles;
}

const unitOrders = new WeakMap<PlanDocument, WeakMap<Unit[], Pick<Unit, 'id' | 'name' | 'kind'>[]>>();

/** Every unit the plan assigns, in the order of its kind, then of first appearance in the plan; once per document. */
export function matrixUnits(document: PlanDocument, units: Unit[]): Pick<Unit, 'id' | 'name' | 'kind'>[] {
  let byUnits = unitOrders.get(document);
  if (!byUnits) {
    byUnits = new WeakMap();
    unitOrders.set(document, byUnits);
  }
  let ordered = byUnits.get(units);
  if (!ordered) {
    ordered = orderUnits(document, units);
    byUnits.set(units, ordered);
  }
  return ordered;
}

function orderUnits(document: PlanDocument, units: Unit[]): Pick<Unit, 'id' | 'name' | 'kind'>[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const seen = new Map<string, Pick<Unit, 'id' | 'name' | 'kind'>>();
  for (const task of document.tasks) {
    for (const a of task.effectiveAssignments) {
      if (seen.has(a.unit)) continue;
      const unit = byId.get(a.unit);
      seen.set(a.unit, { id: a.unit, name: unit?.name ?? a.name, kind: unit?.kind ?? '其他' });
    }
  }
  return [...seen.values()]
    .map((unit, order) => ({ unit, order }))
    .sort((a, b) => kindRank(a.unit.kind) - kindRank(b.unit.kind) || a.order - b.order)
    .map((x) => x.unit);
}

/**
 * The matrix of a plan, or of the tasks [start, end) of it (one page of a split matrix: then only
 * the units that have a role on those tasks get a row).
 */
export function buildMatrix(document: PlanDocument, units: Unit[], range?: { start: number; end: number }): Matrix {
  const index = outlineIndex(document);
  const tasks = range ? document.tasks.slice(range.start, range.end) : document.tasks;
  const columns: MatrixColumn[] = tasks.map((task) => {
    const ancestors = task.path.map((id) => index.get(id));
    return {
      slug: taskSlug(task),
      label: taskLabel(task),
      partId: ancestors.find((n) => n?.kind === 'part')?.id ?? '',
      sectionId: ancestors.find((n) => n?.kind === 'section')?.id ?? '',
      total: new Set(task.effectiveAssignments.map((a) => a.unit)).size,
    };
  });
  const roles = tasks.map(rolesOf);
  const involved = new Set(roles.flatMap((r) => [...r.keys()]));
  const ordered = matrixUnits(document, units).filter((u) => involved.has(u.id));

  const rows: MatrixRow[] = ordered.map((unit) => {
    const totals: Record<Role, number> = { lead: 0, support: 0, responsible: 0 };
    const cells = roles.map((r) => {
      const role = r.get(unit.id);
      if (role) totals[role]++;
      return role;
    });
    const notes = tasks.map((task, i) => {
      const a = task.effectiveAssignments.find((x) => x.unit === unit.id && x.role === cells[i] && x.origin === 'corrected');
      return a ? (a.note ?? '人工校正') : undefined;
    });
    return {
      unit,
      cells,
      ...(notes.some((n) => n !== undefined) ? { corrected: notes } : {}),
      totals,
      total: totals.lead + totals.support + totals.responsible,
    };
  });

  return {
    columns,
    parts: spans(columns, 'partId', index),
    sections: spans(columns, 'sectionId', index),
    rows,
    kinds: [...new Set(ordered.map((u) => u.kind))],
    grandTotal: rows.reduce((n, r) => n + r.total, 0),
  };
}

/** Whether the whole matrix would be too large for one page. */
export function matrixIsSplit(document: PlanDocument): boolean {
  const units = new Set(document.tasks.flatMap((t) => t.effectiveAssignments.map((a) => a.unit)));
  return document.tasks.length * units.size > MATRIX_SPLIT_CELLS;
}

export interface MatrixIndexColumn {
  /** The part's heading, its short label and the pages that show it. */
  title: string;
  label: string;
  slices: PlanSlice[];
  taskCount: number;
}

export interface MatrixIndex {
  columns: MatrixIndexColumn[];
  /** Per unit: how many tasks of each part it has a role on. */
  rows: { unit: Pick<Unit, 'id' | 'name' | 'kind'>; counts: number[]; total: number }[];
  kinds: string[];
}

/** The index of a split matrix: units × parts, each cell the number of the part's tasks the unit is on. */
export function buildMatrixIndex(document: PlanDocument, units: Unit[], slices: PlanSlice[]): MatrixIndex {
  const columns: MatrixIndexColumn[] = [];
  const columnOfTask: number[] = [];
  for (const slice of slices) {
    const last = columns[columns.length - 1];
    if (last && slice.page > 1) last.slices.push(slice);
    else {
      columns.push({
        title: sliceHeading({ ...slice, pages: 1 }),
        label: slice.part ? slice.part.marker.replace(/[、.．]$/, '') : '其他',
        slices: [slice],
        taskCount: 0,
      });
    }
    const column = columns.length - 1;
    columns[column]!.taskCount += slice.end - slice.start;
    for (let i = slice.start; i < slice.end; i++) columnOfTask[i] = column;
  }
  const counts = new Map<string, number[]>();
  document.tasks.forEach((task, i) => {
    for (const unit of rolesOf(task).keys()) {
      let row = counts.get(unit);
      if (!row) {
        row = columns.map(() => 0);
        counts.set(unit, row);
      }
      row[columnOfTask[i]!]!++;
    }
  });
  const ordered = matrixUnits(document, units);
  return {
    columns,
    rows: ordered.map((unit) => {
      const row = counts.get(unit.id) ?? columns.map(() => 0);
      return { unit, counts: row, total: row.reduce((a, b) => a + b, 0) };
    }),
    kinds: [...new Set(ordered.map((u) => u.kind))],
  };
}
