/**
 * Builds the bundled content folder once for the build tier: tests/build/site.test.ts and
 * tests/build/opendata.test.ts read the same build (`inject('contentBuild')`). Tests of other
 * content folders build their own.
 */
import type { TestProject } from 'vitest/node';
import { type BuildResult, buildSite, removeBuilds } from './dist.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    contentBuild: BuildResult;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  project.provide('contentBuild', await buildSite());
  return removeBuilds;
}
