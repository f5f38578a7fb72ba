/**
 * Scores a parsed plan against hand-made gold labels (`gold.json` beside each fixture): unit+role
 * F1 over (task, unit, role) triples, with tasks aligned by their number chain in document order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nameKey } from '../../src/lib/normalize.ts';
import { chineseToNumber, enclosedToNumber } from '../../src/lib/parse/numerals.ts';
import type { OutlineNode, PlanDocument, Role } from '../../src/lib/schema.ts';

export interface GoldTask {
  key: string;
  assignments: { mention: string; role: Role }[];
  deadlines?: string[];
}

export interface Gold {
  layout: string;
  encoding?: string;
  parts?: number;
  sections?: number;
  tasks: GoldTask[];
  /** The plan's issuer, date (ISO) and 文号 as a reader finds them in the text; null where it gives none. */
  issuance?: { issuer: string | null; date: string | null; docNumber: string | null };
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  tasksGold: number;
  tasksFound: number;
  tasksAligned: number;
  partsOk: boolean;
  sectionsOk: boolean;
  deadlinesRight: number;
  deadlinesGold: number;
  misses: string[];
}

export function readGold(dir: string): Gold {
  return JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Gold;
}

/** Each task with its key: the numbers of its task ancestors and its own, joined by dots. */
export function keyedTasks(document: PlanDocument): { key: string; node: OutlineNode }[] {
  const out: { key: string; node: OutlineNode }[] = [];
  const walk = (nodes: OutlineNode[], chain: string[]) => {
    for (const node of nodes) {
      const n = /^\d+$/.test(node.number) ? String(Number(node.number)) : numberValue(node.number);
      if (node.kind === 'task') {
        const key = [...chain, n].join('.');
        out.push({ key, node });
        walk(node.children, [...chain, n]);
      } else walk(node.children, chain);
    }
  };
  walk(document.outline, []);
  return out;
}

function numberValue(number: string): string {
  const digits = number.replace(/\D/g, '');
  if (digits) return String(Number(digits));
  return String(enclosedToNumber(number) ?? chineseToNumber(number) ?? number);
}

/** Longest common subsequence of keys: the alignment of gold and parsed tasks. */
function align(a: string[], b: string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

export function score(document: PlanDocument, gold: Gold): Score {
  const found = keyedTasks(document);
  const pairs = align(
    gold.tasks.map((t) => t.key),
    found.map((t) => t.key),
  );
  const triple = (mention: string, role: string) => `${nameKey(mention)}|${role}`;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let deadlinesRight = 0;
  let deadlinesGold = 0;
  const misses: string[] = [];
  const matchedGold = new Set(pairs.map(([g]) => g));
  const matchedFound = new Set(pairs.map(([, f]) => f));
  for (const [g, f] of pairs) {
    const goldTask = gold.tasks[g]!;
    const node = found[f]!.node;
    const want = new Set(goldTask.assignments.map((a) => triple(a.mention, a.role)));
    const got = new Set(node.assignments.map((a) => triple(a.mention, a.role)));
    for (const t of got) {
      if (want.has(t)) tp++;
      else {
        fp++;
        misses.push(`task ${goldTask.key}: unexpected ${t}`);
      }
    }
    for (const t of want) {
      if (!got.has(t)) {
        fn++;
        misses.push(`task ${goldTask.key}: missing ${t}`);
      }
    }
    for (const date of goldTask.deadlines ?? []) {
      deadlinesGold++;
      if (node.deadlines.some((d) => d.date === date)) deadlinesRight++;
      else misses.push(`task ${goldTask.key}: missing deadline ${date} (found ${node.deadlines.map((d) => d.date ?? d.text).join(',') || 'none'})`);
    }
  }
  gold.tasks.forEach((t, i) => {
    if (matchedGold.has(i)) return;
    fn += t.assignments.length;
    deadlinesGold += t.deadlines?.length ?? 0;
    misses.push(`task ${t.key}: not found (${t.assignments.length} assignments)`);
  });
  found.forEach((t, i) => {
    if (matchedFound.has(i)) return;
    fp += t.node.assignments.length;
    misses.push(`task ${t.key}: not in gold (${t.node.assignments.length} assignments, line ${t.node.position.start.line})`);
  });
  const count = (kind: string) => {
    let n = 0;
    const walk = (nodes: OutlineNode[]) =>
      nodes.forEach((x) => {
        if (x.kind === kind) n++;
        walk(x.children);
      });
    walk(document.outline);
    return n;
  };
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    tp,
    fp,
    fn,
    precision,
    recall,
    f1,
    tasksGold: gold.tasks.length,
    tasksFound: found.length,
    tasksAligned: pairs.length,
    partsOk: gold.parts === undefined || gold.parts === count('part'),
    sectionsOk: gold.sections === undefined || gold.sections === count('section'),
    deadlinesRight,
    deadlinesGold,
    misses,
  };
}
