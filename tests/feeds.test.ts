/** Atom feeds of progress reports: well-formed, in the Atom namespace, one entry per report, newest first. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/lib/pipeline.ts';
import { atomXml, nameUuid, SITE_FEED_ENTRIES } from '../src/site/feeds.ts';
import { planFeedRoutes, siteFeedProps } from '../src/site/routes/feeds.ts';
import type { SiteContent } from '../src/site/routes/types.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
const twoPlans: SiteContent = await loadContent('examples/with-progress');
const seed: SiteContent = await loadContent('content');
const SITE = 'https://plans.example.org/';

function parseAtom(xml: string) {
  const warnings: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      warnings.push(`${level}: ${message}`);
    },
  }).parseFromString(xml, 'application/xml');
  expect(warnings).toEqual([]);
  const feed = doc.documentElement!;
  expect(feed.localName).toBe('feed');
  expect(feed.namespaceURI).toBe(ATOM);
  const child = (el: Element, name: string) =>
    Array.from(el.childNodes).find((n): n is Element => (n as Element).localName === name && (n as Element).namespaceURI === ATOM);
  const children = (el: Element, name: string) => Array.from(el.getElementsByTagNameNS(ATOM, name)).filter((n) => n.parentNode === el);
  const text = (el: Element, name: string) => child(el, name)?.textContent ?? undefined;
  return {
    id: text(feed, 'id'),
    title: text(feed, 'title'),
    updated: text(feed, 'updated'),
    author: child(feed, 'author') && text(child(feed, 'author')!, 'name'),
    links: children(feed, 'link').map((l) => [l.getAttribute('rel'), l.getAttribute('href')]),
    entries: children(feed, 'entry').map((e) => ({
      id: text(e, 'id'),
      title: text(e, 'title'),
      updated: text(e, 'updated'),
      href: child(e, 'link')?.getAttribute('href'),
      content: text(e, 'content'),
    })),
  };
}

const feedOf = (content: SiteContent, id: string) => planFeedRoutes(content).find((r) => r.params.slug === id)!.props;

describe('/<plan>/feed.xml', () => {
  const plan = twoPlans.plans.find((p) => p.id === '2022-work-safety')!;
  const feed = parseAtom(atomXml(feedOf(twoPlans, '2022-work-safety'), SITE));

  it('has one entry per progress report, newest first, each with a unique, stable id', () => {
    expect(feed.entries).toHaveLength(plan.progress!.reports.length);
    const dates = feed.entries.map((e) => e.updated!);
    expect(dates).toEqual(dates.toSorted().reverse());
    expect(new Set(feed.entries.map((e) => e.id)).size).toBe(feed.entries.length);
    expect(feed.entries.every((e) => /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(e.id!))).toBe(true);
    expect(parseAtom(atomXml(feedOf(twoPlans, '2022-work-safety'), SITE)).entries.map((e) => e.id)).toEqual(feed.entries.map((e) => e.id));
    expect(nameUuid('a')).not.toBe(nameUuid('b'));
  });

  it('names the feed, its author, its page and itself, and is as new as its newest report', () => {
    expect(feed.id).toMatch(/^urn:uuid:/);
    expect(feed.title).toBe('2022年全县安全生产工作要点 进展报告(示例数据)');
    expect(feed.author).toBeTruthy();
    expect(feed.links).toEqual([
      ['alternate', `${SITE}2022-work-safety/`],
      ['self', `${SITE}2022-work-safety/feed.xml`],
    ]);
    const newest = plan
      .progress!.reports.map((r) => r.date)
      .sort()
      .at(-1)!;
    expect(feed.updated).toBe(`${newest}T00:00:00.000Z`);
  });

  it('links each entry to its task and says who reported what, labelled as a sample', () => {
    const entry = feed.entries.find((e) => e.href === `${SITE}2022-work-safety/tasks/6/` && e.title!.includes('已完成'))!;
    expect(entry.title).toBe('【示例数据】任务 6 · 县安全生产委员会办公室:已完成');
    expect(entry.content).toContain('2022年12月20日 县安全生产委员会办公室报告:已完成');
    expect(entry.content).toContain('虚构示例');
  });

  it('escapes what reports say: markup in a note is text in the feed reader', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feed-'));
    mkdirSync(join(dir, 'plans'));
    mkdirSync(join(dir, 'progress'));
    writeFileSync(join(dir, 'plans/2024-x.txt'), '一、总体\n1.开展排查。(责任单位:县住建局)\n');
    writeFileSync(join(dir, 'progress/2024-x.csv'), '序号,报告日期,状态,进展情况\n1,2024-03-01,推进中,"<script>alert(1)</script> ]]> & 完成"\n');
    const content = await loadContent(dir);
    rmSync(dir, { recursive: true, force: true });
    const xml = atomXml(feedOf(content, '2024-x'));
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('site.invalid');
    const entry = only(parseAtom(xml).entries);
    expect(entry.content).toContain('&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp; 完成');
    // Without the site's address, links are paths.
    expect(entry.href).toBe('/2024-x/tasks/1/');
  });

  it('is an empty feed, still valid, for a plan without reports', () => {
    const empty = parseAtom(atomXml(feedOf(seed, '2022-work-safety')));
    expect(empty.entries).toEqual([]);
    expect(empty.updated).toBeTruthy();
  });
});

describe('/feed.xml', () => {
  it('holds the reports of every plan, newest first', () => {
    const feed = parseAtom(atomXml(siteFeedProps(twoPlans), SITE));
    const total = twoPlans.plans.reduce((n, p) => n + (p.progress?.reports.length ?? 0), 0);
    expect(feed.entries).toHaveLength(Math.min(total, SITE_FEED_ENTRIES));
    expect(feed.entries[0]!.href).toMatch(/2023-work-safety/);
    expect(new Set(feed.entries.map((e) => e.href!.split('/')[3]))).toEqual(new Set(['2022-work-safety', '2023-work-safety']));
    const dates = feed.entries.map((e) => e.updated!);
    expect(dates).toEqual(dates.toSorted().reverse());
    expect(feed.links[1]).toEqual(['self', `${SITE}feed.xml`]);
  });
});

function only<T>(list: T[]): T {
  expect(list).toHaveLength(1);
  return list[0]!;
}
