/**
 * Terse forms of real plans, each read by one rule of the lexicon: 会 for 会同 between two names,
 * a 科室 whose name opens with a word that opens sentences too, a schedule of dated steps in a
 * 完成时限 cell, and a unit list the copy was cut in.
 */
import { describe, expect, it } from 'vitest';
import { parsePlanBytes } from '../../src/lib/pipeline.ts';

async function read(lines: string[]) {
  const { document } = await parsePlanBytes(new TextEncoder().encode(lines.join('\n') + '\n'), { path: 'plan.txt' });
  return document;
}

const units = (document: Awaited<ReturnType<typeof read>>) => document.tasks.map((t) => t.assignments.map((a) => `${a.mention}|${a.role}`));

describe('会 for 会同', () => {
  it('splits two names it joins: the first leads, the second supports', async () => {
    const d = await read(['一、信息公开', '1.每季度举办新闻发布会。(责任单位:县委宣传部会县政府办公室)']);
    expect(units(d)).toEqual([['县委宣传部|lead', '县政府办公室|support']]);
  });

  it('leaves names that hold 会 whole (管委会, 会计, 会展, 委员会)', async () => {
    const d = await read([
      '一、服务保障',
      '1.完善园区服务。(责任单位:县开发区管委会办公室、县财政局会计核算中心)',
      '2.办好展会。(责任单位:县会展中心、县人大常委会办公室)',
    ]);
    expect(units(d)).toEqual([
      ['县开发区管委会办公室|responsible', '县财政局会计核算中心|responsible'],
      ['县会展中心|responsible', '县人大常委会办公室|responsible'],
    ]);
  });
});

describe('names that open with a word of sentences', () => {
  it('reads 组织人事科 as a unit and 组织 before a placed name as the sentence', async () => {
    const d = await read(['一、队伍建设', '1.做好岗位竞聘。(责任科室:组织人事科、机关党委)', '2.开展教师培训,由组织县教师发展中心负责。']);
    expect(units(d)[0]).toEqual(['组织人事科|responsible', '机关党委|responsible']);
    expect(units(d)[1]).not.toContain('组织人事科|responsible');
  });
});

describe('a schedule in a deadline cell', () => {
  it('dates each step of a cell too long to be a date alone', async () => {
    const d = await read([
      '序号 | 工作任务 | 责任处室 | 完成时限 | 备注 |',
      '1 | 公开部门预算和决算 | 财务处 | 2025年3月公开部门预算,2025年9月公开上年度决算 |',
      '|',
      '2 | 清理文件 | 法规处 | 长期推进 |',
      '|',
    ]);
    expect(d.tasks[0]!.deadlines.map((x) => x.date)).toEqual(['2025-03', '2025-09']);
  });

  it('leaves a sentence with one date in it to the text', async () => {
    const d = await read(['序号 | 工作任务 | 责任处室 | 完成时限 |', '1 | 公开部门预算 | 财务处 | 2025年9月底前 |']);
    expect(d.tasks[0]!.deadlines.map((x) => x.date)).toEqual(['2025-09-30']);
  });
});

describe('a list the copy was cut in', () => {
  it('reports the cut piece and makes no unit of it', async () => {
    const d = await read(['一、改革督察', '1.健全改革督察机制。(牵头单位:县委改革办;责任单位:县委各改革专项小']);
    expect(units(d)).toEqual([['县委改革办|lead']]);
    expect(d.diagnostics.some((x) => x.ruleId === 'clause-piece' && x.message.includes('县委各改革专项小'))).toBe(true);
  });

  it('keeps a piece that reads like a name when the text goes on after it', async () => {
    const d = await read(['一、改革督察', '1.健全改革督察机制。(牵头单位:县委改革办;责任单位:县水务)', '2.完善台账。(责任单位:县委改革办)']);
    expect(units(d)[0]).toContain('县水务|responsible');
  });
});

describe('a bracket left open at the end of a line', () => {
  it('goes on on the label lines below it, with no warning and no bracket in a name', async () => {
    const d = await read([
      '一、党建',
      '1.提升党建质量。(',
      '责任科室:机关党委;责任单位:局属各学校)',
      '2.做好竞聘。(牵头科室:人事科;',
      '配合科室:教师工作科、财务科)',
    ]);
    expect(units(d)).toEqual([
      ['机关党委|responsible', '局属各学校|responsible'],
      ['人事科|lead', '教师工作科|support', '财务科|support'],
    ]);
    expect(d.diagnostics.filter((x) => x.ruleId === 'unclosed-clause')).toEqual([]);
  });
});

describe('a 各 phrase a line break cut', () => {
  it('reads the units of a later group whose role word a line break split from its object', async () => {
    const d = await read(['一、重点任务', '1.推进污水处理厂运行。县住建局牵头,各乡镇落实属', '地责任,已建成的污水处理厂要全部正常运行。']);
    expect(units(d)).toEqual([['县住建局|lead', '各乡镇|responsible']]);
  });

  it('reads no 各 phrase that ends in the start of a role word as a name: in a labelled list it is kept and flagged', async () => {
    const d = await read(['一、重点任务', '1.推进污水处理厂运行。(责任单位:县住建局、各乡镇配', ')']);
    expect(d.diagnostics.some((x) => x.ruleId === 'unusual-unit' && x.message.includes('各乡镇配'))).toBe(true);
  });
});

describe('places that a word hides or a line break splits', () => {
  it('gives 商务局 the county of 县市场监管: 县市场… opens with the county, 市场 is no place', async () => {
    const d = await read(['一、分工', '1.做好监管。(责任单位:县市场监管、商务局)']);
    expect(units(d)).toEqual([['县市场监管局|responsible', '县商务局|responsible']]);
  });

  it('reads 各乡⏎镇人民政府 whole where a line break splits the level', async () => {
    const d = await read(['一、分工', '1.开展宣传培训。(责任单位:县委宣传部、各乡', '镇人民政府)']);
    expect(units(d)).toEqual([['县委宣传部|responsible', '各乡镇人民政府|responsible']]);
  });

  it('reads 指导… after the units as the sentence, no unit', async () => {
    const d = await read(['一、分工', '1.开展宣传培训。县委宣传部牵头,县文旅局配合,开展进社区活动,指导经营单位落实主体责任。']);
    expect(units(d).flat()).not.toContain('指导经营单位|responsible');
  });
});

describe('a pipe row padded at its end', () => {
  it('places its cells by what they hold: the empty padding earns no column', async () => {
    const d = await read([
      '项目名称 | 工作任务 | 计划完成时间 | 牵头单位 |',
      '1.殡葬服务项目 | 建成乡镇骨灰堂12处。 | 10月底 | 民政局 |',
      '计划9月底完成骨灰堂主体建设 | 公用事业集团 | ||',
      '2.农村公路项目 | 拓宽公路35公里。 | 10月 | 交通运输局 |',
    ]);
    expect(units(d)).toEqual([['民政局|lead', '公用事业集团|lead'], ['交通运输局|lead']]);
  });
});
