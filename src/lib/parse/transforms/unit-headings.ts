/**
 * A list grouped by unit (责任清单 按责任单位): a part or section whose heading is a unit's name and
 * nothing else but a count (`一、县发展和改革局(4项)`, `县教育局:`) holds that unit's tasks. Each task
 * under it names the unit as responsible beside its own units (主要协作单位:…), as a merged 牵头 cell
 * names the unit of every row it spans; a task that names the unit itself keeps its own role. A
 * heading about a matter that only carries its leads in brackets (`一、整治村容村貌(A牵头)`) is no
 * unit heading: its units are its own.
 */
import { matchView, nameKey } from '../../normalize.ts';
import type { Mention } from '../clause-body.ts';
import { blocksOf, isBlock, stateOf, type PlanBlock, type PlanLeaf, type PlanRoot } from '../tree.ts';
import { hasUnitEnding, opensWithPlace, recognizeUnits } from '../units.ts';

/** What may follow the unit's name in its heading: a count of its tasks, a colon. */
const HEADING_TAIL = /\s*(?:[(（]\s*(?:共\s*)?\d+\s*(?:项|条|件)\s*[)）])?\s*[:：]?\s*$/;

export function unitHeadings(root: PlanRoot): void {
  const { src } = stateOf(root);
  for (const block of blocksOf(root)) {
    if (block.type === 'task') continue;
    const unit = headingUnit(block, src);
    if (!unit) continue;
    for (const task of tasksUnder(block, (b) => headingUnit(b, src) !== undefined)) {
      if (task.data.mentions.some((m) => nameKey(m.text) === nameKey(unit.text))) continue;
      task.data.mentions.unshift({ ...unit });
    }
  }
}

function headingUnit(block: PlanBlock, src: ReturnType<typeof stateOf>['src']): Mention | undefined {
  const heading = block.children.find((c): c is PlanLeaf => c.type === 'heading');
  if (!heading || block.children.some((c) => c.type === 'clause')) return undefined;
  const start = heading.position.start.offset!;
  const value = src.view.slice(start, heading.position.end.offset!);
  const end = start + value.length - (HEADING_TAIL.exec(value)?.[0].length ?? 0);
  const lead = value.length - value.trimStart().length;
  const list = recognizeUnits(src, start + lead, end);
  if (list.units.length !== 1 || list.rejected.length > 0 || list.persons.length > 0) return undefined;
  const [unit] = list.units;
  // The whole heading is the name (no words of a matter before or after it), a name with a unit's
  // ending that opens with its place (县发展和改革局) or is short (法规股, 办公室), no matter (均衡布局).
  if (unit!.start !== start + lead || unit!.end !== end) return undefined;
  const name = matchView(unit!.text);
  if (!hasUnitEnding(name) || !(opensWithPlace(name) || name.length <= 8)) return undefined;
  return { start: unit!.start, end: unit!.end, text: unit!.text, role: 'responsible' };
}

/** The tasks of a block, not those under a nearer unit heading (a section of its own unit: its unit names them). */
function tasksUnder(block: PlanBlock, unitHeading: (block: PlanBlock) => boolean): PlanBlock[] {
  const out: PlanBlock[] = [];
  for (const child of block.children) {
    if (!isBlock(child)) continue;
    if (child.type === 'task') out.push(child);
    else if (!unitHeading(child)) out.push(...tasksUnder(child, unitHeading));
  }
  return out;
}
