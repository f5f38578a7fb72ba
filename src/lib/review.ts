/**
 * What the 校对 (review) page and `plan review` show of each block: the characters of the source
 * that are the block's own (not its sub-items'), and every piece the parser took as something,
 * by its offsets in the text read: unit mentions with their role, deadlines, cited documents and
 * persons. Built from the tree, which the published document does not keep.
 */
import type { PlanBlock, PlanLeaf, PlanRoot } from './parse/index.ts';
import type { UnitRegistry } from './registry.ts';
import type { Role } from './schema.ts';

export type ReviewMarkKind = 'unit' | 'deadline' | 'reference' | 'person';

export interface ReviewMark {
  kind: ReviewMarkKind;
  /** Offsets in the text read, end exclusive. */
  start: number;
  end: number;
  /** For units: the role read, and the unit id the mention resolved to. */
  role?: Role;
  unit?: string;
  /** As the parser took it (a unit completed where the text elides). */
  text: string;
}

export interface ReviewBlock {
  /** The outline node's id. */
  id: string;
  /** The block's own characters, as [start, end) ranges of the text read, in order. */
  ranges: [number, number][];
  /** Sorted by start; they do not overlap. */
  marks: ReviewMark[];
}

/** Every block of the tree in document order, with its own ranges and marks. */
export function reviewIndex(tree: PlanRoot, registry: UnitRegistry): ReviewBlock[] {
  const out: ReviewBlock[] = [];
  const visit = (block: PlanBlock) => {
    out.push(reviewBlock(block, registry));
    for (const child of block.children) if (isBlock(child)) visit(child);
  };
  for (const child of tree.children) if (isBlock(child)) visit(child);
  return out;
}

function isBlock(node: { type: string }): node is PlanBlock {
  return node.type === 'part' || node.type === 'section' || node.type === 'task';
}

function reviewBlock(block: PlanBlock, registry: UnitRegistry): ReviewBlock {
  const ranges: [number, number][] = [];
  const references = new Set(block.data.references);
  const marks: ReviewMark[] = [];
  for (const child of block.children) {
    if (isBlock(child)) continue;
    const leaf = child as PlanLeaf;
    const start = leaf.position.start.offset ?? 0;
    const end = leaf.position.end.offset ?? start;
    if (end <= start) continue;
    // References are strings in the document: find them in the block's own leaves.
    for (const ref of references) {
      for (let at = leaf.value.indexOf(ref); at >= 0; at = leaf.value.indexOf(ref, at + ref.length))
        marks.push({ kind: 'reference', start: start + at, end: start + at + ref.length, text: ref });
    }
    const last = ranges.at(-1);
    if (last && last[1] === start) last[1] = end;
    else ranges.push([start, end]);
  }
  const inside = (start: number, end: number) => ranges.some(([s, e]) => start >= s && end <= e);
  for (const m of block.data.mentions) {
    if (!inside(m.start, m.end)) continue;
    let unit: string | undefined;
    try {
      unit = registry.resolve(m.text).unit.id;
    } catch {
      unit = undefined;
    }
    marks.push({ kind: 'unit', start: m.start, end: m.end, role: m.role, ...(unit ? { unit } : {}), text: m.text });
  }
  for (const d of block.data.deadlines) if (inside(d.start, d.end)) marks.push({ kind: 'deadline', start: d.start, end: d.end, text: d.text });
  for (const p of block.data.persons) if (inside(p.start, p.end)) marks.push({ kind: 'person', start: p.start, end: p.end, text: p.text });
  return { id: block.data.id, ranges, marks: withoutOverlaps(marks) };
}

/**
 * Marks sorted by start, each clipped to begin after the one before ends. An elided mention that
 * shares its characters with the one before (县发改、财政局: the shared 局) keeps what is left.
 */
export function withoutOverlaps(marks: ReviewMark[]): ReviewMark[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ReviewMark[] = [];
  let end = 0;
  for (const m of sorted) {
    const start = Math.max(m.start, end);
    if (start >= m.end) continue;
    out.push(start === m.start ? m : { ...m, start });
    end = m.end;
  }
  return out;
}
