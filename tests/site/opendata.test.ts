/** Shaping of the open data (CSV rows, ledger rows, unit sheets, JSON Schema), on the seed and on edge cases. */
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { loadContent } from '../../src/lib/pipeline.ts';
import type { Task } from '../../src/lib/schema.ts';
import {
  ASSIGNMENT_HEADER,
  LEDGER_HEADER,
  assignmentRows,
  assignmentsCsv,
  ledgerRows,
  planJsonSchema,
  sheetNames,
  taskFullText,
  toCsv,
  unitLedgers,
  unitsOfTask,
} from '../../src/site/opendata.ts';
import { validate } from '../support/json-schema.ts';

const content = await loadContent('content');
const plan = content.plans[0]!;
const doc = plan.document;
const task = (n: string) => doc.tasks.find((t) => t.id === `task-${n}`)!;

describe('toCsv', () => {
  it('starts with a BOM, quotes every field, doubles quotes and ends lines with CRLF', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        ['x,y', 'say "hi"'],
        ['line\nbreak', '=1+1'],
      ],
    );
    expect(csv.startsWith('\uFEFF"a","b"\r\n')).toBe(true);
    expect(csv).toContain('"x,y","say ""hi"""\r\n');
    expect(csv.endsWith('"line\nbreak","\'=1+1"\r\n')).toBe(true);
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows).toEqual([
      ['a', 'b'],
      ['x,y', 'say "hi"'],
      ['line\nbreak', "'=1+1"],
    ]);
  });
});

describe('assignment rows of the seed', () => {
  const rows = assignmentRows(doc);

  it('has one row per task × unit, for all 30 tasks, with 牵头 / 配合 / 责任 roles', () => {
    const pairs = new Set(doc.tasks.flatMap((t) => t.effectiveAssignments.map((a) => `${t.id}|${a.name}`)));
    expect(rows).toHaveLength(pairs.size);
    expect(new Set(rows.map((r) => r.number)).size).toBe(30);
    expect(new Set(rows.map((r) => r.role))).toEqual(new Set(['牵头', '配合', '责任']));
    const gas = rows.filter((r) => r.number === '24');
    expect(gas.filter((r) => r.role === '牵头').map((r) => r.unit)).toEqual(['县住房和城乡建设局']);
    expect(gas.filter((r) => r.role === '配合')).toHaveLength(8);
    expect(rows.find((r) => r.number === '25')!.deadline).toMatch(/^2022年11\s*月20日前$/);
  });

  it('carries the full task text, not the short label', () => {
    const row = rows.find((r) => r.number === '24')!;
    expect(row.task).toBe(task('24').text.trim());
    expect(row.task.length).toBeGreaterThan(60);
  });

  it('produces a CSV that reads back to the same rows', () => {
    const back = parse(assignmentsCsv(doc), { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(back[0]!)).toEqual([...ASSIGNMENT_HEADER]);
    expect(back.map((r) => [r.序号, r.单位, r.角色])).toEqual(rows.map((r) => [r.number, r.unit, r.role]));
  });
});

describe('unitsOfTask', () => {
  it('keeps a unit named twice once, with its strongest role', () => {
    const t = {
      effectiveAssignments: [
        { unit: 'a', name: 'A', mention: 'A', role: 'support' as const },
        { unit: 'b', name: 'B', mention: 'B', role: 'support' as const },
        { unit: 'a', name: 'A', mention: 'A局', role: 'lead' as const },
      ],
    };
    expect(unitsOfTask(t)).toEqual([
      { unit: 'a', name: 'A', role: 'lead' },
      { unit: 'b', name: 'B', role: 'support' },
    ]);
  });
});

describe('taskFullText', () => {
  it('keeps a lead phrase that is part of the text once, and joins a separate heading', () => {
    expect(taskFullText({ title: '加强领导', text: '加强领导。细化分工。' })).toBe('加强领导。细化分工。');
    expect(taskFullText({ title: '燃气安全', text: '开展排查。' })).toBe('燃气安全。开展排查。');
    expect(taskFullText({ title: '燃气安全:', text: '开展排查。' })).toBe('燃气安全:开展排查。');
    expect(taskFullText({ text: ' 只有正文 ' })).toBe('只有正文');
  });
});

describe('ledger rows of the seed', () => {
  const rows = ledgerRows(doc);

  it('has the 台账 columns and one row per task, units split by role', () => {
    expect(LEDGER_HEADER).toEqual(['序号', '重点任务', '牵头单位', '配合单位', '责任单位', '完成时限', '备注', '来源']);
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['原文']));
    expect(rows.map((r) => r.number)).toEqual(doc.tasks.map((t) => t.id.replace('task-', '')));
    const gas = rows.find((r) => r.number === '24')!;
    expect(gas.lead).toBe('县住房和城乡建设局');
    expect(gas.support.split('、')).toHaveLength(8);
    expect(gas.responsible).toBe('');
    expect(gas.note).toMatch(/^原文第 \d+(–\d+)? 行$/);
    expect(rows.find((r) => r.number === '23')!.responsible).toBe('县委政法委员会');
  });

  it('says when a task takes its units from the level above', () => {
    const inherited: Task = { ...task('24'), id: 'task-99', assignments: [], path: [task('24').path[0]!] };
    const parent = doc.outline.find((n) => n.id === inherited.path[0])!;
    const withParentUnits = { ...doc, outline: [{ ...parent, assignments: task('24').assignments }], tasks: [inherited] };
    expect(ledgerRows(withParentUnits)[0]!.note).toMatch(/^责任单位沿用上级“.+”;原文第/);
  });
});

describe('unit ledgers of the seed', () => {
  const ledgers = unitLedgers(plan, content.units);

  it('gives each unit with a task its own rows, including tasks held through a group, each task once', () => {
    const zhujian = ledgers.find((l) => l.unit.id === 'zhujian')!;
    expect(zhujian.rows.find((r) => r.number === '24')).toMatchObject({ role: '牵头' });
    const members = ledgers.find((l) => l.unit.id === 'anweihui-members')!;
    const viaGroup = zhujian.rows.filter((r) => r.note.startsWith('作为县安'));
    const direct = new Set(zhujian.rows.filter((r) => !r.note.startsWith('作为县安')).map((r) => r.number));
    expect(direct.size).toBeGreaterThan(0);
    expect(viaGroup.map((r) => r.number)).toEqual(members.rows.map((r) => r.number).filter((n) => !direct.has(n)));
    expect(new Set(zhujian.rows.map((r) => r.number)).size).toBe(zhujian.rows.length);
    expect(ledgers.every((l) => l.rows.length > 0)).toBe(true);
  });

  it('lists every unit of the CSV', () => {
    const csvUnits = new Set(assignmentRows(doc).map((r) => r.unit));
    const ledgerUnits = new Set(ledgers.map((l) => l.unit.name));
    for (const unit of csvUnits) expect(ledgerUnits).toContain(unit);
  });
});

describe('sheetNames', () => {
  it('removes characters Excel refuses, cuts to 31 characters and keeps names unique', () => {
    const long = '县'.repeat(40);
    const names = sheetNames(['镇/街道', 'A[1]:*?', long, long, 'Sheet', '任务分工台账'], ['任务分工台账']);
    expect(names[0]).toBe('镇_街道');
    expect(names[1]).toBe('A_1____');
    expect([...names[2]!]).toHaveLength(31);
    expect([...names[3]!]).toHaveLength(31);
    expect(names[3]).toMatch(/\(2\)$/);
    expect(names[5]).toBe('任务分工台账(2)');
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('planJsonSchema', () => {
  const schema = planJsonSchema();

  it('is a 2020-12 schema that the seed PlanDocument satisfies', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(validate(schema, JSON.parse(JSON.stringify(doc)))).toEqual([]);
  });

  it('rejects what the Zod schema rejects', () => {
    const bad = JSON.parse(JSON.stringify(doc));
    bad.tasks[0].effectiveAssignments[0].role = 'boss';
    bad.tasks[1].deadlines.push({ text: 'x', date: '2022/1/1' });
    delete bad.source.sha256;
    bad.outline[0].children[0].extra = 1;
    const errors = validate(schema, bad);
    expect(errors).toContain('$.tasks.0.effectiveAssignments.0.role enum must be equal to one of the allowed values');
    expect(errors.some((e) => e.startsWith('$.tasks.1.deadlines.0.date pattern'))).toBe(true);
    expect(errors).toContain('$.source required sha256');
    expect(errors.some((e) => e.endsWith('additionalProperties extra'))).toBe(true);
  });
});
