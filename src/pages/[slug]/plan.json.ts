/** /<plan-id>/plan.json: the PlanDocument, as `plan parse` prints it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../site/content.ts';
import { type PlanFileProps, planFileRoutes } from '../../site/routes/opendata.ts';

export const getStaticPaths = (async () => planFileRoutes(await getSiteContent())) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { plan } = props as PlanFileProps;
  return new Response(`${JSON.stringify(plan.document, null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
