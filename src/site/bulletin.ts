/**
 * The 督查通报 of a plan as of its "as of" date: counts by status and by light, the overdue, late
 * and due-soon tasks with their units, the units ranked by the share of their 牵头/责任 tasks
 * completed, and the tasks no one has reported on. Pure: no Astro import; computed from the same
 * roll-up as the plan page, so that every count there is the same here.
 */
import { nameKey } from '../lib/normalize.ts';
import type { Role } from '../lib/schema.ts';
import { taskLabel, taskSlug } from './plan.ts';
import { LIGHTS, type Light, NO_REPORT, type PlanProgressView, STATUS_LABELS, type StatusLabel } from './progress.ts';
import type { PlanInput } from './units.ts';

export interface BulletinTask {
  number: string;
  label: string;
  deadline?: string;
  status: StatusLabel;
  light?: Light;
  /** The accountable units (牵头 and 责任; all units when the task names neither). */
  units: { id: string; name: string; role: Role }[];
}

export interface UnitRank {
  rank: number;
  id: string;
  name: string;
  /** Tasks the unit leads or is responsible for (all units' tasks when a task names neither). */
  accountable: number;
  done: number;
  overdue: number;
  /** done / accountable, 0–1. */
  share: number;
}

export interface Bulletin {
  asOf: string;
  taskCount: number;
  statusCounts: { status: StatusLabel; count: number }[];
  lightCounts: { light: Light; count: number }[];
  overdue: BulletinTask[];
  /** 滞后 tasks that are not overdue (the overdue ones are listed above, whatever their status). */
  lagging: BulletinTask[];
  dueSoon: BulletinTask[];
  unreported: BulletinTask[];
  ranking: UnitRank[];
}

/**
 * Units ranked: by share of accountable tasks completed (higher first), then fewer overdue, then
 * more accountable tasks, then name. Equal share, overdue count and task count share a rank
 * (1, 1, 3).
 */
export function rankUnits(rows: Omit<UnitRank, 'rank' | 'share'>[]): UnitRank[] {
  const withShare = rows.filter((r) => r.accountable > 0).map((r) => ({ ...r, share: r.done / r.accountable }));
  withShare.sort(
    (a, b) =>
      b.share - a.share ||
      a.overdue - b.overdue ||
      b.accountable - a.accountable ||
      nameKey(a.name).localeCompare(nameKey(b.name), 'zh-Hans-CN') ||
      a.id.localeCompare(b.id),
  );
  const ranked: UnitRank[] = [];
  withShare.forEach((r, i) => {
    const prev = ranked[i - 1];
    const tie = prev && prev.share === r.share && prev.overdue === r.overdue && prev.accountable === r.accountable;
    ranked.push({ ...r, rank: tie ? prev.rank : i + 1 });
  });
  return ranked;
}

export function buildBulletin(plan: PlanInput, progress: PlanProgressView): Bulletin {
  const rows: BulletinTask[] = plan.document.tasks.map((task) => {
    const number = taskSlug(task);
    const p = progress.tasks[number]!;
    return {
      number,
      label: taskLabel(task),
      ...(p.deadline ? { deadline: p.deadline } : {}),
      status: p.status ?? NO_REPORT,
      ...(p.light ? { light: p.light } : {}),
      units: p.units.filter((u) => u.accountable).map((u) => ({ id: u.unit, name: u.name, role: u.role })),
    };
  });
  const byUnit = new Map<string, Omit<UnitRank, 'rank' | 'share'>>();
  for (const row of rows) {
    for (const u of row.units) {
      const entry = byUnit.get(u.id) ?? { id: u.id, name: u.name, accountable: 0, done: 0, overdue: 0 };
      entry.accountable++;
      if (row.status === '已完成') entry.done++;
      if (row.light === '逾期') entry.overdue++;
      byUnit.set(u.id, entry);
    }
  }
  const overdueSet = new Set(progress.overdue);
  return {
    asOf: progress.asOf,
    taskCount: rows.length,
    statusCounts: STATUS_LABELS.map((status) => ({ status, count: progress.counts[status] })),
    lightCounts: LIGHTS.map((light) => ({ light, count: progress.lights[light] })),
    overdue: rows.filter((r) => overdueSet.has(r.number)),
    lagging: rows.filter((r) => r.status === '滞后' && !overdueSet.has(r.number)),
    dueSoon: rows.filter((r) => r.light === '临期'),
    unreported: rows.filter((r) => r.status === NO_REPORT),
    ranking: rankUnits([...byUnit.values()]),
  };
}
