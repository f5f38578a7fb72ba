/**
 * Every layout of FORMATS.md has a fixture (tests/fixtures/formats/<case>/input.*) with hand-made
 * gold labels (gold.json) and the parser's pinned output (expected.json). `UPDATE=1 npm test`
 * rewrites expected.json after a deliberate change; gold.json is never generated.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from '../../src/lib/pipeline.ts';
import type { PlanDocument } from '../../src/lib/schema.ts';
import { keyedTasks, readGold, score } from '../../scripts/lib/score.ts';

const UNITS = 'content/units.yaml';

function summary(document: PlanDocument) {
  return {
    encoding: document.source.encoding,
    title: document.title,
    year: document.year ?? null,
    tasks: keyedTasks(document).map(({ key, node }) => ({
      key,
      id: node.id,
      line: node.position.start.line,
      assignments: node.assignments.map((a) => `${a.mention} ${a.role}`),
      deadlines: node.deadlines.map((d) => d.date ?? d.text),
    })),
    diagnostics: document.diagnostics.filter((d) => d.ruleId !== 'unknown-unit').map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`),
  };
}

function cases(root: string): string[] {
  return readdirSync(root).map((n) => join(root, n)).filter((d) => existsSync(join(d, 'gold.json'))).sort();
}

async function parseCase(dir: string) {
  const input = readdirSync(dir).find((n) => n.startsWith('input.'))!;
  return parsePlanFile(join(dir, input), { unitsPath: UNITS });
}

describe('layout fixtures', () => {
  const dirs = cases('tests/fixtures/formats');
  it('cover every layout with at least 20 cases', () => expect(dirs.length).toBeGreaterThanOrEqual(20));

  for (const dir of dirs) {
    it(`${dir.split('/').at(-1)} matches its gold labels and pinned output`, async () => {
      const parsed = await parseCase(dir);
      const gold = readGold(dir);
      const s = score(parsed.document, gold);
      expect(s.misses).toEqual([]);
      expect(s.f1).toBe(1);
      expect(s.partsOk && s.sectionsOk).toBe(true);
      if (gold.encoding) expect(parsed.document.source.encoding.replace('-bom', '')).toBe(gold.encoding);
      const expectedPath = join(dir, 'expected.json');
      const actual = summary(parsed.document);
      if (process.env.UPDATE || !existsSync(expectedPath)) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});

describe('held-out plans (written apart from the parser, measured not tuned)', () => {
  it('parse with unit+role F1 ≥ 0.95 over all of them', async () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const dir of [...cases('tests/fixtures/holdout'), ...cases('tests/fixtures/holdout-2'), ...cases('tests/fixtures/holdout-3')]) {
      const s = score((await parseCase(dir)).document, readGold(dir));
      expect(s.f1, dir).toBeGreaterThanOrEqual(0.9);
      tp += s.tp;
      fp += s.fp;
      fn += s.fn;
    }
    const p = tp / (tp + fp);
    const r = tp / (tp + fn);
    expect((2 * p * r) / (p + r)).toBeGreaterThanOrEqual(0.95);
  });
});
