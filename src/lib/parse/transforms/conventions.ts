/**
 * Conventions a plan states once: `列第一位者为牵头单位,下同` in a clause, a note line
 * `(以下各项任务中,排在首位的为牵头单位,其余为配合单位)`, or the same sentence in the covering
 * notice. From the note on, every list that names no roles of its own has its first unit lead (and
 * the others support where the note says so).
 */
import { applyFirstLeads, firstLeadsNote, type FirstLeads } from '../clause-body.ts';
import { isBlock, type PlanBlock, type PlanLeaf, type PlanRoot } from '../tree.ts';

export function applyConventions(root: PlanRoot): void {
  let note: FirstLeads | undefined;
  const visit = (parent: PlanRoot | PlanBlock) => {
    if (parent.type !== 'root' && note) for (const list of parent.data.lists) applyFirstLeads(list, note);
    for (const child of parent.children) {
      if (child.type === 'preamble') {
        note = firstLeadsNote(child.children.map((leaf) => leaf.value).join('')) ?? note;
      } else if (isBlock(child)) visit(child);
      else {
        const leaf = child as PlanLeaf;
        const clauseNote = leaf.data?.clause?.firstLeads;
        if (clauseNote?.onward) note = clauseNote;
        else if (leaf.type === 'text' || leaf.type === 'heading') note = firstLeadsNote(leaf.value) ?? note;
      }
    }
  };
  visit(root);
}
