/**
 * A plan's 督查通报 `/<plan>/bulletin/`: as of the plan's "as of" date, on screen and printed as
 * an A4 bulletin (title, a 文号 line left blank for the office, the date). Only plans with
 * progress reports have one: without reports there is nothing to report on.
 */
import { type Bulletin, type BulletinTask, buildBulletin } from '../bulletin.ts';
import { PDF_DIR } from '../pdf.ts';
import { summarizePlan } from '../plan.ts';
import { chineseDate, type Light, lightRule, progressView, type StatusLabel } from '../progress.ts';
import { ROLE_LABEL } from '../roles.ts';
import { planHref, taskHref, unitHref, withBase } from '../url.ts';

export { bulletinHref } from '../url.ts';
import { planAlternates } from './segment.ts';
import type { Crumb, PageFrame, Route, SiteContent, SitePlan } from './types.ts';

export const bulletinPdfPath = (planId: string) => `${PDF_DIR}/${planId}/bulletin.pdf`;

export type BulletinProps = { plan: SitePlan };

/** Rows a list of the bulletin shows; the rest are counted, so that a long plan's bulletin stays a readable page. */
export const BULLETIN_LIST_LIMIT = 100;

export interface BulletinList {
  rows: BulletinRow[];
  /** Tasks of the list beyond the limit, counted but not listed. */
  more: number;
  total: number;
}

function list(planId: string, tasks: BulletinTask[]): BulletinList {
  return { rows: tasks.slice(0, BULLETIN_LIST_LIMIT).map((t) => row(planId, t)), more: Math.max(0, tasks.length - BULLETIN_LIST_LIMIT), total: tasks.length };
}

export interface BulletinRow {
  number: string;
  href: string;
  label: string;
  deadline?: { date: string; text: string };
  status: StatusLabel;
  light?: Light;
  units: { href: string; name: string; role: string }[];
}

export interface BulletinPage {
  frame: PageFrame;
  crumbs: Crumb[];
  heading: string;
  /** The issuer, above the title, when the plan's metadata names one. */
  issuer?: string;
  asOf: { date: string; text: string };
  sample: boolean;
  pdf: { file: string; download: string; label: string };
  summary: string;
  statusCounts: Bulletin['statusCounts'];
  lightCounts: Bulletin['lightCounts'];
  lightRule: string;
  overdue: BulletinList;
  lagging: BulletinList;
  dueSoon: BulletinList;
  unreported: BulletinList;
  /** The four lists in the order the bulletin prints them, with their headings. */
  lists: (BulletinList & { id: string; heading: string; empty: string; note?: string })[];
  ranking: (Bulletin['ranking'][number] & { href: string; percent: string })[];
  rankingRule: string;
  planHref: string;
  aboutHref: string;
}

export function bulletinRoutes(content: SiteContent): Route<BulletinProps>[] {
  return content.plans.filter((plan) => plan.progress).map((plan) => ({ params: { slug: plan.id }, props: { plan } }));
}

function row(planId: string, t: BulletinTask): BulletinRow {
  return {
    number: t.number,
    href: taskHref(planId, t.number),
    label: t.label,
    ...(t.deadline ? { deadline: { date: t.deadline, text: chineseDate(t.deadline) } } : {}),
    status: t.status,
    ...(t.light ? { light: t.light } : {}),
    units: t.units.map((u) => ({ href: unitHref(u.id), name: u.name, role: ROLE_LABEL[u.role] })),
  };
}

/** "12.5%": one decimal, none when whole. */
export function percent(share: number): string {
  const value = Math.round(share * 1000) / 10;
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`;
}

export function bulletinPage({ plan }: BulletinProps): BulletinPage {
  const progress = progressView(plan)!;
  const bulletin = buildBulletin(plan, progress);
  const summary = summarizePlan(plan.document, plan.metadata);
  const heading = `${summary.title}督查通报`;
  const overdue = list(plan.id, bulletin.overdue);
  const lagging = list(plan.id, bulletin.lagging);
  const dueSoon = list(plan.id, bulletin.dueSoon);
  const unreported = list(plan.id, bulletin.unreported);
  const count = (s: StatusLabel) => bulletin.statusCounts.find((c) => c.status === s)!.count;
  const light = (l: Light) => bulletin.lightCounts.find((c) => c.light === l)!.count;
  return {
    frame: {
      title: heading,
      description: `${summary.title}截至${chineseDate(progress.asOf)}的督查通报:各项任务进展、逾期和滞后任务、各单位完成情况排名。`,
      section: 'plans',
      sample: progress.sample,
      alternates: planAlternates(plan.id, summary.title),
    },
    crumbs: [{ label: '首页', href: withBase('') }, { label: summary.title, href: planHref(plan.id) }, { label: '督查通报' }],
    heading,
    ...(summary.issuer ? { issuer: summary.issuer } : {}),
    asOf: { date: progress.asOf, text: chineseDate(progress.asOf) },
    sample: progress.sample,
    pdf: { file: bulletinPdfPath(plan.id), download: `${heading}.pdf`, label: '打印版督查通报' },
    summary:
      `截至${chineseDate(progress.asOf)},${summary.title}共 ${bulletin.taskCount} 项任务,` +
      `已完成 ${count('已完成')} 项,推进中 ${count('推进中')} 项,未启动 ${count('未启动')} 项,滞后 ${count('滞后')} 项,暂无报告 ${count('暂无报告')} 项;` +
      `写明具体完成时限的任务中,正常 ${light('正常')} 项,临期 ${light('临期')} 项,逾期 ${light('逾期')} 项。` +
      `共收到进展报告 ${progress.reportCount} 条。`,
    statusCounts: bulletin.statusCounts,
    lightCounts: bulletin.lightCounts,
    lightRule: lightRule(progress.dueSoonDays),
    overdue,
    lagging,
    dueSoon,
    unreported,
    lists: [
      { id: 'overdue', heading: '三、逾期未完成的任务', empty: '没有完成时限早于统计日期而未完成的任务。', ...overdue },
      {
        id: 'lagging',
        heading: '四、进展滞后的任务',
        empty: '没有其他报告为“滞后”的任务。',
        note: '逾期任务已在上文列出,此处只列其余报告为“滞后”的任务。',
        ...lagging,
      },
      { id: 'due-soon', heading: '五、临期任务', empty: '没有临近完成时限的任务。', ...dueSoon },
      { id: 'unreported', heading: '六、尚未报送进展的任务', empty: '各项任务均已报送进展。', ...unreported },
    ],
    ranking: bulletin.ranking.map((r) => ({ ...r, href: unitHref(r.id), percent: percent(r.share) })),
    rankingRule:
      '排名规则:按各单位牵头或负责(未分牵头、配合的任务,计所列全部单位)的任务中“已完成”任务所占比例从高到低排列;比例相同的,逾期任务少的在前;再相同的,任务多的在前;三者都相同的并列同一名次。配合单位不计入。',
    planHref: planHref(plan.id),
    aboutHref: withBase('about/#progress'),
  };
}
