import type { Locator } from '../lines.ts';
import { isContent, linesOf, stateOf, type PlanBlock, type PlanLeaf, type PlanRoot } from '../tree.ts';

/** Text that belongs to no task is reported (`unassigned-text`), one warning a line. */
export function reportUnassigned(root: PlanRoot): void {
  const state = stateOf(root);
  const tableLines = new Set([...state.inTable].filter((i) => !state.rowAt.has(i)));
  for (const run of unassignedText(root, state.locator, tableLines)) {
    const shown = run.text.length > 24 ? `${run.text.slice(0, 24)}…` : run.text;
    state.problems.push({
      ruleId: 'unassigned-text',
      severity: 'warning',
      reason: `Unexpected text that belongs to no task: \`${shown}\`, expected it inside a numbered task or removed`,
      start: run.start,
      end: run.end,
    });
  }
}

/**
 * Text that no task holds: plain text directly under the root (past the preamble) or under a part
 * or section after its first block (not its heading or introduction). Table header lines are not
 * text of their own. One run per line.
 */
function unassignedText(root: PlanRoot, locator: Locator, tableLines: Set<number>): { start: number; end: number; text: string }[] {
  const runs: { start: number; end: number; text: string }[] = [];
  const visit = (parent: PlanRoot | PlanBlock) => {
    let afterBlock = parent.type === 'root';
    for (const line of linesOf(parent.children as (PlanBlock | PlanLeaf)[])) {
      for (const child of line)
        if (child.type === 'part' || child.type === 'section' || child.type === 'task') {
          afterBlock = true;
          visit(child as PlanBlock);
        }
      if (!afterBlock) continue;
      const texts = line.filter((c) => isContent(c) || c.type === 'clause') as PlanLeaf[];
      if (texts.length === 0) continue;
      const start = texts[0]!.position.start.offset!;
      if (tableLines.has(locator.point(start).line - 1)) continue;
      const end = texts.at(-1)!.position.end.offset!;
      runs.push({
        start,
        end,
        text: texts
          .map((t) => t.value)
          .join('')
          .trim(),
      });
    }
  };
  visit(root);
  return runs;
}
