/** Deadline lights (正常 / 临期 / 逾期) against fixed "as of" dates. */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/lib/pipeline.ts';
import { DEFAULT_DUE_SOON_DAYS, daysBetween, deadlineLight, planProgress, type ProgressReport } from '../src/lib/progress.ts';

const report = (task: string, date: string, status: ProgressReport['status']): ProgressReport => ({
  task,
  date,
  status,
  note: '',
  source: { path: 'progress/p.csv', row: 2 },
});

describe('daysBetween', () => {
  it('counts calendar days, across months and leap days', () => {
    expect(daysBetween('2022-12-01', '2022-12-16')).toBe(15);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2022-12-31', '2022-12-30')).toBe(-1);
  });
});

describe('deadlineLight', () => {
  const asOf = '2023-06-15';
  it('gives no light without a dated deadline', () => {
    expect(deadlineLight(undefined, '推进中', asOf, 15)).toBeUndefined();
    expect(deadlineLight(undefined, undefined, asOf, 15)).toBeUndefined();
  });
  it('is 逾期 once the deadline has passed and the task is not done', () => {
    expect(deadlineLight('2023-06-14', '推进中', asOf, 15)).toBe('逾期');
    expect(deadlineLight('2023-01-01', undefined, asOf, 15)).toBe('逾期');
    expect(deadlineLight('2023-01-01', '滞后', asOf, 15)).toBe('逾期');
  });
  it('is 临期 from dueSoonDays before the deadline up to the deadline day itself', () => {
    expect(deadlineLight('2023-06-15', '推进中', asOf, 15)).toBe('临期');
    expect(deadlineLight('2023-06-30', '未启动', asOf, 15)).toBe('临期');
    expect(deadlineLight('2023-07-01', '未启动', asOf, 15)).toBe('正常');
    expect(deadlineLight('2023-06-20', '推进中', asOf, 3)).toBe('正常');
    expect(deadlineLight('2023-06-18', '推进中', asOf, 3)).toBe('临期');
  });
  it('is 正常 for a task done, whatever its deadline', () => {
    expect(deadlineLight('2023-01-01', '已完成', asOf, 15)).toBe('正常');
    expect(deadlineLight('2023-06-20', '已完成', asOf, 15)).toBe('正常');
  });
});

const example = await loadContent('examples/with-progress');

describe('lights of a plan', () => {
  // Task 1: 3月31日, 3: 年底前, 4: 6月30日, 6: 9月30日, 8: 5月31日; tasks 2, 5 and 7 have no date.
  const plan = example.plans.find((p) => p.id === '2023-work-safety')!;
  const reports = [report('1', '2023-03-20', '已完成'), report('4', '2023-06-01', '推进中'), report('6', '2023-06-01', '推进中')];

  it('lights every dated task from the as-of date and status, and counts them', () => {
    const progress = planProgress(plan.document, reports, '2023-06-20');
    expect(progress.dueSoonDays).toBe(DEFAULT_DUE_SOON_DAYS);
    const lights = Object.fromEntries(Object.values(progress.tasks).map((t) => [t.task, t.light ?? '-']));
    expect(lights).toEqual({ '1': '正常', '2': '-', '3': '正常', '4': '临期', '5': '-', '6': '正常', '7': '-', '8': '逾期' });
    expect(progress.lights).toEqual({ 正常: 3, 临期: 1, 逾期: 1 });
    // Every 逾期 task is one of the overdue list, and back.
    expect(
      Object.values(progress.tasks)
        .filter((t) => t.light === '逾期')
        .map((t) => t.task),
    ).toEqual(progress.overdue);
  });

  it('takes dueSoonDays from the caller: with 110 days, task 6 (102 days off) is 临期 too', () => {
    const progress = planProgress(plan.document, reports, '2023-06-20', 110);
    expect(progress.tasks['6']!.light).toBe('临期');
    expect(progress.tasks['3']!.light).toBe('正常');
    expect(progress.lights).toEqual({ 正常: 2, 临期: 2, 逾期: 1 });
  });

  it('moves with the as-of date: a month later task 4 is 逾期', () => {
    const progress = planProgress(plan.document, reports, '2023-07-20');
    expect(progress.tasks['4']!.light).toBe('逾期');
  });
});
