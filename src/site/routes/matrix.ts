/**
 * The unit × task matrix `/<plan>/matrix/`. A plan small enough gets it whole; a larger one gets an
 * index there (units × parts, with counts) and one page per slice at `/<plan>/matrix/<part>/`. The
 * routes carry only references: each page's matrix is built by `matrixPage`, one page at a time,
 * so that a large plan's slices are never all in memory.
 */
import type { PlanDocument, Role, Unit } from '../../lib/schema.ts';
import { buildMatrix, buildMatrixIndex, type Matrix, matrixIsSplit } from '../matrix.ts';
import { matrixPdfPath } from '../pdf.ts';
import { type PlanSummary, summarizePlan } from '../plan.ts';
import {
  chineseDate,
  LIGHT_CLASS,
  LIGHT_MARK,
  LIGHTS,
  lightRule,
  type PlanProgressView,
  PROGRESS_STATUSES,
  progressView,
  STATUS_CLASS,
  STATUS_MARK,
} from '../progress.ts';
import { ROLE_DESCRIPTION, ROLE_MARK, ROLES } from '../roles.ts';
import { MATRIX_PAGE_TASKS, type PlanSlice, sliceHeading, sliceRange, sliceTasks } from '../slices.ts';
import { matrixHref, planHref, unitHref, withBase } from '../url.ts';
import type { Crumb, PageFrame, Route, SiteContent } from './types.ts';

interface MatrixPropsBase {
  summary: PlanSummary;
  document: PlanDocument;
  units: Unit[];
  progress?: PlanProgressView;
}

export type MatrixProps = (MatrixPropsBase & { kind: 'whole' }) | (MatrixPropsBase & { kind: 'index' | 'slice'; slices: PlanSlice[]; at: number });

export interface MatrixIndexView {
  lede: { taskCount: number; unitCount: number };
  parts: { label: string; title: string; href: string; taskCount: number; pages?: { href: string; range: string }[] }[];
  caption: string;
  paper: 'a3' | 'a4';
  kinds: { kind: string; rows: { href: string; name: string; counts: (number | '')[]; total: number }[] }[];
  /** Cells after a kind's heading: one per part and the total. */
  kindSpan: number;
}

export interface MatrixTableView {
  /** On a slice page: the tasks it shows, and the index that lists the others. */
  slice?: { range: string; indexHref: string };
  roleLegend: { role: Role; mark: string; description: string }[];
  /** Said when some cells were set by corrections (人工校正). */
  correctedLegend?: string;
  statusLegend?: { statuses: { className: string; mark: string; label: string }[]; asOfText: string };
  /** The marks under the task numbers: each task's deadline light. */
  lightLegend?: { lights: { className: string; mark: string; label: string }[]; rule: string };
  caption: string;
  matrix: Matrix;
  progress?: PlanProgressView;
  previous?: { href: string; heading: string };
  next?: { href: string; heading: string };
}

export interface MatrixPage {
  frame: PageFrame;
  crumbs: Crumb[];
  heading: string;
  planId: string;
  pdf: { file: string; download: string; label: string };
  /** A split matrix's index page. */
  index?: MatrixIndexView;
  /** The whole matrix, or one slice of it. */
  table?: MatrixTableView;
}

export function matrixRoutes(content: SiteContent): Route<MatrixProps>[] {
  return content.plans.flatMap((plan): Route<MatrixProps>[] => {
    const base: MatrixPropsBase = { summary: summarizePlan(plan.document, plan.metadata), document: plan.document, units: content.units };
    const progress = progressView(plan);
    if (progress) base.progress = progress;
    if (!matrixIsSplit(plan.document)) return [{ params: { slug: plan.id, part: undefined }, props: { ...base, kind: 'whole' } }];
    const slices = sliceTasks(plan.document, MATRIX_PAGE_TASKS);
    return [
      { params: { slug: plan.id, part: undefined }, props: { ...base, kind: 'index', slices, at: -1 } },
      ...slices.map((slice, at) => ({ params: { slug: plan.id, part: slice.slug }, props: { ...base, kind: 'slice' as const, slices, at } })),
    ];
  });
}

const sliceHref = (planId: string, slug: string) => `${matrixHref(planId)}${slug}/`;

function indexView(props: MatrixPropsBase & { slices: PlanSlice[] }): { view: MatrixIndexView; unitCount: number } {
  const { summary } = props;
  const index = buildMatrixIndex(props.document, props.units, props.slices);
  return {
    unitCount: index.rows.length,
    view: {
      lede: { taskCount: summary.taskCount, unitCount: index.rows.length },
      parts: index.columns.map((column) => ({
        label: column.label,
        title: column.title,
        href: sliceHref(summary.id, column.slices[0]!.slug),
        taskCount: column.taskCount,
        ...(column.slices.length > 1 ? { pages: column.slices.map((s) => ({ href: sliceHref(summary.id, s.slug), range: sliceRange(s) })) } : {}),
      })),
      caption: `${summary.title}:各单位在各部分承担的任务数`,
      paper: index.columns.length > 24 ? 'a3' : 'a4',
      kinds: index.kinds.map((kind) => ({
        kind,
        rows: index.rows
          .filter((r) => r.unit.kind === kind)
          .map((row) => ({ href: unitHref(row.unit.id), name: row.unit.name, counts: row.counts.map((n) => n || ''), total: row.total })),
      })),
      kindSpan: index.columns.length + 1,
    },
  };
}

function tableView(props: MatrixPropsBase, matrix: Matrix, slice: PlanSlice | undefined, previous?: PlanSlice, next?: PlanSlice): MatrixTableView {
  const { summary, progress } = props;
  return {
    ...(slice ? { slice: { range: sliceRange(slice), indexHref: matrixHref(summary.id) } } : {}),
    roleLegend: ROLES.map((role) => ({ role, mark: ROLE_MARK[role], description: ROLE_DESCRIPTION[role] })),
    ...(matrix.rows.some((r) => r.corrected) ? { correctedLegend: '人工校正:该分工按校正文件修改(原文未改动),鼠标停留可见校正说明,详见任务页' } : {}),
    ...(progress
      ? {
          statusLegend: {
            statuses: PROGRESS_STATUSES.map((s) => ({ className: `smark-legend status status--${STATUS_CLASS[s]}`, mark: STATUS_MARK[s], label: s })),
            asOfText: chineseDate(progress.asOf),
          },
          lightLegend: {
            lights: LIGHTS.map((l) => ({ className: `lmark-legend light light--${LIGHT_CLASS[l]}`, mark: LIGHT_MARK[l], label: l })),
            rule: lightRule(progress.dueSoonDays),
          },
        }
      : {}),
    caption: `${summary.title}:单位 × 任务分工矩阵${slice ? `,${sliceHeading(slice)}` : ''}`,
    matrix,
    ...(progress ? { progress } : {}),
    ...(previous ? { previous: { href: sliceHref(summary.id, previous.slug), heading: sliceHeading(previous) } } : {}),
    ...(next ? { next: { href: sliceHref(summary.id, next.slug), heading: sliceHeading(next) } } : {}),
  };
}

export function matrixPage(props: MatrixProps): MatrixPage {
  const { summary, progress } = props;
  const slice = props.kind === 'slice' ? props.slices[props.at] : undefined;
  const home = { label: '首页', href: withBase('') };
  const plan = { label: summary.title, href: planHref(summary.id) };
  const base = { planId: summary.id, heading: `${summary.title} · 分工矩阵${slice ? `:${sliceHeading(slice)}` : ''}` };

  if (props.kind === 'index') {
    const { view, unitCount } = indexView(props);
    return {
      ...base,
      // The index shows counts of roles only: no statuses, so no sample notice.
      frame: {
        title: `${summary.title} 分工矩阵`,
        description: `${summary.title}:${unitCount} 个单位 × ${summary.taskCount} 项任务的分工矩阵,按部分分页;本页列出各单位在每个部分承担的任务数。`,
        section: 'plans',
        wide: true,
        sample: false,
      },
      crumbs: [home, plan, { label: '分工矩阵' }],
      // Each matrix page prints to its own PDF: the whole matrix, or a split matrix's index and every slice.
      pdf: { file: matrixPdfPath(summary.id), download: `${summary.title}分工矩阵目录.pdf`, label: '打印版矩阵目录' },
      index: view,
    };
  }

  const matrix = slice ? buildMatrix(props.document, props.units, slice) : buildMatrix(props.document, props.units);
  const sample = progress?.sample === true;
  if (slice && props.kind === 'slice') {
    return {
      ...base,
      frame: {
        title: `${summary.title} 分工矩阵 · ${sliceHeading(slice)}`,
        description: `${summary.title}分工矩阵,${sliceHeading(slice)}:${matrix.rows.length} 个单位 × ${matrix.columns.length} 项任务(${sliceRange(slice)}),标明牵头、配合与责任。`,
        section: 'plans',
        wide: true,
        sample,
      },
      crumbs: [home, plan, { label: '分工矩阵', href: matrixHref(summary.id) }, { label: sliceHeading(slice) }],
      pdf: { file: matrixPdfPath(summary.id, slice.slug), download: `${summary.title}分工矩阵(${sliceHeading(slice)}).pdf`, label: '打印版分工矩阵(本页)' },
      table: tableView(props, matrix, slice, props.slices[props.at - 1], props.slices[props.at + 1]),
    };
  }
  return {
    ...base,
    frame: {
      title: `${summary.title} 分工矩阵`,
      description: `${summary.title}:${matrix.rows.length} 个单位 × ${matrix.columns.length} 项任务的分工矩阵,标明牵头、配合与责任。`,
      section: 'plans',
      wide: true,
      sample,
    },
    crumbs: [home, plan, { label: '分工矩阵' }],
    pdf: { file: matrixPdfPath(summary.id), download: `${summary.title}分工矩阵.pdf`, label: '打印版分工矩阵' },
    table: tableView(props, matrix, undefined),
  };
}
