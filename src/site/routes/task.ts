/** A task's page `/<plan>/tasks/<n>/`: its text, units by role, deadlines, progress and place in the plan. */
import type { AppliedCorrection, Role } from '../../lib/schema.ts';
import { continuityOf } from '../continuity.ts';
import { nodeHeading, summarizePlan, taskLabel, type TaskView, taskSlug, taskViews } from '../plan.ts';
import { chineseDate, type Light, lightRule, NO_REPORT, progressView, type StatusLabel, type TaskProgress } from '../progress.ts';
import { ROLE_LABEL } from '../roles.ts';
import { reviewAnchor, reviewHref, reviewPages } from '../review.ts';
import { pagefindFilter } from '../search.ts';
import { planHref, sourceHref, taskHref, unitHref, withBase } from '../url.ts';
import type { Crumb, PageFrame, Route, SiteContent } from './types.ts';

export interface TaskProps {
  planId: string;
  planTitle: string;
  view: TaskView;
  progress?: { asOf: string; sample: boolean; dueSoonDays: number; task: TaskProgress };
  /** The plan's predecessor and the task of it this one continues, if any. */
  carry?: { previousId: string; previousTitle: string; from?: { number: string; label: string; score: number } };
  /** The corrections applied to this task (content/corrections/<plan-id>.yaml), and where the 校对 page shows it. */
  corrections?: { applied: AppliedCorrection[]; reviewHref: string };
}

export interface TaskPage {
  frame: PageFrame;
  crumbs: Crumb[];
  heading: string;
  plan: { title: string; href: string; filter: string };
  /** The task's current status, when the plan has progress reports. */
  status?: { label: StatusLabel; overdue: boolean };
  /** 延续 (with the earlier task) or 新增, when the plan follows an earlier one. */
  carry?: { kind: '延续' | '新增'; planTitle: string; planHref: string; from?: { href: string; number: string; label: string; score: string } };
  /** The deadline light, when the task has a dated deadline and the plan has reports. */
  light?: { label: Light; rule: string };
  part?: { heading: string; filter: string };
  section?: string;
  source: { href: string; lines: string };
  text: string;
  /** The ancestor whose units the task takes, when it names none of its own. */
  inheritedFrom?: string;
  roles: { role: Role; filter: string; units: { href: string; name: string; filter: string; mention?: string; corrected?: boolean }[] }[];
  /** 人工校正: why the units were corrected, what was taken away, and the task on the 校对 page. */
  corrections?: { notes: string[]; removed: { name: string; roleLabel: string }[]; reviewHref: string };
  deadlines: { text: string; date?: string }[];
  progress?: {
    asOf: string;
    asOfText: string;
    deadline?: { date: string; text: string };
    overdue: boolean;
    aboutHref: string;
    units: { href: string; name: string; role: Role; accountable: boolean; status: StatusLabel; date?: string }[];
    timeline: { date: string; dateText: string; status: StatusLabel; unit?: { href: string; name: string }; counted: boolean; note?: string; source: string }[];
  };
  references: string[];
  children: { number: string; href: string; label: string }[];
  roleNames: string;
  previous?: { href: string; number: string; label: string };
  next?: { href: string; number: string; label: string };
}

export function taskRoutes(content: SiteContent): Route<TaskProps>[] {
  return content.plans.flatMap((plan) => {
    const summary = summarizePlan(plan.document, plan.metadata);
    const progress = progressView(plan);
    const continuity = continuityOf(plan, content.plans);
    const corrected = new Map<string, AppliedCorrection[]>();
    for (const c of plan.document.corrections ?? []) corrected.set(c.task, [...(corrected.get(c.task) ?? []), c]);
    const reviewPage = new Map<string, number>();
    if (corrected.size > 0)
      reviewPages(plan.review ?? [], new Set(plan.document.tasks.map((t) => t.id))).forEach((blocks, i) => {
        for (const b of blocks) reviewPage.set(b.id, i + 1);
      });
    return taskViews(plan.document).map((view) => ({
      params: { slug: plan.id, task: view.slug },
      props: {
        planId: plan.id,
        planTitle: summary.title,
        view,
        ...(progress
          ? { progress: { asOf: progress.asOf, sample: progress.sample, dueSoonDays: progress.dueSoonDays, task: progress.tasks[view.slug]! } }
          : {}),
        ...(continuity
          ? {
              carry: {
                previousId: continuity.previous.id,
                previousTitle: continuity.previous.title,
                ...(continuity.links.get(view.slug) ? { from: continuity.links.get(view.slug)! } : {}),
              },
            }
          : {}),
        ...(corrected.has(view.task.id)
          ? {
              corrections: { applied: corrected.get(view.task.id)!, reviewHref: reviewHref(plan.id, reviewPage.get(view.task.id), reviewAnchor(view.task.id)) },
            }
          : {}),
      },
    }));
  });
}

/** Where a report came from: "来源:progress/2023.xlsx 工作表“县住建局” 第 4 行". */
function reportSource(source: { path: string; sheet?: string; row: number }): string {
  const path = source.path.slice(Math.max(0, source.path.lastIndexOf('progress/')));
  return `来源:${path}${source.sheet ? ` 工作表“${source.sheet}”` : ''} 第 ${source.row} 行`;
}

function taskProgress(progress: NonNullable<TaskProps['progress']>): TaskPage['progress'] {
  const { task } = progress;
  return {
    asOf: progress.asOf,
    asOfText: chineseDate(progress.asOf),
    ...(task.deadline ? { deadline: { date: task.deadline, text: chineseDate(task.deadline) } } : {}),
    overdue: task.overdue,
    aboutHref: withBase('about/#progress'),
    units: task.units.map((u) => ({
      href: unitHref(u.unit),
      name: u.name,
      role: u.role,
      accountable: u.accountable,
      status: u.status ?? NO_REPORT,
      ...(u.date ? { date: u.date } : {}),
    })),
    timeline: task.timeline.map((r) => ({
      date: r.date,
      dateText: chineseDate(r.date),
      status: r.status,
      ...(r.unit ? { unit: { href: unitHref(r.unit), name: r.unitName ?? r.unit } } : {}),
      counted: r.counted,
      ...(r.note ? { note: r.note } : {}),
      source: reportSource(r.source),
    })),
  };
}

export function taskPage({ planId, planTitle, view, progress, carry, corrections }: TaskProps): TaskPage {
  const { task } = view;
  const lines = view.lines.start === view.lines.end ? `第 ${view.lines.start} 行` : `第 ${view.lines.start}–${view.lines.end} 行`;
  const units = view.byRole.map((g) => `${ROLE_LABEL[g.role]}:${g.assignments.map((a) => a.name).join('、')}`).join(';');
  const inheritedFrom = view.inherited ? [...view.ancestors].reverse().find((n) => n.assignments.length > 0) : undefined;
  const pager = (to: TaskView['previous']) => to && { href: taskHref(planId, to.slug), number: to.number, label: to.label };
  return {
    frame: {
      title: `${planTitle} 任务 ${view.slug}`,
      description: `${planTitle} 任务 ${view.slug}:${view.label}。${units}`.slice(0, 160),
      section: 'plans',
      searchable: true,
      sample: progress?.sample === true,
    },
    crumbs: [
      { label: '首页', href: withBase('') },
      { label: planTitle, href: planHref(planId) },
      ...view.ancestors.map((n) => (n.kind === 'task' ? { label: `任务 ${taskSlug(n)}`, href: taskHref(planId, taskSlug(n)) } : { label: nodeHeading(n) })),
      { label: `任务 ${view.slug}` },
    ],
    heading: `任务 ${view.slug}:${view.label}`,
    plan: { title: planTitle, href: planHref(planId), filter: pagefindFilter('计划', planTitle) },
    ...(progress ? { status: { label: progress.task.status ?? NO_REPORT, overdue: progress.task.overdue } } : {}),
    ...(carry
      ? {
          carry: {
            kind: carry.from ? ('延续' as const) : ('新增' as const),
            planTitle: carry.previousTitle,
            planHref: planHref(carry.previousId),
            ...(carry.from
              ? {
                  from: {
                    href: taskHref(carry.previousId, carry.from.number),
                    number: carry.from.number,
                    label: carry.from.label,
                    score: carry.from.score.toFixed(2),
                  },
                }
              : {}),
          },
        }
      : {}),
    ...(progress?.task.light ? { light: { label: progress.task.light, rule: lightRule(progress.dueSoonDays) } } : {}),
    ...(view.part ? { part: { heading: nodeHeading(view.part), filter: pagefindFilter('部分', nodeHeading(view.part)) } } : {}),
    ...(view.section ? { section: nodeHeading(view.section) } : {}),
    source: { href: sourceHref(planId, view.lines.start), lines },
    text: `${task.marker}${task.text}`,
    ...(inheritedFrom ? { inheritedFrom: nodeHeading(inheritedFrom) } : {}),
    roles: view.byRole.map((group) => ({
      role: group.role,
      filter: `角色:${ROLE_LABEL[group.role]}`,
      units: group.assignments.map((a) => ({
        href: unitHref(a.unit),
        name: a.name,
        filter: pagefindFilter('单位', a.name),
        ...(a.mention !== a.name ? { mention: a.mention } : {}),
        ...(a.origin === 'corrected' ? { corrected: true } : {}),
      })),
    })),
    ...(corrections
      ? {
          corrections: {
            notes: [...new Set(corrections.applied.map((c) => c.note))],
            removed: corrections.applied.flatMap((c) =>
              c.removed
                .filter((r) => !view.task.effectiveAssignments.some((a) => a.unit === r.unit && a.role === r.role))
                .map((r) => ({ name: r.name, roleLabel: ROLE_LABEL[r.role] })),
            ),
            reviewHref: corrections.reviewHref,
          },
        }
      : {}),
    deadlines: task.deadlines,
    ...(progress ? { progress: taskProgress(progress) } : {}),
    references: task.references.map((r) => (/^《/.test(r) ? r : `《${r}》`)),
    children: task.children.map((child) => ({ number: taskSlug(child), href: taskHref(planId, taskSlug(child)), label: taskLabel(child) })),
    roleNames: view.byRole.map((g) => ROLE_LABEL[g.role]).join('、') || '无',
    ...(view.previous ? { previous: pager(view.previous)! } : {}),
    ...(view.next ? { next: pager(view.next)! } : {}),
  };
}
