/**
 * Search quality and speed on the built site (`npm run build && npm run bench:search`), in
 * Chromium, for two means over one query set: Pagefind alone (its own index of the pages, as the
 * search page used it before) and the exact index (/search-index.json, src/site/search-engine.ts,
 * through the search page itself). Printed as Markdown for docs/benchmarks.md.
 *
 * The query set is built from the content, deterministically:
 * - phrases: 20 everyday words, and from every task the first run of four Chinese characters after
 *   its tenth character, and from every third task two words of two characters far apart in it as a
 *   two-term query (AND); a task is relevant
 *   when it holds every term as a contiguous phrase (spaces ignored);
 * - unit names and aliases: the unit's page is the one relevant result, wanted first;
 * - absent words: phrases no task holds; every task hit for them is a false hit.
 * precision@5 counts the relevant results among the first five results returned (units pages count
 * as results of a phrase query); recall@10 the relevant results found in the first ten, over
 * min(relevant, 10). Query time: the exact search's time from input to results drawn; Pagefind's
 * time to its first ten results' data.
 */
import { loadContent } from '../src/lib/pipeline.ts';
import { launchChromium } from './lib/chromium.ts';
import { DIST } from './lib/built-site.ts';
import { serveStatic } from './lib/static-server.ts';

const content = await loadContent(process.env.CONTENT_DIR ?? 'content');
const EVERYDAY = ['燃气', '液化气', '危险化学品', '非煤矿山', '粉尘', '消防', '微型消防站', '特种设备', '电梯', '铁路'];
const EVERYDAY_2 = ['起重机械', '城市体检', '安全生产法', '双随机', '事故统计', '举报奖励', '专家', '道路', '巡查', '标准化'];
const ABSENT = ['航天发射', '燃气灶具更换', '海上钻井平台', '高铁站改造', '冰雪旅游', '无人机表演', '核电站', '远洋渔业', '稀土开采', '深海养殖'];

const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();
const tasks = content.plans.flatMap((plan) =>
  plan.document.tasks.map((t) => ({ url: `/${plan.id}/tasks/${t.id.replace(/^task-/, '')}/`, text: squash(`${t.title ?? ''}${t.text}`) })),
);
const relevantTasks = (terms: string[]) => tasks.filter((t) => terms.every((term) => t.text.includes(squash(term)))).map((t) => t.url);

interface Query {
  kind: 'phrase' | 'unit' | 'absent';
  q: string;
  relevant: string[];
}
const queries: Query[] = [];
const drawn: string[] = [];
for (const t of tasks) {
  const m = /\p{Script=Han}{4}/u.exec(t.text.slice(10));
  if (m && !drawn.includes(m[0])) drawn.push(m[0]);
}
for (const q of [...EVERYDAY, ...EVERYDAY_2, ...drawn]) queries.push({ kind: 'phrase', q, relevant: relevantTasks([q]) });
// Two terms of one task, apart in its text: the first two-character word after its tenth character and after its fortieth.
for (const t of tasks.filter((_, i) => i % 3 === 0)) {
  const a = /\p{Script=Han}{2}/u.exec(t.text.slice(10))?.[0];
  const b = /\p{Script=Han}{2}/u.exec(t.text.slice(40))?.[0];
  if (a && b && a !== b) queries.push({ kind: 'phrase', q: `${a} ${b}`, relevant: relevantTasks([a, b]) });
}
const seenUnit = new Set<string>();
for (const unit of content.units) {
  if (seenUnit.has(unit.id)) continue;
  seenUnit.add(unit.id);
  for (const name of [unit.name, ...unit.aliases]) queries.push({ kind: 'unit', q: name, relevant: [`/units/${unit.id}/`] });
}
for (const q of ABSENT) {
  if (relevantTasks([q]).length > 0) throw new Error(`"${q}" is held by a task: choose another absent word`);
  queries.push({ kind: 'absent', q, relevant: [] });
}
const phrases = queries.filter((q) => q.kind === 'phrase' && q.relevant.length > 0);

const server = await serveStatic(DIST);
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(server.url('search/'));
await page.waitForSelector('[data-search][data-ready]');

type Run = (q: string) => Promise<{ urls: string[]; ms: number }>;

const exact: Run = (q) =>
  page.evaluate((query) => {
    const input = document.querySelector<HTMLInputElement>('#search-q')!;
    input.value = query;
    const t0 = performance.now();
    input.dispatchEvent(new Event('input'));
    const ms = performance.now() - t0;
    const urls = [...document.querySelectorAll<HTMLAnchorElement>('.search-units a, .search-results a.result-link')].map((a) => a.pathname);
    return { urls, ms };
  }, q);

const pagefind: Run = (q) =>
  page.evaluate(`(async () => {
    if (!window.__pagefind) { window.__pagefind = await import('/pagefind/pagefind.js'); await window.__pagefind.init(); }
    const t0 = performance.now();
    const found = await window.__pagefind.search(${JSON.stringify(q)});
    const data = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
    return { urls: data.map((d) => new URL(d.url, location.origin).pathname), ms: performance.now() - t0 };
  })()`) as Promise<{ urls: string[]; ms: number }>;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2 : 0;
};

async function measure(name: string, run: Run) {
  const p5: number[] = [];
  const r10: number[] = [];
  const times: number[] = [];
  let unitFirst = 0;
  let absentHits = 0;
  let absentQueriesHit = 0;
  await run('预热');
  for (const query of queries) {
    const { urls, ms } = await run(query.q);
    times.push(ms);
    if (query.kind === 'phrase' && query.relevant.length > 0) {
      const top5 = urls.slice(0, 5);
      if (top5.length > 0) p5.push(top5.filter((u) => query.relevant.includes(u)).length / top5.length);
      else p5.push(0);
      r10.push(urls.slice(0, 10).filter((u) => query.relevant.includes(u)).length / Math.min(query.relevant.length, 10));
    } else if (query.kind === 'unit') {
      if (urls[0] === query.relevant[0]) unitFirst++;
    } else if (query.kind === 'absent') {
      const hits = urls.filter((u) => /\/tasks\//.test(u)).length;
      absentHits += hits;
      if (hits > 0) absentQueriesHit++;
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const units = queries.filter((q) => q.kind === 'unit').length;
  return `| ${name} | ${mean(p5).toFixed(3)} | ${mean(r10).toFixed(3)} | ${unitFirst}/${units} | ${absentHits} (${absentQueriesHit} of ${ABSENT.length} words) | ${median(times).toFixed(1)} ms |`;
}

try {
  const rows = [await measure('Pagefind alone', pagefind), await measure('exact index', exact)];
  console.log(
    `${queries.length} queries: ${phrases.length} phrases held by some task (${phrases.filter((q) => q.q.includes(' ')).length} of two terms), ${queries.filter((q) => q.kind === 'unit').length} unit names and aliases, ${ABSENT.length} absent words.\n`,
  );
  console.log('| search | precision@5 | recall@10 | unit page first | task hits for absent words | median query time |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
} finally {
  await browser.close();
  await server.close();
}
