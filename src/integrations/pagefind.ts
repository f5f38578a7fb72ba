/**
 * Builds the Pagefind index after Astro has written the site. Only pages marked
 * `data-pagefind-body` are indexed (plan overviews, tasks, units, MDX pages).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

/**
 * The pages that carry `data-pagefind-body`: plan overviews and MDX pages (`<segment>/`), tasks and
 * units. Pagefind reads only these, not the matrix and source pages, which are most of the bytes of
 * a long plan's site. tests/site/build.test.ts checks that no indexed page falls outside it.
 */
export const SEARCHABLE_GLOB = '{*/index.html,*/tasks/*/index.html,units/*/index.html}';

export function pagefind(): AstroIntegration {
  return {
    name: 'plan-site:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        try {
          // Chinese is segmented by the extended build only for pages in a zh language.
          const { index, errors } = await createIndex({ forceLanguage: 'zh-cn' });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: outDir, glob: SEARCHABLE_GLOB });
          if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
          // page_count above counts the files read; the entry file says how many pages went into the index.
          const entry = JSON.parse(await readFile(`${outDir}/pagefind/pagefind-entry.json`, 'utf8')) as { languages: Record<string, { page_count: number }> };
          const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
          logger.info(`Pagefind indexed ${indexed} pages (read ${added.page_count}).`);
        } finally {
          await close();
        }
      },
    },
  };
}
