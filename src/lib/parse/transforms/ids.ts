import type { PlanBlock, PlanRoot } from '../tree.ts';

/** Stable, URL-safe ids: part-2, section-2-1, task-7, task-7-1 (sub-item), task-p2-3 (restarting). */
export function assignIds(root: PlanRoot): void {
  const used = new Set<string>();
  const unique = (id: string): string => {
    let candidate = id;
    for (let k = 2; used.has(candidate); k++) candidate = `${id}-${k}`;
    used.add(candidate);
    return candidate;
  };
  const all: PlanBlock[] = [];
  const topTasks: PlanBlock[] = [];
  const topSections: PlanBlock[] = [];
  const walk = (parent: PlanRoot | PlanBlock) => {
    for (const c of parent.children) {
      if (c.type !== 'part' && c.type !== 'section' && c.type !== 'task') continue;
      all.push(c as PlanBlock);
      if (c.type === 'task' && parent.type !== 'task') topTasks.push(c as PlanBlock);
      if (c.type === 'section' && parent.type !== 'section') topSections.push(c as PlanBlock);
      walk(c as PlanBlock);
    }
  };
  walk(root);
  const topNumbers = new Map<number, number>();
  for (const t of topTasks) topNumbers.set(t.data.value, (topNumbers.get(t.data.value) ?? 0) + 1);
  const restarted = topTasks.length > 1 && [...topNumbers.values()].filter((count) => count > 1).length > 1;
  // Sections numbered anew in each part are named after their part: section-2-1.
  const sectionsRestart = new Set(topSections.map((b) => b.data.value)).size < topSections.length;

  let part = 0;
  let partOrdinal = 0;
  const visit = (parent: PlanRoot | PlanBlock, parentTaskId: string | undefined) => {
    for (const c of parent.children) {
      if (c.type !== 'part' && c.type !== 'section' && c.type !== 'task') continue;
      const block = c as PlanBlock;
      if (block.type === 'part') {
        partOrdinal++;
        part = block.data.value || partOrdinal;
        block.data.id = unique(`part-${part}`);
        visit(block, undefined);
      } else if (block.type === 'section') {
        const n = block.data.value;
        // (一) inside 一、 (under 第一部分) is named after its parent section: section-2-1-1.
        if (parent.type === 'section') block.data.id = unique(`${parent.data.id}-${n}`);
        else block.data.id = unique(sectionsRestart ? `section-${part}-${n}` : `section-${n}`);
        visit(block, undefined);
      } else {
        const n = block.data.value;
        let id: string;
        if (parentTaskId) id = `${parentTaskId}-${n}`;
        else if (restarted) id = `task-p${part}-${n}`;
        else id = `task-${n}`;
        if (used.has(id)) {
          // A duplicated number: task-7, then task-7b.
          for (const suffix of 'bcdefghijklmnopqrstuvwxyz')
            if (!used.has(`${id}${suffix}`)) {
              id = `${id}${suffix}`;
              break;
            }
        }
        block.data.id = unique(id);
        visit(block, block.data.id);
      }
    }
  };
  visit(root, undefined);
}
