/**
 * Top-level pages under /<segment>/: each plan's overview, and the MDX pages of content/pages.
 * One route (src/pages/[slug]/index.astro) serves both because they share the URL level.
 */
import type { CollectionEntry } from 'astro:content';
import { planCalendarHref } from '../calendar.ts';
import { planFeedHref } from '../feeds.ts';
import { type PlanSummary, summarizePlan } from '../plan.ts';
import { chineseDate } from '../progress.ts';
import { pagefindFilter } from '../search.ts';
import { withBase } from '../url.ts';
import { type PlanOverview, planOverview } from './overview.ts';
import type { Alternate, Crumb, PageFrame, Route, SiteContent, SitePlan } from './types.ts';

/** An MDX page of content/pages, as the `pages` collection gives it. */
export type ContentPageEntry = CollectionEntry<'pages'>;

export type SegmentProps = { kind: 'plan'; plan: SitePlan } | { kind: 'page'; entry: ContentPageEntry };

export type SegmentPage =
  | { kind: 'plan'; frame: PageFrame; crumbs: Crumb[]; heading: string; filter: string; overview: PlanOverview }
  | { kind: 'page'; frame: PageFrame; heading: string; entry: ContentPageEntry };

/** A plan and a page may not share a URL: that is a content error, said before anything is built. */
export function segmentRoutes(content: SiteContent, pages: ContentPageEntry[]): Route<SegmentProps>[] {
  const planIds = new Set(content.plans.map((p) => p.id));
  for (const page of pages) {
    const slug = page.data.slug ?? page.id;
    if (planIds.has(slug)) throw new Error(`Page "${slug}" has the same URL as a plan; give it another slug.`);
  }
  return [
    ...content.plans.map((plan) => ({ params: { slug: plan.id }, props: { kind: 'plan' as const, plan } })),
    ...pages.map((entry) => ({ params: { slug: entry.data.slug ?? entry.id }, props: { kind: 'page' as const, entry } })),
  ];
}

export function segmentPage(props: SegmentProps): SegmentPage {
  if (props.kind === 'page') {
    const { entry } = props;
    return {
      kind: 'page',
      frame: { title: entry.data.title, description: entry.data.description, ...(entry.id === 'about' ? { section: 'about' as const } : {}), searchable: true },
      heading: entry.data.title,
      entry,
    };
  }
  const { plan } = props;
  const summary = summarizePlan(plan.document, plan.metadata);
  const overview = planOverview(plan, 2);
  return {
    kind: 'plan',
    frame: {
      title: summary.title,
      description: `${summary.title}${issuedLine(summary)}:${summary.taskCount} 项任务、${summary.unitCount} 个责任单位的分工目录。`,
      section: 'plans',
      searchable: true,
      sample: overview.progress?.sample === true,
      alternates: planAlternates(plan.id, summary.title),
      meta: planMeta(summary),
    },
    crumbs: [{ label: '首页', href: withBase('') }, { label: summary.title }],
    heading: summary.title,
    filter: pagefindFilter('计划', summary.title),
    overview,
  };
}

/** "(青安委办〔2026〕3号,青禾县安委办 2026年3月1日发布)", what of it the plan has; '' when none. */
export function issuedLine(summary: Pick<PlanSummary, 'issuer' | 'date' | 'docNumber'>): string {
  const by = [summary.issuer, summary.date && `${chineseDate(summary.date)}发布`].filter(Boolean).join(' ');
  const parts = [summary.docNumber, by].filter(Boolean);
  return parts.length > 0 ? `(${parts.join(',')})` : '';
}

/** The plan page's document metadata, as government sites mark an article: its title, date and issuer. */
export function planMeta(summary: Pick<PlanSummary, 'title' | 'issuer' | 'date'>): { name: string; content: string }[] {
  return [
    { name: 'ArticleTitle', content: summary.title },
    ...(summary.date ? [{ name: 'PubDate', content: summary.date }] : []),
    ...(summary.issuer ? [{ name: 'ContentSource', content: summary.issuer }] : []),
  ];
}

/** A plan's feed and calendar, for the head of its pages. */
export function planAlternates(planId: string, title: string): Alternate[] {
  return [
    { href: planFeedHref(planId), type: 'application/atom+xml', title: `${title} 进展报告` },
    { href: planCalendarHref(planId), type: 'text/calendar', title: `${title} 任务时限日历` },
  ];
}
