/** View data for progress: statuses as text and marks, a plan's roll-up, a unit's statuses. Pure: no Astro import. */
import type { FileDiagnostic } from '../lib/diagnostics.ts';
import {
  DEFAULT_DUE_SOON_DAYS,
  LIGHTS,
  type Light,
  PROGRESS_STATUSES,
  planProgress,
  type PlanProgress,
  type ProgressStatus,
  type TaskProgress,
} from '../lib/progress.ts';
import { displayNumber, taskLabel } from './plan.ts';
import type { PlanInput } from './units.ts';

export { LIGHTS, PROGRESS_STATUSES };
export type { Light, ProgressStatus, TaskProgress };

/** CSS modifier of each light; the colour only reinforces the word. */
export const LIGHT_CLASS: Record<Light, string> = { 正常: 'ok', 临期: 'soon', 逾期: 'late' };
/** One character for the matrix's task columns. */
export const LIGHT_MARK: Record<Light, string> = { 正常: '正', 临期: '临', 逾期: '逾' };
/** What each light means, for legends and the 说明 page. */
export const LIGHT_DESCRIPTION: Record<Light, string> = {
  正常: '已完成,或距完成时限还有较长时间',
  临期: '未完成,距完成时限不足规定天数',
  逾期: '未完成,已过完成时限',
};

/** The rule behind the lights, in one sentence, for every page that shows them. */
export function lightRule(dueSoonDays: number): string {
  return `时限提示按统计日期计:已过完成时限而未完成为“逾期”,距完成时限 ${dueSoonDays} 天以内(含当天)而未完成为“临期”,其余(含已完成)为“正常”;原文未写明具体日期的任务不提示。`;
}

export function lightOf(progress: PlanProgressView | undefined, taskNumber: string): Light | undefined {
  return progress?.tasks[taskNumber]?.light;
}

/** A task in a plan with progress but no report on it. */
export const NO_REPORT = '暂无报告';
export type StatusLabel = ProgressStatus | typeof NO_REPORT;
export const STATUS_LABELS: StatusLabel[] = [...PROGRESS_STATUSES, NO_REPORT];

/** CSS modifier of each status; the colour only reinforces the word. */
export const STATUS_CLASS: Record<StatusLabel, string> = { 未启动: 'not-started', 推进中: 'in-progress', 已完成: 'done', 滞后: 'late', 暂无报告: 'none' };
/** One character for the matrix, next to the role mark. */
export const STATUS_MARK: Record<ProgressStatus, string> = { 未启动: '未', 推进中: '进', 已完成: '完', 滞后: '滞' };

/** Shown on every page that shows invented reports. */
export const SAMPLE_LABEL = '示例数据';
export const SAMPLE_NOTICE = '本页的进展情况是演示用的虚构示例,不反映任何单位的实际工作。';

export interface PlanProgressView extends PlanProgress {
  sample: boolean;
  note?: string;
  files: string[];
  diagnostics: FileDiagnostic[];
}

/** The plan's roll-up, or undefined when the plan has no progress file: no progress is invented. */
export function progressView(plan: PlanInput): PlanProgressView | undefined {
  if (!plan.progress) return undefined;
  const { reports, asOf, metadata, files, diagnostics } = plan.progress;
  return {
    ...planProgress(plan.document, reports, asOf, plan.metadata.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS),
    sample: metadata.sample === true,
    ...(metadata.note ? { note: metadata.note } : {}),
    files,
    diagnostics,
  };
}

export function statusOf(progress: PlanProgressView | undefined, taskNumber: string): StatusLabel | undefined {
  if (!progress) return undefined;
  return progress.tasks[taskNumber]?.status ?? NO_REPORT;
}

export interface OverdueRow {
  number: string;
  label: string;
  deadline: string;
  status: StatusLabel;
  leads: string[];
}

/** The overdue tasks of a plan, in plan order, with their accountable units. */
export function overdueRows(plan: PlanInput, progress: PlanProgressView): OverdueRow[] {
  const tasks = new Map(plan.document.tasks.map((t) => [displayNumber(t), t]));
  return progress.overdue.map((number) => {
    const p = progress.tasks[number]!;
    const task = tasks.get(number)!;
    return {
      number,
      label: taskLabel(task),
      deadline: p.deadline!,
      status: p.status ?? NO_REPORT,
      leads: p.units.filter((u) => u.accountable).map((u) => u.name),
    };
  });
}

/** "2022-11-20" → "2022年11月20日". */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
