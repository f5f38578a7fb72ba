/**
 * A plan's 政策解读 `/<plan>/interpretation/`: the MDX of plans/<plan-id>.mdx, under the plan's
 * crumbs, marked when it is an example. The plan's overview links to it (interpretationLink).
 */
import type { CollectionEntry } from 'astro:content';
import { summarizePlan } from '../plan.ts';
import { progressView } from '../progress.ts';
import { pagefindFilter } from '../search.ts';
import { interpretationHref, planHref, withBase } from '../url.ts';
import type { Crumb, PageFrame, Route, SiteContent, SitePlan } from './types.ts';

/** A 解读 as the `interpretations` collection gives it: its id is its plan's. */
export type InterpretationEntry = CollectionEntry<'interpretations'>;

export interface InterpretationProps {
  plan: SitePlan;
  entry: InterpretationEntry;
}

export interface InterpretationPage {
  frame: PageFrame;
  crumbs: Crumb[];
  heading: string;
  filter: string;
  plan: { title: string; href: string };
  /** The words that mark an example 解读, on the page and wherever it is linked. */
  example?: { label: string; text: string };
  entry: InterpretationEntry;
}

export const EXAMPLE_LABEL = '示例';
export const EXAMPLE_NOTICE = '本解读是演示本站功能的示例,由本站编写,不是发布机关的政策解读;文中的数字和任务取自方案原文,不涉及任何地方的实际情况。';

/** Only a 解读 whose plan exists gets a page: one without is a content error (interpretation-without-plan). */
export function interpretationRoutes(content: SiteContent, entries: InterpretationEntry[]): Route<InterpretationProps>[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return content.plans.flatMap((plan) => {
    const entry = byId.get(plan.id);
    return entry ? [{ params: { slug: plan.id }, props: { plan, entry } }] : [];
  });
}

export function interpretationPage({ plan, entry }: InterpretationProps): InterpretationPage {
  const summary = summarizePlan(plan.document, plan.metadata);
  return {
    frame: {
      title: entry.data.title,
      description: entry.data.description,
      section: 'plans',
      searchable: true,
      // Task cards show statuses: invented reports are labelled here as on every other page.
      sample: progressView(plan)?.sample === true,
    },
    crumbs: [{ label: '首页', href: withBase('') }, { label: summary.title, href: planHref(plan.id) }, { label: '政策解读' }],
    heading: entry.data.title,
    filter: pagefindFilter('计划', summary.title),
    plan: { title: summary.title, href: planHref(plan.id) },
    ...(entry.data.example ? { example: { label: EXAMPLE_LABEL, text: EXAMPLE_NOTICE } } : {}),
    entry,
  };
}

/** The link to a plan's 解读 from its overview, if it has one. */
export function interpretationLink(plan: SitePlan): { href: string; title: string; description: string; example?: string } | undefined {
  const { interpretation } = plan;
  if (!interpretation) return undefined;
  return {
    href: interpretationHref(plan.id),
    title: interpretation.title,
    description: interpretation.description,
    // Marked as an example, unless its title says so already.
    ...(interpretation.example && !interpretation.title.includes(EXAMPLE_LABEL) ? { example: EXAMPLE_LABEL } : {}),
  };
}
