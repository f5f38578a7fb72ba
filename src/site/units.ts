/** View data for units: the directory grouped by kind, and each unit's tasks. Pure: no Astro import. */
import type { LoadedProgress } from '../lib/pipeline.ts';
import type { PlanDocument, PlanMetadata, Role, Unit } from '../lib/schema.ts';
import { type RoleCounts, emptyRoleCounts, taskLabel, taskSlug } from './plan.ts';
import { UNIT_KIND_ORDER, kindRank } from './roles.ts';

export interface PlanInput {
  id: string;
  document: PlanDocument;
  metadata: PlanMetadata;
  progress?: LoadedProgress;
}

export interface UnitTaskRef {
  planId: string;
  planTitle: string;
  slug: string;
  label: string;
  role: Role;
  /** How the plan names the unit here, when it differs from the canonical name. */
  mention?: string;
  /** The group through which the unit holds the task (e.g. 县安委会成员单位). */
  via?: { id: string; name: string };
  /** 人工校正: the note of the correction that gave the unit this task. */
  corrected?: string;
}

export interface UnitView {
  unit: Unit;
  counts: RoleCounts;
  viaGroupCount: number;
  /** Direct tasks, per role, in plan order (newest plan first) then document order. */
  byRole: { role: Role; tasks: UnitTaskRef[] }[];
  /** Tasks held as a member of a group. */
  viaGroups: { group: { id: string; name: string }; tasks: UnitTaskRef[] }[];
  /** Groups the unit belongs to. */
  memberOf: { id: string; name: string }[];
  /** For a group: its members, resolved to units where the registry knows them. */
  members: { name: string; id?: string }[];
}

/** Units deduplicated by id, keeping the first occurrence. */
export function uniqueUnits(units: Unit[]): Unit[] {
  const seen = new Map<string, Unit>();
  for (const unit of units) if (!seen.has(unit.id)) seen.set(unit.id, unit);
  return [...seen.values()];
}

function resolveMember(member: string, units: Unit[]): Unit | undefined {
  return units.find((u) => u.id === member || u.name === member || u.aliases.includes(member));
}

/** The strength of a role a unit holds directly: a lead answers for the task, a support unit helps. */
export const ROLE_STRENGTH: Record<Role, number> = { lead: 0, responsible: 1, support: 2 };

/** The key that makes a task one task across plans. */
const taskKey = (ref: { planId: string; slug: string }) => `${ref.planId}/${ref.slug}`;

/**
 * Every unit's direct tasks, in one pass over the plans (plan order, then document order). A task
 * that names a unit twice (牵头 and 配合, or under two of its names) is listed once, in the
 * strongest role.
 */
function directRefs(plans: PlanInput[]): Map<string, UnitTaskRef[]> {
  const refs = new Map<string, UnitTaskRef[]>();
  for (const plan of plans) {
    const planTitle = plan.metadata.title ?? plan.document.title;
    for (const task of plan.document.tasks) {
      let slug: string | undefined;
      let label: string | undefined;
      const seen = new Map<string, UnitTaskRef>();
      for (const a of task.effectiveAssignments) {
        slug ??= taskSlug(task);
        label ??= taskLabel(task);
        const ref: UnitTaskRef = {
          planId: plan.id,
          planTitle,
          slug,
          label,
          role: a.role,
          mention: a.mention !== a.name ? a.mention : undefined,
          ...(a.origin === 'corrected' && a.note ? { corrected: a.note } : {}),
        };
        const earlier = seen.get(a.unit);
        if (earlier) {
          if (ROLE_STRENGTH[ref.role] < ROLE_STRENGTH[earlier.role]) Object.assign(earlier, { role: ref.role, mention: ref.mention, corrected: ref.corrected });
          continue;
        }
        seen.set(a.unit, ref);
        let list = refs.get(a.unit);
        if (!list) {
          list = [];
          refs.set(a.unit, list);
        }
        list.push(ref);
      }
    }
  }
  return refs;
}

export function unitViews(plans: PlanInput[], allUnits: Unit[]): UnitView[] {
  const units = uniqueUnits(allUnits);
  const membersOf = new Map<string, Unit[]>();
  for (const group of units) {
    for (const member of group.members ?? []) {
      const unit = resolveMember(member, units);
      if (unit) membersOf.set(unit.id, [...(membersOf.get(unit.id) ?? []), group]);
    }
  }
  const direct = directRefs(plans);

  return units.map((unit) => {
    const refs = direct.get(unit.id) ?? [];
    const counts = emptyRoleCounts();
    for (const r of refs) counts[r.role]++;
    const groups = membersOf.get(unit.id) ?? [];
    // A task the unit holds itself is listed in its own role only; one it holds through two groups, under the first.
    const held = new Set(refs.map(taskKey));
    const viaGroups = groups
      .map((group) => ({
        group: { id: group.id, name: group.name },
        tasks: (direct.get(group.id) ?? [])
          .filter((r) => {
            if (held.has(taskKey(r))) return false;
            held.add(taskKey(r));
            return true;
          })
          .map((r) => ({ ...r, via: { id: group.id, name: group.name } })),
      }))
      .filter((g) => g.tasks.length > 0);
    return {
      unit,
      counts,
      viaGroupCount: viaGroups.reduce((n, g) => n + g.tasks.length, 0),
      byRole: (['lead', 'support', 'responsible'] as const)
        .map((role) => ({ role, tasks: refs.filter((r) => r.role === role) }))
        .filter((g) => g.tasks.length > 0),
      viaGroups,
      memberOf: groups.map((g) => ({ id: g.id, name: g.name })),
      members: (unit.members ?? []).map((m) => {
        const u = resolveMember(m, units);
        return u ? { name: u.name, id: u.id } : { name: m };
      }),
    };
  });
}

export interface UnitKindGroup {
  kind: string;
  units: UnitView[];
}

/** The directory: units grouped by kind, kinds in a fixed order, units by task count. */
export function groupUnitsByKind(views: UnitView[]): UnitKindGroup[] {
  const kinds = [...new Set(views.map((v) => v.unit.kind))].sort((a, b) => kindRank(a) - kindRank(b) || a.localeCompare(b, 'zh-CN'));
  return kinds.map((kind) => ({
    kind,
    units: views.filter((v) => v.unit.kind === kind),
  }));
}

export { UNIT_KIND_ORDER };
