/** What the Pagefind integration and its middleware share during a build (same process, bundled apart). */
import type { PagefindIndex } from 'pagefind';

export const PAGEFIND_KEY = Symbol.for('plan-site:pagefind');

export interface PagefindBuild {
  index: PagefindIndex;
  /** Pages handed over and not yet acknowledged; the errors Pagefind reported for them. */
  pending: Promise<void>[];
  errors: string[];
  pages: number;
}

export type WithPagefind = typeof globalThis & { [PAGEFIND_KEY]?: PagefindBuild };
