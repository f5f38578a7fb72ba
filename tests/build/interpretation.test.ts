/**
 * A plan's 解读 in real builds: the bundled example with its links and components, linked from the
 * plan page; and a draft whose references are wrong, built with the warnings printed where they are.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { attributeValues, type BuildResult, buildSite, type Page, readPages, removeBuilds, textOf } from './dist.ts';

const folders: string[] = [];
afterAll(() => {
  removeBuilds();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

let pages: Page[];
beforeAll(() => {
  const result = inject('contentBuild');
  expect(result.code, result.stdout + result.stderr).toBe(0);
  pages = readPages(result.outDir);
});
const page = (url: string) => pages.find((p) => p.url === url)?.html ?? '';
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

describe('the bundled example 解读', () => {
  it('is built at /<plan>/interpretation/, marked as an example', () => {
    const html = page('2022-work-safety/interpretation/');
    expect(textOf(html, 'h1')).toEqual(['《2022年全县安全生产工作要点》解读(示例)']);
    expect(html).toMatch(/<p class="example-notice" role="note"[^>]*><strong[^>]*>示例<\/strong>本解读是演示本站功能的示例/);
  });

  it('links units, tasks, sections, parts and the plan in its text', () => {
    const hrefs = attributeValues(main(page('2022-work-safety/interpretation/')), 'href');
    for (const href of [
      '/units/zhujian/',
      '/units/anweihui-members/',
      '/2022-work-safety/tasks/24/',
      '/2022-work-safety/#section-10',
      '/2022-work-safety/#part-1',
      '/2022-work-safety/',
    ]) {
      expect(hrefs).toContain(href);
    }
  });

  it("shows the plan's own data through its components", () => {
    const html = main(page('2022-work-safety/interpretation/'));
    expect(html).toMatch(/<div class="card plan-task"/);
    expect(html).toMatch(/<span class="role role--lead">牵头<\/span>/);
    expect(html).toMatch(/县住房和城乡建设局<\/a>在本计划中承担 \d+ 项任务/);
    expect(html).toMatch(/<span class="num"[^>]*>30<\/span><span class="label"[^>]*>项任务<\/span>/);
  });

  it("is linked from the plan's page", () => {
    expect(page('2022-work-safety/')).toMatch(
      /<strong>政策解读:<\/strong><a href="\/2022-work-safety\/interpretation\/">《2022年全县安全生产工作要点》解读\(示例\)<\/a>/,
    );
  });
});

describe('a 解读 whose references are wrong', () => {
  let result: BuildResult;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-interpretation-'));
    folders.push(dir);
    mkdirSync(join(dir, 'plans'));
    copyFileSync('content/plans/2022-work-safety.txt', join(dir, 'plans', 'draft.txt'));
    copyFileSync('content/units.yaml', join(dir, 'units.yaml'));
    writeFileSync(
      join(dir, 'plans', 'draft.mdx'),
      ['---', 'title: 草稿解读', 'description: 引用有误的草稿', '---', '', '任务99和第(二十)部分都不存在,县住建局照常链接。', '', '<Task n="98" />', ''].join(
        '\n',
      ),
    );
    result = await buildSite({ CONTENT_DIR: dir });
  });

  it('builds, and prints each wrong reference at its line and column, as the plans’ warnings', () => {
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toMatch(/\[WARN\] \[pages\] \S*plans\/draft\.mdx:6:1: warning Unexpected task `任务99`, .+ \[unknown-task-reference\]/);
    expect(output).toMatch(/\[WARN\] \[pages\] \S*plans\/draft\.mdx:6:6: warning Unexpected section `第\(二十\)部分`, .+ \[unknown-section-reference\]/);
    expect(output).toMatch(/\[WARN\] \[pages\] \S*plans\/draft\.mdx:8:1: warning Unexpected task `98` in `<Task>`, .+ \[unknown-task-reference\]/);
  });

  it('leaves the wrong references as text and says on the page what is missing', () => {
    const html = main(readPages(result.outDir).find((p) => p.url === 'draft/interpretation/')!.html);
    expect(html).toContain('<p>任务99和第(二十)部分都不存在,<a href="/units/zhujian/">县住建局</a>照常链接。</p>');
    expect(html).toMatch(/<p class="plan-missing" role="note"[^>]*>本计划没有第 98 项任务。<\/p>/);
  });
});
