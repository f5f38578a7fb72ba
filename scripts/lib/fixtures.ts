/**
 * The labelled fixture sets, found rather than listed: every folder under tests/fixtures/ that has
 * case folders holding a `gold.json` (and an `input.*`). The fixture test, the lossless test and
 * `npm run evaluate` all take their sets from here, so a new set joins all three by being added.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES_DIR = 'tests/fixtures';

/**
 * Held-out plans the parser does not read yet (F1 under the 0.9 a held-out case must reach): scored
 * by `npm run evaluate` beside the others, not by the fixture test, until a reader for their shape
 * moves them to tests/fixtures/. Their first-contact figures are in docs/accuracy.md.
 */
export const OPEN_DIR = 'tests/open';

export interface FixtureCase {
  /** The set's folder, e.g. tests/fixtures/formats. */
  set: string;
  /** The case's folder name, e.g. covering-notice. */
  name: string;
  dir: string;
  /** The plan as published: `<dir>/input.txt` (or another extension). */
  input: string;
  /** `<dir>/corrections.yaml`, when the case is read with corrections (a set of reviewed plans). */
  corrections?: string;
}

const subfolders = (dir: string): string[] =>
  readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isDirectory())
    .sort();

const isCase = (dir: string): boolean => existsSync(join(dir, 'gold.json'));

/** Every fixture set, sorted: folders of `root` with at least one `<case>/gold.json`. */
export function fixtureSets(root = FIXTURES_DIR): string[] {
  if (!existsSync(root)) return [];
  return subfolders(root).filter((dir) => subfolders(dir).some(isCase));
}

/** The cases of one set (or the one case, when `dir` is a case folder), sorted by name. */
export function fixtureCases(dir: string): FixtureCase[] {
  const dirs = isCase(dir) ? [dir] : subfolders(dir).filter(isCase);
  return dirs.map((caseDir) => {
    const input = readdirSync(caseDir).find((n) => n.startsWith('input.'));
    // A case without its input is a mistake in the fixture, not a case to skip.
    if (!input) throw new Error(`${caseDir}: gold.json without an input.* file beside it`);
    const name = caseDir.split(/[\\/]/).at(-1)!;
    const corrections = join(caseDir, 'corrections.yaml');
    return {
      set: isCase(dir) ? join(caseDir, '..') : dir,
      name,
      dir: caseDir,
      input: join(caseDir, input),
      ...(existsSync(corrections) ? { corrections } : {}),
    };
  });
}

/** The `input.*` of every case folder of a set, labelled or not yet (a held-out case waiting for its gold). */
function inputsOf(dir: string): string[] {
  return subfolders(dir).flatMap((caseDir) => {
    const input = readdirSync(caseDir).find((n) => n.startsWith('input.'));
    return input ? [join(caseDir, input)] : [];
  });
}

/**
 * Every plan file under `root`, by top-level folder: the inputs of a fixture set's cases, and the
 * `plans/` files of a content folder (such as tests/fixtures/hostile). A folder that holds neither
 * maps to an empty list, for the caller to refuse.
 */
export function fixturePlanFiles(root = FIXTURES_DIR): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const dir of subfolders(root)) {
    const plans = join(dir, 'plans');
    const files = existsSync(plans)
      ? readdirSync(plans)
          .filter((n) => /\.(txt|docx)$/i.test(n))
          .sort()
          .map((n) => join(plans, n))
      : inputsOf(dir);
    out.set(dir, files);
  }
  return out;
}
