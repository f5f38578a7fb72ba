/**
 * Unit+role F1 of the parser on labelled plans:
 *   npm run evaluate                      (tests/fixtures/formats and tests/fixtures/holdout)
 *   npm run evaluate -- <dir> [-v]        (one folder of fixtures; -v lists every miss)
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanFile } from '../src/lib/pipeline.ts';
import { readGold, score } from './lib/score.ts';

const args = process.argv.slice(2);
const verbose = args.includes('-v');
const roots = args.filter((a) => a !== '-v');
const folders = roots.length ? roots : ['tests/fixtures/formats', 'tests/fixtures/holdout', 'tests/fixtures/holdout-2', 'tests/fixtures/holdout-3'];
const units = 'content/units.yaml';

for (const folder of folders) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let dl = 0;
  let dlGold = 0;
  console.log(`\n${folder}`);
  console.log('fixture'.padEnd(44), 'tasks(gold/found/aligned)', 'P', 'R', 'F1', 'parts', 'sections', 'deadlines');
  const cases = existsSync(join(folder, 'gold.json')) ? [folder] : readdirSync(folder).map((n) => join(folder, n)).filter((d) => existsSync(join(d, 'gold.json')));
  for (const dir of cases.sort()) {
    const input = readdirSync(dir).find((n) => n.startsWith('input.'))!;
    const parsed = await parsePlanFile(join(dir, input), existsSync(units) ? { unitsPath: units } : {});
    const s = score(parsed.document, readGold(dir));
    tp += s.tp; fp += s.fp; fn += s.fn; dl += s.deadlinesRight; dlGold += s.deadlinesGold;
    console.log(dir.split('/').at(-1)!.padEnd(44), `${s.tasksGold}/${s.tasksFound}/${s.tasksAligned}`.padEnd(25), s.precision.toFixed(2), s.recall.toFixed(2), s.f1.toFixed(3), s.partsOk ? 'ok' : 'WRONG', s.sectionsOk ? 'ok' : 'WRONG', `${s.deadlinesRight}/${s.deadlinesGold}`);
    if (verbose) for (const miss of s.misses) console.log('   ', miss);
  }
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  console.log(`TOTAL ${folder}: P=${p.toFixed(3)} R=${r.toFixed(3)} F1=${((2 * p * r) / (p + r || 1)).toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn}); deadlines ${dl}/${dlGold}`);
}
