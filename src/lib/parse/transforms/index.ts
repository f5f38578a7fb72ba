/**
 * The transforms that run after the parser (blocks.ts), in this order. Each takes the tree the
 * stages before it left and changes it in place; `stateOf(tree)` gives what the parser knew.
 */
import type { PlanRoot } from '../tree.ts';
import { applyConventions } from './conventions.ts';
import { describeBlocks } from './describe.ts';
import { groupClauses } from './group-clause.ts';
import { assignIds } from './ids.ts';
import { taskLeafSections } from './leaf-sections.ts';
import { requireTasks } from './no-tasks.ts';
import { checkTaskNumbers } from './numbers.ts';
import { setPositions } from './positions.ts';
import { hoistStray } from './stray.ts';
import { hoistTrailing } from './trailing.ts';
import { unitHeadings } from './unit-headings.ts';
import { reportUnassigned } from './unassigned.ts';

export interface PlanTransform {
  name: string;
  run(tree: PlanRoot): void;
}

export const TRANSFORMS: readonly PlanTransform[] = [
  { name: 'hoist-trailing', run: hoistTrailing },
  { name: 'hoist-stray', run: hoistStray },
  { name: 'describe', run: describeBlocks },
  { name: 'leaf-sections', run: taskLeafSections },
  { name: 'report-unassigned', run: reportUnassigned },
  { name: 'group-clauses', run: groupClauses },
  { name: 'conventions', run: applyConventions },
  { name: 'unit-headings', run: unitHeadings },
  { name: 'positions', run: setPositions },
  { name: 'task-numbers', run: checkTaskNumbers },
  { name: 'ids', run: assignIds },
  { name: 'require-tasks', run: requireTasks },
];
