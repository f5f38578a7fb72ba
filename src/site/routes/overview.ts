/**
 * The overview of one plan (src/components/PlanOverview.astro): its facts and counts, links to its
 * other pages, its progress when it has reports, and its task outline, or for a long plan the list
 * of its part pages. Shown on the plan page and, for the newest plan, on the home page.
 */
import type { OutlineNode, PlanDocument } from '../../lib/schema.ts';
import { nodeHeading, type PlanSummary, summarizePlan } from '../plan.ts';
import {
  chineseDate,
  LIGHT_CLASS,
  LIGHTS,
  type Light,
  lightOf,
  lightRule,
  NO_REPORT,
  type OverdueRow,
  overdueRows,
  type PlanProgressView,
  progressView,
  STATUS_CLASS,
  STATUS_LABELS,
  type StatusLabel,
  statusOf,
} from '../progress.ts';
import { OUTLINE_PAGE_TASKS, OUTLINE_SPLIT_TASKS, type PlanSlice, sliceHeading, sliceRange, sliceSections, sliceTasks } from '../slices.ts';
import { reviewHref } from '../review.ts';
import { bulletinHref, diagnosticsHref, matrixHref, partHref, sourceHref, withBase } from '../url.ts';
import { planCalendarHref } from '../calendar.ts';
import { planFeedHref } from '../feeds.ts';
import { interpretationLink } from './interpretation.ts';
import { type TaskFilterView, taskFilterView } from './task-list.ts';
import type { SitePlan } from './types.ts';

export type HeadingTag = 'h2' | 'h3' | 'h4';

export interface OverviewProgress {
  /** The reports are invented (progress/<id>.yaml `sample: true`). */
  sample: boolean;
  headingId: string;
  asOf: string;
  asOfText: string;
  reportCount: number;
  note?: string;
  aboutHref: string;
  statuses: { className: string; count: number; label: string }[];
  /** Tasks by deadline light; only tasks with a dated deadline have one. */
  lights: { light: Light; className: string; count: number; label: string }[];
  /** Tasks without a dated deadline, which have no light. */
  unlit: number;
  lightRule: string;
  overdueCount: number;
  /** A long plan's overdue tasks are listed on its part pages: here, how many each part has. */
  overdueByPart?: { heading: string; href: string; count: number }[];
  overdue: OverdueRow[];
  /** The plan's 督查通报. */
  bulletinHref: string;
}

export interface OverviewPart {
  heading: string;
  href: string;
  range: string;
  count: number;
  sections: { label: string; href: string; range: string }[];
}

export interface PlanOverview {
  planId: string;
  heading: HeadingTag;
  subheading: HeadingTag;
  /** The plan's 发布单位, 文号, 发布日期 (`datetime`: ISO), 年度 …; `href`: the line of the original text it was read from. */
  facts: { term: string; value: string; datetime?: string; href?: string }[];
  /** Structure counts (概况), shown after the progress: parts, sections and tasks. */
  structure: string;
  stats: { num: number; label: string }[];
  matrixHref: string;
  sourceHref: string;
  diagnosticsHref: string;
  /** The 校对 page: what the parser read, task by task. */
  reviewHref: string;
  /** Assignments set by corrections (人工校正), when there are any. */
  correctedCount?: number;
  warningCount: number;
  /** The plan's 政策解读, when it has one. */
  interpretation?: { href: string; title: string; description: string; example?: string };
  progress?: OverviewProgress;
  /** Subscribe: the plan's Atom feed of reports and its deadline calendar. */
  subscriptions: { feedHref: string; calendarHref: string };
  preamble: string;
  /** A long plan: its part pages. Otherwise the whole outline, with statuses when there are reports. */
  parts?: OverviewPart[];
  taskCount: number;
  document: PlanDocument;
  outline: OutlineNode[];
  outlineLevel: number;
  statuses?: Record<string, StatusLabel>;
  /** Task id → deadline light, for the tasks that have one. */
  lights?: Record<string, Light>;
  /** Filters of the outline (部分, 单位, 角色, 状态); none for a long plan. */
  taskFilter?: TaskFilterView;
}

function facts(summary: PlanSummary): PlanOverview['facts'] {
  const out: PlanOverview['facts'] = [];
  // A value read from the text links to its line there; one from the metadata file does not.
  const at = (key: keyof PlanSummary['provenance']) => {
    const line = summary.provenance[key]?.origin === 'parsed' ? summary.provenance[key].line : undefined;
    return line === undefined ? {} : { href: sourceHref(summary.id, line) };
  };
  if (summary.issuer) out.push({ term: '发布单位', value: summary.issuer, ...at('issuer') });
  if (summary.docNumber) out.push({ term: '文号', value: summary.docNumber, ...at('docNumber') });
  out.push(
    summary.date ? { term: '发布日期', value: chineseDate(summary.date), datetime: summary.date, ...at('date') } : { term: '发布日期', value: '原文未载明' },
  );
  if (summary.year) out.push({ term: '年度', value: `${summary.year} 年` });
  if (summary.sourceNote) out.push({ term: '来源说明', value: summary.sourceNote });
  return out;
}

function overdueByPart(document: PlanDocument, slices: PlanSlice[], overdue: OverdueRow[]): OverviewProgress['overdueByPart'] {
  const sliceOf = new Map<string, number>();
  slices.forEach((slice, at) => {
    for (const t of document.tasks.slice(slice.start, slice.end)) sliceOf.set(t.id.replace(/^task-/, ''), at);
  });
  const counts = slices.map(() => 0);
  for (const row of overdue) counts[sliceOf.get(row.number) ?? 0]!++;
  return slices
    .map((slice, at) => ({ heading: sliceHeading(slice), href: `${partHref(document.id, slice.slug)}#overdue`, count: counts[at]! }))
    .filter((s) => s.count > 0);
}

function progressBlock(plan: SitePlan, progress: PlanProgressView, slices: PlanSlice[] | undefined): OverviewProgress {
  const overdue = overdueRows(plan, progress);
  return {
    sample: progress.sample,
    headingId: `progress-${plan.document.id}`,
    asOf: progress.asOf,
    asOfText: chineseDate(progress.asOf),
    reportCount: progress.reportCount,
    ...(progress.note ? { note: progress.note } : {}),
    aboutHref: withBase('about/#progress'),
    statuses: STATUS_LABELS.map((s) => ({ className: `status-${STATUS_CLASS[s]}`, count: progress.counts[s], label: `项${s === NO_REPORT ? '暂无报告' : s}` })),
    lights: LIGHTS.map((light) => ({ light, className: `light-${LIGHT_CLASS[light]}`, count: progress.lights[light], label: `项${light}` })),
    unlit: plan.document.tasks.length - LIGHTS.reduce((n, light) => n + progress.lights[light], 0),
    lightRule: lightRule(progress.dueSoonDays),
    overdueCount: overdue.length,
    ...(slices && overdue.length > 0 ? { overdueByPart: overdueByPart(plan.document, slices, overdue) } : {}),
    overdue,
    bulletinHref: bulletinHref(plan.document.id),
  };
}

/** The overview of a plan, its own headings at `level` (2 on the plan page, 3 on the home page). */
export function planOverview(plan: SitePlan, level: 2 | 3): PlanOverview {
  const { document } = plan;
  const summary = summarizePlan(document, plan.metadata);
  const progress = progressView(plan);
  // A long plan lists its parts and sections here; the tasks are on one page per part.
  const slices = document.tasks.length > OUTLINE_SPLIT_TASKS ? sliceTasks(document, OUTLINE_PAGE_TASKS) : undefined;
  const interpretation = interpretationLink(plan);
  const taskFilter = slices ? undefined : taskFilterView(plan);
  const statuses = progress && !slices ? Object.fromEntries(document.tasks.map((t) => [t.id, statusOf(progress, t.id.replace(/^task-/, ''))!])) : undefined;
  const lights =
    progress && !slices
      ? Object.fromEntries(
          document.tasks.flatMap((t) => {
            const light = lightOf(progress, t.id.replace(/^task-/, ''));
            return light ? [[t.id, light]] : [];
          }),
        )
      : undefined;
  return {
    planId: summary.id,
    heading: `h${level}`,
    subheading: `h${(level + 1) as 3 | 4}`,
    facts: facts(summary),
    structure: `${summary.partCount} 个部分,${summary.sectionCount} 个小节,${summary.taskCount} 项任务`,
    stats: [
      { num: summary.taskCount, label: '项任务' },
      { num: summary.unitCount, label: '个责任单位' },
      { num: summary.roleCounts.lead, label: '处牵头' },
      { num: summary.roleCounts.support, label: '处配合' },
      { num: summary.roleCounts.responsible, label: '处责任(未分牵头配合)' },
    ],
    matrixHref: matrixHref(summary.id),
    sourceHref: sourceHref(summary.id),
    diagnosticsHref: diagnosticsHref(summary.id),
    reviewHref: reviewHref(summary.id),
    ...(correctedCount(document) > 0 ? { correctedCount: correctedCount(document) } : {}),
    warningCount: summary.warningCount,
    ...(interpretation ? { interpretation } : {}),
    ...(progress ? { progress: progressBlock(plan, progress, slices) } : {}),
    subscriptions: { feedHref: planFeedHref(summary.id), calendarHref: planCalendarHref(summary.id) },
    preamble: document.preamble.trim(),
    ...(slices
      ? {
          parts: slices.map((slice) => ({
            heading: sliceHeading(slice),
            href: partHref(summary.id, slice.slug),
            range: sliceRange(slice),
            count: slice.end - slice.start,
            sections: sliceSections(document, slice).map((s) => ({
              label: s.section ? nodeHeading(s.section) : '未分小节的任务',
              href: `${partHref(summary.id, slice.slug)}${s.section ? `#${s.section.id}` : ''}`,
              range: `任务 ${s.first === s.last ? s.first : `${s.first}–${s.last}`}`,
            })),
          })),
        }
      : {}),
    taskCount: summary.taskCount,
    document,
    outline: document.outline,
    outlineLevel: level + 1,
    ...(statuses ? { statuses } : {}),
    ...(lights ? { lights } : {}),
    ...(taskFilter ? { taskFilter } : {}),
  };
}

/** Assignments a correction set, and readings it took away: what 人工校正 changed. */
function correctedCount(document: SitePlan['document']): number {
  return (document.corrections ?? []).reduce((n, c) => n + c.added.length + c.removed.length, 0);
}
