/** /<plan-id>/plan.schema.json: the JSON Schema of plan.json, derived from the Zod data contract. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../site/content.ts';
import { planFileRoutes } from '../../site/routes/opendata.ts';
import { planJsonSchema } from '../../site/opendata.ts';

export const getStaticPaths = (async () => planFileRoutes(await getSiteContent())) satisfies GetStaticPaths;

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(planJsonSchema(), null, 2)}\n`, { headers: { 'content-type': 'application/schema+json; charset=utf-8' } });
