import { configDefaults, defineConfig } from 'vitest/config';

// Browser tests need a build and Chromium: `npm run test:browser` runs them with vitest.browser.config.ts.
export default defineConfig({
  test: { exclude: [...configDefaults.exclude, 'tests/browser/**'] },
});
