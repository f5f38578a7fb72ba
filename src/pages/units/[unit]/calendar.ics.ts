/** /units/<unit>/calendar.ics: the deadlines of the unit's tasks in every plan (src/site/routes/calendar.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../../site/content.ts';
import { type CalendarProps, calendarFile, unitCalendarRoutes } from '../../../site/routes/calendar.ts';

export const getStaticPaths = (async () => unitCalendarRoutes(await getSiteContent(), import.meta.env.SITE)) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(calendarFile(props as CalendarProps), { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
