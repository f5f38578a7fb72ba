/**
 * Inputs at the edge: long lines, long runs of blank space, huge clauses and oversized files parse
 * (without a stack overflow or catastrophic backtracking) or are refused with a clear message.
 * Their speed is measured by `npm run bench` (scripts/bench-limits.ts), not here.
 */
import { describe, expect, it } from 'vitest';
import { decode, MAX_PLAN_BYTES } from '../../src/lib/decode.ts';
import { buildTree } from '../../src/lib/parse/index.ts';
import { parsePlan } from '../../src/lib/pipeline.ts';
import { UnitRegistry } from '../../src/lib/registry.ts';
import { HEAVY_TIMEOUT } from '../support/timeouts.ts';

const parse = (text: string) =>
  parsePlan(new Uint8Array(Buffer.from(text)), { path: 'edge.txt', registry: UnitRegistry.empty(), metadata: { year: 2024 } }).document;

function rebuilt(text: string): string {
  const out: string[] = [];
  const walk = (node: { value?: unknown; children?: unknown[] }) => {
    if (typeof node.value === 'string') out.push(node.value);
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(buildTree(text).tree as never);
  return out.join('');
}

describe('limits', { timeout: HEAVY_TIMEOUT }, () => {
  it('reads a clause of 10 000 units as 10 000 assignments', () => {
    const names = Array.from({ length: 10000 }, (_, i) => `县第${i}局`);
    const doc = parse(`1.开展联合检查。(责任单位:${names.join('、')})\n`);
    expect(doc.tasks).toHaveLength(1);
    expect(doc.tasks[0]!.assignments.map((a) => a.mention)).toEqual(names);
  });

  it('reads a clause of 150 000 units without overflowing the stack', () => {
    const doc = parse(`1.开展联合检查。(责任单位:${'县财政局、'.repeat(150000)}县审计局)\n`);
    expect(doc.tasks[0]!.assignments.map((a) => a.mention)).toEqual(['县财政局', '县审计局']);
  });

  it('parses a 1 MB line, long runs of spaces and unclosed parentheses losslessly', () => {
    const cases = [
      `1.${'加强安全生产,落实责任。'.repeat(90000)}(责任单位:县住建局)\n2.第二项。(责任单位:县水务局)\n`,
      `1.任务\n${' '.repeat(300000)}x\n2024${' '.repeat(300000)}\n|${' '.repeat(300000)}\n${'\u3000'.repeat(300000)}牵头单位\n`,
      `1.任务${'(责任单位:县住建局'.repeat(20000)}\n`,
      `1.任务。(责任单位:${'县第一局'.repeat(20000)}和${'县第二局'.repeat(20000)})\n`,
    ];
    for (const text of cases) {
      expect(rebuilt(text)).toBe(text);
      expect(parse(text).tasks.length).toBeGreaterThan(0);
    }
    expect(parse(cases[0]!).tasks.map((t) => t.assignments.map((a) => a.mention))).toEqual([['县住建局'], ['县水务局']]);
  });

  it('refuses a file over the size limit with a message that says what to do', () => {
    const result = decode(new Uint8Array(MAX_PLAN_BYTES + 1));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/at most 32 MB: split it/);
  });
});
