/**
 * Limits (`npm run bench`, second table): inputs at the edge of what a plan can be, each parsed by
 * the whole pipeline in a child process of its own, so that its peak memory is its own. Every case
 * must finish in bounded time and memory, or be refused with a clear message.
 *   node scripts/bench-limits.ts            → Markdown table
 *   node scripts/bench-limits.ts <case>     → one JSON line (used by the table)
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph } from 'docx';
import { parsePlanBytes } from '../src/lib/pipeline.ts';
import { UnitRegistry } from '../src/lib/registry.ts';
import { generatePlan } from './lib/generate-plan.ts';

const CASES: Record<string, { label: string; make: () => string | Promise<Uint8Array> }> = {
  'plan-20mb': {
    label: '20 MB plan (synthetic, ~63 000 tasks)',
    make: () => {
      let n = 40000;
      let text = generatePlan(n);
      while (Buffer.byteLength(text) < 20e6) {
        n = Math.ceil((n * 20.2e6) / Buffer.byteLength(text));
        text = generatePlan(n);
      }
      return text;
    },
  },
  'line-1mb': { label: 'one 1 MB line (a single task)', make: () => `1.${'加强安全生产,落实责任。'.repeat(Math.ceil(1e6 / 36))}(责任单位:县住建局)\n` },
  'blank-1mb': {
    label: '1 MB of spaces inside lines (regex backtracking)',
    make: () => `1.任务\n${' '.repeat(1e6)}x\n2024${' '.repeat(1e6)}\n${'|'}${' '.repeat(1e6)}\n`,
  },
  'parens-1mb': { label: '1 MB line of unclosed parentheses', make: () => `1.任务${'(责任单位:县住建局'.repeat(1e6 / 30)}\n` },
  'units-10k': {
    label: 'one clause naming 10 000 units',
    make: () => `1.任务。(责任单位:${Array.from({ length: 10000 }, (_, i) => `县第${i}局`).join('、')})\n`,
  },
  'glued-10k': {
    label: '10 000 unit names glued together',
    make: () => `1.任务。(责任单位:${Array.from({ length: 10000 }, (_, i) => `县第${i}局`).join('')})\n`,
  },
  'docx-5mb': {
    label: '.docx of a 5 MB plan (15 000 tasks, one paragraph a line)',
    make: async () => {
      const lines = generatePlan(15000).split('\n');
      return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] })));
    },
  },
  'over-limit': { label: '40 MB file (over the 32 MB limit)', make: () => 'x'.repeat(40 * 2 ** 20) },
};

async function runCase(name: string): Promise<void> {
  const made = await CASES[name]!.make();
  const bytes = typeof made === 'string' ? new Uint8Array(Buffer.from(made)) : made;
  const start = performance.now();
  const { document } = await parsePlanBytes(bytes, { path: `${name}.txt`, registry: UnitRegistry.empty(), metadata: { year: 2024 } });
  const ms = performance.now() - start;
  const error = document.diagnostics.find((d) => d.severity === 'error');
  const assignments = document.tasks.reduce((n, t) => n + t.assignments.length, 0);
  process.stdout.write(
    `${JSON.stringify({ mb: bytes.length / 1e6, ms, tasks: document.tasks.length, assignments, maxRssMb: process.resourceUsage().maxRSS / 1024, refused: error?.ruleId === 'unsupported-format' ? error.message : undefined })}\n`,
  );
}

const only = process.argv[2];
if (only && CASES[only]) await runCase(only);
else {
  console.log('\nLimits: each case in a child process (time: parse only; memory: peak RSS of the process).\n');
  console.log('| case | size (MB) | parse (ms) | tasks | assignments | peak RSS (MB) | result |');
  console.log('|---|---:|---:|---:|---:|---:|---|');
  for (const [name, { label }] of Object.entries(CASES)) {
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), name], { encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 20 });
    const line = run.stdout.trim().split('\n').at(-1) ?? '';
    if (run.status !== 0 || !line.startsWith('{')) {
      console.log(`| ${label} | | | | | | failed: ${run.signal ?? run.stderr.trim().split('\n').at(-1)} |`);
      continue;
    }
    const r = JSON.parse(line) as { mb: number; ms: number; tasks: number; assignments: number; maxRssMb: number; refused?: string };
    console.log(
      `| ${label} | ${r.mb.toFixed(2)} | ${r.ms.toFixed(0)} | ${r.tasks} | ${r.assignments} | ${r.maxRssMb.toFixed(0)} | ${r.refused ? 'refused: file too large' : 'parsed'} |`,
    );
  }
}
