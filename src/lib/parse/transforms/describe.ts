/** Every block reads what it says (describe.ts). */
import { describeBlock } from '../describe.ts';
import { blocksOf, stateOf, type PlanRoot } from '../tree.ts';

export function describeBlocks(root: PlanRoot): void {
  const state = stateOf(root);
  for (const block of blocksOf(root)) describeBlock(block, state.src, state.problems);
}
