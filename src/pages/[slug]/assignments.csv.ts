/** /<plan-id>/assignments.csv: one row per task × unit, UTF-8 with BOM for Excel. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPlans } from '../../site/content.ts';
import { assignmentsCsv } from '../../site/opendata.ts';
import type { PlanInput } from '../../site/units.ts';

export const getStaticPaths = (async () => (await getPlans()).map((plan) => ({ params: { slug: plan.id }, props: { plan } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { plan } = props as { plan: PlanInput };
  // Bytes, so that nothing on the way drops the byte order mark.
  return new Response(new TextEncoder().encode(assignmentsCsv(plan.document)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
