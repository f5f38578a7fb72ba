/**
 * Conventions a plan states once: `列第一位者为牵头单位,下同` in a clause, a note line
 * `(以下各项任务中,排在首位的为牵头单位,其余为配合单位)`, a `注:` after a table, or the same sentence
 * in the covering notice. Such a note holds for the whole plan: every list that names no roles of its
 * own has its first unit lead (the others support where the note says so). A note inside one clause
 * without 下同 was applied to that clause alone when it was read.
 */
import { applyFirstLeads, firstLeadsNote, type FirstLeads } from '../clause-body.ts';
import { blocksOf, isBlock, type PlanBlock, type PlanLeaf, type PlanRoot } from '../tree.ts';

export function applyConventions(root: PlanRoot): void {
  const note = planNote(root);
  if (!note) return;
  for (const block of blocksOf(root)) for (const list of block.data.lists) applyFirstLeads(list, note);
}

/** The plan's first note that the first unit listed leads, wherever it is written. */
function planNote(root: PlanRoot): FirstLeads | undefined {
  const leaves: PlanLeaf[] = [];
  const collect = (parent: PlanRoot | PlanBlock) => {
    for (const child of parent.children) {
      if (child.type === 'preamble') leaves.push(...child.children);
      else if (isBlock(child)) collect(child);
      else leaves.push(child as PlanLeaf);
    }
  };
  collect(root);
  for (const leaf of leaves) {
    const clauseNote = leaf.data?.clause?.firstLeads;
    if (clauseNote?.onward) return clauseNote;
    if (leaf.type === 'text' || leaf.type === 'heading' || leaf.type === 'chrome') {
      const note = firstLeadsNote(leaf.value);
      if (note) return note;
    }
  }
  return undefined;
}
