/** The `plan` command as editors and CI use it: exit codes, `path:line:column` lines, no stack traces. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/lib/pipeline.ts';
import { UnitRegistry } from '../../src/lib/registry.ts';
import { PlanDocumentSchema } from '../../src/lib/schema.ts';
import { runPlan as plan } from '../support/plan-command.ts';
import { PROCESS_TIMEOUT } from '../support/timeouts.ts';

const dir = mkdtempSync(join(tmpdir(), 'plan-cli-'));
function file(name: string, bytes: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('plan check', { timeout: PROCESS_TIMEOUT }, () => {
  it.each([
    ['empty', '', 'empty-file'],
    ['binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), 'unsupported-format'],
    ['random-bytes', new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256)), 'undecodable'],
    ['no-tasks', '这是一段没有任何编号任务的说明文字。\n它只有两行。\n', 'no-tasks'],
  ])('reports a %s file at 1:1 as an error and exits 1', (name, bytes, ruleId) => {
    const path = file(`${name}.txt`, bytes);
    const out = plan('check', path);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: error .+ \\[${ruleId}\\]$`, 'm'));
    expect(out.stderr).not.toMatch(/at .+:\d+:\d+/);
  });

  it('warns about a duplicate task number at its own line and exits 0', () => {
    const path = file(
      'dup.txt',
      '一、总体任务\n1.甲任务。(责任单位:县住建局)\n2.乙任务。(责任单位:县水务局)\n2.丙任务。(责任单位:县财政局)\n3.丁任务。(责任单位:县财政局)\n',
    );
    const out = plan('check', path);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`${path}:4:1: warning`);
    expect(out.stdout).toMatch(/:4:1: warning .*duplicate.* \[duplicate-number\]/);
  });

  it('checks several files and fails when one of them has an error', () => {
    const good = file('good.txt', '1.甲任务。(责任单位:县住建局)\n');
    const bad = file('bad.txt', '');
    const out = plan('check', good, bad);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain(`${bad}:1:1: error`);
  });

  it('shows a code frame and a hint with --frame', () => {
    const path = file('frame.txt', '1.甲任务。(责任单位:县住建局\n');
    const out = plan('check', '--frame', path);
    expect(out.stdout).toMatch(/\[unclosed-clause\]\n.*\n1 \| 1\.甲任务.*\n.*\^\n {2}hint: /);
  });

  it('prints the one-line form to a pipe, with --no-frame, and for text that belongs to no task', () => {
    const path = file('stray.txt', '1.甲任务。(责任单位:县住建局)\n混进来的一段话。\n2.乙任务。(责任单位:县水务局)\n');
    for (const out of [plan('check', path), plan('check', '--no-frame', path)]) {
      expect(out.code).toBe(0);
      expect(out.stdout).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:1: warning .*混进来的一段话.* \\[unassigned-text\\]$`, 'm'));
      expect(out.stdout).not.toContain('hint:');
    }
    expect(plan('check', '--frame', path).stdout).toMatch(/\[unassigned-text\]\n.*\n2 \| 混进来的一段话。\n.*\^\n {2}hint: .*move it into the task/);
  });

  it('never writes control characters of the plan to the terminal', () => {
    const path = file('escape.txt', `1.甲任务${'加强安全生产'.repeat(20)}\u001b[2J\u202e。(责任单位:县住建局\n`);
    const out = plan('check', '--frame', path);
    expect(out.stdout).toContain('\\u{1b}[2J\\u{202e}');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character must not reach the terminal.
    expect(out.stdout).not.toMatch(/[\u001b\u202e]/);
  });

  it('says what is wrong with the command line without a stack trace', () => {
    const out = plan('check', join(dir, 'missing.txt'));
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('missing.txt:1:1: error');
    expect(plan('frobnicate').code).toBe(2);
    expect(plan('parse').stderr).toContain('Missing <file>');
  });
});

describe('plan check of a plan with a progress report', { timeout: PROCESS_TIMEOUT }, () => {
  it("lists the report's bad rows by file, row and column beside the plan's own messages", () => {
    const out = plan('check', 'examples/with-progress/plans/2022-work-safety.txt');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('examples/with-progress/plans/2022-work-safety.txt:33:306: info');
    expect(out.stdout).toMatch(/^examples\/with-progress\/progress\/2022-work-safety\.csv:25:4: warning .*基本完成.* \[progress-bad-status\]$/m);
  });
});

describe('plan parse', { timeout: PROCESS_TIMEOUT }, () => {
  it('prints a PlanDocument that the schema accepts, for the seed', () => {
    const out = plan('parse', 'content/plans/2022-work-safety.txt');
    expect(out.code).toBe(0);
    const doc = PlanDocumentSchema.parse(JSON.parse(out.stdout));
    expect(doc.tasks).toHaveLength(30);
    expect(doc.year).toBe(2022);
    expect(doc.units.length).toBeGreaterThanOrEqual(21);
  });

  it('reads the seed the same in GB18030, UTF-16 with BOM and UTF-8 with BOM and CRLF', async () => {
    const { registry } = UnitRegistry.fromYaml(readFileSync('content/units.yaml', 'utf8'));
    const seed = readFileSync('content/plans/2022-work-safety.txt', 'utf8');
    const read = (bytes: Uint8Array) => parsePlan(bytes, { path: 'seed.txt', registry: registry.fork(), metadata: { year: 2022 } }).document;
    const base = read(Buffer.from(seed));
    const shape = (doc: typeof base) => doc.tasks.map((t) => ({ id: t.id, path: t.path, text: t.text, assignments: t.assignments, deadlines: t.deadlines }));
    const variants = {
      gb18030: iconv.encode(seed, 'gb18030'),
      'utf-16le': Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(seed, 'utf-16le')]),
      'utf-16be': Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(seed, 'utf-16be')]),
      'utf-8-bom': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed.replace(/\n/g, '\r\n'))]),
    };
    for (const [encoding, bytes] of Object.entries(variants)) {
      const doc = read(new Uint8Array(bytes));
      expect(doc.source.encoding).toBe(encoding);
      expect(shape(doc)).toEqual(shape(base));
    }
  });
});
