import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Two of the three test tiers (the third, browser tests against a built dist/ in Chromium, is
 * vitest.browser.config.ts, `npm run test:browser`):
 * - unit: the parser, the pipeline, the scripts' helpers and the route data of every page kind,
 *   with no build (`npm test`);
 * - build: the output of real `astro build`s of content folders (`npm run test:build`). Each build
 *   takes seconds and, on a busy 2-core machine, minutes: the timeouts are sized for that, and the
 *   bundled content is built once for the whole tier (tests/build/setup.ts).
 */
export default defineConfig({
  test: {
    // A worker per core: on 2 cores Vitest would use one, which then idles while a test waits for
    // the `plan` command or a build it started.
    maxWorkers: '100%',
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/build/**', 'tests/browser/**'],
          // The files of a worker share its modules instead of importing the pipeline again each:
          // a third less CPU. Safe because nothing here mocks a module or keeps state across files
          // (src/ holds caches keyed by input only); the build tier keeps its files isolated.
          isolate: false,
          // A guard against a hang, not a measure: LibreOffice reading a committed .doc fixture takes
          // seconds on a loaded two-core machine, past Vitest's default of 5 s.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/build/setup.ts'],
          // One build at a time: builds side by side share Astro's content store (node_modules/.astro)
          // and .astro/, and one would read the other's content.
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
