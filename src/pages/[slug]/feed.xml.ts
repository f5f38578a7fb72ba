/** /<plan-id>/feed.xml: the plan's progress reports as an Atom feed, newest first (src/site/feeds.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../site/content.ts';
import { atomXml } from '../../site/feeds.ts';
import { type FeedProps, planFeedRoutes } from '../../site/routes/feeds.ts';

export const getStaticPaths = (async () => planFeedRoutes(await getSiteContent())) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) =>
  new Response(atomXml(props as FeedProps, site), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
