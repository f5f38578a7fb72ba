import { isSpaceAt } from '../chars.ts';
import { alt, TASK_FIELD_LABELS } from '../lexicon.ts';
import { linesOf, isContent, type PlanBlock, type PlanLeaf, type PlanRoot, stateOf } from '../tree.ts';

/** A line that is a field of the task before it: `整改目标:…`, or any field of a record, its label in brackets (`【存在问题】`). */
const FIELD = new RegExp(`^\\s*(?:(?:${alt(TASK_FIELD_LABELS)})\\s*[:：]|【[^】]{1,10}】)`);

/**
 * A paragraph between tasks belongs to none of them. A task whose marker line is a whole
 * sentence closed by its responsibility clause (`1.开展…。(责任单位:…)`) or whose clause stands on
 * a line of its own after the text ends there; plain text lines after that point (up to the next
 * task) are moved out of the task, to its parent, where `unassignedText` reports them.
 */
export function hoistStray(root: PlanRoot): void {
  const { view } = stateOf(root).src;
  const visit = (parent: PlanRoot | PlanBlock) => {
    for (let i = 0; i < parent.children.length; i++) {
      const child = parent.children[i]!;
      if (child.type !== 'part' && child.type !== 'section' && child.type !== 'task') continue;
      const block = child as PlanBlock;
      if (block.type !== 'task' || block.children.some((c) => c.type === 'task')) {
        visit(block);
        continue;
      }
      if (block.data.table || parent.type === 'task') continue;
      const lines = linesOf(block.children);
      let closed = -1;
      for (let k = 0; k < lines.length; k++) {
        const line = lines[k]!;
        const clauseAt = line.findLastIndex((c) => c.type === 'clause');
        if (clauseAt < 0) continue;
        const after = line.slice(clauseAt + 1).filter((c) => c.type !== 'break');
        if (after.some((c) => !/^[\s。.;;,,]*$/.test((c as PlanLeaf).value))) continue;
        const before = line.slice(0, clauseAt).filter((c) => c.type === 'text' || c.type === 'heading');
        const sentence = before
          .map((c) => (c as PlanLeaf).value)
          .join('')
          .trim();
        const clause = line[clauseAt] as PlanLeaf;
        const ownLine = before.every((c) => (c as PlanLeaf).value.trim() === '') && !line.some((c) => c.type === 'marker');
        // The marker line closes the task when its text is a finished sentence (not a short title).
        const finished = line.some((c) => c.type === 'marker') && /[。;!]/.test(lastNonSpace(view, clause.position.start.offset!)) && sentence.length >= 2;
        if (ownLine || finished) closed = k;
      }
      if (closed < 0) continue;
      const rest = lines.slice(closed + 1);
      const first = rest.findIndex((line) => line.some(isContent));
      if (first < 0) continue;
      // Only plain text moves: a deadline, person or clause line after it keeps the task whole, and
      // so does a field of the task (整改目标:…, 整改要求:…).
      const field = (line: (PlanBlock | PlanLeaf)[]) =>
        FIELD.test(
          line
            .filter((c) => 'value' in c)
            .map((c) => (c as PlanLeaf).value)
            .join(''),
        );
      if (
        rest
          .slice(first)
          .some((line) => field(line) || line.some((c) => c.type === 'clause' || c.type === 'deadline' || c.type === 'person' || c.type === 'marker'))
      )
        continue;
      const keep = lines.slice(0, closed + 1 + first).reduce((n, line) => n + line.length, 0);
      const moved = block.children.splice(keep);
      parent.children.splice(i + 1, 0, ...(moved as PlanLeaf[]));
      i += moved.length;
    }
  };
  visit(root);
}

function lastNonSpace(view: string, end: number): string {
  let i = end - 1;
  while (i >= 0 && isSpaceAt(view, i)) i--;
  return i >= 0 ? view[i]! : '';
}
