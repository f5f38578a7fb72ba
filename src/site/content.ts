/** The one place pages read collections from; everything else in src/site is pure. */
import { type CollectionEntry, getCollection } from 'astro:content';
import type { SiteConfig, Unit } from '../lib/schema.ts';
import { RESERVED_SEGMENTS } from './config.ts';
import type { SiteContent, SitePlan } from './routes/types.ts';

/** Plans newest first, as the pipeline orders them. */
export async function getPlans(): Promise<SitePlan[]> {
  const entries = await getCollection('plans');
  const interpretations = new Map((await getInterpretations(entries.map((e) => e.data))).map((e) => [e.id, e.data]));
  const plans = entries.map((e) => ({
    id: e.data.id,
    document: e.data.document,
    metadata: e.data.metadata,
    sourceText: e.data.sourceText,
    ...(e.data.progress ? { progress: e.data.progress } : {}),
    ...(e.data.review ? { review: e.data.review } : {}),
    ...(e.data.corrections ? { corrections: e.data.corrections } : {}),
    ...(interpretations.has(e.data.id) ? { interpretation: interpretations.get(e.data.id)! } : {}),
  }));
  // The collection does not keep the pipeline's order: newest first again (year, then id).
  plans.sort((a, b) => (b.document.year ?? 0) - (a.document.year ?? 0) || b.id.localeCompare(a.id));
  for (const plan of plans) {
    if (RESERVED_SEGMENTS.includes(plan.id)) throw new Error(`Plan id "${plan.id}" is a reserved URL segment; rename the plan file.`);
  }
  return plans;
}

/**
 * The plans' 解读 (plans/<id>.mdx). Read only when the content loader found one: Astro warns about
 * every read of an empty collection, and most content folders have none.
 */
export async function getInterpretations(plans?: { interpretationFile?: string }[]): Promise<CollectionEntry<'interpretations'>[]> {
  const loaded = plans ?? (await getCollection('plans')).map((e) => e.data);
  return loaded.some((p) => p.interpretationFile) ? getCollection('interpretations') : [];
}

export async function getUnits(): Promise<Unit[]> {
  return (await getCollection('units')).map((e) => e.data);
}

/** The portal's identity from site.yaml, defaults filled in. */
export async function getSiteConfig(): Promise<SiteConfig> {
  const [entry] = await getCollection('site');
  const { id: _id, ...site } = entry!.data as SiteConfig & { id?: string };
  return site;
}

/** Plans, units and the site's identity together, as every route module takes them. */
export async function getSiteContent(): Promise<SiteContent> {
  return { plans: await getPlans(), units: await getUnits(), site: await getSiteConfig() };
}
