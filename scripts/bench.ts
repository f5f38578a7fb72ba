/**
 * Benchmarks (`npm run bench`), printed as Markdown tables for docs/benchmarks.md:
 *
 * 1. Site build: the seed plan, then deterministic synthetic plans of 30, 300, 3000 and 10 000 tasks
 *    with 300 units, each built from a temporary content folder (CONTENT_DIR) with `astro build`:
 *    parse time, build time (best of the runs), peak memory of the build as the OS counts it
 *    (GNU time's "Maximum resident set size"), pages, dist size, Pagefind index size, largest page
 *    and build time per task; then the goals (3000 tasks ≤ 8× the seed's build time, largest page
 *    < 2 MB, 10 000-task peak memory < 2 GB).
 * 2. Parse throughput of the whole pipeline (decode → parse → resolve → validate), up to a 5 MB plan.
 *
 *   npm run bench                       # both
 *   npm run bench -- --build 30 3000    # the build table for these sizes only
 *   npm run bench -- --parse            # the parse table (and `plan check` on a 3 MB plan) only
 *   npm run bench -- --limits           # the limits table only (scripts/bench-limits.ts)
 *   npm run bench -- --runs 2           # best of 2 rounds of builds (default 3; plans above 5000 tasks: 1)
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UnitRegistry } from '../src/lib/registry.ts';
import { parsePlan } from '../src/lib/pipeline.ts';
import { generatePlan, unitPool } from './lib/generate-plan.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const runsArg = args.indexOf('--runs');
const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 3;
const sizes = args.filter((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--runs').map(Number);
const doBuild = flag('--build') || !flag('--parse');
const doParse = flag('--parse') || !flag('--build');
const UNITS = 300;
const ASTRO = join(process.cwd(), 'node_modules', 'astro', 'bin', 'astro.mjs');
const GNU_TIME = '/usr/bin/time';

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  return `${cpu} × ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}; load average at start ${load}; ${new Date().toISOString().slice(0, 10)}`;
}

function parseTime(text: string, times: number) {
  const bytes = new Uint8Array(Buffer.from(text));
  let best = Infinity;
  let tasks = 0;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    const { document } = parsePlan(bytes, { path: 'bench.txt', registry: UnitRegistry.empty(), metadata: { year: 2024 } });
    best = Math.min(best, performance.now() - start);
    tasks = document.tasks.length;
  }
  return { mb: bytes.length / 1e6, ms: best, tasks };
}

// ── 1. Site build ────────────────────────────────────────────────────────────────────────────

/** GNU time, for the OS's own count of the build's peak memory; installed from Debian's `time` when missing. */
function ensureGnuTime(): void {
  if (existsSync(GNU_TIME)) return;
  console.error(`bench: ${GNU_TIME} is missing; installing Debian's \`time\` package (apt-get install time)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const ok =
    spawnSync('apt-get', ['install', '-y', '-qq', 'time'], { stdio: 'inherit', env }).status === 0 ||
    (spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env }).status === 0 &&
      spawnSync('apt-get', ['install', '-y', '-qq', 'time'], { stdio: 'inherit', env }).status === 0);
  if (!ok || !existsSync(GNU_TIME)) throw new Error(`bench: GNU time is needed at ${GNU_TIME}: run \`apt-get install time\` as root`);
}

/** A content folder with one generated plan and a registry of the 300 units it draws from. */
function syntheticContent(root: string, tasks: number): string {
  const dir = join(root, `content-${tasks}`);
  mkdirSync(join(dir, 'plans'), { recursive: true });
  writeFileSync(join(dir, 'plans', `bench-${tasks}.txt`), generatePlan(tasks, UNITS));
  const units = unitPool(UNITS).map((name, i) => `- name: ${name}\n  slug: unit-${String(i + 1).padStart(3, '0')}\n  kind: 政府部门\n`);
  writeFileSync(join(dir, 'units.yaml'), units.join('\n'));
  return dir;
}

interface BuildRun {
  ms: number;
  maxRssKb: number;
}

/** One `astro build` under GNU time; wall time measured here, peak memory from GNU time's report. */
function buildOnce(contentDir: string, outDir: string): Promise<BuildRun> {
  rmSync(outDir, { recursive: true, force: true });
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(GNU_TIME, ['-v', process.execPath, ASTRO, 'build', '--outDir', outDir], {
      env: { ...process.env, CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      if (code !== 0) return fail(new Error(`astro build of ${contentDir} failed (exit ${code}):\n${stderr.slice(-4000)}`));
      const rss = stderr.match(/Maximum resident set size \(kbytes\): (\d+)/);
      if (!rss) return fail(new Error(`no "Maximum resident set size" in GNU time's report:\n${stderr.slice(-2000)}`));
      done({ ms, maxRssKb: Number(rss[1]) });
    });
  });
}

interface DistStats {
  pages: number;
  bytes: number;
  pagefindBytes: number;
  largest: { path: string; bytes: number };
}

function distStats(outDir: string): DistStats {
  const stats: DistStats = { pages: 0, bytes: 0, pagefindBytes: 0, largest: { path: '', bytes: 0 } };
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const size = statSync(path).size;
    stats.bytes += size;
    const rel = relative(outDir, path);
    if (rel.startsWith('pagefind/')) stats.pagefindBytes += size;
    if (entry.name.endsWith('.html')) {
      stats.pages++;
      if (size > stats.largest.bytes) stats.largest = { path: rel, bytes: size };
    }
  }
  return stats;
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(bytes < 1e6 ? 2 : 1);
const kb = (bytes: number) => (bytes >= 1e6 ? `${mb(bytes)} MB` : `${(bytes / 1e3).toFixed(0)} KB`);

async function benchBuilds(): Promise<void> {
  ensureGnuTime();
  const targets = sizes.length ? sizes : [30, 300, 3000, 10000];
  // Inside the project, like the site tests: Astro keeps its server chunks beside an outDir within it.
  const cache = join(process.cwd(), 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const root = mkdtempSync(join(cache, 'bench-'));
  try {
    const cases = [
      { label: 'seed (content/)', tasks: 0, dir: join(process.cwd(), 'content'), text: undefined as string | undefined },
      ...targets.map((n) => ({ label: String(n), tasks: n, dir: syntheticContent(root, n), text: generatePlan(n, UNITS) })),
    ];
    console.log(`## Site build\n\nMachine: ${machine()}\n`);
    console.log(
      `Command: \`npm run bench\`: best of ${runs} rounds over all plans (plans above 5000 tasks built once). Build = \`astro build\` wall time, Pagefind included.\n`,
    );
    console.log('| tasks | parse (ms) | build (s) | peak memory (MB) | pages | dist (MB) | Pagefind (MB) | largest page | build ms per task |');
    console.log('|---:|---:|---:|---:|---:|---:|---:|---|---:|');
    // Rounds over all plans rather than repeats of one, so that a busy spell of the machine falls on
    // every size alike; the best round of each counts. Plans above 5000 tasks are built once.
    const prepared = cases.map((c) => {
      const text = c.text ?? readFileSync(join(c.dir, 'plans', '2022-work-safety.txt'), 'utf8');
      const parse = parseTime(text, 3);
      return { ...c, parse, tasks: parse.tasks, outDir: join(root, `dist-${c.label.replace(/\W+/g, '')}`), best: { ms: Infinity, maxRssKb: 0 } as BuildRun };
    });
    for (let round = 0; round < runs; round++) {
      for (const c of prepared) {
        if (round > 0 && c.tasks > 5000) continue;
        const run = await buildOnce(c.dir, c.outDir);
        c.best = { ms: Math.min(c.best.ms, run.ms), maxRssKb: Math.max(c.best.maxRssKb, run.maxRssKb) };
      }
    }
    const results: { label: string; tasks: number; ms: number; rssKb: number; largest: number }[] = [];
    for (const c of prepared) {
      const { best, tasks, parse } = c;
      const dist = distStats(c.outDir);
      results.push({ label: c.label, tasks, ms: best.ms, rssKb: best.maxRssKb, largest: dist.largest.bytes });
      const label = c.tasks === 0 || c.label.startsWith('seed') ? `${tasks} (seed)` : String(tasks);
      console.log(
        `| ${label} | ${parse.ms.toFixed(0)} | ${(best.ms / 1000).toFixed(1)} | ${(best.maxRssKb / 1024).toFixed(0)} | ${dist.pages} | ${mb(dist.bytes)} | ${mb(dist.pagefindBytes)} | ${kb(dist.largest.bytes)} (\`${dist.largest.path}\`) | ${(best.ms / tasks).toFixed(1)} |`,
      );
    }
    const seed = results[0]!;
    const at = (n: number) => results.find((r) => r.tasks === n && r !== seed);
    const lines: string[] = [];
    const r3000 = at(3000);
    if (r3000) {
      const ratio = r3000.ms / seed.ms;
      lines.push(
        `- 3000-task build ÷ seed build: ${ratio.toFixed(2)}× (limit 8×, goal ≤ 3×): ${ratio <= 3 ? 'goal met' : ratio <= 8 ? 'within the limit' : 'OVER THE LIMIT'}`,
      );
      lines.push(
        `- largest page of the 3000-task site: ${kb(r3000.largest)} (limit 2 MB, goal 500 KB): ${r3000.largest < 500e3 ? 'goal met' : r3000.largest < 2e6 ? 'within the limit' : 'OVER THE LIMIT'}`,
      );
    }
    const r10000 = at(10000);
    if (r10000)
      lines.push(
        `- peak memory of the 10 000-task build: ${(r10000.rssKb / 1024).toFixed(0)} MB (limit 2 GB): ${r10000.rssKb * 1024 < 2 * 2 ** 30 ? 'met' : 'OVER THE LIMIT'}`,
      );
    if (lines.length) console.log(`\n${lines.join('\n')}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

// ── 2. Parse throughput ──────────────────────────────────────────────────────────────────────

function benchParse(): void {
  const targets = sizes.length ? sizes : [30, 300, 3000, 10000];
  console.log(`\n## Parse throughput\n\nMachine: ${machine()}\n`);
  console.log('| tasks | size (MB) | parse (ms, best of 3) | MB/s | ms per task |');
  console.log('|---:|---:|---:|---:|---:|');
  for (const n of targets) {
    const r = parseTime(generatePlan(n), 3);
    console.log(`| ${r.tasks} | ${r.mb.toFixed(2)} | ${r.ms.toFixed(0)} | ${(r.mb / (r.ms / 1000)).toFixed(2)} | ${(r.ms / r.tasks).toFixed(3)} |`);
  }
  // The goal: a 5 MB plan parses at ≥ 5 MB/s.
  let n = 10000;
  let text = generatePlan(n);
  while (Buffer.byteLength(text) < 5e6) {
    n = Math.ceil((n * 5.05e6) / Buffer.byteLength(text));
    text = generatePlan(n);
  }
  const big = parseTime(text, 2);
  console.log(`| ${big.tasks} | ${big.mb.toFixed(2)} | ${big.ms.toFixed(0)} | ${(big.mb / (big.ms / 1000)).toFixed(2)} | ${(big.ms / big.tasks).toFixed(3)} |`);
  console.log(`\n5 MB plan: ${(big.mb / (big.ms / 1000)).toFixed(2)} MB/s (goal ≥ 5 MB/s)`);
  benchCheck();
}

/**
 * `plan check` as a user runs it, on a 3 MB plan whose units no registry knows (every unit an
 * `unknown-unit` warning), against the same command on a one-task plan: the difference is the
 * time of reading the plan, start-up left out. Best of 3.
 */
function benchCheck(): void {
  const dir = mkdtempSync(join(tmpdir(), 'plan-bench-check-'));
  try {
    let n = 6000;
    let text = generatePlan(n, 3000);
    while (Buffer.byteLength(text) < 3e6) {
      n = Math.ceil((n * 3.03e6) / Buffer.byteLength(text));
      text = generatePlan(n, 3000);
    }
    const big = join(dir, 'big.txt');
    const small = join(dir, 'small.txt');
    writeFileSync(big, text);
    writeFileSync(small, '1.开展检查。(责任单位:县住建局)\n');
    const time = (file: string) => {
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const start = performance.now();
        spawnSync(process.execPath, ['scripts/plan.ts', 'check', '--no-frame', file], { stdio: 'ignore', env: { ...process.env, CI: '1' } });
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    const startUp = time(small);
    const whole = time(big);
    const mb = Buffer.byteLength(text) / 1e6;
    console.log(
      `\n\`plan check\` of a ${mb.toFixed(2)} MB plan of 3000 unregistered units: ${whole.toFixed(0)} ms, of which start-up ${startUp.toFixed(0)} ms: ${(mb / ((whole - startUp) / 1000)).toFixed(2)} MB/s after start-up (goal ≥ 5 MB/s)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (doBuild) await benchBuilds();
if (doParse) benchParse();
// 3. Limits (scripts/bench-limits.ts), with the whole bench or `--limits`.
if (flag('--limits') || (!flag('--build') && !flag('--parse'))) spawnSync(process.execPath, ['scripts/bench-limits.ts'], { stdio: 'inherit' });
