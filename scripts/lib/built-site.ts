/** What the browser tests and the scripts that open the site need to know about the built site, read from dist/ rather than assumed. */
import { existsSync, readFileSync } from 'node:fs';

export const DIST = process.env.DIST_DIR ?? 'dist';

export function readDist(path: string): string {
  const file = `${DIST}/${path}`;
  if (!existsSync(file)) throw new Error(`${file} is missing: build the site first (\`npm run build\`; \`npm run test:browser\` builds too).`);
  return readFileSync(file, 'utf8');
}

/** Units listed on /units/: slug and name, in page order. */
export function listedUnits(): { slug: string; name: string }[] {
  const html = readDist('units/index.html');
  return [...html.matchAll(/<a href="[^"]*\/units\/([a-z0-9-]+)\/" class="unit-name">([^<]+)<\/a>/g)].map((m) => ({ slug: m[1]!, name: m[2]! }));
}

/** The newest plan's id: the first plan linked from the home page's list. */
export function newestPlanId(): string {
  const html = readDist('index.html');
  const match = html.match(/id="newest-plan"[^>]*>[^<]*<a href="[^"]*?\/([A-Za-z0-9_-]+)\/"/);
  if (!match) throw new Error('No plan listed on the home page');
  return match[1]!;
}
