/**
 * Every fixture set under tests/fixtures/ (scripts/lib/fixtures.ts finds them) is read against its
 * hand-made gold labels (gold.json, never generated):
 * - the layout set, tests/fixtures/formats (one case per layout of FORMATS.md), exactly, and with
 *   the parser's output pinned in expected.json: `UPDATE=1 npm test` rewrites those after a
 *   deliberate change; a missing one is written on a developer's machine and fails under CI;
 * - every other set is held out (written apart from the parser, measured, not tuned): each case
 *   with F1 ≥ 0.9 and the set with F1 ≥ 0.95; a case with a corrections.yaml is read with it
 *   (tests/fixtures/corrected: plans a reviewer corrected, exact with their corrections).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FixtureCase, fixtureCases, fixtureSets } from '../../scripts/lib/fixtures.ts';
import { keyedTasks, readGold, type Score, score } from '../../scripts/lib/score.ts';
import { parsePlanFile } from '../../src/lib/pipeline.ts';
import type { PlanDocument } from '../../src/lib/schema.ts';

const UNITS = 'content/units.yaml';

function summary(document: PlanDocument) {
  return {
    encoding: document.source.encoding,
    title: document.title,
    year: document.year ?? null,
    issuer: document.issuer ?? null,
    date: document.date ?? null,
    docNumber: document.docNumber ?? null,
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

/** The layout catalogue; every other set is held out. */
const LAYOUT_SET = 'tests/fixtures/formats';
const sets = fixtureSets();

// A case with a corrections.yaml (tests/fixtures/corrected) is read as the site reads it, corrected.
const parseCase = (c: FixtureCase) => parsePlanFile(c.input, { unitsPath: UNITS, corrections: c.corrections ?? false });
const f1 = (tp: number, fp: number, fn: number) => {
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  return (2 * p * r) / (p + r || 1);
};

it('finds the layout set and the held-out sets', () => {
  expect(sets).toContain(LAYOUT_SET);
  expect(sets.length).toBeGreaterThan(1);
  for (const set of sets) expect(fixtureCases(set).length, set).toBeGreaterThan(0);
});

describe('layout fixtures', () => {
  const cases = fixtureCases(LAYOUT_SET);
  it('cover every layout with at least 20 cases', () => expect(cases.length).toBeGreaterThanOrEqual(20));

  for (const c of cases) {
    it(`${c.name} matches its gold labels and pinned output`, async () => {
      const parsed = await parseCase(c);
      const gold = readGold(c.dir);
      const s = score(parsed.document, gold);
      expect(s.misses).toEqual([]);
      expect(s.f1).toBe(1);
      expect(s.partsOk && s.sectionsOk).toBe(true);
      if (gold.encoding) expect(parsed.document.source.encoding.replace('-bom', '')).toBe(gold.encoding);
      const { issuer = null, date = null, docNumber = null } = parsed.document;
      if (gold.issuance) expect({ issuer, date, docNumber }).toEqual(gold.issuance);
      const expectedPath = join(c.dir, 'expected.json');
      const actual = summary(parsed.document);
      const pinned = existsSync(expectedPath);
      // Under CI a case without its pinned output fails: the output is written where a person reviews it.
      if (!pinned && process.env.CI && !process.env.UPDATE) expect.fail(`${expectedPath} is missing: run UPDATE=1 npm test, review it and commit it`);
      if (process.env.UPDATE || !pinned) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});

for (const set of sets.filter((s) => s !== LAYOUT_SET)) {
  describe(`held-out plans of ${set} (written apart from the parser, measured not tuned)`, () => {
    const cases = fixtureCases(set);
    const scores = new Map<string, Promise<Score>>();
    const scoreOf = (c: FixtureCase) => {
      if (!scores.has(c.dir))
        scores.set(
          c.dir,
          parseCase(c).then((parsed) => score(parsed.document, readGold(c.dir))),
        );
      return scores.get(c.dir)!;
    };

    for (const c of cases) {
      it(`${c.name} parses with unit+role F1 ≥ 0.9`, async () => {
        const s = await scoreOf(c);
        expect(s.f1, s.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
      });
    }

    it('parse with unit+role F1 ≥ 0.95 over the set', async () => {
      const all = await Promise.all(cases.map(scoreOf));
      const sum = (key: 'tp' | 'fp' | 'fn') => all.reduce((n, s) => n + s[key], 0);
      expect(f1(sum('tp'), sum('fp'), sum('fn'))).toBeGreaterThanOrEqual(0.95);
    });
  });
}
