/**
 * A content folder of the plan with deliberate misreads (tests/fixtures/corrected/misreads) and its
 * corrections, as an office keeps them: plans/2024-roads.txt, corrections/2024-roads.yaml and the
 * bundled units.yaml. `extra` adds entries to the corrections file (a stale one, say).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CORRECTED_CASE = 'tests/fixtures/corrected/misreads';
export const CORRECTED_PLAN = '2024-roads';

export function correctedContent(extra = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-corrected-'));
  mkdirSync(join(dir, 'plans'));
  mkdirSync(join(dir, 'corrections'));
  cpSync(join(CORRECTED_CASE, 'input.txt'), join(dir, 'plans', `${CORRECTED_PLAN}.txt`));
  cpSync('content/units.yaml', join(dir, 'units.yaml'));
  writeFileSync(join(dir, 'corrections', `${CORRECTED_PLAN}.yaml`), readFileSync(join(CORRECTED_CASE, 'corrections.yaml'), 'utf8') + extra);
  return dir;
}
