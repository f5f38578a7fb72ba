/** Fixture sets are found, not listed: a new folder of labelled cases joins every user of the list. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureCases, fixturePlanFiles, fixtureSets } from '../../scripts/lib/fixtures.ts';

const root = mkdtempSync(join(tmpdir(), 'plan-fixtures-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text = '') {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

write('layouts/README.md', '# A set');
write('layouts/b-case/gold.json', '{}');
write('layouts/b-case/input.txt', '1.任务');
write('layouts/a-case/gold.json', '{}');
write('layouts/a-case/input.docx', 'PK');
write('layouts/not-a-case/notes.txt', 'no gold here');
write('real-tables/only/gold.json', '{}');
write('real-tables/only/input.txt', '1.任务');
write('hostile/plans/2024-x.txt', '1.任务');
write('hostile/plans/2024-x.yaml', 'year: 2024');
write('empty/README.md', 'nothing yet');

describe('fixture sets', () => {
  it('are the folders with <case>/gold.json cases, in order', () => {
    expect(fixtureSets(root)).toEqual([join(root, 'layouts'), join(root, 'real-tables')]);
  });

  it('are none under a folder that does not exist (no tests/open/ yet)', () => {
    expect(fixtureSets(join(root, 'no-such-folder'))).toEqual([]);
  });

  it('list their cases by name with the input beside each gold.json', () => {
    expect(fixtureCases(join(root, 'layouts')).map((c) => [c.name, c.input])).toEqual([
      ['a-case', join(root, 'layouts/a-case/input.docx')],
      ['b-case', join(root, 'layouts/b-case/input.txt')],
    ]);
    expect(fixtureCases(join(root, 'layouts/b-case')).map((c) => [c.set, c.name])).toEqual([[join(root, 'layouts'), 'b-case']]);
  });

  it('refuse a case without an input', () => {
    write('broken/case/gold.json', '{}');
    expect(() => fixtureCases(join(root, 'broken'))).toThrow(/case: gold\.json without an input\.\* file/);
    rmSync(join(root, 'broken'), { recursive: true });
  });

  it('give the plan files of every folder: case inputs and content folders alike', () => {
    const files = fixturePlanFiles(root);
    expect(files.get(join(root, 'layouts'))).toHaveLength(2);
    expect(files.get(join(root, 'hostile'))).toEqual([join(root, 'hostile/plans/2024-x.txt')]);
    expect(files.get(join(root, 'empty'))).toEqual([]);
  });
});
