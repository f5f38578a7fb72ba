/**
 * Unit+role F1 of the parser on labelled plans:
 *   npm run evaluate                      (every fixture set under tests/fixtures/, then tests/open/)
 *   npm run evaluate -- <dir> [-v]        (one set, or one case; -v lists every miss)
 * A case with a `corrections.yaml` beside its input is scored without it (the parser alone, in the
 * set's total) and with it (the corrected column and total): what review adds.
 */
import { existsSync } from 'node:fs';
import { OPEN_DIR, fixtureCases, fixtureSets } from './lib/fixtures.ts';
import { readGold, score } from './lib/score.ts';
import { parsePlanFile } from '../src/lib/pipeline.ts';

const args = process.argv.slice(2);
const verbose = args.includes('-v');
const roots = args.filter((a) => a !== '-v');
const folders = roots.length ? roots : [...fixtureSets(), ...fixtureSets(OPEN_DIR)];
const units = 'content/units.yaml';

for (const folder of folders) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let dl = 0;
  let dlGold = 0;
  const fixed = { tp: 0, fp: 0, fn: 0, cases: 0 };
  console.log(`\n${folder}`);
  console.log('fixture'.padEnd(44), 'tasks(gold/found/aligned)', 'P', 'R', 'F1', 'parts', 'sections', 'deadlines', 'corrected F1');
  for (const { name, dir, input, corrections } of fixtureCases(folder)) {
    const registry = existsSync(units) ? { unitsPath: units } : {};
    const parsed = await parsePlanFile(input, { ...registry, corrections: false });
    const s = score(parsed.document, readGold(dir));
    const c = corrections ? score((await parsePlanFile(input, { ...registry, corrections })).document, readGold(dir)) : s;
    fixed.tp += c.tp;
    fixed.fp += c.fp;
    fixed.fn += c.fn;
    if (corrections) fixed.cases++;
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
    dl += s.deadlinesRight;
    dlGold += s.deadlinesGold;
    console.log(
      name.padEnd(44),
      `${s.tasksGold}/${s.tasksFound}/${s.tasksAligned}`.padEnd(25),
      s.precision.toFixed(2),
      s.recall.toFixed(2),
      s.f1.toFixed(3),
      s.partsOk ? 'ok' : 'WRONG',
      s.sectionsOk ? 'ok' : 'WRONG',
      `${s.deadlinesRight}/${s.deadlinesGold}`.padEnd(9),
      corrections ? c.f1.toFixed(3) : '-',
    );
    if (verbose) for (const miss of s.misses) console.log('   ', miss);
    if (verbose && corrections) for (const miss of c.misses) console.log('    corrected:', miss);
  }
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  console.log(
    `TOTAL ${folder}: P=${p.toFixed(3)} R=${r.toFixed(3)} F1=${((2 * p * r) / (p + r || 1)).toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn}); deadlines ${dl}/${dlGold}`,
  );
  if (fixed.cases) {
    const cp = fixed.tp / (fixed.tp + fixed.fp || 1);
    const cr = fixed.tp / (fixed.tp + fixed.fn || 1);
    console.log(
      `TOTAL ${folder} with corrections (${fixed.cases} cases): F1=${((2 * cp * cr) / (cp + cr || 1)).toFixed(3)} (tp ${fixed.tp}, fp ${fixed.fp}, fn ${fixed.fn})`,
    );
  }
}
