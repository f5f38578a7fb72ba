/** /<plan-id>/original/<plan-id>.<ext>: the plan's file byte for byte as published (PDF, Word, web page …). */
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../../site/content.ts';
import { type OriginalFileProps, originalFileRoutes } from '../../../site/routes/opendata.ts';

export const getStaticPaths = (async () => originalFileRoutes(await getSiteContent())) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { path } = props as OriginalFileProps;
  return new Response(readFileSync(path), { headers: { 'content-type': 'application/octet-stream' } });
};
