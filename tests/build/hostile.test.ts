/**
 * A plan full of markup, template syntax and formula text (tests/fixtures/hostile) builds, and the
 * output holds it only as escaped text: no tag of the plan's survives anywhere, every page carries
 * a Content-Security-Policy without 'unsafe-inline' for scripts, and the stray paragraph is marked
 * on the source page. tests/browser/hostile.test.ts runs the same site in Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, readPages, removeBuilds, type BuildResult, type Page } from './dist.ts';

/** Tags the plan writes; none may reach the output as markup. */
const TAGS = /<(script>window|svg onload|img src=x|iframe|i>审计|b>加粗|math>|a href="javascript)/;

let build: BuildResult;
let pages: Page[];
beforeAll(async () => {
  build = await buildSite({ CONTENT_DIR: 'tests/fixtures/hostile' });
  pages = build.code === 0 ? readPages(build.outDir) : [];
});
afterAll(() => removeBuilds());

/** The page without its attribute values, which Astro quotes and escapes (`"` → &quot;). */
const markupOf = (html: string) => html.replace(/="[^"]*"/g, '');

describe('a hostile plan', () => {
  it('builds', () => {
    expect(build.code, build.stdout + build.stderr).toBe(0);
    expect(pages.map((p) => p.url)).toEqual(
      expect.arrayContaining(['2024-hostile/', '2024-hostile/tasks/1/', '2024-hostile/matrix/', '2024-hostile/source/', 'units/']),
    );
  });

  it('prints its warnings with their counts, its markup escaped for the terminal', () => {
    const output = build.stdout + build.stderr;
    expect(output).toMatch(
      /\[plans\] tests\/fixtures\/hostile\/plans\/2024-hostile\.txt: 5 tasks, 10 warnings \(unknown-unit 8, clause-piece 1, unassigned-text 1\)/,
    );
    const warnings = output.split('\n').filter((line) => line.includes('[WARN]'));
    expect(warnings).toHaveLength(10);
    expect(
      warnings.every((line) =>
        /\[WARN\] \[plans\] tests\/fixtures\/hostile\/plans\/2024-hostile\.txt:\d+:\d+: warning .+ \[(unknown-unit|clause-piece|unassigned-text)\]$/.test(line),
      ),
    ).toBe(true);
  });

  it('shows its markup as text on every page, never as tags', () => {
    const leaks = pages.filter((p) => TAGS.test(markupOf(p.html))).map((p) => `${p.url}: ${markupOf(p.html).match(TAGS)![0]}`);
    expect(leaks).toEqual([]);
    const task = pages.find((p) => p.url === '2024-hostile/tasks/1/')!.html;
    expect(task).toContain('修订&lt;script&gt;window.__pwned(&quot;task&quot;)&lt;/script&gt;责任清单');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the plan's own text, which must stay text.
    expect(task).toContain('${window.__pwned(&quot;tplliteral&quot;)}');
    // No attribute of the site's is opened by the plan's text: every href is a path or a fragment.
    for (const page of pages) for (const m of page.html.matchAll(/\shref="([^"]*)"/g)) expect(m[1]).toMatch(/^(\/|#)/);
  });

  it('carries a Content-Security-Policy that allows no inline script but its own', () => {
    for (const page of pages) {
      const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(page.html)?.[1];
      expect(csp, page.url).toBeDefined();
      const script = csp!.split(';').find((d) => d.trim().startsWith('script-src'))!;
      expect(script).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\s\*/);
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/object-src 'none'/);
    }
  });

  it('marks the paragraph that belongs to no task on the source page and lists it', () => {
    const source = pages.find((p) => p.url === '2024-hostile/source/')!.html;
    expect(source).toMatch(/<div class="line line--unassigned[^"]*" id="L7" data-unassigned/);
    expect(source).toContain('有 1 行文字不属于任何任务');
    expect(source.match(/data-unassigned(?!-)/g)).toHaveLength(1);
    const diagnostics = pages.find((p) => p.url === '2024-hostile/diagnostics/')!.html;
    expect(diagnostics).toMatch(/href="\/2024-hostile\/source\/#L7">原文第 7 行第 1 列<\/a>/);
    expect(diagnostics).not.toContain('unassigned-text');
  });
});
