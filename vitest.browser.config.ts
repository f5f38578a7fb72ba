import { defineConfig } from 'vitest/config';

// Browser tests run against an existing dist/ (`npm run test:browser` builds first) in Debian's
// Chromium; some build a content folder of their own and print PDFs. Their timeouts are sized for a
// loaded 2-core machine, like the build tier's (vitest.config.ts).
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 900_000,
    fileParallelism: false,
  },
});
