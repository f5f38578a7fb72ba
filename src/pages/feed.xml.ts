/** /feed.xml: the newest progress reports of every plan as an Atom feed (src/site/feeds.ts). */
import type { APIRoute } from 'astro';
import { getSiteContent } from '../site/content.ts';
import { atomXml } from '../site/feeds.ts';
import { siteFeedProps } from '../site/routes/feeds.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(atomXml(siteFeedProps(await getSiteContent()), site), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
