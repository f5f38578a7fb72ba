/**
 * What the MDX pages link to (src/lib/remark/plan-links.ts): every plan's top-level tasks, sections
 * and parts, and every unit, with the URLs of their pages. Built from what the content loader read.
 */
import type { LinkTargets, NumberedTarget, PlanTargets } from '../lib/remark/plan-links.ts';
import type { OutlineNode, PlanDocument, PlanMetadata, Unit } from '../lib/schema.ts';
import { taskSlug } from './plan.ts';
import { OUTLINE_PAGE_TASKS, OUTLINE_SPLIT_TASKS, sliceSections, sliceTasks } from './slices.ts';
import { partHref, planHref, taskHref, unitHref } from './url.ts';
import { uniqueUnits } from './units.ts';

export interface LinkContent {
  plans: { id: string; document: PlanDocument; metadata: PlanMetadata }[];
  units: Unit[];
}

function walk(nodes: OutlineNode[], visit: (node: OutlineNode) => void): void {
  for (const node of nodes) {
    visit(node);
    if (node.kind !== 'task') walk(node.children, visit);
  }
}

/** Where a plan's sections and parts are shown: its page, or for a long plan its part pages. */
function anchors(document: PlanDocument, base: string | undefined): Map<string, string> {
  const href = new Map<string, string>();
  if (document.tasks.length <= OUTLINE_SPLIT_TASKS) return href;
  for (const slice of sliceTasks(document, OUTLINE_PAGE_TASKS)) {
    const page = partHref(document.id, slice.slug, base);
    if (slice.part && !href.has(slice.part.id)) href.set(slice.part.id, page);
    for (const { section } of sliceSections(document, slice)) if (section && !href.has(section.id)) href.set(section.id, `${page}#${section.id}`);
  }
  return href;
}

export function planTargets(plan: LinkContent['plans'][number], base?: string): PlanTargets {
  const { document } = plan;
  const page = planHref(plan.id, base);
  const shownAt = anchors(document, base);
  const at = (node: OutlineNode) => shownAt.get(node.id) ?? `${page}#${node.id}`;
  const tasks: NumberedTarget[] = [];
  const sections: NumberedTarget[] = [];
  const parts: NumberedTarget[] = [];
  // Top-level tasks only: walk stops at a task, so that (1) under 3. is no 任务1.
  walk(document.outline, (node) => {
    if (node.kind === 'task') tasks.push({ number: node.number, href: taskHref(plan.id, taskSlug(node), base) });
    else (node.kind === 'section' ? sections : parts).push({ number: node.number, href: at(node) });
  });
  return { id: plan.id, title: plan.metadata.title ?? document.title, href: page, tasks, sections, parts };
}

/** The targets of every plan and unit of the site; `base` as in astro.config.mjs. */
export function planLinkTargets(content: LinkContent, base?: string): LinkTargets {
  return {
    plans: content.plans.map((plan) => planTargets(plan, base)),
    units: uniqueUnits(content.units).map((unit) => ({ id: unit.id, name: unit.name, aliases: unit.aliases, href: unitHref(unit.id, base) })),
  };
}
