import { blocksOf, firstLeaf, lastLeaf, type PlanBlock, type PlanRoot } from '../tree.ts';

/** A block spans from its first leaf to its last leaf of content. */
export function setPositions(root: PlanRoot): void {
  for (const block of blocksOf(root)) setPosition(block);
}

function setPosition(block: PlanBlock): void {
  const first = firstLeaf(block);
  const last = lastLeaf(block);
  if (first && last) block.position = { start: first.position.start, end: last.position.end };
}
