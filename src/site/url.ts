/**
 * Internal links, built from the site's base so that the site works under a sub-path
 * (`BASE_PATH=/plans/ npm run build`). Every internal href goes through `withBase`.
 */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const rest = path.replace(/^\/+/, '');
  return prefix + rest;
}

export const planHref = (planId: string) => withBase(`${planId}/`);
export const taskHref = (planId: string, slug: string) => withBase(`${planId}/tasks/${slug}/`);
export const unitHref = (unitId: string) => withBase(`units/${unitId}/`);
export const sourceHref = (planId: string, line?: number) =>
  withBase(`${planId}/source/`) + (line === undefined ? '' : `#L${line}`);
export const matrixHref = (planId: string) => withBase(`${planId}/matrix/`);
export const diagnosticsHref = (planId: string) => withBase(`${planId}/diagnostics/`);
/** A plan's open data file (plan.json, assignments.csv, …). */
export const planFileHref = (planId: string, file: string) => withBase(`${planId}/${file}`);
