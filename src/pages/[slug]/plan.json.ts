/** /<plan-id>/plan.json: the PlanDocument, as `plan parse` prints it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPlans } from '../../site/content.ts';
import type { PlanInput } from '../../site/units.ts';

export const getStaticPaths = (async () => (await getPlans()).map((plan) => ({ params: { slug: plan.id }, props: { plan } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { plan } = props as { plan: PlanInput };
  return new Response(`${JSON.stringify(plan.document, null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
