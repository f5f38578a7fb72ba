import { defineConfig } from 'vitest/config';

// Browser tests run against an existing dist/ (`npm run test:browser` builds first) in Debian's Chromium.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
