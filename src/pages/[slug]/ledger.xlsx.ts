/** /<plan-id>/ledger.xlsx: the 任务分工台账 as an Excel workbook, with one sheet per unit. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPlans, getUnits } from '../../site/content.ts';
import { ledgerXlsx } from '../../site/ledger.ts';
import type { PlanInput } from '../../site/units.ts';

export const getStaticPaths = (async () => (await getPlans()).map((plan) => ({ params: { slug: plan.id }, props: { plan } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { plan } = props as { plan: PlanInput };
  const bytes = await ledgerXlsx(plan, await getUnits());
  return new Response(bytes, { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
};
