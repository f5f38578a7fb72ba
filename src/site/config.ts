/** Site-wide words shown to readers where content/site.yaml says nothing (its name: src/lib/schema.ts SiteConfigSchema). */
export const SITE_DESCRIPTION = '把政府年度工作要点整理为可查询的任务分工台账:每项任务由谁牵头、谁配合,每个单位承担哪些任务。';
/** Plan ids may not take these top-level URL segments. */
export const RESERVED_SEGMENTS = [
  // Pages of the site (src/pages) and files of public/.
  'units',
  'search',
  'search-index.json',
  'feed.xml',
  '404',
  'favicon.svg',
  // What the build and its tools write beside the pages: Astro's assets, Pagefind's index, printed PDFs (src/site/pdf.ts PDF_DIR).
  '_astro',
  'pagefind',
  'pdf',
];
