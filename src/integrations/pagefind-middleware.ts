/**
 * Build-only middleware (added by the Pagefind integration): hands each prerendered page that is
 * marked `data-pagefind-body` to Pagefind, with its URL relative to the site's base, and returns the
 * page unchanged.
 */
import { defineMiddleware } from 'astro:middleware';
import { PAGEFIND_KEY, type WithPagefind } from './pagefind-shared.ts';

const IN_FLIGHT = 100;

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const build = (globalThis as WithPagefind)[PAGEFIND_KEY];
  if (!build || !context.isPrerendered || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  if (html.includes('data-pagefind-body')) {
    const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
    const path = context.url.pathname.startsWith(base) ? context.url.pathname.slice(base.length) : context.url.pathname.replace(/^\//, '');
    build.pages++;
    build.pending.push(
      build.index.addHTMLFile({ url: `/${path}`, content: html }).then(
        (added) => void build.errors.push(...added.errors),
        (error: unknown) => void build.errors.push(`${path}: ${String(error)}`),
      ),
    );
  }
  // At most IN_FLIGHT pages wait for Pagefind: rendering pauses rather than queueing a whole site in memory.
  const behind = build.pending[build.pending.length - IN_FLIGHT];
  if (behind) await behind;
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
