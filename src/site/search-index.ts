/** The exact search index (/search-index.json) of src/site/search-engine.ts: every task's full text, units and roles, and every unit's names. Pure. */
import { deadlineText, taskFullText, unitsOfTask } from './opendata.ts';
import { nodeHeading, taskViews } from './plan.ts';
import { progressView, statusOf } from './progress.ts';
import type { SiteContent } from './routes/types.ts';
import type { SearchIndex } from './search-engine.ts';
import { unitTotal } from './routes/units.ts';
import { uniqueUnits, unitViews } from './units.ts';
import { taskHref, unitHref } from './url.ts';

export function searchIndex(content: SiteContent): SearchIndex {
  const totals = new Map(unitViews(content.plans, content.units).map((v) => [v.unit.id, unitTotal(v)]));
  return {
    plans: content.plans.map((p) => ({ id: p.id, title: p.metadata.title ?? p.document.title })),
    tasks: content.plans.flatMap((plan, planIndex) => {
      const progress = progressView(plan);
      return taskViews(plan.document).map((view) => {
        const deadline = deadlineText(view.task);
        const status = statusOf(progress, view.slug);
        return {
          plan: planIndex,
          number: view.slug,
          href: taskHref(plan.id, view.slug),
          ...(view.part ? { part: nodeHeading(view.part) } : {}),
          text: taskFullText(view.task),
          ...(deadline ? { deadline } : {}),
          units: unitsOfTask(view.task).map((u) => ({ id: u.unit, role: u.role })),
          ...(status ? { status } : {}),
        };
      });
    }),
    units: uniqueUnits(content.units).map((u) => ({
      id: u.id,
      name: u.name,
      aliases: u.aliases.filter((a) => a !== u.name),
      kind: u.kind,
      href: unitHref(u.id),
      total: totals.get(u.id) ?? 0,
    })),
  };
}
