/**
 * Corrections (content/corrections/<plan-id>.yaml): applied after parsing, marked in the data, and
 * every correction that no longer applies reported at its place in the YAML, the rest still applied.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readGold, score } from '../scripts/lib/score.ts';
import { applyCorrections, readCorrections, taskTextHash, taskTextKey } from '../src/lib/corrections.ts';
import { loadContent, parsePlan, parsePlanFile } from '../src/lib/pipeline.ts';
import { UnitRegistry } from '../src/lib/registry.ts';
import { PlanDocumentSchema } from '../src/lib/schema.ts';
import { runPlan } from './support/plan-command.ts';
import { PROCESS_TIMEOUT } from './support/timeouts.ts';

const CASE = 'tests/fixtures/corrected/misreads';
const UNITS = 'content/units.yaml';
const registry = () => UnitRegistry.fromYaml(readFileSync(UNITS, 'utf8')).registry.fork();

const PLAN = [
  '一、总体要求',
  '1.健全联席会议机制,按季度研究问题。(责任单位:县交通运输局牵头,有关部门配合)',
  '2.完善劝导站建设。(县公安局、各镇人民政府)',
  '3.开展宣传进校园活动。(责任单位:县教育局)',
  '4.排查危险路段。',
  '',
].join('\n');

/** The plan parsed, then the corrections applied, as the pipeline does. */
function corrected(yaml: string) {
  const reg = registry();
  const parsed = parsePlan(new TextEncoder().encode(PLAN), { path: 'plan.txt', id: 'p', registry: reg });
  const file = readCorrections(yaml, 'c.yaml');
  return applyCorrections(parsed.document, file, reg);
}

const places = (diagnostics: { line: number; column: number; ruleId: string }[], ruleId: string) =>
  diagnostics.filter((d) => d.ruleId === ruleId).map((d) => `${d.line}:${d.column}`);

describe('a plan with deliberate misreads', () => {
  it('misses its gold without corrections and reaches it exactly with them', async () => {
    const gold = readGold(CASE);
    const alone = await parsePlanFile(`${CASE}/input.txt`, { unitsPath: UNITS, corrections: false });
    const without = score(alone.document, gold);
    expect(without.f1).toBeLessThan(0.7);
    expect(without.misses).toContain('task 1: unexpected 有关部门|support');
    expect(without.misses).toContain('task 4: missing 县交通运输局|lead');
    const fixed = await parsePlanFile(`${CASE}/input.txt`, { unitsPath: UNITS, corrections: `${CASE}/corrections.yaml` });
    const s = score(fixed.document, gold);
    expect(s.misses).toEqual([]);
    expect(s.f1).toBe(1);
    expect(fixed.corrections!.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(places(fixed.corrections!.diagnostics, 'correction-applied')).toEqual(['2:3', '9:3', '15:3', '21:3']);
  });

  it('marks what the corrections changed in plan.json: origin, note, and what each took away', async () => {
    const { document } = await parsePlanFile(`${CASE}/input.txt`, { unitsPath: UNITS, corrections: `${CASE}/corrections.yaml` });
    expect(PlanDocumentSchema.parse(document)).toEqual(document);
    const task1 = document.tasks.find((t) => t.id === 'task-1')!;
    expect(task1.effectiveAssignments.map((a) => [a.name, a.role, a.origin])).toEqual([
      ['县交通运输局', 'lead', 'parsed'],
      ['县公安局', 'support', 'corrected'],
      ['县应急管理局', 'support', 'corrected'],
    ]);
    expect(task1.effectiveAssignments[1]!.note).toBe('原文“有关部门”指县公安局、县应急管理局');
    // The outline node says the same as the flat task.
    expect(document.outline[0]!.children[0]!.assignments).toEqual(task1.assignments);
    // A role corrected keeps the plan's spelling of the unit.
    const task5 = document.tasks.find((t) => t.id === 'task-5')!;
    expect(task5.assignments.map((a) => `${a.mention} ${a.role} ${a.origin}`)).toEqual(['县公安局 support parsed', '县交通运输局 lead corrected']);
    expect(document.corrections!.map((c) => [c.task, c.source])).toEqual([
      ['task-1', `${CASE}/corrections.yaml:2:3`],
      ['task-2', `${CASE}/corrections.yaml:9:3`],
      ['task-4', `${CASE}/corrections.yaml:15:3`],
      ['task-5', `${CASE}/corrections.yaml:21:3`],
    ]);
    expect(document.corrections![0]!.removed).toEqual([{ unit: 'you-guan-bu-men', name: '有关部门', mention: '有关部门', role: 'support' }]);
    // A task a correction gave its units no longer lacks them.
    expect(document.diagnostics.map((d) => d.ruleId)).not.toContain('task-without-units');
    const alone = await parsePlanFile(`${CASE}/input.txt`, { unitsPath: UNITS, corrections: false });
    expect(alone.document.diagnostics.map((d) => d.ruleId)).toContain('task-without-units');
    expect(alone.document.corrections).toBeUndefined();
    expect(alone.document.tasks.flatMap((t) => t.assignments.map((a) => a.origin))).toEqual(
      alone.document.tasks.flatMap((t) => t.assignments.map(() => 'parsed')),
    );
  });
});

describe('a correction that no longer applies', () => {
  const t1 = `text: ${taskTextKey('健全联席会议机制')}`;
  it.each([
    [
      'an unknown task',
      `- task: "9"\n  text: 健全\n  note: 说明\n  add: [{ unit: 县公安局, role: support }]\n`,
      '1:9',
      /Unexpected task `9`.*expected one of its 4 tasks/,
    ],
    [
      'a task whose text changed',
      `- task: "1"\n  text: 建立联席会议机制\n  note: 说明\n  add: [{ unit: 县公安局, role: support }]\n`,
      '2:9',
      /Unexpected text of task `1`, expected it to begin `建立联席会议机制`: it now begins `健全联席会议机制/,
    ],
    [
      'a task whose hash changed',
      `- task: "1"\n  hash: 0000aaaa\n  note: 说明\n  add: [{ unit: 县公安局, role: support }]\n`,
      '2:9',
      /expected the text whose hash begins `0000aaaa`/,
    ],
    [
      'a removed unit that is not there',
      `- task: "1"\n  ${t1}\n  note: 说明\n  remove: [县住建局]\n`,
      '4:12',
      /`remove` of `县住建局` that task `1` does not name/,
    ],
    [
      'an added unit already there',
      `- task: "1"\n  ${t1}\n  note: 说明\n  add:\n    - { unit: 县交通运输局, role: support }\n`,
      '5:15',
      /`add` of `县交通运输局` that task `1` already names \(as lead\)/,
    ],
    [
      'a set the plan already reads',
      `- task: "3"\n  text: 开展宣传\n  note: 说明\n  set:\n    - { unit: 县教育局, role: responsible }\n`,
      '5:15',
      /`set` of task `3` that the plan already reads so/,
    ],
  ])('is a stale-correction warning at its place: %s', (_, yaml, place, message) => {
    const { diagnostics, applied } = corrected(yaml);
    expect(applied).toEqual([]);
    const stale = diagnostics.filter((d) => d.ruleId === 'stale-correction');
    expect(stale.map((d) => `${d.path}:${d.line}:${d.column} ${d.severity}`)).toEqual([`c.yaml:${place} warning`]);
    expect(stale[0]!.message).toMatch(message);
  });

  it('names the task that now begins with the text, when it was renumbered', () => {
    const { diagnostics } = corrected(`- task: "7"\n  text: 排查危险路段\n  note: 说明\n  add: [{ unit: 县公安局, role: lead }]\n`);
    expect(diagnostics[0]!.message).toContain('the text now begins task `4`');
  });

  it('leaves the rest of the file in force', () => {
    const yaml = [
      '- task: "9"',
      '  text: 无',
      '  note: 已无此任务',
      '  add: [{ unit: 县公安局, role: lead }]',
      '- task: "4"',
      `  hash: ${taskTextHash('排查危险路段。').slice(0, 8)}`,
      '  note: 原文漏列',
      '  add: [{ unit: 县交通运输局, role: lead }, { unit: 县新设局, role: support }]',
      '- task: "1"',
      `  ${t1}`,
      '  note: 说明',
      '  remove: [县住建局, 有关部门]',
      '',
    ].join('\n');
    const { document, diagnostics, applied } = corrected(yaml);
    expect(places(diagnostics, 'stale-correction')).toEqual(['1:9', '12:12']);
    expect(applied.map((c) => c.task)).toEqual(['task-4', 'task-1']);
    const task4 = document.tasks.find((t) => t.id === 'task-4')!;
    expect(task4.effectiveAssignments.map((a) => `${a.name} ${a.role} ${a.origin}`)).toEqual(['县交通运输局 lead corrected', '县新设局 support corrected']);
    // A unit the registry does not know is added as new, and listed with the plan's units.
    expect(document.units.map((u) => u.name)).toContain('县新设局');
    expect(document.tasks.find((t) => t.id === 'task-1')!.assignments.map((a) => a.name)).toEqual(['县交通运输局']);
  });
});

describe('a corrections file that cannot be read', () => {
  it.each([
    ['a YAML syntax error', '- task: "1"\n  note: [unclosed\n', /./],
    ['no list', 'task: "1"\n', /expected a list of corrections/],
    ['no note', '- task: "1"\n  text: 健全\n  add: [{ unit: 县公安局, role: support }]\n', /`note`/],
    ['an unknown key', '- task: "1"\n  text: 健全\n  note: 说明\n  units: [县公安局]\n', /units/],
    ['a role that is none', '- task: "1"\n  text: 健全\n  note: 说明\n  add: [{ unit: 县公安局, role: boss }]\n', /`add.0.role`/],
    [
      'set with add',
      '- task: "1"\n  text: 健全\n  note: 说明\n  set: [{ unit: 县公安局, role: lead }]\n  add: [{ unit: 县财政局, role: lead }]\n',
      /`set` alone/,
    ],
    [
      'no text or hash',
      '- task: "1"\n  note: 说明\n  add: [{ unit: 县公安局, role: support }]\n',
      /expected `text: 健全联席会议机制,按季度` \(or `hash: [0-9a-f]{8}`\)/,
    ],
  ])('is a bad-corrections error: %s', (_, yaml, message) => {
    const { diagnostics, applied } = corrected(yaml);
    expect(applied).toEqual([]);
    const bad = diagnostics.filter((d) => d.ruleId === 'bad-corrections');
    expect(bad.length).toBeGreaterThan(0);
    expect(bad.every((d) => d.severity === 'error' && d.line >= 1 && d.column >= 1)).toBe(true);
    expect(bad.map((d) => d.message).join('\n')).toMatch(message);
  });

  it('points at the value at fault', () => {
    const { diagnostics } = corrected('- task: "1"\n  text: 健全\n  note: 说明\n  add:\n    - { unit: 县公安局, role: boss }\n');
    expect(places(diagnostics, 'bad-corrections')).toEqual(['5:27']);
  });

  it('reads an empty file as no corrections', () => {
    expect(readCorrections('', 'c.yaml')).toEqual({ path: 'c.yaml', corrections: [], problems: [] });
    expect(readCorrections('# none yet\n', 'c.yaml').problems).toEqual([]);
  });
});

describe('corrections in a content folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-corrections-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'plans'));
  mkdirSync(join(dir, 'corrections'));
  cpSync(`${CASE}/input.txt`, join(dir, 'plans', '2024-roads.txt'));
  cpSync(UNITS, join(dir, 'units.yaml'));
  writeFileSync(
    join(dir, 'corrections', '2024-roads.yaml'),
    `${readFileSync(`${CASE}/corrections.yaml`, 'utf8')}- task: "99"\n  text: 无\n  note: 已删除的任务\n  remove: [县公安局]\n`,
  );
  writeFileSync(join(dir, 'corrections', '2019-gone.yaml'), '[]\n');

  it('are applied by the build, their problems reported with the others', async () => {
    const content = await loadContent(dir);
    const plan = content.plans[0]!;
    expect(plan.corrections!.applied.map((c) => c.task)).toEqual(['task-1', 'task-2', 'task-4', 'task-5']);
    const own = content.diagnostics.filter((d) => d.path.endsWith('2024-roads.yaml'));
    expect(own.map((d) => `${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      '2:3 correction-applied',
      '9:3 correction-applied',
      '15:3 correction-applied',
      '21:3 correction-applied',
      '27:9 stale-correction',
    ]);
    const orphan = content.diagnostics.find((d) => d.path.endsWith('2019-gone.yaml'))!;
    expect([orphan.ruleId, orphan.severity]).toEqual(['stale-correction', 'warning']);
    expect(content.errors).toEqual([]);
  });

  it('are reported by plan check, and left out with --no-corrections', { timeout: PROCESS_TIMEOUT }, () => {
    const path = join(dir, 'plans', '2024-roads.txt');
    const out = runPlan('check', path);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/corrections\/2024-roads\.yaml:27:9: warning Unexpected task `99`.* \[stale-correction\]$/m);
    expect(out.stdout).toMatch(/corrections\/2024-roads\.yaml:2:3: info Corrected task `1`: \+县公安局 \(配合\).* \[correction-applied\]$/m);
    expect(out.stdout).not.toContain('task-without-units');
    const alone = runPlan('check', '--no-corrections', path);
    expect(alone.stdout).not.toMatch(/correction-applied|stale-correction/);
    expect(alone.stdout).toContain('[task-without-units]');
    const parsed = runPlan('parse', path);
    expect(parsed.code).toBe(0);
    const document = JSON.parse(parsed.stdout);
    expect(document.tasks[0].assignments.map((a: { origin: string }) => a.origin)).toEqual(['parsed', 'corrected', 'corrected']);
    expect(parsed.stderr).toContain('[stale-correction]');
  });
});
