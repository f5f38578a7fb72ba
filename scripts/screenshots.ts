/**
 * Screenshots of each page kind at 1280 and 360 px into docs/screenshots/, from an existing dist/.
 * Run after a build: `npm exec -- node scripts/screenshots.ts`.
 * `SCREENSHOTS=progress` takes the pages of the progress example instead, into docs/progress/:
 * `CONTENT_DIR=examples/with-progress npm run build && SCREENSHOTS=progress npm run screenshots`.
 * `SCREENSHOTS=oversight` (same build): lights, the 督查通报 and this year against last, into docs/oversight/.
 */
import { mkdirSync } from 'node:fs';
import { launchChromium } from './lib/chromium.ts';
import { serveStatic } from './lib/static-server.ts';

const planId = process.env.PLAN_ID ?? '2022-work-safety';
const progress = process.env.SCREENSHOTS === 'progress';
const progressPages: [string, string][] = [
  ['home', ''],
  ['plan-2022', '2022-work-safety/'],
  ['task', '2022-work-safety/tasks/25/'],
  ['unit', 'units/zhujian/'],
  ['matrix', '2022-work-safety/matrix/'],
  ['diagnostics', '2022-work-safety/diagnostics/'],
  ['search', 'search/?q=燃气'],
];
// What a 督查 office follows a plan by (lights, the 督查通报, this year against last), on the 2023 plan of the example.
const oversight = process.env.SCREENSHOTS === 'oversight';
const oversightPages: [string, string][] = [
  ['plan-2023', '2023-work-safety/'],
  ['task-2023', '2023-work-safety/tasks/4/'],
  ['unit', 'units/zhujian/'],
  ['matrix-2023', '2023-work-safety/matrix/'],
  ['bulletin-2023', '2023-work-safety/bulletin/'],
];
const pages: [string, string][] = oversight
  ? oversightPages
  : progress
    ? progressPages
    : [
        ['home', ''],
        ['plan', `${planId}/`],
        ['task', `${planId}/tasks/24/`],
        ['units', 'units/'],
        ['unit', `units/${process.env.UNIT_ID ?? 'zhujian'}/`],
        ['matrix', `${planId}/matrix/`],
        ['source', `${planId}/source/#L42`],
        ['diagnostics', `${planId}/diagnostics/`],
        ['review', `${planId}/review/`],
        ['search', 'search/?q=燃气'],
        ['about', 'about/'],
        ['interpretation', `${planId}/interpretation/`],
      ];

const outDir = oversight ? 'docs/oversight' : progress ? 'docs/progress' : 'docs/screenshots';
mkdirSync(outDir, { recursive: true });
const server = await serveStatic('dist');
const browser = await launchChromium();
try {
  for (const width of [1280, 360]) {
    const page = await browser.newPage({ viewport: { width, height: width === 360 ? 740 : 900 } });
    for (const [name, path] of pages) {
      await page.goto(server.url(path), { waitUntil: 'networkidle' });
      if (name === 'search') await page.waitForSelector('.search-results a.result-link', { timeout: 10_000 }).catch(() => {});
      await page.screenshot({ path: `${outDir}/${name}-${width}.png`, fullPage: name !== 'source' && name !== 'matrix' });
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`Wrote ${pages.length * 2} screenshots to ${outDir}/`);
