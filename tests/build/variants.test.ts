/** The same site from other content folders and under a sub-path. */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { attributeValues, brokenLinks, buildSite, readPages, removeBuilds } from './dist.ts';

const folders: string[] = [];
afterAll(() => {
  removeBuilds();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

function contentFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-content-'));
  folders.push(dir);
  mkdirSync(join(dir, 'plans'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('content errors', () => {
  it('fail the build and print path:line:column messages', async () => {
    const dir = contentFolder({ 'plans/empty.txt': '' });
    const result = await buildSite({ CONTENT_DIR: dir });
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/empty\.txt:\d+:\d+: error .+\[[a-z-]+\]/);
  });
});

describe('a content folder without units.yaml or pages/', () => {
  it('still builds every plan page', async () => {
    const dir = contentFolder({});
    copyFileSync('content/plans/2022-work-safety.txt', join(dir, 'plans', 'draft.txt'));
    const result = await buildSite({ CONTENT_DIR: dir });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const urls = readPages(result.outDir).map((p) => p.url);
    expect(urls).toEqual(expect.arrayContaining(['draft/', 'draft/matrix/', 'draft/source/', 'draft/diagnostics/', 'units/']));
    expect(urls.filter((u) => u.startsWith('draft/tasks/')).length).toBeGreaterThan(0);
    // The bundled about page stands in, so that the header's link to it works.
    expect(urls).toContain('about/');
    expect(brokenLinks(result.outDir, readPages(result.outDir))).toEqual([]);
  });
});

describe('BASE_PATH=/plans/', () => {
  it('prefixes every internal link with the base', async () => {
    const result = await buildSite({ BASE_PATH: '/plans/' });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const pages = readPages(result.outDir);
    expect(pages.length).toBeGreaterThan(10);
    const outside: string[] = [];
    for (const { url, html } of pages) {
      for (const target of [
        ...attributeValues(html, 'href'),
        ...attributeValues(html, 'src'),
        ...attributeValues(html, 'action'),
        ...attributeValues(html, 'data-bundle-path'),
      ]) {
        if (target.startsWith('#')) continue;
        if (!target.startsWith('/plans/')) outside.push(`${url} → ${target}`);
      }
    }
    expect(outside).toEqual([]);
    expect(brokenLinks(result.outDir, pages, '/plans/')).toEqual([]);
    for (const { url, html } of pages) expect(html, url).toContain(`<link rel="canonical" href="/plans/${url}">`);
  });
});
