/** A part page of a long plan's task list `/<plan>/parts/<part>/` (plans above OUTLINE_SPLIT_TASKS tasks). */
import type { OutlineNode, PlanDocument } from '../../lib/schema.ts';
import { matrixIsSplit } from '../matrix.ts';
import { type PlanSummary, summarizePlan } from '../plan.ts';
import { chineseDate, type OverdueRow, overdueRows, type PlanProgressView, progressView, type StatusLabel, statusOf } from '../progress.ts';
import {
  OUTLINE_PAGE_TASKS,
  OUTLINE_SPLIT_TASKS,
  partKey,
  type PlanSlice,
  pruneOutline,
  sliceHeading,
  sliceRange,
  sliceTaskIds,
  sliceTasks,
} from '../slices.ts';
import { matrixHref, partHref, planHref, withBase } from '../url.ts';
import type { Crumb, PageFrame, Route, SiteContent } from './types.ts';

export interface PartProps {
  summary: PlanSummary;
  document: PlanDocument;
  slices: PlanSlice[];
  at: number;
  splitMatrix: boolean;
  progress?: PlanProgressView;
  overdue: OverdueRow[];
}

export interface PartPage {
  frame: PageFrame;
  crumbs: Crumb[];
  heading: string;
  range: string;
  count: number;
  matrixHref: string;
  /** The part's own text under its heading. */
  text?: string;
  /** This part's overdue tasks, when the plan has progress reports and some are overdue. */
  overdue?: { asOf: string; asOfText: string; rows: OverdueRow[] };
  planId: string;
  document: PlanDocument;
  /** What is under the part's heading: only its subtree, cut to this page's tasks. */
  nodes: OutlineNode[];
  statuses?: Record<string, StatusLabel>;
  previous?: { href: string; heading: string };
  next?: { href: string; heading: string };
}

export function partRoutes(content: SiteContent): Route<PartProps>[] {
  return content.plans.flatMap((plan) => {
    if (plan.document.tasks.length <= OUTLINE_SPLIT_TASKS) return [];
    const summary = summarizePlan(plan.document, plan.metadata);
    const slices = sliceTasks(plan.document, OUTLINE_PAGE_TASKS);
    const splitMatrix = matrixIsSplit(plan.document);
    const progress = progressView(plan);
    const overdue = progress ? overdueRows(plan, progress) : [];
    return slices.map((slice, at) => ({
      params: { slug: plan.id, part: slice.slug },
      props: { summary, document: plan.document, slices, at, splitMatrix, ...(progress ? { progress } : {}), overdue },
    }));
  });
}

export function partPage({ summary, document, slices, at, splitMatrix, progress, overdue }: PartProps): PartPage {
  const slice = slices[at]!;
  const previous = slices[at - 1];
  const next = slices[at + 1];
  const heading = sliceHeading(slice);
  const tasks = document.tasks.slice(slice.start, slice.end);
  const numbersHere = new Set(tasks.map((t) => t.id.replace(/^task-/, '')));
  // The plan page counts overdue tasks by part; this part's are listed here.
  const partOverdue = overdue.filter((row) => numbersHere.has(row.number));
  const keep = sliceTaskIds(document, slice);
  return {
    frame: {
      title: `${summary.title} · ${heading}`,
      description: `${summary.title} ${heading}:${sliceRange(slice)},共 ${slice.end - slice.start} 项任务及其责任单位。`,
      section: 'plans',
      sample: progress?.sample === true,
    },
    crumbs: [{ label: '首页', href: withBase('') }, { label: summary.title, href: planHref(summary.id) }, { label: heading }],
    heading: `${summary.title} · ${heading}`,
    range: sliceRange(slice),
    count: slice.end - slice.start,
    matrixHref: splitMatrix && slice.part ? `${matrixHref(summary.id)}${partKey(slice.part)}/` : matrixHref(summary.id),
    ...(slice.part?.text ? { text: slice.part.text } : {}),
    ...(progress && partOverdue.length > 0 ? { overdue: { asOf: progress.asOf, asOfText: chineseDate(progress.asOf), rows: partOverdue } } : {}),
    planId: summary.id,
    document,
    // The part's own node is the page's heading: list what is under it.
    nodes: slice.part ? pruneOutline(slice.part.children, keep) : pruneOutline(document.outline, keep),
    ...(progress ? { statuses: Object.fromEntries(tasks.map((t) => [t.id, statusOf(progress, t.id.replace(/^task-/, ''))!])) } : {}),
    ...(previous ? { previous: { href: partHref(summary.id, previous.slug), heading: sliceHeading(previous) } } : {}),
    ...(next ? { next: { href: partHref(summary.id, next.slug), heading: sliceHeading(next) } } : {}),
  };
}
