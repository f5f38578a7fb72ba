/**
 * Content collections: every plan, every unit, each plan's 解读 and the MDX pages, all from
 * CONTENT_DIR (default `content`). The pipeline does the reading; any error it reports fails the build.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { contentReport, formatWithFrame } from './lib/diagnostics.ts';
import { type LoadedContent, type LoadedPlan, planIdFromPath } from './lib/pipeline.ts';
import { loadContentOnce } from './lib/shared-content.ts';
import type { SiteConfig, Unit } from './lib/schema.ts';

const contentDir = resolve(process.env.CONTENT_DIR ?? 'content');

let loaded: Promise<LoadedContent> | undefined;

/** Loads the content folder once for all collections; throws on any error. */
async function content(): Promise<LoadedContent> {
  // Once per build: the MDX link plugin (astro.config.mjs) takes its targets from the same load.
  loaded ??= loadContentOnce(contentDir).then((result) => {
    if (result.errors.length > 0) {
      // As `plan check` prints them at a terminal: the one-line form, the source line with a ^, a hint.
      const sources = new Map(result.plans.map((plan) => [plan.document.source.path, plan.sourceText]));
      const report = result.diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => formatWithFrame(d, sources.get(d.path) ?? ''))
        .join('\n');
      throw new Error(`The content in ${contentDir} has ${result.errors.length} error(s):\n${report}`);
    }
    return result;
  });
  return loaded;
}

const plans = defineCollection({
  loader: {
    name: 'plans',
    load: async ({ store, parseData, logger }) => {
      const result = await content();
      // What the build has to say about the plans: their warnings, with counts by rule. Problems in
      // progress reports leave their row out and the rest builds: these lines say which rows.
      for (const line of contentReport(result.plans, result.diagnostics)) logger[line.level](line.message);
      store.clear();
      for (const plan of result.plans) store.set({ id: plan.id, data: await parseData({ id: plan.id, data: { ...plan } }) });
    },
  },
  schema: z.custom<LoadedPlan>(),
});

const units = defineCollection({
  loader: async () => {
    const seen = new Map<string, Unit>();
    for (const unit of (await content()).units) if (!seen.has(unit.id)) seen.set(unit.id, unit);
    return [...seen.values()];
  },
  schema: z.custom<Unit>(),
});

// The portal's identity (site.yaml): one entry, defaults filled in when the file is missing.
const site = defineCollection({
  loader: async () => [{ id: 'site', ...(await content()).site }],
  schema: z.custom<SiteConfig>(),
});

// A content folder without pages/ gets the bundled ones: the header and footer link to the about page.
const pagesDir = [join(contentDir, 'pages'), resolve('content/pages')].find((dir) => existsSync(dir));
const pages = defineCollection({
  loader: pagesDir ? glob({ pattern: '*.mdx', base: pagesDir }) : async () => [],
  schema: z.object({
    title: z.string(),
    description: z.string(),
    /** URL segment; defaults to the file name. */
    slug: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional(),
  }),
});

// Each plan's 解读: plans/<plan-id>.mdx beside the plan, shown at /<plan-id>/interpretation/.
const plansDir = join(contentDir, 'plans');
const hasInterpretations = existsSync(plansDir) && readdirSync(plansDir).some((name) => name.endsWith('.mdx'));
const interpretations = defineCollection({
  loader: hasInterpretations ? glob({ pattern: '*.mdx', base: plansDir, generateId: ({ entry }) => planIdFromPath(entry) }) : async () => [],
  schema: z.object({
    title: z.string(),
    description: z.string(),
    /** Written to show how a 解读 reads, not by the plan's issuer: every page that shows it says so. */
    example: z.boolean().default(false),
  }),
});

export const collections = { plans, units, site, pages, interpretations };
