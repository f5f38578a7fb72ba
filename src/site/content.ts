/** The one place pages read collections from; everything else in src/site is pure. */
import { getCollection } from 'astro:content';
import type { Unit } from '../lib/schema.ts';
import { RESERVED_SEGMENTS } from './config.ts';
import type { PlanInput } from './units.ts';

/** Plans newest first, as the pipeline orders them. */
export async function getPlans(): Promise<PlanInput[]> {
  const entries = await getCollection('plans');
  const plans = entries.map((e) => ({ id: e.data.id, document: e.data.document, metadata: e.data.metadata, sourceText: e.data.sourceText }));
  for (const plan of plans) {
    if (RESERVED_SEGMENTS.includes(plan.id)) throw new Error(`Plan id "${plan.id}" is a reserved URL segment; rename the plan file.`);
  }
  return plans;
}

export async function getUnits(): Promise<Unit[]> {
  return (await getCollection('units')).map((e) => e.data);
}
