// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { pagefind } from './src/integrations/pagefind.ts';

// BASE_PATH=/plans/ builds the site for a sub-path; every internal link uses withBase().
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), pagefind()],
  // No prefetch, no dev toolbar script in the output: the site ships no JavaScript of its own
  // except on the search page and the optional matrix filter.
  devToolbar: { enabled: false },
});
