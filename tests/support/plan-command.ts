/** Runs the `plan` command as a user would (`npm run --silent plan -- …`), on the pinned Node. */
import { spawnSync } from 'node:child_process';

export interface PlanRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runPlan(...args: string[]): PlanRun {
  const run = spawnSync(process.execPath, ['scripts/plan.ts', ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
