/** /<plan-id>/assignments.csv: one row per task × unit, UTF-8 with BOM for Excel. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../site/content.ts';
import { type PlanFileProps, planFileRoutes } from '../../site/routes/opendata.ts';
import { assignmentsCsv } from '../../site/opendata.ts';

export const getStaticPaths = (async () => planFileRoutes(await getSiteContent())) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { plan } = props as PlanFileProps;
  // Bytes, so that nothing on the way drops the byte order mark.
  return new Response(new TextEncoder().encode(assignmentsCsv(plan.document)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
