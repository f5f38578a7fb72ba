/** The unit directory `/units/` and each unit's page `/units/<unit>/`: its tasks in every plan, print-ready. */
import type { Role, Unit } from '../../lib/schema.ts';
import { unitPdfPath } from '../pdf.ts';
import { type UnitPrintSheet, unitPrintSheet } from '../print.ts';
import { progressView, STATUS_LABELS, type StatusLabel, statusOf } from '../progress.ts';
import { ROLE_LABEL } from '../roles.ts';
import { pagefindFilter } from '../search.ts';
import { groupUnitsByKind, type UnitTaskRef, type UnitView, unitViews } from '../units.ts';
import { taskHref, unitHref, withBase } from '../url.ts';
import type { Crumb, PageFrame, Route, SiteContent } from './types.ts';

const home = () => ({ label: '首页', href: withBase('') });

export interface UnitDirectoryPage {
  frame: PageFrame;
  crumbs: Crumb[];
  unitCount: number;
  kinds: {
    anchor: string;
    kind: string;
    units: { href: string; name: string; aliases?: string; counts: Record<Role, number>; viaGroupCount: number }[];
  }[];
  groups: { href: string; name: string; members: { name: string; href?: string }[] }[];
}

const memberLinks = (view: UnitView) => view.members.map((m) => ({ name: m.name, ...(m.id ? { href: unitHref(m.id) } : {}) }));

export function unitDirectoryPage(content: SiteContent): UnitDirectoryPage {
  const views = unitViews(content.plans, content.units);
  return {
    frame: { title: '责任单位', description: `全部 ${views.length} 个责任单位,按单位类别分组,列出各单位牵头、配合和负责的任务数。`, section: 'units' },
    crumbs: [home(), { label: '责任单位' }],
    unitCount: views.length,
    kinds: groupUnitsByKind(views).map((group, i) => ({
      anchor: `kind-${i + 1}`,
      kind: group.kind,
      units: group.units.map((v) => ({
        href: unitHref(v.unit.id),
        name: v.unit.name,
        ...(v.unit.aliases.length > 0 ? { aliases: v.unit.aliases.slice(0, 2).join('、') } : {}),
        counts: v.counts,
        viaGroupCount: v.viaGroupCount,
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
  sample: boolean;
  statusCounts?: { status: StatusLabel; count: number }[];
}

export interface UnitProps {
  view: UnitView;
  /** With one plan, naming it is noise. */
  showPlan: boolean;
  sheet: UnitPrintSheet;
  blocks: UnitPlanBlock[];
}

interface TaskRow {
  role: Role;
  status?: StatusLabel;
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
  counts: Record<Role, number>;
  viaGroupCount: number;
  memberOf: { href: string; name: string }[];
  pdf: { file: string; download: string; label: string };
  openData: { planId: string; label?: string }[];
  /** The unit has no task in any plan, directly or through a group. */
  empty: boolean;
  blocks: {
    /** The plan's heading, when the page shows more than one plan. */
    plan?: { anchor: string; heading: string };
    filter: string;
    /** The heading tag of the role and group sections: one level below the plan's, if shown. */
    heading: 'h2' | 'h3';
    statusCounts?: { status: StatusLabel; count: number }[];
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
      const year = p.metadata.year ?? p.document.year;
      return {
        id: p.id,
        title: p.metadata.title ?? p.document.title,
        ...(year !== undefined ? { year } : {}),
        byRole,
        viaGroups,
        ...(statuses ? { statuses } : {}),
        sample: planProgress?.sample ?? false,
        ...(statuses
          ? { statusCounts: STATUS_LABELS.map((s) => ({ status: s, count: Object.values(statuses).filter((x) => x === s).length })).filter((c) => c.count > 0) }
          : {}),
      };
    })
    .filter((b) => b.byRole.length + b.viaGroups.length > 0);
}

export function unitRoutes(content: SiteContent): Route<UnitProps>[] {
  const views = unitViews(content.plans, content.units);
  const progress = new Map(content.plans.map((p) => [p.id, progressView(p)]));
  return views.map((view) => ({
    params: { unit: view.unit.id },
    props: { view, showPlan: content.plans.length > 1, sheet: unitPrintSheet(view, content.plans), blocks: planBlocks(view, content, progress) },
  }));
}

export function unitPage({ view, showPlan, sheet, blocks }: UnitProps): UnitPage {
  const { unit, counts } = view;
  const total = counts.lead + counts.support + counts.responsible;
  return {
    frame: {
      title: unit.name,
      description: `${unit.name}承担的任务:牵头 ${counts.lead} 项、配合 ${counts.support} 项、责任 ${counts.responsible} 项,另经所属群体承担 ${view.viaGroupCount} 项。`,
      section: 'units',
      searchable: true,
      sample: blocks.some((b) => b.sample && b.statuses),
    },
    crumbs: [home(), { label: '责任单位', href: withBase('units/') }, { label: unit.name }],
    unit,
    filter: pagefindFilter('单位', unit.name),
    ...(unit.aliases.length > 0 ? { aliases: unit.aliases.join('、') } : {}),
    counts,
    viaGroupCount: view.viaGroupCount,
    memberOf: view.memberOf.map((g) => ({ href: unitHref(g.id), name: g.name })),
    pdf: { file: unitPdfPath(unit.id), download: `${unit.name}任务清单.pdf`, label: '打印版任务清单' },
    openData: blocks.map((b) => ({ planId: b.id, ...(showPlan ? { label: `${b.title}数据` } : {}) })),
    empty: total === 0 && view.viaGroupCount === 0,
    blocks: blocks.map((block) => {
      const key = showPlan ? `${block.id}-` : '';
      const row = (t: UnitTaskRef): TaskRow => ({
        role: t.role,
        ...(block.statuses ? { status: block.statuses[t.slug]! } : {}),
        href: taskHref(t.planId, t.slug),
        label: `任务 ${t.slug}:${t.label}`,
        ...(t.mention ? { mention: t.mention } : {}),
        ...(t.corrected ? { corrected: t.corrected } : {}),
      });
      return {
        ...(showPlan ? { plan: { anchor: `plan-${block.id}`, heading: `${block.year ? `${block.year} 年 · ` : ''}${block.title}` } } : {}),
        filter: pagefindFilter('计划', block.title),
        heading: showPlan ? 'h3' : 'h2',
        ...(block.statusCounts ? { statusCounts: block.statusCounts } : {}),
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
