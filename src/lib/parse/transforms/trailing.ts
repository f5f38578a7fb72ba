/** Trailing chrome and blank lines after the last block belong to the document, not the last task. */
import { append } from '../../append.ts';
import type { PlanBlock, PlanLeaf, PlanPreamble, PlanRoot } from '../tree.ts';

export function hoistTrailing(root: PlanRoot): void {
  let last: PlanRoot | PlanBlock = root;
  const chain: PlanBlock[] = [];
  for (;;) {
    const tail: PlanBlock | PlanLeaf | PlanPreamble | undefined = last.children.at(-1);
    if (!tail || (tail.type !== 'part' && tail.type !== 'section' && tail.type !== 'task')) break;
    last = tail as PlanBlock;
    chain.push(last);
  }
  const moved: PlanLeaf[] = [];
  for (let k = chain.length - 1; k >= 0; k--) {
    const block = chain[k]!;
    // Only a run of chrome (with blank lines and breaks) at the very end moves.
    let cut = block.children.length;
    while (cut > 0) {
      const child = block.children[cut - 1]!;
      if (child.type === 'chrome' || child.type === 'blank' || child.type === 'break') cut--;
      else break;
    }
    const tail = block.children.slice(cut) as PlanLeaf[];
    if (!tail.some((leaf) => leaf.type === 'chrome')) break;
    // Keep the line break that ends the block's last line of content.
    const keep = tail[0]?.type === 'break' ? 1 : 0;
    moved.unshift(...(tail.slice(keep) as PlanLeaf[]));
    block.children.length = cut + keep;
    if (block.children.some((c) => c.type !== 'break' && c.type !== 'blank')) break;
  }
  append(root.children, moved);
}
