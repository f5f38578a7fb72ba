/** /search-index.json: the exact search index the search page reads (src/site/search-index.ts). */
import type { APIRoute } from 'astro';
import { getSiteContent } from '../site/content.ts';
import { searchIndex } from '../site/search-index.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(searchIndex(await getSiteContent())), { headers: { 'content-type': 'application/json; charset=utf-8' } });
