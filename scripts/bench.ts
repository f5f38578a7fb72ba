/**
 * Benchmarks (`npm run bench`): parse throughput of the whole pipeline (decode → parse → resolve →
 * validate) on deterministic synthetic plans, up to a 5 MB plan. Prints a Markdown table.
 */
import { cpus, totalmem } from 'node:os';
import { UnitRegistry } from '../src/lib/registry.ts';
import { parsePlan } from '../src/lib/pipeline.ts';
import { generatePlan } from './lib/generate-plan.ts';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const targets = sizes.length ? sizes : [30, 300, 3000, 10000];

function measure(text: string, runs: number) {
  const bytes = new Uint8Array(Buffer.from(text));
  let best = Infinity;
  let tasks = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const { document } = parsePlan(bytes, { path: 'bench.txt', registry: UnitRegistry.empty(), metadata: { year: 2024 } });
    best = Math.min(best, performance.now() - start);
    tasks = document.tasks.length;
  }
  return { mb: bytes.length / 1e6, ms: best, tasks };
}

console.log(`Machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
console.log('| tasks | size (MB) | parse (ms, best of 3) | MB/s | ms per task |');
console.log('|---:|---:|---:|---:|---:|');
const rows: { tasks: number; mb: number; ms: number }[] = [];
for (const n of targets) {
  const r = measure(generatePlan(n), 3);
  rows.push({ tasks: r.tasks, mb: r.mb, ms: r.ms });
  console.log(`| ${r.tasks} | ${r.mb.toFixed(2)} | ${r.ms.toFixed(0)} | ${(r.mb / (r.ms / 1000)).toFixed(2)} | ${(r.ms / r.tasks).toFixed(3)} |`);
}
// The goal: a 5 MB plan parses at ≥ 5 MB/s.
let n = 10000;
let text = generatePlan(n);
while (Buffer.byteLength(text) < 5e6) {
  n = Math.ceil((n * 5.05e6) / Buffer.byteLength(text));
  text = generatePlan(n);
}
const big = measure(text, 2);
console.log(`| ${big.tasks} | ${big.mb.toFixed(2)} | ${big.ms.toFixed(0)} | ${(big.mb / (big.ms / 1000)).toFixed(2)} | ${(big.ms / big.tasks).toFixed(3)} |`);
console.log(`\n5 MB plan: ${(big.mb / (big.ms / 1000)).toFixed(2)} MB/s (goal ≥ 5 MB/s)`);
