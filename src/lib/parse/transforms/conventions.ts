/**
 * Conventions a plan states once: `列第一位者为牵头单位,下同` in a clause, a note line
 * `(以下各项任务中,排在首位的为牵头单位,其余为配合单位)`, a `注:` after a table, or the same sentence
 * in the covering notice. A note in the notice holds for the whole plan; a clause's `下同` and a note
 * line hold from where they stand on; a `注:`/`说明:` note, or one after the last task, holds for
 * what came before it. Under a note, every list that names no roles of its own has its first unit
 * lead (and the others support where the note says so). A note inside one clause without 下同 was
 * applied to that clause alone when it was read.
 */
import { applyFirstLeads, firstLeadsNote, type FirstLeads } from '../clause-body.ts';
import { alt, NOTE_LABELS } from '../lexicon.ts';
import { isBlock, stateOf, type PlanBlock, type PlanLeaf, type PlanRoot } from '../tree.ts';

const NOTE_START = new RegExp(`^\\s*[(]?\\s*(?:${alt(NOTE_LABELS)}|备注)`);

type Item = { kind: 'note'; note: FirstLeads; back: boolean } | { kind: 'block'; block: PlanBlock };

export function applyConventions(root: PlanRoot): void {
  // The plan in document order: notes where they stand, and blocks.
  const items: Item[] = [];
  // Notes are read in the match view (牽頭 as 牵头), as clauses are.
  const { view } = stateOf(root).src;
  const viewOf = (leaf: PlanLeaf) => view.slice(leaf.position.start.offset!, leaf.position.end.offset!);
  const walk = (parent: PlanRoot | PlanBlock) => {
    if (parent.type !== 'root') items.push({ kind: 'block', block: parent });
    for (const child of parent.children) {
      if (child.type === 'preamble') {
        const note = firstLeadsNote(child.children.map(viewOf).join(''));
        // The covering notice comes before every task: its note holds onward, for the whole plan.
        if (note) items.push({ kind: 'note', note, back: false });
      } else if (isBlock(child)) walk(child);
      else {
        const leaf = child as PlanLeaf;
        const clauseNote = leaf.data?.clause?.firstLeads;
        if (clauseNote?.onward) items.push({ kind: 'note', note: clauseNote, back: false });
        // A table cell's note with 下同 (…,各镇人民政府(县政府部门中列在首位的为牵头部门,下同)) holds for the rows below.
        else if (leaf.type === 'cell' && leaf.value.includes('下同')) {
          const note = firstLeadsNote(viewOf(leaf));
          if (note) items.push({ kind: 'note', note, back: false });
        } else if (leaf.type === 'text' || leaf.type === 'heading' || leaf.type === 'chrome') {
          const leafView = viewOf(leaf);
          const note = firstLeadsNote(leafView);
          if (note) items.push({ kind: 'note', note, back: NOTE_START.test(leafView) });
        }
      }
    }
  };
  walk(root);
  if (!items.some((item) => item.kind === 'note')) return;
  const lastBlock = items.findLastIndex((item) => item.kind === 'block');
  // Each block follows the latest note before it that holds onward, else the first note after it
  // that holds backward (a 注 under a table, or any note after the last task).
  const backward: (FirstLeads | undefined)[] = new Array(items.length + 1).fill(undefined);
  for (let at = items.length - 1; at >= 0; at--) {
    const item = items[at]!;
    backward[at] = item.kind === 'note' && (item.back || at > lastBlock) ? item.note : backward[at + 1];
  }
  let onward: FirstLeads | undefined;
  items.forEach((item, at) => {
    if (item.kind === 'note') {
      if (!item.back && at < lastBlock) onward = item.note;
      return;
    }
    const note = onward ?? backward[at + 1];
    if (note) for (const list of item.block.data.lists) applyFirstLeads(list, note);
  });
}
