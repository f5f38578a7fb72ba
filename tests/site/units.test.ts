/** Each unit's tasks: once per task, in the strongest role the unit holds, on the page, the printed list and the ledger. */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/pipeline.ts';
import { unitLedgers } from '../../src/site/opendata.ts';
import { unitPrintSheet } from '../../src/site/print.ts';
import { unitViews } from '../../src/site/units.ts';

const content = await loadContent('content');
const progress = await loadContent('examples/with-progress');

/** The tasks a unit answers for, found from the plan's assignments and the registry's groups, not from the views. */
function distinctTasks(c: typeof content, unitId: string): Set<string> {
  const unit = c.units.find((u) => u.id === unitId)!;
  const names = new Set([unit.id, unit.name, ...unit.aliases]);
  const groups = new Set(c.units.filter((g) => (g.members ?? []).some((m) => names.has(m))).map((g) => g.id));
  const keys = new Set<string>();
  for (const plan of c.plans)
    for (const task of plan.document.tasks)
      if (task.effectiveAssignments.some((a) => a.unit === unitId || groups.has(a.unit))) keys.add(`${plan.id}/${task.id}`);
  return keys;
}

describe.each([
  ['the bundled plan', content],
  ['two plans with progress', progress],
])('unit views of %s', (_name, c) => {
  const views = unitViews(c.plans, c.units);

  it('list each task once per unit, as many as the unit answers for', () => {
    let withGroups = 0;
    for (const view of views) {
      const refs = [...view.byRole.flatMap((g) => g.tasks), ...view.viaGroups.flatMap((g) => g.tasks)];
      const keys = refs.map((r) => `${r.planId}/${r.slug}`);
      expect(new Set(keys).size, view.unit.name).toBe(keys.length);
      expect(new Set(refs.map((r) => `${r.planId}/task-${r.slug}`)), view.unit.name).toEqual(distinctTasks(c, view.unit.id));
      const total = view.counts.lead + view.counts.support + view.counts.responsible + view.viaGroupCount;
      expect(total, view.unit.name).toBe(keys.length);
      if (view.viaGroups.length > 0) withGroups++;
    }
    expect(withGroups).toBeGreaterThan(3);
  });

  it('print and ledger count the same tasks as the page', () => {
    for (const view of views) {
      const sheet = unitPrintSheet(view, c.plans);
      expect(sheet.total, view.unit.name).toBe(view.counts.lead + view.counts.support + view.counts.responsible + view.viaGroupCount);
    }
    for (const plan of c.plans) {
      const planViews = unitViews([plan], c.units);
      for (const ledger of unitLedgers(plan, c.units)) {
        const numbers = ledger.rows.map((r) => r.number);
        expect(new Set(numbers).size, ledger.unit.name).toBe(numbers.length);
        const v = planViews.find((x) => x.unit.id === ledger.unit.id)!;
        expect(numbers.length).toBe(v.counts.lead + v.counts.support + v.counts.responsible + v.viaGroupCount);
      }
    }
  });
});

describe('the strongest role', () => {
  it('keeps a task 县住建局 holds itself out of the tasks it holds through 县安委会成员单位', () => {
    const view = unitViews(content.plans, content.units).find((v) => v.unit.id === 'zhujian')!;
    const direct = new Set(view.byRole.flatMap((g) => g.tasks.map((t) => t.slug)));
    const via = view.viaGroups.flatMap((g) => g.tasks.map((t) => t.slug));
    expect(via.filter((s) => direct.has(s))).toEqual([]);
    expect(distinctTasks(content, 'zhujian').size).toBe(direct.size + via.length);
  });

  it('lists a unit named as 牵头 and 配合 of one task once, as 牵头', () => {
    const plan = structuredClone(content.plans[0]!);
    const task = plan.document.tasks[0]!;
    const lead = task.effectiveAssignments.find((a) => a.role === 'lead') ?? task.effectiveAssignments[0]!;
    task.effectiveAssignments = [{ ...lead, role: 'support' }, ...task.effectiveAssignments.map((a) => (a === lead ? { ...a, role: 'lead' as const } : a))];
    const view = unitViews([plan], content.units).find((v) => v.unit.id === lead.unit)!;
    const refs = view.byRole.flatMap((g) => g.tasks.filter((t) => `task-${t.slug}` === task.id).map((t) => t.role));
    expect(refs).toEqual(['lead']);
  });
});
