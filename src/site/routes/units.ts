/** The unit directory `/units/` and each unit's page `/units/<unit>/`: its tasks in every plan, print-ready. */
import type { Role, Unit } from '../../lib/schema.ts';
import { unitPdfPath } from '../pdf.ts';
import { type UnitPrintSheet, unitPrintSheet } from '../print.ts';
import { unitCalendarHref } from '../calendar.ts';
import { continuityOf } from '../continuity.ts';
import { type Light, LIGHTS, lightOf, progressView, STATUS_LABELS, type StatusLabel, statusOf } from '../progress.ts';
import { ROLE_LABEL } from '../roles.ts';
import { pagefindFilter } from '../search.ts';
import { groupUnitsByKind, type UnitTaskRef, type UnitView, unitViews } from '../units.ts';
import { planHref, taskHref, unitHref, withBase } from '../url.ts';
import type { Crumb, PageFrame, Route, SiteContent } from './types.ts';

const home = () => ({ label: '首页', href: withBase('') });

/** A counter on a page: a number and what it counts, in words. */
export interface Counter {
  value: number;
  label: string;
}

export interface UnitDirectoryPage {
  frame: PageFrame;
  crumbs: Crumb[];
  unitCount: number;
  /** What the counts of each unit count: one plan, or every plan together. */
  countNote: string;
  kinds: {
    anchor: string;
    kind: string;
    units: { href: string; name: string; aliases?: string; total: number; counts: Counter[] }[];
  }[];
  groups: { href: string; name: string; members: { name: string; href?: string }[] }[];
}

/** The tasks a unit answers for, each counted once: its own in its strongest role, then those through a group. */
export const unitTotal = (view: Pick<UnitView, 'counts' | 'viaGroupCount'>) =>
  view.counts.lead + view.counts.support + view.counts.responsible + view.viaGroupCount;

/** The per-role counters of a unit, those that are not zero (all of them for a unit with no task). */
function roleCounters(view: Pick<UnitView, 'counts' | 'viaGroupCount'>): Counter[] {
  const all: Counter[] = [
    { value: view.counts.lead, label: '牵头' },
    { value: view.counts.support, label: '配合' },
    { value: view.counts.responsible, label: '责任' },
    { value: view.viaGroupCount, label: '经所属群体' },
  ];
  return all.filter((c) => c.value > 0);
}

function countNote(content: SiteContent): string {
  const n = content.plans.length;
  const each = '每项任务只计一次:本单位直接承担的按其最主要的角色(牵头、责任、配合)计,未直接列出、经所属群体承担的另计。';
  return n > 1 ? `任务数为 ${n} 个计划合计;${each}` : each;
}

const memberLinks = (view: UnitView) => view.members.map((m) => ({ name: m.name, ...(m.id ? { href: unitHref(m.id) } : {}) }));

export function unitDirectoryPage(content: SiteContent): UnitDirectoryPage {
  const views = unitViews(content.plans, content.units);
  return {
    frame: {
      title: '责任单位',
      description: `全部 ${views.length} 个责任单位,按单位类别分组,列出各单位承担的任务数及其中牵头、配合、责任的项数。`,
      section: 'units',
    },
    crumbs: [home(), { label: '责任单位' }],
    unitCount: views.length,
    countNote: countNote(content),
    kinds: groupUnitsByKind(views).map((group, i) => ({
      anchor: `kind-${i + 1}`,
      kind: group.kind,
      units: group.units.map((v) => ({
        href: unitHref(v.unit.id),
        name: v.unit.name,
        ...(v.unit.aliases.length > 0 ? { aliases: v.unit.aliases.slice(0, 2).join('、') } : {}),
        total: unitTotal(v),
        counts: roleCounters(v),
      })),
    })),
    groups: views.filter((v) => v.members.length > 0).map((v) => ({ href: unitHref(v.unit.id), name: v.unit.name, members: memberLinks(v) })),
  };
}

/** The unit's tasks in one plan. */
export interface UnitPlanBlock {
  id: string;
  title: string;
  year?: number;
  byRole: UnitView['byRole'];
  viaGroups: UnitView['viaGroups'];
  /** Task number → status, when the plan has progress reports. */
  statuses?: Record<string, StatusLabel>;
  /** Task number → deadline light, for the tasks that have one. */
  lights?: Record<string, Light>;
  /** Against the plan's predecessor: task number → 延续 / 新增, and the unit's earlier tasks that no task continues. */
  carry?: { previousId: string; previousTitle: string; kinds: Record<string, '延续' | '新增'>; dropped: { number: string; label: string }[] };
  sample: boolean;
  statusCounts?: { status: StatusLabel; count: number }[];
}

export interface UnitProps {
  view: UnitView;
  planCount: number;
  /** With one plan, naming it is noise. */
  showPlan: boolean;
  sheet: UnitPrintSheet;
  blocks: UnitPlanBlock[];
}

interface TaskRow {
  role: Role;
  status?: StatusLabel;
  light?: Light;
  carry?: '延续' | '新增';
  href: string;
  label: string;
  mention?: string;
  /** 人工校正: the correction's note. */
  corrected?: string;
}

export interface UnitPage {
  frame: PageFrame;
  crumbs: Crumb[];
  unit: Unit;
  filter: string;
  aliases?: string;
  /** The counters at the top: the total first, then each role; each task counted once. */
  counters: Counter[];
  /** What the counters count. */
  countNote: string;
  memberOf: { href: string; name: string }[];
  pdf: { file: string; download: string; label: string };
  /** The unit's deadline calendar, every plan's deadlines of its tasks. */
  calendarHref: string;
  openData: { planId: string; label?: string }[];
  /** The unit has no task in any plan, directly or through a group. */
  empty: boolean;
  blocks: {
    /** The plan's heading, when the page shows more than one plan, with the unit's task count in it. */
    plan?: { anchor: string; heading: string; count: string };
    filter: string;
    /** The heading tag of the role and group sections: one level below the plan's, if shown. */
    heading: 'h2' | 'h3';
    statusCounts?: { status: StatusLabel; count: number }[];
    lightCounts?: { light: Light; count: number }[];
    /** This plan against the one it follows, for this unit. */
    carry?: { planTitle: string; planHref: string; continued: number; added: number; dropped: { href: string; number: string; label: string }[] };
    roles: { anchor: string; filter: string; heading: string; tasks: TaskRow[] }[];
    groups: { anchor: string; heading: string; group: { href: string; name: string }; tasks: TaskRow[] }[];
  }[];
  members: { name: string; href?: string }[];
  sheet: UnitPrintSheet;
}

/** Each plan's share of a unit's tasks, newest plan first, so that this year reads next to last year. */
function planBlocks(view: UnitView, content: SiteContent, progress: Map<string, ReturnType<typeof progressView>>): UnitPlanBlock[] {
  const inPlan =
    (id: string) =>
    <G extends { tasks: UnitTaskRef[] }>(groups: G[]): G[] =>
      groups.map((g) => ({ ...g, tasks: g.tasks.filter((t) => t.planId === id) })).filter((g) => g.tasks.length > 0);
  return content.plans
    .map((p) => {
      const own = inPlan(p.id);
      const planProgress = progress.get(p.id);
      const byRole = own(view.byRole);
      const viaGroups = own(view.viaGroups);
      const numbers = [...new Set([...byRole, ...viaGroups].flatMap((g) => g.tasks.map((t) => t.slug)))];
      const statuses = planProgress ? Object.fromEntries(numbers.map((n) => [n, statusOf(planProgress, n)!])) : undefined;
      const lights = planProgress
        ? Object.fromEntries(
            numbers.flatMap((n) => {
              const light = lightOf(planProgress, n);
              return light ? [[n, light]] : [];
            }),
          )
        : undefined;
      const year = p.metadata.year ?? p.document.year;
      const continuity = continuityOf(p, content.plans);
      const carry = continuity && {
        previousId: continuity.previous.id,
        previousTitle: continuity.previous.title,
        kinds: Object.fromEntries(numbers.map((n) => [n, continuity.links.get(n) ? ('延续' as const) : ('新增' as const)])),
        dropped: [...new Set([...view.byRole, ...view.viaGroups].flatMap((g) => g.tasks.filter((t) => t.planId === continuity.previous.id).map((t) => t.slug)))]
          .filter((n) => continuity.dropped.includes(n))
          .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
          .map((n) => ({ number: n, label: continuity.previousLabels.get(n)! })),
      };
      return {
        id: p.id,
        title: p.metadata.title ?? p.document.title,
        ...(year !== undefined ? { year } : {}),
        byRole,
        viaGroups,
        ...(statuses ? { statuses } : {}),
        ...(lights ? { lights } : {}),
        ...(carry ? { carry } : {}),
        sample: planProgress?.sample ?? false,
        ...(statuses
          ? { statusCounts: STATUS_LABELS.map((s) => ({ status: s, count: Object.values(statuses).filter((x) => x === s).length })).filter((c) => c.count > 0) }
          : {}),
      };
    })
    .filter((b) => b.byRole.length + b.viaGroups.length > 0);
}

function lightCounts(lights: Record<string, Light>): { light: Light; count: number }[] {
  return LIGHTS.map((light) => ({ light, count: Object.values(lights).filter((l) => l === light).length })).filter((c) => c.count > 0);
}

export function unitRoutes(content: SiteContent): Route<UnitProps>[] {
  const views = unitViews(content.plans, content.units);
  const progress = new Map(content.plans.map((p) => [p.id, progressView(p)]));
  return views.map((view) => ({
    params: { unit: view.unit.id },
    props: {
      view,
      planCount: content.plans.length,
      showPlan: content.plans.length > 1,
      sheet: unitPrintSheet(view, content.plans),
      blocks: planBlocks(view, content, progress),
    },
  }));
}

export function unitPage({ view, planCount, showPlan, sheet, blocks }: UnitProps): UnitPage {
  const { unit } = view;
  const total = unitTotal(view);
  const scope = planCount > 1 ? `${planCount} 个计划合计` : '';
  const roles = roleCounters(view);
  return {
    frame: {
      title: unit.name,
      description: `${unit.name}承担的任务${scope ? `(${scope})` : ''}:共 ${total} 项${roles.length > 0 && total > 0 ? `,其中${roles.map((c) => `${c.label} ${c.value} 项`).join('、')}` : ''}。`,
      section: 'units',
      searchable: true,
      sample: blocks.some((b) => b.sample && b.statuses),
      alternates: [{ href: unitCalendarHref(unit.id), type: 'text/calendar', title: `${unit.name} 任务时限日历` }],
    },
    crumbs: [home(), { label: '责任单位', href: withBase('units/') }, { label: unit.name }],
    unit,
    filter: pagefindFilter('单位', unit.name),
    ...(unit.aliases.length > 0 ? { aliases: unit.aliases.join('、') } : {}),
    counters: [{ value: total, label: scope ? `项任务(${scope})` : '项任务' }, ...roles.map((c) => ({ value: c.value, label: `项${c.label}` }))],
    countNote: `每项任务只计一次:本单位直接承担的按其最主要的角色计${view.viaGroupCount > 0 ? ',经所属群体承担的只计本单位未直接列出的' : ''}。`,
    memberOf: view.memberOf.map((g) => ({ href: unitHref(g.id), name: g.name })),
    pdf: { file: unitPdfPath(unit.id), download: `${unit.name}任务清单.pdf`, label: '打印版任务清单' },
    calendarHref: unitCalendarHref(unit.id),
    openData: blocks.map((b) => ({ planId: b.id, ...(showPlan ? { label: `${b.title}数据` } : {}) })),
    empty: total === 0,
    blocks: blocks.map((block) => {
      const key = showPlan ? `${block.id}-` : '';
      const row = (t: UnitTaskRef): TaskRow => ({
        role: t.role,
        ...(block.statuses ? { status: block.statuses[t.slug]! } : {}),
        ...(block.lights?.[t.slug] ? { light: block.lights[t.slug]! } : {}),
        ...(block.carry ? { carry: block.carry.kinds[t.slug]! } : {}),
        href: taskHref(t.planId, t.slug),
        label: `任务 ${t.slug}:${t.label}`,
        ...(t.mention ? { mention: t.mention } : {}),
        ...(t.corrected ? { corrected: t.corrected } : {}),
      });
      return {
        ...(showPlan
          ? {
              plan: {
                anchor: `plan-${block.id}`,
                heading: `${block.year ? `${block.year} 年 · ` : ''}${block.title}`,
                count: `本计划中共 ${[...block.byRole, ...block.viaGroups].reduce((n, g) => n + g.tasks.length, 0)} 项`,
              },
            }
          : {}),
        filter: pagefindFilter('计划', block.title),
        heading: showPlan ? 'h3' : 'h2',
        ...(block.statusCounts ? { statusCounts: block.statusCounts } : {}),
        ...(block.lights ? { lightCounts: lightCounts(block.lights) } : {}),
        ...(block.carry
          ? {
              carry: {
                planTitle: block.carry.previousTitle,
                planHref: planHref(block.carry.previousId),
                continued: Object.values(block.carry.kinds).filter((k) => k === '延续').length,
                added: Object.values(block.carry.kinds).filter((k) => k === '新增').length,
                dropped: block.carry.dropped.map((d) => ({ href: taskHref(block.carry!.previousId, d.number), number: d.number, label: d.label })),
              },
            }
          : {}),
        roles: block.byRole.map((group) => ({
          anchor: `role-${key}${group.role}`,
          filter: `角色:${ROLE_LABEL[group.role]}`,
          heading: `${ROLE_LABEL[group.role]}的任务(${group.tasks.length} 项)`,
          tasks: group.tasks.map(row),
        })),
        groups: block.viaGroups.map((g) => ({
          anchor: `via-${key}${g.group.id}`,
          heading: `作为${g.group.name}承担的任务(${g.tasks.length} 项)`,
          group: { href: unitHref(g.group.id), name: g.group.name },
          tasks: g.tasks.map(row),
        })),
      };
    }),
    members: memberLinks(view),
    sheet,
  };
}
