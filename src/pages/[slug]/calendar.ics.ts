/** /<plan-id>/calendar.ics: every dated deadline of the plan, with a reminder (src/site/routes/calendar.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../site/content.ts';
import { type CalendarProps, calendarFile, planCalendarRoutes } from '../../site/routes/calendar.ts';

export const getStaticPaths = (async () => planCalendarRoutes(await getSiteContent(), import.meta.env.SITE)) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(calendarFile(props as CalendarProps), { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
