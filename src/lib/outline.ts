/** Outline nodes of a PlanDocument by id. */
import type { OutlineNode, PlanDocument } from './schema.ts';

const indexes = new WeakMap<PlanDocument, Map<string, OutlineNode>>();

/** Every outline node by id; built once per document (pages of a long plan each ask for it). */
export function outlineIndex(document: PlanDocument): Map<string, OutlineNode> {
  let index = indexes.get(document);
  if (!index) {
    index = new Map<string, OutlineNode>();
    const add = (nodes: OutlineNode[]) => {
      for (const node of nodes) {
        index!.set(node.id, node);
        add(node.children);
      }
    };
    add(document.outline);
    indexes.set(document, index);
  }
  return index;
}
