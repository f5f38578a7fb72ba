/**
 * Atom feeds (RFC 4287) of progress reports, written by the `feed` package: `/<plan-id>/feed.xml`
 * (one entry per report of the plan, newest first) and `/feed.xml` (the newest reports of every
 * plan). Pure: no Astro import. Ids are name-based UUIDs of what the report says, so that a rebuild
 * keeps them, and every text is escaped before it goes into the feed's HTML.
 */
import { createHash } from 'node:crypto';
import { Feed } from 'feed';
import type { ProgressReport } from '../lib/progress.ts';
import { summarizePlan, taskLabel, taskSlug } from './plan.ts';
import { chineseDate, SAMPLE_LABEL } from './progress.ts';
import type { SitePlan } from './routes/types.ts';
import { planHref, taskHref, withBase } from './url.ts';

/** The site-wide feed keeps this many newest reports. */
export const SITE_FEED_ENTRIES = 200;

export const planFeedHref = (planId: string) => withBase(`${planId}/feed.xml`);
export const siteFeedHref = () => withBase('feed.xml');

/** A name-based UUID (RFC 4122 version 5 layout, SHA-1) as a URN: the same name, the same id. */
export function nameUuid(name: string): string {
  const hex = createHash('sha1').update(`plan-accountability-site:${name}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * `feed` takes absolute URLs only. When the site's address is not known, links are written against
 * a reserved name (RFC 2606) and then cut back to paths, which Atom resolves against the feed's own
 * address (RFC 4287 §4.2.7.1).
 */
const NO_ORIGIN = 'https://site.invalid';

function absolute(href: string, site: URL | string | undefined): string {
  return new URL(href, site ?? NO_ORIGIN).href;
}

export interface FeedEntry {
  id: string;
  planId: string;
  date: string;
  title: string;
  /** Plain text, escaped when written. */
  lines: string[];
  href: string;
  /** File order, to keep reports of one day in the order they were written. */
  order: number;
}

/** One entry per report of the plan, newest first (a day's reports: the file's last first). */
export function planFeedEntries(plan: SitePlan): FeedEntry[] {
  if (!plan.progress) return [];
  const tasks = new Map(plan.document.tasks.map((t) => [taskSlug(t), t]));
  const title = summarizePlan(plan.document, plan.metadata).title;
  const sample = plan.progress.metadata.sample === true;
  const seen = new Map<string, number>();
  const entries = plan.progress.reports.map((r: ProgressReport, order): FeedEntry => {
    const task = tasks.get(r.task);
    const who = r.unitName ?? '整项任务';
    const key = [plan.id, r.task, r.unit ?? '', r.date, r.status, r.note].join('\u0000');
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return {
      id: nameUuid(`${key}\u0000${n}`),
      planId: plan.id,
      date: r.date,
      title: `${sample ? `【${SAMPLE_LABEL}】` : ''}任务 ${r.task} · ${who}:${r.status}`,
      lines: [
        `${title} 任务 ${r.task}${task ? `:${taskLabel(task)}` : ''}`,
        `${chineseDate(r.date)} ${who}报告:${r.status}`,
        ...(r.note ? [r.note] : []),
        ...(sample ? ['本条为演示用的虚构示例,不反映任何单位的实际工作。'] : []),
      ],
      href: taskHref(plan.id, r.task),
      order,
    };
  });
  return entries.sort((a, b) => b.date.localeCompare(a.date) || b.order - a.order);
}

// A type, not an interface: Astro's GetStaticPaths wants props with an index signature.
export type FeedProps = {
  id: string;
  title: string;
  subtitle: string;
  author: string;
  /** The page the feed follows, and the feed itself. */
  href: string;
  selfHref: string;
  /** The site that writes the feed. */
  generator: string;
  entries: FeedEntry[];
};

/** `siteName`: the portal's name (content/site.yaml), the feed's author where the plan names no issuer. */
export function planFeed(plan: SitePlan, siteName: string): FeedProps {
  const summary = summarizePlan(plan.document, plan.metadata);
  return {
    id: nameUuid(`feed:${plan.id}`),
    title: `${summary.title} 进展报告${plan.progress?.metadata.sample ? `(${SAMPLE_LABEL})` : ''}`,
    subtitle: `${summary.title}各项任务的进展报告,最新的在前。`,
    author: summary.issuer ?? siteName,
    generator: siteName,
    href: planHref(plan.id),
    selfHref: planFeedHref(plan.id),
    entries: planFeedEntries(plan),
  };
}

export function siteFeed(plans: SitePlan[], siteName: string): FeedProps {
  const entries = plans
    .flatMap((p, rank) => planFeedEntries(p).map((e) => ({ e, rank })))
    .sort((a, b) => b.e.date.localeCompare(a.e.date) || a.rank - b.rank || b.e.order - a.e.order)
    .slice(0, SITE_FEED_ENTRIES)
    .map(({ e }) => e);
  return {
    id: nameUuid('feed:site'),
    title: `${siteName} 进展报告`,
    subtitle: `各工作计划的进展报告,最新的 ${SITE_FEED_ENTRIES} 条在前。`,
    author: siteName,
    generator: siteName,
    href: withBase(''),
    selfHref: siteFeedHref(),
    entries,
  };
}

/** The feed's XML. `site` (the site's address, when known) makes its links absolute. */
export function atomXml(props: FeedProps, site?: URL | string): string {
  // Updated: the newest report, so that the same reports give the same feed.
  const updated = props.entries[0]?.date ?? '1970-01-01';
  const feed = new Feed({
    id: props.id,
    title: props.title,
    description: props.subtitle,
    link: absolute(props.href, site),
    feed: absolute(props.selfHref, site),
    language: 'zh-CN',
    updated: new Date(`${updated}T00:00:00Z`),
    generator: props.generator,
    author: { name: props.author },
    copyright: '内容取自公开发布的工作计划及各单位报送的进展情况',
  });
  for (const e of props.entries) {
    feed.addItem({
      id: e.id,
      title: escapeHtml(e.title),
      link: absolute(e.href, site),
      date: new Date(`${e.date}T00:00:00Z`),
      content: e.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join(''),
    });
  }
  const xml = feed.atom1();
  return site ? xml : xml.replaceAll(`href="${NO_ORIGIN}/`, 'href="/');
}
