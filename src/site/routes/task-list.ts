/**
 * The filters of a plan's task list (src/components/TaskFilters.astro) and the pages that stand in
 * for them without JavaScript, `/<plan>/list/<facet>-<value>/` (src/pages/[slug]/list/[filter].astro).
 *
 * On the plan page every task of the outline carries its part, units with roles and status as data
 * attributes; with JavaScript the filters (部分, 单位, 角色, 状态) combine in place, their state in the
 * query string (`?part=2&status=done`). Without it each filter value is a plain link: a part, a role
 * or a status to its own pre-rendered list, a unit to the unit's own page. Long plans, whose tasks
 * are on part pages, have no filters: their part pages are the part filter.
 */
import { nodeHeading, taskViews, unitSummary } from '../plan.ts';
import { progressView, STATUS_CLASS, STATUS_LABELS, type StatusLabel, statusOf } from '../progress.ts';
import { ROLE_LABEL, ROLES } from '../roles.ts';
import { OUTLINE_SPLIT_TASKS } from '../slices.ts';
import { facetCounts, type FilterRow, TASK_FACET_LABEL, TASK_FACETS, type TaskFacet, type TaskFilters, rowPasses } from '../task-filter.ts';
import { planHref, taskHref, unitHref, withBase } from '../url.ts';
import { unitsOfTask } from '../opendata.ts';
import type { Crumb, PageFrame, Route, SiteContent, SitePlan } from './types.ts';

export interface FilterOption {
  value: string;
  label: string;
  /** Tasks the value leaves in the whole plan: as many as its no-script page lists. */
  count: number;
  /** Without JavaScript: the value's own list page, or the unit's page. */
  href: string;
}

export interface FilterGroup {
  facet: TaskFacet;
  label: string;
  /** Shown folded (a long list of units). */
  folded: boolean;
  options: FilterOption[];
}

export interface TaskFilterView {
  planId: string;
  total: number;
  /** The plan page's task list, where "全部" leads. */
  allHref: string;
  groups: FilterGroup[];
  /** Task id → the outline row's data attributes (src/site/task-filter.ts `rowAttributes`). */
  rows: Record<string, FilterRow>;
}

/** A status as a filter value: its class slug (done, late, …). */
const statusValue = (s: StatusLabel) => STATUS_CLASS[s];

export const taskListHref = (planId: string, facet: TaskFacet, value: string) => withBase(`${planId}/list/${facet}-${value}/`);

/** The plan has filters: its whole outline is on its page. */
export const hasTaskFilters = (plan: SitePlan) => plan.document.tasks.length <= OUTLINE_SPLIT_TASKS && plan.document.tasks.length > 0;

interface Labelled {
  rows: Map<string, FilterRow>;
  labels: Record<TaskFacet, Map<string, string>>;
}

function labelledRows(plan: SitePlan): Labelled {
  const progress = progressView(plan);
  const labels = Object.fromEntries(TASK_FACETS.map((f) => [f, new Map<string, string>()])) as Labelled['labels'];
  const rows = new Map<string, FilterRow>();
  for (const view of taskViews(plan.document)) {
    const status = statusOf(progress, view.slug);
    const part = view.part?.id.replace(/^part-/, '');
    if (view.part && part) labels.part.set(part, nodeHeading(view.part));
    const units = unitsOfTask(view.task).map((u) => ({ id: u.unit, role: u.role as string }));
    for (const u of unitsOfTask(view.task)) if (!labels.unit.has(u.unit)) labels.unit.set(u.unit, u.name);
    rows.set(view.task.id, { units, ...(part ? { part } : {}), ...(status ? { status: statusValue(status) } : {}) });
  }
  for (const role of ROLES) labels.role.set(role, ROLE_LABEL[role]);
  for (const s of STATUS_LABELS) labels.status.set(statusValue(s), s);
  return { rows, labels };
}

function groupsOf(plan: SitePlan, { rows, labels }: Labelled): FilterGroup[] {
  const counts = facetCounts([...rows.values()], {});
  return TASK_FACETS.map((facet): FilterGroup => {
    const order = [...labels[facet].keys()];
    const options = [...counts[facet].entries()]
      .map(([value, count]) => ({
        value,
        label: labels[facet].get(value) ?? value,
        count,
        href: facet === 'unit' ? unitHref(value) : taskListHref(plan.id, facet, value),
      }))
      // Parts, roles and statuses in their own order; units by how many tasks they hold, then by name.
      .sort((a, b) => (facet === 'unit' ? b.count - a.count || a.label.localeCompare(b.label, 'zh-CN') : order.indexOf(a.value) - order.indexOf(b.value)));
    return { facet, label: TASK_FACET_LABEL[facet], folded: facet === 'unit', options };
  }).filter((g) => g.options.length > 1 || (g.facet === 'status' && g.options.length > 0));
}

/** The filters of the plan's task list, or none for a long plan. */
export function taskFilterView(plan: SitePlan): TaskFilterView | undefined {
  if (!hasTaskFilters(plan)) return undefined;
  const labelled = labelledRows(plan);
  return {
    planId: plan.id,
    total: labelled.rows.size,
    allHref: `${planHref(plan.id)}#tasks`,
    groups: groupsOf(plan, labelled),
    rows: Object.fromEntries(labelled.rows),
  };
}

export interface TaskListProps {
  plan: SitePlan;
  facet: Exclude<TaskFacet, 'unit'>;
  value: string;
}

/** One page per part, role and status value of each plan with filters. */
export function taskListRoutes(content: SiteContent): Route<TaskListProps>[] {
  return content.plans.filter(hasTaskFilters).flatMap((plan) => {
    const view = taskFilterView(plan)!;
    return view.groups
      .filter((g): g is FilterGroup & { facet: TaskListProps['facet'] } => g.facet !== 'unit')
      .flatMap((g) => g.options.map((o) => ({ params: { slug: plan.id, filter: `${g.facet}-${o.value}` }, props: { plan, facet: g.facet, value: o.value } })));
  });
}

export interface TaskListPage {
  frame: PageFrame;
  crumbs: Crumb[];
  heading: string;
  summary: string;
  filters: TaskFilterView;
  current: TaskFilters;
  rows: { number: string; href: string; label: string; units: string; part?: string; status?: StatusLabel }[];
}

export function taskListPage({ plan, facet, value }: TaskListProps): TaskListPage {
  const filters = taskFilterView(plan)!;
  const title = plan.metadata.title ?? plan.document.title;
  const option = filters.groups.find((g) => g.facet === facet)!.options.find((o) => o.value === value)!;
  const what = `${TASK_FACET_LABEL[facet]}:${option.label}`;
  const progress = progressView(plan);
  const current = { [facet]: value } as TaskFilters;
  const rows = taskViews(plan.document)
    .filter((view) => rowPasses(filters.rows[view.task.id]!, current))
    .map((view) => {
      const status = statusOf(progress, view.slug);
      return {
        number: view.slug,
        href: taskHref(plan.id, view.slug),
        label: view.label,
        units: unitSummary(view.task),
        ...(view.part ? { part: nodeHeading(view.part) } : {}),
        ...(status ? { status } : {}),
      };
    });
  return {
    frame: {
      title: `${what} · ${title}`,
      description: `${title}中${TASK_FACET_LABEL[facet]}为“${option.label}”的 ${rows.length} 项任务。`,
      section: 'plans',
      sample: progress?.sample === true,
    },
    crumbs: [{ label: '首页', href: withBase('') }, { label: title, href: planHref(plan.id) }, { label: what }],
    heading: `任务清单:${what}`,
    summary: `共 ${rows.length} 项任务(全计划 ${filters.total} 项)。`,
    filters,
    current,
    rows,
  };
}
