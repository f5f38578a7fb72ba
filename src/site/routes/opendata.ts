/** Each plan's open data files (/<plan>/plan.json, plan.schema.json, assignments.csv, ledger.xlsx): one route per plan. */
import type { Route, SiteContent, SitePlan } from './types.ts';

// A type, not an interface: Astro's GetStaticPaths wants props with an index signature.
export type PlanFileProps = { plan: SitePlan };

export function planFileRoutes(content: SiteContent): Route<PlanFileProps>[] {
  return content.plans.map((plan) => ({ params: { slug: plan.id }, props: { plan } }));
}

/**
 * The format names the site shows for the original file (source.format), in Chinese where a word is
 * in common use; PDF and Word stay the names readers know the files by (tests/build/site.test.ts
 * allows these two words).
 */
const FORMAT_LABELS: Record<string, string> = {
  text: '纯文本',
  html: '网页',
  pdf: 'PDF 文件',
  docx: 'Word 文档',
  doc: '旧版 Word 文档',
  xlsx: '电子表格',
};

/** The original file as the site publishes it: `/<plan>/original/<plan>.<ext>`, and what it is. */
export function originalFile(document: SitePlan['document']): { name: string; label: string } {
  const ext = /\.([A-Za-z0-9]+)$/.exec(document.source.path)?.[1]?.toLowerCase() ?? 'txt';
  return { name: `${document.id}.${ext}`, label: FORMAT_LABELS[document.source.format ?? 'text'] ?? ext };
}

export type OriginalFileProps = { path: string };

/** One route per plan: its file, byte for byte as published. */
export function originalFileRoutes(content: SiteContent): Route<OriginalFileProps>[] {
  return content.plans.map((plan) => ({ params: { slug: plan.id, file: originalFile(plan.document).name }, props: { path: plan.document.source.path } }));
}
