/** The home page `/`: every plan, newest first, and the newest plan's overview. */
import { SITE_DESCRIPTION } from '../config.ts';
import { defaultSite } from '../identity.ts';
import { summarizePlan } from '../plan.ts';
import { siteFeedHref } from '../feeds.ts';
import { planHref, withBase } from '../url.ts';
import { type PlanOverview, planOverview } from './overview.ts';
import type { PageFrame, SiteContent } from './types.ts';

export interface HomePage {
  frame: PageFrame;
  heading: string;
  lede: string;
  plans: { id: string; year: string; title: string; href: string; counts: string }[];
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
      return {
        id: summary.id,
        year: summary.year ? `${summary.year} 年` : '—',
        title: summary.title,
        href: planHref(summary.id),
        counts: `:${summary.taskCount} 项任务,${summary.unitCount} 个责任单位`,
      };
    }),
    unitsHref: withBase('units/'),
    ...(newest && overview ? { newest: { title: summarizePlan(newest.document, newest.metadata).title, href: planHref(newest.id), overview } } : {}),
  };
}
