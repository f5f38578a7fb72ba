/** The same site from other content folders and under a sub-path. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('a content folder without units.yaml or pages/, with its own site.yaml', () => {
  it('still builds every plan page, under its own name and footer, with absolute canonical links', async () => {
    const dir = contentFolder({
      'site.yaml': [
        'name: 示例县政务督查公开平台',
        'issuer: 示例县人民政府办公室',
        'contact: 电话 0000-1234567',
        'beian: 示ICP备00000000号',
        'footer: [本平台信息以正式文件为准。]',
        'site: https://duban.example.gov.cn/',
        '',
      ].join('\n'),
    });
    copyFileSync('content/plans/2022-work-safety.txt', join(dir, 'plans', 'draft.txt'));
    // The same plan as its covering notice issues it: 文号, 落款 in Chinese numerals, the 版记's 印发 line.
    const notice = [
      '示例县安全生产委员会办公室关于印发工作要点的通知',
      '示安委办〔2022〕3号',
      '各镇人民政府,县安委会各成员单位:',
      '现将工作要点印发给你们,请认真抓好落实。',
      '示例县安全生产委员会办公室',
      '二〇二二年三月一日',
      '',
    ];
    const seed = readFileSync('content/plans/2022-work-safety.txt', 'utf8');
    writeFileSync(join(dir, 'plans', 'noticed.txt'), `${notice.join('\n')}${seed}\n示例县安全生产委员会办公室    2022年3月2日印发\n`);
    const result = await buildSite({ CONTENT_DIR: dir });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const urls = readPages(result.outDir).map((p) => p.url);
    expect(urls).toEqual(expect.arrayContaining(['draft/', 'draft/matrix/', 'draft/source/', 'draft/diagnostics/', 'units/']));
    expect(urls.filter((u) => u.startsWith('draft/tasks/')).length).toBeGreaterThan(0);
    // The bundled about page stands in, so that the header's link to it works.
    expect(urls).toContain('about/');
    expect(brokenLinks(result.outDir, readPages(result.outDir))).toEqual([]);
    for (const { url, html } of readPages(result.outDir)) {
      // The 404 page answers at every missing address: it names no canonical one.
      if (url === '404.html') expect(html).not.toContain('rel="canonical"');
      else expect(html, url).toContain(`<link rel="canonical" href="https://duban.example.gov.cn/${url}">`);
      expect(html, url).toContain('示例县政务督查公开平台</span>');
      expect(html, url).toMatch(/<title>[^<]*示例县政务督查公开平台<\/title>/);
      expect(html, url).toContain('<span>主办:示例县人民政府办公室</span><span>联系方式:电话 0000-1234567</span>');
      expect(html, url).toContain('href="https://beian.miit.gov.cn/" rel="noopener">示ICP备00000000号</a>');
      expect(html, url).toContain('<p>本平台信息以正式文件为准。</p>');
      expect(html, url).not.toContain('任务分工公开台账');
    }
    // plan.json holds the notice's 文号, issuer and date, each with its line; the plan page heads with them.
    const noticed = JSON.parse(readFileSync(join(result.outDir, 'noticed', 'plan.json'), 'utf8'));
    expect(noticed).toMatchObject({ issuer: '示例县安全生产委员会办公室', date: '2022-03-01', docNumber: '示安委办〔2022〕3号' });
    expect(noticed.provenance).toEqual({
      issuer: { origin: 'parsed', text: '示例县安全生产委员会办公室', line: 5, column: 1 },
      date: { origin: 'parsed', text: '二〇二二年三月一日', line: 6, column: 1 },
      docNumber: { origin: 'parsed', text: '示安委办〔2022〕3号', line: 2, column: 1 },
    });
    const page = readPages(result.outDir).find((p) => p.url === 'noticed/')!.html;
    expect(page).toContain('<dt>发布单位</dt><dd><a href="/noticed/source/#L5" title="原文所在行">示例县安全生产委员会办公室</a></dd>');
    expect(page).toContain('<dt>文号</dt><dd><a href="/noticed/source/#L2" title="原文所在行">示安委办〔2022〕3号</a></dd>');
    expect(page).toContain('<dt>发布日期</dt><dd><a href="/noticed/source/#L6" title="原文所在行"><time datetime="2022-03-01">2022年3月1日</time></a></dd>');
    expect(page).toContain('<meta name="PubDate" content="2022-03-01">');
    expect(page).toContain('<meta name="ContentSource" content="示例县安全生产委员会办公室">');
    // The bare copy states none of them.
    expect(JSON.parse(readFileSync(join(result.outDir, 'draft', 'plan.json'), 'utf8'))).not.toHaveProperty('date');
    expect(readPages(result.outDir).find((p) => p.url === 'draft/')!.html).toContain('<dt>发布日期</dt><dd>原文未载明</dd>');
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
    // The bundled content names no public address: no canonical link, rather than a relative one.
    for (const { url, html } of pages) expect(html, url).not.toContain('rel="canonical"');
  });
});
