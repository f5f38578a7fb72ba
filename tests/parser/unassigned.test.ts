/** Text that belongs to no task is moved out of the tasks and reported at its line (`unassigned-text`). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/lib/pipeline.ts';
import { UnitRegistry } from '../../src/lib/registry.ts';

const parse = (text: string) =>
  parsePlan(new Uint8Array(Buffer.from(text)), { path: 'plan.txt', registry: UnitRegistry.empty(), metadata: { year: 2024 } }).document;

const PLAN = `一、总体要求
(一)压实责任
1.修订安全生产责任清单，年底前印发。(责任单位:县安委会办公室)
这一段是从网页复制时混进来的说明文字，不属于任何任务。
2.开展安全生产巡查。
牵头单位:县应急管理局
另一段游离文字。
3.标题式任务(牵头单位:县住建局)
这是任务3的正文，应当保留在任务里。
(二)其他
本节说明文字属于小节。
4.最后一项。(责任单位:县水务局)
`;

describe('unassigned text', () => {
  it('reports a stray paragraph between tasks at its line and keeps it out of the tasks', () => {
    const doc = parse(PLAN);
    const found = doc.diagnostics.filter((d) => d.ruleId === 'unassigned-text');
    expect(found.map((d) => [d.severity, d.line, d.column])).toEqual([
      ['warning', 4, 1],
      ['warning', 7, 1],
    ]);
    expect(found[0]!.message).toContain('这一段是从网页复制时混进来的说明文字');
    const text = Object.fromEntries(doc.tasks.map((t) => [t.number, t.text]));
    expect(text['1']).not.toContain('说明文字');
    expect(text['2']).not.toContain('游离');
    // A body after a title-like first line, and a section's introduction, are not stray.
    expect(text['3']).toContain('这是任务3的正文');
    expect(doc.tasks.map((t) => t.number)).toEqual(['1', '2', '3', '4']);
  });

  it('finds none in the seed plan', () => {
    const { registry } = UnitRegistry.fromYaml(readFileSync('content/units.yaml', 'utf8'));
    const doc = parsePlan(new Uint8Array(readFileSync('content/plans/2022-work-safety.txt')), { path: 'seed.txt', registry });
    expect(doc.document.diagnostics.filter((d) => d.ruleId === 'unassigned-text')).toEqual([]);
  });
});
