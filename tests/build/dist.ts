/** Helpers for build-output tests: build the site into a temp folder and read its pages. */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { HtmlValidate } from 'html-validate';

const run = promisify(execFile);
const ASTRO = join(process.cwd(), 'node_modules', 'astro', 'bin', 'astro.mjs');

export interface BuildResult {
  outDir: string;
  stdout: string;
  stderr: string;
  code: number;
}

// Inside the project on purpose: for an outDir outside the working directory Astro falls back to one
// shared folder for its server chunks, and builds running side by side would overwrite each other's.
const BUILDS = join(process.cwd(), 'node_modules', '.cache', 'site-tests');
const made: string[] = [];

/**
 * Runs `astro build --outDir <tmp>` with the given environment; never throws on a failed build.
 * Its output comes back without colour codes, which Astro's logger adds when `CI` is set.
 */
export async function buildSite(env: Record<string, string> = {}): Promise<BuildResult> {
  mkdirSync(BUILDS, { recursive: true });
  const outDir = mkdtempSync(join(BUILDS, 'build-'));
  made.push(outDir);
  try {
    const { stdout, stderr } = await run(process.execPath, [ASTRO, 'build', '--outDir', outDir], {
      // No printed PDFs unless a test gives a cache of its own: the developer's .pdf-cache/ stays out.
      env: { ...buildEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', PDF_CACHE: join(outDir, '.no-pdf-cache'), ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { outDir, stdout: stripVTControlCharacters(stdout), stderr: stripVTControlCharacters(stderr), code: 0 };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; code?: number };
    return {
      outDir,
      stdout: stripVTControlCharacters(e.stdout ?? ''),
      stderr: stripVTControlCharacters(e.stderr ?? ''),
      code: typeof e.code === 'number' ? e.code : 1,
    };
  }
}

/**
 * The test runner's environment minus what it adds for itself (BASE_URL, MODE, NODE_ENV=test, …),
 * which a child build would otherwise take for its own.
 */
function buildEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|VITE_)/.test(key) || ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(key)) delete env[key];
  }
  return env;
}

/** Removes the builds this test file made. */
export function removeBuilds(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface Page {
  path: string;
  url: string;
  html: string;
}

/** Every HTML page of a build, with the URL it is served at (relative to the base). */
export function readPages(outDir: string): Page[] {
  const pages: Page[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) {
        const path = relative(outDir, full).split(sep).join('/');
        pages.push({ path, url: path.replace(/index\.html$/, ''), html: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(outDir);
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}

/** Values of an attribute on every tag, e.g. all `href`s. Our own output, so a regex reads it. */
export function attributeValues(html: string, attribute: string): string[] {
  const pattern = new RegExp(`\\s${attribute}="([^"]*)"`, 'g');
  return [...html.matchAll(pattern)].map((m) => decodeEntities(m[1]!));
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

export function textOf(html: string, tag: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
}

/** Resolves an internal URL (no origin) of a build at `base` to a file of it, or undefined. */
export function resolveInternal(outDir: string, url: string, base = '/'): string | undefined {
  let path = decodeURIComponent(url.split('#')[0]!.split('?')[0]!);
  if (!path.startsWith(base)) return undefined;
  path = path.slice(base.length);
  const file = path === '' || path.endsWith('/') ? join(outDir, path, 'index.html') : join(outDir, path);
  return existsSync(file) ? file : undefined;
}

/**
 * Every internal link (href, src, action) that does not resolve to a file of the build, or whose
 * `#fragment` names no element of the page it points to, as "page → target".
 */
export function brokenLinks(outDir: string, pages: Page[], base = '/'): string[] {
  const broken: string[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (page: Page) => {
    let set = ids.get(page.path);
    if (!set) {
      set = new Set(attributeValues(page.html, 'id'));
      ids.set(page.path, set);
    }
    return set;
  };
  const byFile = new Map(pages.map((p) => [join(outDir, p.path), p]));
  for (const page of pages) {
    for (const target of [...attributeValues(page.html, 'href'), ...attributeValues(page.html, 'src'), ...attributeValues(page.html, 'action')]) {
      if (/^[a-z]+:/i.test(target) || target.startsWith('//')) continue; // another origin: a test of its own
      const [path, fragment] = target.split('#') as [string, string | undefined];
      let linked: Page | undefined = page;
      if (path !== '') {
        const file = resolveInternal(outDir, target, base);
        if (!file) {
          broken.push(`${page.url} → ${target}`);
          continue;
        }
        linked = byFile.get(file);
      }
      if (fragment && linked && !idsOf(linked).has(decodeURIComponent(fragment))) broken.push(`${page.url} → ${target}`);
    }
  }
  return broken;
}

/** html-validate's recommended rules over every page: "url:line:column rule message" per problem. */
export async function invalidHtml(pages: Page[]): Promise<string[]> {
  // The header search is the ARIA combobox pattern (an input that shows its results in a listbox as
  // one types), which a <select> cannot be; other roles still prefer their native element.
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: { 'prefer-native-element': ['error', { exclude: ['combobox', 'listbox'] }] },
  });
  const problems: string[] = [];
  for (const page of pages) {
    const report = await validator.validateString(page.html, page.path);
    for (const result of report.results) {
      for (const m of result.messages) problems.push(`${page.url}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
  }
  return problems;
}

/**
 * Latin-letter words a reader sees on a page: its title, its text and the attributes read aloud
 * (alt, title, aria-label, placeholder), not its scripts, styles or other head tags. File names
 * (`plan.json`, `progress/<计划编号>.xlsx`), paths and addresses are not words, nor a checksum's hex
 * digits; `allowed` maps each word a page may show to the reason it stays.
 */
export function latinWords(html: string, allowed: Record<string, string> = {}): string[] {
  const title = textOf(html, 'title').join(' ');
  const body = html
    .replace(/<head>[\s\S]*?<\/head>/, ' ')
    .replace(/<script\b[\s\S]*?<\/script>/g, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/g, ' ');
  const spoken = [...body.matchAll(/\s(?:alt|title|aria-label|placeholder)="([^"]*)"/g)].map((m) => m[1]!);
  const text = decodeEntities([title, body.replace(/<[^>]+>/g, ' '), ...spoken].join(' '))
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    // Addresses, file names (a name with an extension, a folder with its slash) and checksums.
    .replace(/\b(https?:\/\/|www\.)\S+/g, ' ')
    .replace(/[\w.\-<>\u4e00-\u9fff/]*\.(txt|html?|pdf|docx?|xlsx|csv|json|ya?ml|ics|xml|svg)\b/gi, ' ')
    .replace(/\b[A-Za-z][\w-]*\//g, ' ')
    // Paper sizes, which have no other name.
    .replace(/\bA[345]\b/g, ' ')
    .replace(/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/g, ' ');
  return [...new Set(text.match(/[A-Za-z]+/g) ?? [])].filter((w) => !(w in allowed));
}

/** Latin-letter words a public page may show, each with its reason; the site's other words are Chinese. */
export const LATIN_ALLOWED: Record<string, string> = {
  PDF: 'the format of the printed files and of a plan published as one: readers know it by this name only',
  Word: 'the format of a plan published as a Word 文档: the name readers know the file by',
};
/** The 校对 page gives each task's key as a corrections file wants it (`task: "1"`, `text: …`), to copy. */
const REVIEW_KEYS: Record<string, string> = { task: 'a corrections file key, shown to copy', text: 'a corrections file key, shown to copy' };
export const latinAllowed = (url: string) => (/\/review\//.test(url) ? { ...LATIN_ALLOWED, ...REVIEW_KEYS } : LATIN_ALLOWED);
