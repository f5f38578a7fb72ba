/**
 * Printed PDFs across builds (src/integrations/pdf-cache.ts, scripts/pdf.ts): a PDF still current
 * survives a rebuild and is linked; after a change to one unit's task its PDF is not linked until
 * it is printed again, while the other units' stay linked; `--missing` prints only that one.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printPdfs } from '../../scripts/pdf.ts';
import { findPdfSlots } from '../../src/site/pdf.ts';
import { type BuildResult, buildSite, removeBuilds } from './dist.ts';

const PLAN = (first: string) =>
  [
    '2024年某县测试工作要点',
    '一、重点任务',
    `1.${first}(责任单位:县公安局)`,
    '2.推进道路安全设施建设,年内完成改造。(责任单位:县交通运输局)',
    '3.开展校园周边环境整治。(责任单位:县教育局)',
    '',
  ].join('\n');

let content: string;
let cache: string;
const folders: string[] = [];

/** The unit page's PDF link, or undefined when its slot is empty. */
function pdfLink(build: BuildResult, unit: string): string | undefined {
  const html = readFileSync(join(build.outDir, 'units', unit, 'index.html'), 'utf8');
  const slot = html.match(/<p\b[^>]*data-pdf-file="[^"]*"[^>]*>([\s\S]*?)<\/p>/);
  expect(slot, unit).not.toBeNull();
  return slot![1] ? slot![1] : undefined;
}

async function build(): Promise<BuildResult> {
  const result = await buildSite({ CONTENT_DIR: content, PDF_CACHE: cache });
  expect(result.code, result.stdout + result.stderr).toBe(0);
  return result;
}

/** The unit ids of the build whose pages ask for a PDF, by unit name. */
function unitIds(result: BuildResult): Map<string, string> {
  const ids = new Map<string, string>();
  for (const name of ['县公安局', '县交通运输局', '县教育局']) {
    const dir = readFileSync(join(result.outDir, 'units', 'index.html'), 'utf8').match(new RegExp(`href="/units/([^/"]+)/"[^>]*>${name}<`));
    expect(dir, name).not.toBeNull();
    ids.set(name, dir![1]!);
  }
  return ids;
}

let first: BuildResult;
let ids: Map<string, string>;

beforeAll(async () => {
  content = mkdtempSync(join(tmpdir(), 'plan-content-'));
  cache = mkdtempSync(join(tmpdir(), 'pdf-cache-'));
  folders.push(content, cache);
  mkdirSync(join(content, 'plans'));
  writeFileSync(join(content, 'plans', 'test.txt'), PLAN('加强治安巡逻,全年开展专项行动。'));
  first = await build();
  ids = unitIds(first);
});

afterAll(() => {
  removeBuilds();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('printed PDFs across builds', () => {
  it('links no PDF before one is printed, and says so in the build output', () => {
    for (const id of ids.values()) expect(pdfLink(first, id), id).toBeUndefined();
    expect(first.stdout).toMatch(/\[pdf-cache\] 0 of \d+ PDFs current/);
  });

  it('keeps a PDF still current through a rebuild and links it; a changed page links none until it is printed again', async () => {
    const police = ids.get('县公安局')!;
    const transport = ids.get('县交通运输局')!;
    const education = ids.get('县教育局')!;
    const units = new Set([police, transport]);
    const printed = await printPdfs(first.outDir, { cacheDir: cache, only: (job) => job.kind === 'unit' && units.has(job.pagePath.split('/')[1]!) });
    expect(printed.map((p) => p.slot.file).sort()).toEqual([police, transport].map((id) => `pdf/units/${id}.pdf`).sort());
    const bytes = readFileSync(join(first.outDir, 'pdf', 'units', `${police}.pdf`));

    // The same content, built again: both PDFs are back, byte for byte, and linked; the unprinted one is not.
    const again = await build();
    expect(readFileSync(join(again.outDir, 'pdf', 'units', `${police}.pdf`)).equals(bytes)).toBe(true);
    expect(pdfLink(again, police)).toMatch(new RegExp(`^<a href="/pdf/units/${police}\\.pdf"[^>]*>打印版任务清单</a>\\(PDF,\\d+ 页,\\d+ KB\\)$`));
    expect(pdfLink(again, transport)).toMatch(/^<a href=/);
    expect(pdfLink(again, education)).toBeUndefined();
    expect(existsSync(join(again.outDir, 'pdf', 'units', `${education}.pdf`))).toBe(false);

    // 县公安局's task changes: its page prints differently, so its old PDF is neither copied nor linked.
    writeFileSync(join(content, 'plans', 'test.txt'), PLAN('加强治安巡逻,全年开展两次专项行动。'));
    const changed = await build();
    expect(pdfLink(changed, police)).toBeUndefined();
    expect(existsSync(join(changed.outDir, 'pdf', 'units', `${police}.pdf`))).toBe(false);
    expect(pdfLink(changed, transport)).toMatch(/^<a href=/);
    expect(readFileSync(join(changed.outDir, 'units', police, 'index.html'), 'utf8')).toContain('两次专项行动');

    // --missing prints 县公安局 (and the never-printed pages), not 县交通运输局; then every page links its PDF.
    const reprinted = await printPdfs(changed.outDir, { cacheDir: cache, missing: true, prune: true });
    const files = reprinted.map((p) => p.slot.file);
    expect(files).toContain(`pdf/units/${police}.pdf`);
    expect(files).toContain(`pdf/units/${education}.pdf`);
    expect(files).not.toContain(`pdf/units/${transport}.pdf`);
    expect(reprinted.current).toBe(1);
    // The old print of 县公安局 is pruned from the cache.
    expect(reprinted.pruned).toBe(1);
    for (const id of ids.values()) expect(pdfLink(changed, id), id).toMatch(/^<a href=/);
    const slots = findPdfSlots(readFileSync(join(changed.outDir, 'units', police, 'index.html'), 'utf8'));
    expect(slots.map((s) => s.file)).toEqual([`pdf/units/${police}.pdf`]);
  });
});
