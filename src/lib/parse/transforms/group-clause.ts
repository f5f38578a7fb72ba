import { append } from '../../append.ts';
import { describeBlock, resetDescription } from '../describe.ts';
import { blocksOf, stateOf, type PlanBlock, type PlanLeaf, type PlanRoot } from '../tree.ts';

/** A clause written once after sub-items (1)…(n) goes to their parent; both are read again. */
export function groupClauses(root: PlanRoot): void {
  const { src } = stateOf(root);
  for (const block of blocksOf(root)) {
    const last = groupClauseToParent(block);
    if (!last) continue;
    // Both blocks read again; their problems were reported in the first pass.
    for (const b of [block, last]) {
      resetDescription(b);
      describeBlock(b, src, []);
    }
  }
}

/**
 * One clause written once after sub-items (1)…(n) belongs to their parent: the lines of
 * responsibility (and of persons and deadlines) that end the last sub-item move up to the parent.
 * Returns whether anything moved, so that the caller describes both blocks again.
 */
function groupClauseToParent(block: PlanBlock): PlanBlock | undefined {
  if (block.type !== 'task' || block.data.mentions.length > 0) return undefined;
  const subs = block.children.filter((c): c is PlanBlock => c.type === 'task');
  if (subs.length < 2) return undefined;
  const last = subs.at(-1)!;
  if (last.data.mentions.length === 0 || subs.slice(0, -1).some((s) => s.data.mentions.length > 0)) return undefined;
  // A clause on lines of its own (labelled, or units and role words in brackets); not a sentence.
  if (last.data.mentionSource !== 'line' && last.data.mentionSource !== 'parenthetical' && last.data.mentionSource !== 'unlabeled') return undefined;
  // Walk back over whole lines made only of clauses, persons, deadlines and blanks.
  const children = last.children;
  const isRunLeaf = (c: PlanBlock | PlanLeaf) =>
    c.type === 'clause' ||
    c.type === 'person' ||
    c.type === 'deadline' ||
    c.type === 'blank' ||
    c.type === 'break' ||
    (c.type === 'text' && (c as PlanLeaf).value.trim().length <= 1);
  let first = children.length;
  let sawClause = false;
  for (;;) {
    let lineStart = first;
    while (lineStart > 0 && children[lineStart - 1]!.type === 'break') lineStart--;
    while (lineStart > 0 && children[lineStart - 1]!.type !== 'break') lineStart--;
    if (lineStart === first || lineStart === 0) break;
    const line = children.slice(lineStart, first);
    if (!line.every(isRunLeaf)) break;
    if (line.some((c) => c.type === 'clause')) sawClause = true;
    first = lineStart;
  }
  if (!sawClause || first === 0 || first === children.length) return undefined;
  append(block.children, children.splice(first));
  return last;
}
