// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { dropHeadInjectDirective } from './src/integrations/head-inject.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { pdfCache } from './src/integrations/pdf-cache.ts';
import { planLinks } from './src/integrations/plan-links.ts';

// BASE_PATH=/plans/ builds the site for a sub-path; every internal link uses withBase().
const base = process.env.BASE_PATH ?? '/';
// The MDX pages link unit names, 任务12 and 《plan titles》 to their pages (src/lib/remark/plan-links.ts).
const links = planLinks({ contentDir: process.env.CONTENT_DIR ?? 'content' });

export default defineConfig({
  // SITE_URL=https://… gives calendars, feeds and canonical links the site's address; without it
  // they carry paths only.
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  base,
  trailingSlash: 'always',
  // The site's one stylesheet is inlined into each page (Astro hashes it for the CSP): no request
  // blocks the first paint (Lighthouse's render-blocking audit on a throttled phone).
  build: { format: 'directory', inlineStylesheets: 'always' },
  // pdfCache: after the build, the printed PDFs still current are restored from .pdf-cache/ (PDF_CACHE)
  // and linked; changed pages link none until `npm run pdf -- --missing` prints them again.
  integrations: [links.integration, mdx(), pagefind(), pdfCache()],
  // Shiki colours code with inline styles, which the Content-Security-Policy below forbids; the
  // pages have no code blocks to colour. Astro's default Markdown processor runs no remark plugins:
  // unified() runs the link plugin.
  markdown: { syntaxHighlight: false, processor: unified({ remarkPlugins: links.remarkPlugins }) },
  vite: { plugins: [dropHeadInjectDirective()] },
  // No prefetch, no dev toolbar script in the output: the site ships no JavaScript of its own
  // except on the search page and the optional matrix filter.
  devToolbar: { enabled: false },
  // Plan text is data: a Content-Security-Policy <meta> on every page allows only this site's own
  // scripts (inline ones by hash, Pagefind UI's file by 'self', its WebAssembly) and styles.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
