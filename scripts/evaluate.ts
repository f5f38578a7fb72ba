/**
 * Unit+role F1 of the parser on labelled plans:
 *   npm run evaluate                      (every fixture set under tests/fixtures/)
 *   npm run evaluate -- <dir> [-v]        (one set, or one case; -v lists every miss)
 */
import { existsSync } from 'node:fs';
import { fixtureCases, fixtureSets } from './lib/fixtures.ts';
import { readGold, score } from './lib/score.ts';
import { parsePlanFile } from '../src/lib/pipeline.ts';

const args = process.argv.slice(2);
const verbose = args.includes('-v');
const roots = args.filter((a) => a !== '-v');
const folders = roots.length ? roots : fixtureSets();
const units = 'content/units.yaml';

for (const folder of folders) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let dl = 0;
  let dlGold = 0;
  console.log(`\n${folder}`);
  console.log('fixture'.padEnd(44), 'tasks(gold/found/aligned)', 'P', 'R', 'F1', 'parts', 'sections', 'deadlines');
  for (const { name, dir, input } of fixtureCases(folder)) {
    const parsed = await parsePlanFile(input, existsSync(units) ? { unitsPath: units } : {});
    const s = score(parsed.document, readGold(dir));
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
      `${s.deadlinesRight}/${s.deadlinesGold}`,
    );
    if (verbose) for (const miss of s.misses) console.log('   ', miss);
  }
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  console.log(
    `TOTAL ${folder}: P=${p.toFixed(3)} R=${r.toFixed(3)} F1=${((2 * p * r) / (p + r || 1)).toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn}); deadlines ${dl}/${dlGold}`,
  );
}
