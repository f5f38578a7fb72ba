/**
 * The Pagefind index of the built site. Only pages marked `data-pagefind-body` are indexed (plan
 * overviews, tasks, units, MDX pages).
 *
 * Indexing runs beside page generation: a build-only middleware hands each rendered page that is
 * marked for search to Pagefind's own process as soon as Astro has rendered it, so that Pagefind
 * works on the second core while Astro renders the rest; `astro:build:done` waits for it and writes
 * the index. Nothing is read back from disk.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { PAGEFIND_KEY, type WithPagefind } from './pagefind-shared.ts';

export function pagefind(): AstroIntegration {
  const shared = globalThis as WithPagefind;
  return {
    name: 'plan-site:pagefind',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware }) => {
        if (command === 'build') addMiddleware({ entrypoint: new URL('./pagefind-middleware.ts', import.meta.url), order: 'post' });
      },
      'astro:build:start': async () => {
        // Chinese is segmented by the extended build only for pages in a zh language.
        const { index, errors } = await createIndex({ forceLanguage: 'zh-cn' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        shared[PAGEFIND_KEY] = { index, pending: [], errors: [], pages: 0 };
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const build = shared[PAGEFIND_KEY];
        delete shared[PAGEFIND_KEY];
        try {
          if (!build) throw new Error('Pagefind was not started for this build');
          await Promise.all(build.pending);
          if (build.errors.length > 0) throw new Error(`Pagefind indexing failed: ${build.errors.join('; ')}`);
          const written = await build.index.writeFiles({ outputPath: `${outDir}/pagefind` });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
          const entry = JSON.parse(await readFile(`${outDir}/pagefind/pagefind-entry.json`, 'utf8')) as { languages: Record<string, { page_count: number }> };
          const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
          logger.info(`Pagefind indexed ${indexed} pages (handed ${build.pages}).`);
        } finally {
          await close();
        }
      },
    },
  };
}
