/**
 * This year against last: a plan's predecessor (its metadata's `follows: <plan-id>`, else the
 * latest earlier plan of the same issuer or the same topic), and each task linked to its most
 * similar task there (src/lib/similarity.ts): 延续 or 新增; the predecessor's tasks no task links
 * to were dropped. Pure: no Astro import.
 */
import { linkTasks } from '../lib/similarity.ts';
import { summarizePlan, taskLabel, taskSlug } from './plan.ts';
import type { PlanInput } from './units.ts';

export interface Continuity {
  previous: { id: string; title: string };
  /** Task number → the earlier task it continues, or undefined when it is new. */
  links: Map<string, { number: string; label: string; score: number } | undefined>;
  /** Task numbers of the earlier plan that no task continues, in its order. */
  dropped: string[];
  /** Task number of the earlier plan → its label. */
  previousLabels: Map<string, string>;
}

/** A title without its years and notes in brackets: 2022年全县安全生产工作要点 → 全县安全生产工作要点. */
export function planTopic(title: string): string {
  return title
    .replace(/\d{4}\s*(—|-|至)?\s*(\d{4})?\s*年(度)?/g, '')
    .replace(/[((][^()()]*[))]/g, '')
    .replace(/\s+/g, '');
}

const yearOf = (plan: PlanInput) => plan.metadata.year ?? plan.document.year;

/** The plan this one follows: `follows` when it names a plan of the site, else the latest earlier plan of the same issuer or topic. */
export function predecessorOf<P extends PlanInput>(plan: P, plans: P[]): P | undefined {
  if (plan.metadata.follows) return plans.find((p) => p.id === plan.metadata.follows && p.id !== plan.id);
  const year = yearOf(plan);
  if (year === undefined) return undefined;
  const issuer = plan.metadata.issuer ?? plan.document.issuer;
  const topic = planTopic(summarizePlan(plan.document, plan.metadata).title);
  return plans
    .filter((p) => p.id !== plan.id && (yearOf(p) ?? Number.POSITIVE_INFINITY) < year)
    .filter((p) => {
      const otherIssuer = p.metadata.issuer ?? p.document.issuer;
      return (issuer !== undefined && issuer === otherIssuer) || planTopic(summarizePlan(p.document, p.metadata).title) === topic;
    })
    .sort((a, b) => (yearOf(b) ?? 0) - (yearOf(a) ?? 0) || a.id.localeCompare(b.id))[0];
}

const cache = new WeakMap<PlanInput, Continuity | null>();

/** The plan against its predecessor, or undefined when it has none; computed once per plan. */
export function continuityOf(plan: PlanInput, plans: PlanInput[]): Continuity | undefined {
  const cached = cache.get(plan);
  if (cached !== undefined) return cached ?? undefined;
  const previous = predecessorOf(plan, plans);
  let result: Continuity | undefined;
  if (previous) {
    const text = (t: PlanInput['document']['tasks'][number]) => `${t.title ?? ''}${t.text}`;
    const before = previous.document.tasks;
    const linked = linkTasks(
      plan.document.tasks.map((t) => ({ id: taskSlug(t), text: text(t) })),
      before.map((t) => ({ id: taskSlug(t), text: text(t) })),
    );
    const previousLabels = new Map(before.map((t) => [taskSlug(t), taskLabel(t)]));
    const links = new Map(
      linked.map((l) => [l.id, l.previous ? { number: l.previous.id, label: previousLabels.get(l.previous.id)!, score: l.previous.score } : undefined]),
    );
    const continued = new Set(linked.flatMap((l) => (l.previous ? [l.previous.id] : [])));
    result = {
      previous: { id: previous.id, title: summarizePlan(previous.document, previous.metadata).title },
      links,
      dropped: before.map(taskSlug).filter((n) => !continued.has(n)),
      previousLabels,
    };
  }
  cache.set(plan, result ?? null);
  return result;
}
