/**
 * A section that names its own units in a clause and holds no task is a task itself: a plan's
 * first part may list its targets as (一)…(七), each with its clause, while later parts hold
 * (一) headings over 1、 tasks (the clause in brackets, or on label lines below the heading). Sections over tasks, and sections whose units open a sentence of
 * their body (由A承办,B协办。…), stay sections.
 */
import { blocksOf, type PlanBlock, type PlanRoot } from '../tree.ts';

export function taskLeafSections(root: PlanRoot): void {
  const hasTasks = blocksOf(root).some((b) => b.type === 'task');
  if (!hasTasks) return;
  for (const block of blocksOf(root)) {
    if (block.type !== 'section' || block.data.mentions.length === 0) continue;
    // Its clause in brackets after its own words ((一)…增长6%左右。(牵头单位:A)), or on label lines below
    // its heading ((一)…达到98%以上 ⏎ 责任股室:A); not a label line of a part ((二)协办单位:…).
    if (block.data.mentionSource !== 'parenthetical' && !(block.data.mentionSource === 'line' && clauseBelowHeading(block))) continue;
    if (hasBlockBelow(block)) continue;
    block.type = 'task';
  }
}

/** The block's first clause stands on a line after its heading's. */
function clauseBelowHeading(block: PlanBlock): boolean {
  const first = block.children.findIndex((c) => c.type === 'clause');
  return first > 0 && block.children.slice(0, first).some((c) => c.type === 'break');
}

function hasBlockBelow(block: PlanBlock): boolean {
  return block.children.some((c) => c.type === 'task' || c.type === 'section' || c.type === 'part');
}
