/** Build-output checks on the bundled content (the tier's one build of it): structure of every page, links, search markers. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { type Page, attributeValues, brokenLinks, decodeEntities, invalidHtml, latinAllowed, latinWords, readPages, textOf } from './dist.ts';

let outDir: string;
let pages: Page[];
let buildOutput: string;

beforeAll(() => {
  const result = inject('contentBuild');
  buildOutput = result.stdout + result.stderr;
  expect(result.code, buildOutput).toBe(0);
  outDir = result.outDir;
  pages = readPages(outDir);
});

const page = (url: string) => {
  const found = pages.find((p) => p.url === url);
  if (!found) throw new Error(`No page ${url}`);
  return found;
};

describe('every page', () => {
  it('builds every page kind', () => {
    const urls = pages.map((p) => p.url);
    for (const url of [
      '',
      'about/',
      'search/',
      'units/',
      '2022-work-safety/',
      '2022-work-safety/matrix/',
      '2022-work-safety/source/',
      '2022-work-safety/diagnostics/',
      '2022-work-safety/tasks/24/',
      '2022-work-safety/interpretation/',
    ]) {
      expect(urls).toContain(url);
    }
    expect(urls.filter((u) => u.startsWith('units/') && u !== 'units/').length).toBeGreaterThan(5);
  });

  it('has lang="zh-CN", one h1, a title and a description', () => {
    for (const { url, html } of pages) {
      expect(html, url).toMatch(/<html lang="zh-CN"/);
      expect(html.match(/<h1\b/g)?.length, url).toBe(1);
      expect(textOf(html, 'title')[0], url).toBeTruthy();
      expect(html, url).toMatch(/<meta name="description" content="[^"]+"/);
      expect(html, url).toMatch(/<main id="main"/);
      expect(html, url).toMatch(/href="#main"/);
    }
  });

  it('has a unique title and description', () => {
    const titles = pages.map((p) => textOf(p.html, 'title')[0]);
    expect(new Set(titles).size).toBe(pages.length);
    const descriptions = pages.map((p) => attributeValues(p.html.match(/<meta name="description"[^>]*>/)![0], 'content')[0]);
    expect(new Set(descriptions).size).toBe(pages.length);
  });

  it('links only to pages and anchors that exist', () => {
    expect(brokenLinks(outDir, pages)).toEqual([]);
  });

  it('is valid HTML (html-validate, recommended rules)', async () => {
    expect(await invalidHtml(pages)).toEqual([]);
  });

  it('gives no canonical link while site.yaml names no public address (a relative one misleads)', () => {
    for (const { url, html } of pages) expect(html.match(/<link rel="canonical"[^>]*>/g) ?? [], url).toEqual([]);
  });

  it('speaks Chinese only: no Latin-letter word but file names, addresses and the names in LATIN_ALLOWED', () => {
    const found = pages.flatMap(({ url, html }) => latinWords(html, latinAllowed(url)).map((w) => `${url}: ${w}`));
    expect(found).toEqual([]);
    // The check sees what it must: a page that says a format's English name is caught.
    expect(latinWords('<title>台账</title><p>下载 Excel 台账(ledger.xlsx)</p>', latinAllowed(''))).toEqual(['Excel']);
  });

  it('loads nothing from another origin', () => {
    for (const { url, html } of pages) {
      for (const target of [...attributeValues(html, 'src'), ...attributeValues(html, 'href')]) {
        expect(target, url).not.toMatch(/^(https?:)?\/\//);
      }
      expect(html, url).not.toMatch(/@import\s+url\(\s*["']?https?:/);
    }
  });

  // The site's scripts, each for a reason: the header search on every page (it searches in place),
  // the search page, the matrix's filters, and the task list's filters where a plan's outline is shown.
  const scriptsOf = (html: string) =>
    [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attrs, body]) => {
      const src = /src="([^"]+)"/.exec(attrs!)?.[1];
      if (src?.includes('/_astro/Base.astro')) return 'header-search';
      if (src?.includes('/_astro/search.astro')) return 'search-page';
      if (!src && body!.includes('[data-matrix-filters]')) return 'matrix-filters';
      if (!src && body!.includes('[data-task-filters]')) return 'task-filters';
      return `unknown ${src ?? body!.slice(0, 60)}`;
    });

  it('ships JavaScript only for a reason: the header search everywhere, the search page, the matrix and task list filters where they are', () => {
    for (const { url, html } of pages) {
      const expected = [
        ...(/\/matrix\/([^/]+\/)?$/.test(url) ? ['matrix-filters'] : []),
        ...(url === '' || url === '2022-work-safety/' ? ['task-filters'] : []),
        'header-search',
        ...(url === 'search/' ? ['search-page'] : []),
      ];
      expect(scriptsOf(html).sort(), url).toEqual(expected.sort());
      // Scripts are modules of the site: no inline event handlers.
      expect(html, url).not.toMatch(/\son[a-z]+="/);
    }
  });
});

describe('the build output', () => {
  // Lines Astro and Vite print as warnings: `[WARN] [label] …` or a bundler's `[WARN] [vite] [CODE] …`.
  const warnings = () => buildOutput.split('\n').filter((line) => /\[WARN\]|\bwarn(ing)?\b/i.test(line));

  it('warns about nothing but the plans', () => {
    expect(warnings().filter((line) => !/\[WARN\] \[plans\] \S+:\d+:\d+: warning /.test(line))).toEqual([]);
  });

  it("gives each plan's tasks and the counts of its diagnostics by rule", () => {
    // The seed states no date (plan-date-missing), and one clause has no label (unlabeled-units).
    expect(buildOutput).toMatch(/\[plans\] content\/plans\/2022-work-safety\.txt: 30 tasks, 0 warnings, 2 infos \(plan-date-missing 1, unlabeled-units 1\)$/m);
  });

  it('renders the MDX pages whole without their head-inject directive', () => {
    const about = page('about/').html;
    expect(textOf(about, 'h2')).toEqual(expect.arrayContaining(['三种角色']));
    expect(about).not.toContain('astro:head-inject');
  });
});

describe('progress', () => {
  it('is not shown, counted or invented for a plan without a progress file', () => {
    for (const { url, html } of pages) {
      expect(html, url).not.toMatch(/class="(status|smark|sample-notice)\b/);
      expect(html, url).not.toContain('data-pagefind-filter="状态"');
      if (url !== 'about/') expect(html, url).not.toContain('逾期');
    }
  });
});

describe('search index', () => {
  it('marks plan, task and unit pages for indexing, not matrix, source or diagnostics', () => {
    expect(page('2022-work-safety/tasks/24/').html).toContain('data-pagefind-body');
    expect(page('2022-work-safety/').html).toContain('data-pagefind-body');
    expect(pages.find((p) => p.url.startsWith('units/') && p.url !== 'units/')!.html).toContain('data-pagefind-body');
    for (const url of ['2022-work-safety/matrix/', '2022-work-safety/source/', '2022-work-safety/diagnostics/', 'search/']) {
      expect(page(url).html, url).not.toContain('data-pagefind-body');
    }
  });

  it('indexes every page marked for search', () => {
    const marked = pages.filter((p) => p.html.includes('data-pagefind-body')).length;
    expect(buildOutput).toMatch(/Pagefind indexed \d+ pages/);
    expect(Number(buildOutput.match(/Pagefind indexed (\d+) pages/)![1])).toBe(marked);
  });

  it('writes the Pagefind bundle into the site', () => {
    for (const file of ['pagefind/pagefind.js', 'pagefind/pagefind-ui.js', 'pagefind/pagefind-ui.css']) {
      expect(existsSync(join(outDir, file)), file).toBe(true);
    }
  });

  it('offers unit, part and role filters on task pages', () => {
    const html = page('2022-work-safety/tasks/24/').html;
    // Values in the attribute (not taken from the element's markup), so Pagefind's UI shows them as text.
    expect(decodeEntities(html)).toContain('data-pagefind-filter="单位:县住房和城乡建设局"');
    expect(decodeEntities(html)).toContain('data-pagefind-filter="部分:三、切实抓好安全风险防控"');
    expect(decodeEntities(html)).toMatch(/data-pagefind-filter="角色:(牵头|配合|责任)"/);
  });
});

describe('task pages', () => {
  it('write every role as text and link to the source line', () => {
    const html = page('2022-work-safety/tasks/24/').html;
    expect(html).toMatch(/>牵头</);
    expect(html).toMatch(/>配合</);
    const source = attributeValues(html, 'href').find((h) => h.includes('/source/#L'));
    expect(source).toBeDefined();
    const line = Number(source!.split('#L')[1]);
    expect(page('2022-work-safety/source/').html).toContain(`id="L${line}"`);
    expect(textOf(page('2022-work-safety/source/').html.split(`id="L${line}"`)[1]!, 'span')[0]).toMatch(/^24\./);
  });
});
