/**
 * Lighthouse (mobile preset, its default) on the built site: home, a task, a unit, the matrix and the
 * search page with a query (its results written by the page's script).
 *   npm run build && npm run lighthouse
 * Runs Debian's Chromium against dist/ served on loopback; prints the four category scores per page,
 * best of `RUNS` (default 3) runs, since the simulated CPU throttling is sensitive to machine load,
 * with the total blocking time of the best run. `PAGES=matrix,search` runs those pages only.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from './lib/static-server.ts';
import { DIST, listedUnits, newestPlanId } from './lib/built-site.ts';

const runs = Number(process.env.RUNS ?? 3);
const plan = newestPlanId();
const unit = listedUnits()[0]!;
const allPages: [string, string][] = [
  ['home', '/'],
  ['task', `/${plan}/tasks/1/`],
  ['unit', `/units/${unit.slug}/`],
  ['matrix', `/${plan}/matrix/`],
  ['search', `/search/?q=${encodeURIComponent('安全')}`],
];
const only = process.env.PAGES?.split(',').filter(Boolean);
const unknownPages = only?.filter((name) => !allPages.some(([n]) => n === name)) ?? [];
if (unknownPages.length > 0) {
  console.error(`Unexpected page ${unknownPages.join(', ')} in PAGES, expected some of ${allPages.map(([n]) => n).join(', ')}`);
  process.exit(2);
}
const pages = only ? allPages.filter(([name]) => only.includes(name)) : allPages;
/** The goal: 100 in every category on every page. */
const GOAL = 100;
const server = await serveStatic(DIST);
const out = mkdtempSync(join(tmpdir(), 'lighthouse-'));
const flags = '--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
console.log(`| page | ${categories.join(' | ')} | TBT (ms) |`);
console.log(`|---|${categories.map(() => '---:').join('|')}|---:|`);
let worst = 100;
try {
  for (const [name, path] of pages) {
    const best: Record<string, number> = {};
    let blocking = Infinity;
    for (let i = 0; i < runs; i++) {
      const report = join(out, `${name}-${i}.json`);
      // Asynchronous, so that the server in this process keeps answering.
      await promisify(execFile)(
        'lighthouse',
        [server.url(path), '--quiet', `--chrome-flags=${flags}`, `--only-categories=${categories.join(',')}`, '--output=json', `--output-path=${report}`],
        {
          env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' },
        },
      );
      const result = JSON.parse(readFileSync(report, 'utf8')) as {
        categories: Record<string, { score: number }>;
        audits: Record<string, { numericValue?: number }>;
      };
      blocking = Math.min(blocking, result.audits['total-blocking-time']?.numericValue ?? Infinity);
      for (const c of categories) best[c] = Math.max(best[c] ?? 0, Math.round(result.categories[c]!.score * 100));
    }
    worst = Math.min(worst, ...Object.values(best));
    console.log(`| ${name} (${path}) | ${categories.map((c) => best[c]).join(' | ')} | ${blocking.toFixed(0)} |`);
  }
} finally {
  await server.close();
}
console.log(`\nLowest score: ${worst} (goal ${GOAL})`);
process.exitCode = worst >= GOAL ? 0 : 1;
