import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from '../../src/lib/pipeline.ts';
import type { OutlineNode, Task } from '../../src/lib/schema.ts';

const SEED = 'content/plans/2022-work-safety.txt';
const parsed = await parsePlanFile(SEED);
const doc = parsed.document;
const task = (n: number): Task => doc.tasks.find((t) => t.number === String(n) && t.path.length > 0)!;
const short = (t: Task) => t.assignments.map((a) => `${a.mention}/${a.role}`);

const count = (kind: string) => {
  let n = 0;
  const walk = (nodes: OutlineNode[]) =>
    nodes.forEach((x) => {
      if (x.kind === kind) n++;
      walk(x.children);
    });
  walk(doc.outline);
  return n;
};

/** Every task's units as the seed writes them (r = responsible, l = lead, s = support). */
const EXPECTED: Record<number, string> = {
  1: '各镇党委 各镇政府 县安委会办公室',
  2: '县安委会各成员单位',
  3: '县发改局 县市场监管局 县交通运输局 县商务局 县自然资源局 县应急管理局 生态环境分局',
  4: '各镇政府 县安委会有关成员单位',
  5: '县住建局 县交通运输局 县公安局 县应急管理局 县工信局 县市场监管局 县安委会有关成员单位',
  6: '县安委会办公室',
  7: '县安委会办公室',
  8: '县安委会办公室',
  9: '各镇党委 各镇政府 县安委会各成员单位',
  10: '各镇政府 县安委会各成员单位',
  11: '各镇政府 县安委会各成员单位',
  12: '县安委会各有关成员单位',
  13: '县委组织部 县委编办 县应急管理局 各镇政府',
  14: '县安委会各有关成员单位',
  15: '县发改局 县住建局 县交通运输局 县公安局 县应急管理局 县市场监管局 县安委会各有关成员单位',
  16: '县市场监管局 县安委会各有关成员单位',
  17: '各镇政府 县安委会办公室',
  18: '县应急管理局 县住建局 县交通运输局 县安委会各相关成员单位',
  19: '各镇政府 县安委会各成员单位',
  20: '县住建局',
  21: 'l:县住建局 s:县发改局 s:县自然资源局 s:县水务局 s:县消防救援大队',
  22: '县交通运输局 县公安局',
  23: '县委政法委',
  24: 'l:县住建局 s:县发改局 s:县市场监管局 s:县商务局 s:县交通运输局 s:县公安局 s:县应急管理局 s:县教育局 s:县卫健局',
  25: '县应急管理局',
  26: '各镇政府 县应急管理局 县公安局 县自然资源局',
  27: '县应急管理局',
  28: '县消防救援大队',
  29: '县市场监管局',
  30: '县安委会各成员单位',
};
const ROLE: Record<string, string> = { l: 'lead', s: 'support', r: 'responsible' };

describe('the seed plan', () => {
  it('ships byte for byte', () => {
    // The published seed (000_329efd7c44b2448a.txt), unchanged.
    expect(createHash('sha256').update(readFileSync(SEED)).digest('hex')).toBe('6d08f9291df3741df7d34b8e3e2fef7b51ad7f87f4fb2e103d72808f9aac21e1');
    expect(doc.source.sha256).toBe('6d08f9291df3741df7d34b8e3e2fef7b51ad7f87f4fb2e103d72808f9aac21e1');
  });

  it('has 4 parts, 15 sections and 30 tasks', () => {
    expect(count('part')).toBe(4);
    expect(count('section')).toBe(15);
    expect(doc.tasks).toHaveLength(30);
    expect(doc.tasks.map((t) => t.number)).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1)));
  });

  it('puts every task under the right part and section', () => {
    const sectionOf = [1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 5, 6, 7, 8, 9, 9, 10, 11, 12, 13, 14, 15];
    const partOf = (s: number) => (s <= 2 ? 1 : s <= 5 ? 2 : 3);
    sectionOf.forEach((s, i) => {
      expect(task(i + 1).path, `task ${i + 1}`).toEqual([`part-${partOf(s)}`, `section-${s}`]);
    });
    // Part 四 has no sections: task 30 sits directly under it.
    expect(task(30).path).toEqual(['part-4']);
    expect(doc.outline[3]!.children.map((c) => c.id)).toEqual(['task-30']);
  });

  it('reads every unit and role', () => {
    for (const [n, spec] of Object.entries(EXPECTED)) {
      const want = spec.split(' ').map((s) => (s.includes(':') ? `${s.slice(2)}/${ROLE[s[0]!]}` : `${s}/responsible`));
      expect(short(task(Number(n))), `task ${n}`).toEqual(want);
    }
  });

  it('resolves every mention to a registered unit', () => {
    expect(doc.diagnostics.filter((d) => d.ruleId === 'unknown-unit')).toEqual([]);
    expect(task(1).assignments.map((a) => a.name)).toContain('县安全生产委员会办公室');
    const group = new Set([2, 4, 12, 18].map((n) => task(n).assignments.at(-1)!.unit));
    expect(group.size).toBe(1);
  });

  it('reports task 19 as unlabeled units, and nothing worse anywhere', () => {
    const unlabeled = doc.diagnostics.filter((d) => d.ruleId === 'unlabeled-units');
    expect(unlabeled).toHaveLength(1);
    expect(unlabeled[0]).toMatchObject({ severity: 'info', line: task(19).position.start.line });
    expect(doc.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('reads task 25’s deadline and the referenced laws', () => {
    expect(task(25).deadlines).toEqual([{ text: '2022年11 月20日前', date: '2022-11-20' }]);
    expect(task(9).references).toEqual(['《安全生产法》', '《甘肃省安全生产条例》']);
    expect(doc.tasks.filter((t) => t.deadlines.length > 0).map((t) => t.number)).toEqual(['25']);
  });

  it('keeps sections’ titles and body text apart and strips clauses from task text', () => {
    const section = doc.outline[0]!.children[0]!;
    expect(section.title).toBe('全面压实安全生产责任');
    expect(section.text).toBe('强化各级安全生产责任,紧盯“关键少数”,刚性落实党政领导干部安全生产责任制规定。');
    for (const t of doc.tasks) expect(t.text, `task ${t.number}`).not.toMatch(/责任单位/);
    expect(task(24).text).toContain('餐饮企业(门店)');
  });

  it('keeps the introduction as preamble and every line in place', () => {
    expect(doc.preamble.startsWith('为全面贯彻党的十九大')).toBe(true);
    const lines = parsed.sourceText.split('\n');
    for (const t of doc.tasks) expect(lines[t.position.start.line - 1]!.startsWith(`${t.number}.`)).toBe(true);
    expect(doc.source).toMatchObject({ path: SEED, encoding: 'utf-8' });
  });
});
