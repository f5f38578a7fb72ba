/**
 * What the MDX components of a 解读 show (src/components/mdx/): a task card (`<Task n="12" />`), a
 * unit's tasks in the plan (`<UnitTasks unit="县住建局" />`) and the plan's counts (`<PlanCounts />`),
 * all from the plan's own data, so that a 解读 never shows a copy that goes stale. The plan is the
 * component's `plan` attribute, which the link plugin sets to the page's plan. A task, unit or plan
 * that does not exist gives `missing`: the build has warned about it (src/lib/rules.ts), and the
 * page says what is missing rather than leaving a hole.
 */
import { numberValue } from '../../lib/remark/targets.ts';
import type { Role, Task } from '../../lib/schema.ts';
import { summarizePlan, taskLabel, taskSlug } from '../plan.ts';
import { progressView, type StatusLabel, statusOf } from '../progress.ts';
import { ROLE_LABEL, ROLES } from '../roles.ts';
import { uniqueUnits, unitViews } from '../units.ts';
import { planHref, taskHref, unitHref } from '../url.ts';
import type { SiteContent, SitePlan } from './types.ts';

export interface Missing {
  missing: string;
}

export interface TaskCard {
  heading: string;
  href: string;
  text: string;
  roles: { role: Role; label: string; units: { name: string; href: string }[] }[];
  /** The units come from the task's section or parent, not the task itself. */
  inherited: boolean;
  deadlines: string[];
  status?: StatusLabel;
}

export interface UnitTasksCard {
  unit: { name: string; href: string };
  planTitle: string;
  count: number;
  groups: { label: string; tasks: { number: string; href: string; label: string }[] }[];
}

export interface PlanCountsCard {
  planTitle: string;
  planHref: string;
  stats: { num: number; label: string }[];
}

function planOf(content: SiteContent, planId: string | undefined): SitePlan | undefined {
  return content.plans.find((p) => p.id === planId);
}

const noPlan = (planId: string | undefined): Missing => ({ missing: planId ? `本站没有编号为“${planId}”的计划。` : '未指明计划。' });

/** The top-level tasks of a plan numbered `n` ("12", "十二"); more than one when its numbering restarts. */
function tasksNumbered(plan: SitePlan, n: string | number | undefined): Task[] {
  const value = n === undefined ? undefined : numberValue(String(n));
  if (value === undefined) return [];
  const taskIds = new Set(plan.document.tasks.map((t) => t.id));
  return plan.document.tasks.filter((t) => !t.path.some((id) => taskIds.has(id)) && numberValue(t.number) === value);
}

export function taskCard(content: SiteContent, planId: string | undefined, n: string | number | undefined): TaskCard | Missing {
  const plan = planOf(content, planId);
  if (!plan) return noPlan(planId);
  const found = tasksNumbered(plan, n);
  if (found.length !== 1)
    return { missing: found.length === 0 ? `本计划没有第 ${n ?? '?'} 项任务。` : `本计划有 ${found.length} 项编号为 ${n} 的任务,请直接链接所指的一项。` };
  const task = found[0]!;
  const slug = taskSlug(task);
  const status = statusOf(progressView(plan), slug);
  return {
    heading: `任务 ${slug}:${taskLabel(task)}`,
    href: taskHref(plan.id, slug),
    text: `${task.marker}${task.text}`,
    roles: ROLES.map((role) => ({
      role,
      label: ROLE_LABEL[role],
      units: task.effectiveAssignments.filter((a) => a.role === role).map((a) => ({ name: a.name, href: unitHref(a.unit) })),
    })).filter((g) => g.units.length > 0),
    inherited: task.assignments.length === 0 && task.effectiveAssignments.length > 0,
    deadlines: task.deadlines.map((d) => d.text),
    ...(status ? { status } : {}),
  };
}

export function unitTasksCard(content: SiteContent, planId: string | undefined, unitName: string | undefined): UnitTasksCard | Missing {
  const plan = planOf(content, planId);
  if (!plan) return noPlan(planId);
  const name = unitName?.trim() ?? '';
  const units = uniqueUnits(content.units);
  const unit = units.find((u) => u.name === name || u.aliases.includes(name));
  if (!unit) return { missing: `本站没有名为“${name}”的单位。` };
  const view = unitViews([plan], units).find((v) => v.unit.id === unit.id)!;
  const refs = (tasks: { slug: string; label: string }[]) => tasks.map((t) => ({ number: t.slug, href: taskHref(plan.id, t.slug), label: t.label }));
  const groups = [
    ...view.byRole.filter((g) => g.tasks.length > 0).map((g) => ({ label: ROLE_LABEL[g.role], tasks: refs(g.tasks) })),
    ...view.viaGroups.map((g) => ({ label: `作为${g.group.name}`, tasks: refs(g.tasks) })),
  ];
  const summary = summarizePlan(plan.document, plan.metadata);
  return {
    unit: { name: unit.name, href: unitHref(unit.id) },
    planTitle: summary.title,
    count: groups.reduce((n, g) => n + g.tasks.length, 0),
    groups,
  };
}

export function planCountsCard(content: SiteContent, planId: string | undefined): PlanCountsCard | Missing {
  const plan = planOf(content, planId);
  if (!plan) return noPlan(planId);
  const summary = summarizePlan(plan.document, plan.metadata);
  return {
    planTitle: summary.title,
    planHref: planHref(plan.id),
    stats: [
      { num: summary.partCount, label: '个部分' },
      { num: summary.sectionCount, label: '个小节' },
      { num: summary.taskCount, label: '项任务' },
      { num: summary.unitCount, label: '个责任单位' },
      { num: summary.roleCounts.lead, label: '处牵头' },
      { num: summary.roleCounts.support, label: '处配合' },
      { num: summary.roleCounts.responsible, label: '处责任(未分牵头配合)' },
    ],
  };
}
