/** Each plan's open data files (/<plan>/plan.json, plan.schema.json, assignments.csv, ledger.xlsx): one route per plan. */
import type { Route, SiteContent, SitePlan } from './types.ts';

// A type, not an interface: Astro's GetStaticPaths wants props with an index signature.
export type PlanFileProps = { plan: SitePlan };

export function planFileRoutes(content: SiteContent): Route<PlanFileProps>[] {
  return content.plans.map((plan) => ({ params: { slug: plan.id }, props: { plan } }));
}
