/**
 * Filters of a plan's task list (部分, 单位, 角色, 状态): which tasks a choice of filters leaves, and
 * how many each value of a filter would leave with the other filters applied. Pure, no DOM: the
 * plan page's route data counts with it, and so does the page's script (src/scripts/task-filter.ts),
 * which reads the rows back from the outline's data attributes.
 */

export const TASK_FACETS = ['part', 'unit', 'role', 'status'] as const;
export type TaskFacet = (typeof TASK_FACETS)[number];
export type TaskFilters = Partial<Record<TaskFacet, string>>;

export const TASK_FACET_LABEL: Record<TaskFacet, string> = { part: '部分', unit: '单位', role: '角色', status: '状态' };

/** One task as the filters see it: values, never labels. */
export interface FilterRow {
  part?: string;
  status?: string;
  /** Each unit once, in its strongest role. */
  units: { id: string; role: string }[];
}

/** The values a row has for a facet; a role is the selected unit's role when a unit is chosen. */
export function rowValues(row: FilterRow, facet: TaskFacet, unit?: string): string[] {
  switch (facet) {
    case 'part':
      return row.part ? [row.part] : [];
    case 'status':
      return row.status ? [row.status] : [];
    case 'unit':
      return row.units.map((u) => u.id);
    case 'role':
      return [...new Set(row.units.filter((u) => !unit || u.id === unit).map((u) => u.role))];
  }
}

/** The row is left by every chosen filter (but `except`'s). */
export function rowPasses(row: FilterRow, filters: TaskFilters, except?: TaskFacet): boolean {
  return TASK_FACETS.every((f) => f === except || !filters[f] || rowValues(row, f, filters.unit).includes(filters[f]!));
}

/** Per facet, value → how many rows it would leave with the other facets' filters applied. */
export function facetCounts(rows: FilterRow[], filters: TaskFilters): Record<TaskFacet, Map<string, number>> {
  const out = Object.fromEntries(TASK_FACETS.map((f) => [f, new Map<string, number>()])) as Record<TaskFacet, Map<string, number>>;
  for (const row of rows) {
    for (const facet of TASK_FACETS) {
      if (!rowPasses(row, filters, facet)) continue;
      for (const v of rowValues(row, facet, filters.unit)) out[facet].set(v, (out[facet].get(v) ?? 0) + 1);
    }
  }
  return out;
}

/** The filters a query string names (`?part=p1&status=done`), unknown keys ignored. */
export function filtersOf(search: string): TaskFilters {
  const params = new URLSearchParams(search);
  const out: TaskFilters = {};
  for (const f of TASK_FACETS) {
    const v = params.get(f);
    if (v) out[f] = v;
  }
  return out;
}

/** The query string of a choice of filters, in the facets' order: `?part=p1&status=done`, or '' for none. */
export function queryOf(filters: TaskFilters): string {
  const params = new URLSearchParams();
  for (const f of TASK_FACETS) if (filters[f]) params.set(f, filters[f]!);
  const q = params.toString();
  return q ? `?${q}` : '';
}

/** The row's data attributes on the outline (`data-part`, `data-status`, `data-units="id:role …"`), and back. */
export function rowAttributes(row: FilterRow): Record<string, string> {
  return {
    'data-units': row.units.map((u) => `${u.id}:${u.role}`).join(' '),
    ...(row.part ? { 'data-part': row.part } : {}),
    ...(row.status ? { 'data-status': row.status } : {}),
  };
}

export function rowFromAttributes(data: { units?: string; part?: string; status?: string }): FilterRow {
  return {
    units: (data.units ?? '')
      .split(' ')
      .filter(Boolean)
      .map((pair) => {
        const at = pair.lastIndexOf(':');
        return { id: pair.slice(0, at), role: pair.slice(at + 1) };
      }),
    ...(data.part ? { part: data.part } : {}),
    ...(data.status ? { status: data.status } : {}),
  };
}
