/** /<plan-id>/ledger.xlsx: the 任务分工台账 as an Excel workbook, with one sheet per unit. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteConfig, getSiteContent, getUnits } from '../../site/content.ts';
import { type PlanFileProps, planFileRoutes } from '../../site/routes/opendata.ts';
import { buildDate, ledgerXlsx } from '../../site/ledger.ts';

export const getStaticPaths = (async () => planFileRoutes(await getSiteContent())) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { plan } = props as PlanFileProps;
  const bytes = await ledgerXlsx(plan, await getUnits(), { site: await getSiteConfig(), date: buildDate() });
  return new Response(bytes, { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
};
