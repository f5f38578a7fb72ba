/** Content folders written for a test from a map of files, read as the site reads one, removed after the file's tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { loadContent } from '../../src/lib/pipeline.ts';
import type { SiteContent } from '../../src/site/routes/types.ts';

/** A factory of content folders (`name`: the temporary folders' prefix); each test file makes its own. */
export function contentFolders(name: string): (files: Record<string, string>) => Promise<SiteContent> {
  const folders: string[] = [];
  afterAll(() => {
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });
  return async (files) => {
    const dir = mkdtempSync(join(tmpdir(), `${name}-`));
    folders.push(dir);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    return loadContent(dir);
  };
}
