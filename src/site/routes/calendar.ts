/**
 * The deadline calendars `/<plan>/calendar.ics` and `/units/<unit>/calendar.ics`: one route per
 * plan and per unit, each carrying its events. `site` (the site's address, `SITE_URL`, when the
 * build knows it) makes each event's URL absolute.
 */
import { calendarText, type DeadlineEvent } from '../../lib/calendar.ts';
import { calendarStamp, planDeadlineEvents, unitDeadlineEvents } from '../calendar.ts';
import { summarizePlan } from '../plan.ts';
import { unitViews } from '../units.ts';
import type { Route, SiteContent } from './types.ts';

// A type, not an interface: Astro's GetStaticPaths wants props with an index signature.
export type CalendarProps = { name: string; events: DeadlineEvent[]; stamp: string };

export function planCalendarRoutes(content: SiteContent, site?: URL | string): Route<CalendarProps>[] {
  return content.plans.map((plan) => ({
    params: { slug: plan.id },
    props: { name: `${summarizePlan(plan.document, plan.metadata).title} 任务时限`, events: planDeadlineEvents(plan, site), stamp: calendarStamp(plan) },
  }));
}

export function unitCalendarRoutes(content: SiteContent, site?: URL | string): Route<CalendarProps>[] {
  // The newest "as of" of the plans: a unit's calendar spans them all.
  const stamp = content.plans.map(calendarStamp).sort().at(-1) ?? calendarStamp({ metadata: {} });
  return unitViews(content.plans, content.units).map((view) => ({
    params: { unit: view.unit.id },
    props: { name: `${view.unit.name} 任务时限`, events: unitDeadlineEvents(view, content.plans, site), stamp },
  }));
}

/** The calendar's text (RFC 5545). */
export function calendarFile({ name, events, stamp }: CalendarProps): string {
  return calendarText(name, events, stamp);
}
