/** The Atom feeds `/<plan>/feed.xml` (one per plan) and `/feed.xml` (the site's). */
import { type FeedProps, planFeed, siteFeed } from '../feeds.ts';
import { defaultSite } from '../identity.ts';
import type { Route, SiteContent } from './types.ts';

export type { FeedProps };

export function planFeedRoutes(content: SiteContent): Route<FeedProps>[] {
  return content.plans.map((plan) => ({ params: { slug: plan.id }, props: planFeed(plan, (content.site ?? defaultSite()).name) }));
}

export function siteFeedProps(content: SiteContent): FeedProps {
  return siteFeed(content.plans, (content.site ?? defaultSite()).name);
}
