import { firstLeaf, stateOf, type PlanBlock, type PlanLeaf, type PlanPreamble, type PlanRoot, type Problem } from '../tree.ts';

/** Task numbers read in order: a duplicate or a gap is a warning at the task's marker. */
export function checkTaskNumbers(root: PlanRoot): void {
  const state = stateOf(root);
  checkNumbers(root, state.taskLevel, state.problems);
}

function markerOffset(block: PlanBlock): [number, number] {
  const marker = block.children.find((c) => c.type === 'marker') as PlanLeaf | undefined;
  const leaf = marker ?? firstLeaf(block);
  return leaf ? [leaf.position.start.offset!, leaf.position.end.offset!] : [0, 0];
}

function checkNumbers(root: PlanRoot, taskLevel: number, problems: Problem[]): void {
  // Top-level tasks: one run through the document that may restart at 1 in each part or section.
  const top: { block: PlanBlock; parent: PlanRoot | PlanBlock }[] = [];
  const visit = (parent: PlanRoot | PlanBlock) => {
    const children = (parent.children as (PlanBlock | PlanLeaf | PlanPreamble)[]).filter(
      (c): c is PlanBlock => c.type === 'part' || c.type === 'section' || c.type === 'task',
    );
    // Sub-items: numbered within their parent.
    if (parent.type === 'task')
      checkRun(
        children.filter((c) => c.type === 'task'),
        problems,
        false,
      );
    for (const child of children) {
      if (child.type === 'task' && child.data.level === taskLevel && parent.type !== 'task') top.push({ block: child, parent });
      visit(child);
    }
  };
  visit(root);
  checkRun(
    top.map((t) => t.block),
    problems,
    true,
    top.map((t) => t.parent),
  );
  // Parts and sections read in order too.
}

function checkRun(blocks: PlanBlock[], problems: Problem[], mayRestart: boolean, parents?: (PlanRoot | PlanBlock)[]): void {
  let expected = 1;
  let seen = new Map<number, PlanBlock>();
  blocks.forEach((block, i) => {
    const n = block.data.value;
    if (block.data.table && block.data.marker === '') return;
    if (mayRestart && n === 1 && i > 0 && parents && parents[i] !== parents[i - 1]) {
      expected = 1;
      seen = new Map();
    }
    const [start, end] = markerOffset(block);
    const earlier = seen.get(n);
    if (earlier) {
      problems.push({
        ruleId: 'duplicate-number',
        severity: 'warning',
        reason: `Unexpected duplicate task number ${block.data.number} (first at line ${earlier.position.start.line}), expected ${expected}`,
        start,
        end,
        cause: earlier.position.start.offset,
      });
    } else if (n !== expected) {
      problems.push({ ruleId: 'number-gap', severity: 'warning', reason: `Unexpected task number ${block.data.number}, expected ${expected}`, start, end });
    }
    if (!earlier) seen.set(n, block);
    expected = Math.max(expected, n + 1);
  });
}
