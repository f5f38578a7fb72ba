/**
 * Internal links, built from the site's base so that the site works under a sub-path
 * (`BASE_PATH=/plans/ npm run build`). Every internal href goes through `withBase`.
 */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const rest = path.replace(/^\/+/, '');
  return prefix + rest;
}

// `base` is given where import.meta.env is not set up (the MDX link plugin's options, built in astro.config.mjs).
export const planHref = (planId: string, base?: string) => withBase(`${planId}/`, base);
export const taskHref = (planId: string, slug: string, base?: string) => withBase(`${planId}/tasks/${slug}/`, base);
export const unitHref = (unitId: string, base?: string) => withBase(`units/${unitId}/`, base);
/** Lines per page of the original text: a long plan's source is split so that no page grows with it. */
export const SOURCE_PAGE_LINES = 1000;
/** 1-based page of the source that holds a line. */
export const sourcePageOf = (line: number) => Math.max(1, Math.ceil(line / SOURCE_PAGE_LINES));
/** The source page (`/<plan>/source/`, `/<plan>/source/2/` …) with the line's anchor. */
export const sourceHref = (planId: string, line?: number, page = line === undefined ? 1 : sourcePageOf(line)) =>
  withBase(`${planId}/source/${page > 1 ? `${page}/` : ''}`) + (line === undefined ? '' : `#L${line}`);
/** A plan's 政策解读 (plans/<plan-id>.mdx). */
export const interpretationHref = (planId: string) => withBase(`${planId}/interpretation/`);
export const matrixHref = (planId: string) => withBase(`${planId}/matrix/`);
/** A plan's 督查通报 (plans with progress reports only). */
export const bulletinHref = (planId: string) => withBase(`${planId}/bulletin/`);
export const diagnosticsHref = (planId: string) => withBase(`${planId}/diagnostics/`);
/** A part page of a plan whose task list is split (see src/site/slices.ts). */
export const partHref = (planId: string, slug: string, base?: string) => withBase(`${planId}/parts/${slug}/`, base);
/** A plan's open data file (plan.json, assignments.csv, …). */
export const planFileHref = (planId: string, file: string) => withBase(`${planId}/${file}`);
