/**
 * The plan tree (unist) and how it is built. Lossless: every character of the source lies in exactly
 * one leaf, in order, so that concatenating the leaves' values gives the source back.
 *
 *   root ─ preamble (covering notice, chrome, title, introduction)
 *        ─ part ─ section ─ task ─ task (sub-items)
 *   leaves: marker · heading · text · clause · cell · person · deadline · chrome · blank · break
 *
 * Stages, as in eemeli/yaml: blocks.ts reads lines into blocks (the parser), then the transforms of
 * transforms/index.ts run in their listed order (describe, move, check, name).
 */
import type { Literal, Parent, Position } from 'unist';
import type { RuleIdOf } from '../rules.ts';
import type { Clause } from './forms.ts';
import type { FoundDeadline } from './deadlines.ts';
import type { Mention } from './clause-body.ts';
import type { Line } from './lines.ts';
import type { LineInfo } from './classify.ts';
import type { Locator } from './lines.ts';
import type { Source } from './source.ts';
import type { Cell, ColumnRole, Table, TableRow } from './table.ts';
import type { Span } from './units.ts';

export type LeafType = 'marker' | 'heading' | 'text' | 'clause' | 'cell' | 'person' | 'deadline' | 'chrome' | 'blank' | 'break';

export interface PlanLeaf extends Literal {
  type: LeafType;
  value: string;
  position: Position;
  data?: { clause?: Clause; role?: ColumnRole; cell?: Cell };
}

export type BlockType = 'part' | 'section' | 'task';

export interface BlockData {
  level: number;
  marker: string;
  number: string;
  value: number;
  table: boolean;
  id: string;
  title?: string;
  text: string;
  mentions: Mention[];
  /** A table row's unit cells that a merged cell of the row above spans into it (not its own leaves). */
  inherited?: Cell[];
  /** The mentions again, one list per clause or row as written: conventions apply list by list. */
  lists: Mention[][];
  /** How the units were written: for diagnostics and for the group rule. */
  mentionSource?: 'parenthetical' | 'line' | 'inline' | 'cell' | 'unlabeled';
  persons: Span[];
  deadlines: FoundDeadline[];
  references: string[];
}

export interface PlanBlock extends Parent {
  type: BlockType;
  children: (PlanBlock | PlanLeaf)[];
  position: Position;
  data: BlockData;
}

export interface PlanPreamble extends Parent {
  type: 'preamble';
  children: PlanLeaf[];
  position: Position;
}

export interface PlanRoot extends Parent {
  type: 'root';
  children: (PlanPreamble | PlanBlock | PlanLeaf)[];
  position: Position;
  data: { taskLevel: number; year?: number };
}

export type ProblemRuleId = RuleIdOf<'parse'>;

export interface Problem {
  ruleId: ProblemRuleId;
  severity: 'error' | 'warning' | 'info';
  reason: string;
  start: number;
  end: number;
  /** Offset of an earlier related place (the first use of a duplicated number). */
  cause?: number;
  /** Filled in by buildTree from the offsets. */
  place?: Position;
}

export interface BuildOptions {
  /** The plan's year, for deadlines that give only month and day. */
  year?: number;
  /** Unit names and aliases of the registry: the unit recognizer tries them first. */
  knownUnits?: Iterable<string>;
}

/** What the stages share about one source: set by the parser, read by the transforms. */
export interface ParseState {
  src: Source;
  lines: Line[];
  infos: LineInfo[];
  locator: Locator;
  tables: Table[];
  /** Lines that belong to a table (header, rows, separators). */
  inTable: Set<number>;
  /** First line of each table row → its row. */
  rowAt: Map<number, { table: Table; row: TableRow }>;
  taskLevel: number;
  problems: Problem[];
}

const states = new WeakMap<PlanRoot, ParseState>();

export function setState(tree: PlanRoot, state: ParseState): void {
  states.set(tree, state);
}

export function stateOf(tree: PlanRoot): ParseState {
  const state = states.get(tree);
  if (!state) throw new Error('Cannot transform a plan tree that the plan parser did not read');
  return state;
}

export type PlanNode = PlanRoot | PlanBlock | PlanLeaf | PlanPreamble;

export function isBlock(node: { type: string }): node is PlanBlock {
  return node.type === 'part' || node.type === 'section' || node.type === 'task';
}

/** Every block of the tree, in document order (parents before children). */
export function blocksOf(root: PlanRoot | PlanBlock): PlanBlock[] {
  const out: PlanBlock[] = [];
  const collect = (parent: PlanRoot | PlanBlock) => {
    for (const child of parent.children) {
      if (!isBlock(child)) continue;
      out.push(child);
      collect(child);
    }
  };
  collect(root);
  return out;
}

/** Leaves of `children` cut into lines: each line's leaves, its break included. */
export function linesOf(children: (PlanBlock | PlanLeaf)[]): (PlanBlock | PlanLeaf)[][] {
  const out: (PlanBlock | PlanLeaf)[][] = [[]];
  for (const child of children) {
    out.at(-1)!.push(child);
    if (child.type === 'break') out.push([]);
  }
  if (out.at(-1)!.length === 0) out.pop();
  return out;
}

export const isContent = (leaf: PlanBlock | PlanLeaf): boolean => leaf.type === 'text' && (leaf as PlanLeaf).value.trim().length > 0;

export function firstLeaf(node: PlanBlock | PlanLeaf): PlanLeaf | undefined {
  if ('value' in node) return node as PlanLeaf;
  for (const child of (node as PlanBlock).children) {
    const found = firstLeaf(child);
    if (found) return found;
  }
  return undefined;
}

export function lastLeaf(node: PlanBlock | PlanLeaf): PlanLeaf | undefined {
  if ('value' in node) return node as PlanLeaf;
  const children = (node as PlanBlock).children;
  for (let i = children.length - 1; i >= 0; i--) {
    // The line break after a block's last line is part of it, but a trailing blank line is not.
    const found = lastLeaf(children[i]!);
    if (found && found.type !== 'blank' && found.type !== 'break') return found;
  }
  return undefined;
}
