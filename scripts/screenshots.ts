/**
 * Screenshots of each page kind at 1280 and 360 px into docs/screenshots/, from an existing dist/.
 * Run after a build: `npm exec -- node scripts/screenshots.ts`.
 * `SCREENSHOTS=progress` takes the pages of the progress example instead, into docs/progress/:
 * `CONTENT_DIR=examples/with-progress npm run build && SCREENSHOTS=progress npm run screenshots`.
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
const pages: [string, string][] = progress
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

const outDir = progress ? 'docs/progress' : 'docs/screenshots';
mkdirSync(outDir, { recursive: true });
const server = await serveStatic('dist');
const browser = await launchChromium();
try {
  for (const width of [1280, 360]) {
    const page = await browser.newPage({ viewport: { width, height: width === 360 ? 740 : 900 } });
    for (const [name, path] of pages) {
      await page.goto(server.url(path), { waitUntil: 'networkidle' });
      if (name === 'search') await page.waitForSelector('.pagefind-ui__result', { timeout: 10_000 }).catch(() => {});
      await page.screenshot({ path: `${outDir}/${name}-${width}.png`, fullPage: name !== 'source' && name !== 'matrix' });
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`Wrote ${pages.length * 2} screenshots to ${outDir}/`);
