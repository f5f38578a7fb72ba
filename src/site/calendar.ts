/**
 * The deadline calendars: `/<plan-id>/calendar.ics` (every dated deadline of the plan) and
 * `/units/<unit>/calendar.ics` (the deadlines of the unit's tasks in every plan, with its role).
 * Pure: no Astro import; the text is written by src/lib/calendar.ts.
 */
import { type DeadlineEvent, eventUid, REMINDER_DAYS } from '../lib/calendar.ts';
import { deadlineDay, resolveAsOf } from '../lib/progress.ts';
import type { Role, Task } from '../lib/schema.ts';
import { summarizePlan, taskLabel, taskSlug } from './plan.ts';
import { chineseDate } from './progress.ts';
import { ROLE_LABEL } from './roles.ts';
import type { UnitView } from './units.ts';
import { taskHref, withBase } from './url.ts';
import type { SitePlan } from './routes/types.ts';

export { REMINDER_DAYS };

/** The calendar files, for links. */
export const planCalendarHref = (planId: string) => withBase(`${planId}/calendar.ics`);
export const unitCalendarHref = (unitId: string) => withBase(`units/${unitId}/calendar.ics`);

/** A task's dated deadlines, each once, as days (a month counts to its last day), oldest first. */
export function deadlineDays(task: Task): { date: string; text: string }[] {
  const seen = new Map<string, string>();
  for (const d of task.deadlines) {
    if (!d.date) continue;
    const day = deadlineDay(d.date);
    if (!seen.has(day)) seen.set(day, d.text);
  }
  return [...seen].map(([date, text]) => ({ date, text })).sort((a, b) => a.date.localeCompare(b.date));
}

/** Every event's DTSTAMP: the plan's "as of" date (its `asOf`, else the build date). */
export function calendarStamp(plan: Pick<SitePlan, 'metadata' | 'progress'>): string {
  return plan.progress?.asOf ?? resolveAsOf(plan.metadata.asOf) ?? resolveAsOf(undefined)!;
}

function absolute(href: string, site: URL | string | undefined): string | undefined {
  return site ? new URL(href, site).href : undefined;
}

function unitsByRole(task: Task): string {
  const groups = new Map<Role, string[]>();
  for (const a of task.effectiveAssignments) {
    const names = groups.get(a.role) ?? [];
    if (!names.includes(a.name)) names.push(a.name);
    groups.set(a.role, names);
  }
  return (['lead', 'responsible', 'support'] as const)
    .filter((r) => groups.has(r))
    .map((r) => `${ROLE_LABEL[r]}:${groups.get(r)!.join('、')}`)
    .join(';');
}

function event(plan: SitePlan, task: Task, day: { date: string; text: string }, who: string, site: URL | string | undefined, unitId?: string): DeadlineEvent {
  const number = taskSlug(task);
  const title = summarizePlan(plan.document, plan.metadata).title;
  const href = taskHref(plan.id, number);
  const url = absolute(href, site);
  const label = taskLabel(task, 30);
  return {
    uid: eventUid(plan.id, `task-${number}`, day.date, ...(unitId ? [unitId] : [])),
    date: day.date,
    summary: `【时限】任务 ${number}:${label}`,
    description: [`${title} 任务 ${number}:${label}`, `完成时限:${day.text}(${chineseDate(day.date)})`, who, `任务页面:${url ?? href}`].join('\n'),
    ...(url ? { url } : {}),
    reminder: `${REMINDER_DAYS} 天后到期:任务 ${number} ${label}`,
  };
}

/** One event per dated deadline of the plan, naming the units by role. */
export function planDeadlineEvents(plan: SitePlan, site?: URL | string): DeadlineEvent[] {
  return plan.document.tasks.flatMap((task) =>
    deadlineDays(task).map((day) => event(plan, task, day, unitsByRole(task) ? `责任单位:${unitsByRole(task)}` : '原文未列出责任单位', site)),
  );
}

/** One event per dated deadline of the unit's tasks in every plan, with the unit's role in each. */
export function unitDeadlineEvents(view: UnitView, plans: SitePlan[], site?: URL | string): DeadlineEvent[] {
  const byPlan = new Map(plans.map((p) => [p.id, { plan: p, tasks: new Map(p.document.tasks.map((t) => [taskSlug(t), t])) }]));
  const events: DeadlineEvent[] = [];
  const seen = new Set<string>();
  const add = (ref: { planId: string; slug: string; role: Role }, how: string) => {
    const entry = byPlan.get(ref.planId);
    const task = entry?.tasks.get(ref.slug);
    if (!entry || !task || seen.has(`${ref.planId}/${ref.slug}`)) return;
    seen.add(`${ref.planId}/${ref.slug}`);
    for (const day of deadlineDays(task)) events.push(event(entry.plan, task, day, how, site, view.unit.id));
  };
  for (const group of view.byRole) for (const ref of group.tasks) add(ref, `本单位(${view.unit.name})角色:${ROLE_LABEL[ref.role]}`);
  for (const g of view.viaGroups) for (const ref of g.tasks) add(ref, `本单位(${view.unit.name})作为${g.group.name}承担,角色:${ROLE_LABEL[ref.role]}`);
  return events;
}
