/** View data for the unit × task matrix of one plan. Pure: no Astro import. */
import type { OutlineNode, PlanDocument, Role, Unit } from '../lib/schema.ts';
import { outlineIndex, taskLabel, taskSlug } from './plan.ts';
import { kindRank } from './roles.ts';

export interface MatrixColumn {
  slug: string;
  label: string;
  /** Id of the part the task sits in ('' when the plan has no parts). */
  partId: string;
  sectionId: string;
  /** Number of units assigned to the task. */
  total: number;
}

export interface MatrixHeaderCell { id: string; partId: string; label: string; title: string; span: number }

export interface MatrixRow {
  unit: Pick<Unit, 'id' | 'name' | 'kind'>;
  /** One cell per column: the unit's role on that task, if any. */
  cells: (Role | undefined)[];
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

export function buildMatrix(document: PlanDocument, units: Unit[]): Matrix {
  const index = outlineIndex(document);
  const columns: MatrixColumn[] = document.tasks.map((task) => {
    const ancestors = task.path.map((id) => index.get(id));
    return {
      slug: taskSlug(task),
      label: taskLabel(task),
      partId: ancestors.find((n) => n?.kind === 'part')?.id ?? '',
      sectionId: ancestors.find((n) => n?.kind === 'section')?.id ?? '',
      total: new Set(task.effectiveAssignments.map((a) => a.unit)).size,
    };
  });

  // Units in the order of their kind, then of first appearance in the plan.
  const seen = new Map<string, Pick<Unit, 'id' | 'name' | 'kind'>>();
  for (const task of document.tasks) {
    for (const a of task.effectiveAssignments) {
      if (seen.has(a.unit)) continue;
      const unit = units.find((u) => u.id === a.unit);
      seen.set(a.unit, { id: a.unit, name: unit?.name ?? a.name, kind: unit?.kind ?? '其他' });
    }
  }
  const ordered = [...seen.values()]
    .map((unit, order) => ({ unit, order }))
    .sort((a, b) => kindRank(a.unit.kind) - kindRank(b.unit.kind) || a.order - b.order)
    .map((x) => x.unit);

  const rows: MatrixRow[] = ordered.map((unit) => {
    const totals: Record<Role, number> = { lead: 0, support: 0, responsible: 0 };
    const cells = document.tasks.map((task) => {
      // A unit named twice in one clause keeps its strongest role.
      const roles = task.effectiveAssignments.filter((a) => a.unit === unit.id).map((a) => a.role);
      const role = roles.includes('lead') ? 'lead' : roles.includes('responsible') ? 'responsible' : roles[0];
      if (role) totals[role]++;
      return role;
    });
    return { unit, cells, totals, total: totals.lead + totals.support + totals.responsible };
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
