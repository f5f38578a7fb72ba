/** The original text `/<plan>/source/` with line anchors; a long text is paged by SOURCE_PAGE_LINES lines. */
import type { PlanDocument } from '../../lib/schema.ts';
import { type PlanSummary, sourceLines, summarizePlan, unassignedLines } from '../plan.ts';
import { planFileHref, planHref, SOURCE_PAGE_LINES, sourceHref, sourcePageOf, withBase } from '../url.ts';
import { originalFile } from './opendata.ts';
import type { Crumb, PageFrame, Route, SiteContent } from './types.ts';

export interface SourceProps {
  summary: PlanSummary;
  lines: { number: number; text: string }[];
  source: PlanDocument['source'];
  page: number;
  pages: number;
  /** Lines of text that belong to no task, highlighted for the editor to check before publishing. */
  unassigned: Set<number>;
}

export interface SourcePage {
  frame: PageFrame;
  crumbs: Crumb[];
  heading: string;
  lineCount: number;
  /** The text encoding of a text or web-page file, in words (国际通用编码, 国家标准编码); none for other formats. */
  encoding?: string;
  sha256: string;
  /** The file as published (PDF, Word, web page …), for download beside the text read from it. */
  original: { href: string; label: string; name: string };
  /** The note on text that belongs to no task: how many lines, and a link to the first. */
  unassigned?: { count: number; href: string; line: number };
  /** The other pages of a long text. */
  pager?: { label: string; href?: string }[];
  lines: { number: number; text: string; unassigned: boolean }[];
}

export function sourceRoutes(content: SiteContent): Route<SourceProps>[] {
  return content.plans.flatMap((plan) => {
    const summary = summarizePlan(plan.document, plan.metadata);
    const lines = sourceLines(plan.sourceText);
    const pages = Math.max(1, Math.ceil(lines.length / SOURCE_PAGE_LINES));
    const unassigned = unassignedLines(plan.document.diagnostics);
    return Array.from({ length: pages }, (_, i) => ({
      params: { slug: plan.id, page: i === 0 ? undefined : String(i + 1) },
      props: { summary, lines, source: plan.document.source, page: i + 1, pages, unassigned },
    }));
  });
}

export function sourcePage({ summary, lines, source, page, pages, unassigned }: SourceProps): SourcePage {
  const shown = lines.slice((page - 1) * SOURCE_PAGE_LINES, page * SOURCE_PAGE_LINES);
  const first = shown[0]?.number ?? 1;
  const last = shown[shown.length - 1]?.number ?? 1;
  const range = (p: number) => `第 ${(p - 1) * SOURCE_PAGE_LINES + 1}–${Math.min(p * SOURCE_PAGE_LINES, lines.length)} 行`;
  const paged = pages > 1;
  // The first unassigned line may be on another page of a long text.
  const firstUnassigned = unassigned.size > 0 ? [...unassigned].reduce((a, b) => Math.min(a, b)) : undefined;
  return {
    frame: {
      title: paged ? `${summary.title} 原文(${range(page)})` : `${summary.title} 原文`,
      description: `${summary.title}的原文,共 ${lines.length} 行${paged ? `,分 ${pages} 页;本页为第 ${first}–${last} 行` : ''},每行带编号,可直接链接到某一行。`,
      section: 'plans',
      wide: true,
    },
    crumbs: [{ label: '首页', href: withBase('') }, { label: summary.title, href: planHref(summary.id) }, { label: paged ? `原文(${range(page)})` : '原文' }],
    heading: paged ? `${summary.title} · 原文(${range(page)})` : `${summary.title} · 原文`,
    lineCount: lines.length,
    ...(encodingLabel(source.encoding) ? { encoding: encodingLabel(source.encoding)! } : {}),
    original: (() => {
      const file = originalFile({ id: summary.id, source } as PlanDocument);
      return { href: planFileHref(summary.id, `original/${file.name}`), label: file.label, name: file.name };
    })(),
    sha256: source.sha256.slice(0, 12),
    ...(firstUnassigned !== undefined
      ? {
          unassigned: {
            count: unassigned.size,
            line: firstUnassigned,
            href: sourcePageOf(firstUnassigned) === page ? `#L${firstUnassigned}` : sourceHref(summary.id, firstUnassigned),
          },
        }
      : {}),
    ...(paged
      ? {
          pager: Array.from({ length: pages }, (_, i) => i + 1).map((p) => ({
            label: range(p),
            ...(p === page ? {} : { href: sourceHref(summary.id, undefined, p) }),
          })),
        }
      : {}),
    lines: shown.map((line) => ({ ...line, unassigned: unassigned.has(line.number) })),
  };
}

/** A text encoding as a reader says it: the Unicode encodings as 国际通用编码, GB18030 and its subsets as 国家标准编码. */
export function encodingLabel(encoding: string): string | undefined {
  const e = encoding.toLowerCase();
  if (/^utf-?(8|16)/.test(e)) return '国际通用编码';
  if (/^gb(18030|k|2312)$/.test(e)) return '国家标准编码';
  return undefined;
}
