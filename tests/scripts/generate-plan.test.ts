/** The benchmark's synthetic plans: deterministic, and exactly as many tasks as asked for. */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/lib/pipeline.ts';
import { generatePlan, unitPool } from '../../scripts/lib/generate-plan.ts';

const parse = (text: string) => parsePlan(new Uint8Array(Buffer.from(text)), { path: 'bench.txt' }).document;

describe('generatePlan', () => {
  it.each([1, 7, 30, 299, 1234])('parses to exactly %i tasks', (n) => {
    expect(parse(generatePlan(n)).tasks).toHaveLength(n);
  });

  it('gives the same text for the same arguments and another for another seed', () => {
    expect(generatePlan(300)).toBe(generatePlan(300));
    expect(generatePlan(300, 300, 2)).not.toBe(generatePlan(300));
  });

  it('draws units from a pool of the given size', () => {
    expect(new Set(unitPool(300)).size).toBe(300);
    const units = new Set(parse(generatePlan(1234, 300)).tasks.flatMap((t) => t.effectiveAssignments.map((a) => a.name)));
    expect(units.size).toBe(300);
    for (const name of units) expect(unitPool(300)).toContain(name);
  });
});
