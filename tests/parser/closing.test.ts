/** A plan's 落款 and 版记 after its last task are the document's: no task text, no stray text, no units. */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/lib/pipeline.ts';
import { UnitRegistry } from '../../src/lib/registry.ts';

const parse = (text: string) =>
  parsePlan(new Uint8Array(Buffer.from(text)), { path: 'plan.txt', registry: UnitRegistry.empty(), metadata: { year: 2026 } }).document;

const TASKS = `一、强化责任
1.开展隐患排查整治。(责任单位:县应急局)
2.推进企业标准化建设。(责任单位:县住建局、县交通运输局)
`;

describe('the closing of a plan', () => {
  it('keeps the 落款, 此件 line and 版记 out of the last task and reports none of them', () => {
    const doc = parse(
      `${TASKS}\n　　　　县安全生产委员会办公室\n　　　　2026年3月1日\n（此件公开发布）\n\n抄送：县委办公室。\n县安全生产委员会办公室　　　2026年3月2日印发\n共印20份\n`,
    );
    expect(doc.tasks.map((t) => t.number)).toEqual(['1', '2']);
    expect(doc.tasks[1]!.text).not.toContain('办公室');
    expect(doc.tasks[1]!.text).not.toContain('抄送');
    expect(doc.diagnostics.filter((d) => d.ruleId === 'unassigned-text')).toEqual([]);
    expect(doc.tasks[1]!.assignments.map((a) => a.name)).toEqual(['县住建局', '县交通运输局']);
    expect(doc.issuer).toBe('县安全生产委员会办公室');
    expect(doc.date).toBe('2026-03-01');
  });

  it('reads the points of a short notice that signs at its end as the plan', () => {
    const doc = parse(
      `关于做好汛期防范工作的通知\n\n各乡镇人民政府：\n　　现就有关事项通知如下：\n${TASKS}\n　　　　县安全生产委员会办公室\n　　　　2026年6月2日\n\n抄送：县委办公室。\n县安全生产委员会办公室　　2026年6月2日印发\n共印30份\n`,
    );
    expect(doc.tasks.map((t) => t.number)).toEqual(['1', '2']);
    expect(doc.diagnostics.some((d) => d.ruleId === 'no-tasks')).toBe(false);
  });

  it('leaves a unit and a date that end the text, with no 落款 form, to the last task', () => {
    // A units line and a date line alone are a task's own lines, not an office signing.
    const doc = parse(`1.开展隐患排查整治。\n责任单位：县应急局\n完成时限：2026年12月31日\n`);
    expect(doc.tasks[0]!.assignments.map((a) => a.name)).toEqual(['县应急局']);
    expect(doc.tasks[0]!.deadlines.map((d) => d.date)).toEqual(['2026-12-31']);
  });

  it('leaves a stray office line that no date follows to be reported', () => {
    const doc = parse(`${TASKS}\n县应急管理局\n`);
    expect(doc.diagnostics.filter((d) => d.ruleId === 'unassigned-text').map((d) => d.message)).toEqual([expect.stringContaining('县应急管理局')]);
  });
});
