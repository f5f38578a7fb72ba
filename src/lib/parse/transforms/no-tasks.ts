import { blocksOf, stateOf, type PlanRoot } from '../tree.ts';

/** A plan with no task is an error. */
export function requireTasks(root: PlanRoot): void {
  if (blocksOf(root).some((b) => b.type === 'task')) return;
  stateOf(root).problems.push({
    ruleId: 'no-tasks',
    severity: 'error',
    reason: 'Unexpected plan without tasks, expected numbered items (1. / (一) / 一、) or a 任务分工 table',
    start: 0,
    end: 0,
  });
}
