/** The home page `/`: every plan, newest first, and the newest plan's overview. */
import { SITE_DESCRIPTION } from '../config.ts';
import { defaultSite } from '../identity.ts';
import { summarizePlan } from '../plan.ts';
import { siteFeedHref } from '../feeds.ts';
import { planHref, withBase } from '../url.ts';
import { chineseDate, overdueRows, type PlanProgressView, progressView } from '../progress.ts';
import { type PlanOverview, planOverview } from './overview.ts';
import type { PageFrame, SitePlan, SiteContent } from './types.ts';

/** How a plan's tasks stand, in one line: `截至 2023年6月30日,已完成 8 项,逾期未完成 3 项`. */
function progressLine(plan: SitePlan, progress: PlanProgressView): string {
  return `截至 ${chineseDate(progress.asOf)},已完成 ${progress.counts.已完成} 项,逾期未完成 ${overdueRows(plan, progress).length} 项`;
}

export interface HomePage {
  frame: PageFrame;
  heading: string;
  lede: string;
  /** Each plan; `progress` (how its tasks stand, when it has reports) comes before its structure `counts`. */
  plans: { id: string; year: string; title: string; href: string; progress?: string; counts: string }[];
  unitsHref: string;
  newest?: { title: string; href: string; overview: PlanOverview };
}

export function homePage(content: SiteContent): HomePage {
  const newest = content.plans[0];
  const overview = newest && planOverview(newest, 3);
  const site = content.site ?? defaultSite();
  const description = site.description ?? SITE_DESCRIPTION;
  return {
    frame: {
      description,
      section: 'plans',
      sample: overview?.progress?.sample === true,
      alternates: [{ href: siteFeedHref(), type: 'application/atom+xml', title: `${site.name} 进展报告` }],
    },
    heading: site.name,
    lede: description,
    plans: content.plans.map((plan) => {
      const summary = summarizePlan(plan.document, plan.metadata);
      const progress = progressView(plan);
      return {
        id: summary.id,
        year: summary.year ? `${summary.year} 年` : '—',
        title: summary.title,
        href: planHref(summary.id),
        ...(progress ? { progress: progressLine(plan, progress) } : {}),
        counts: `:${summary.taskCount} 项任务,${summary.unitCount} 个责任单位`,
      };
    }),
    unitsHref: withBase('units/'),
    ...(newest && overview ? { newest: { title: summarizePlan(newest.document, newest.metadata).title, href: planHref(newest.id), overview } } : {}),
  };
}
