/** This year against last: the text similarity, its threshold on pairs of our own, and two plans of our own linked task by task. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/lib/pipeline.ts';
import { bigrams, CONTINUATION_THRESHOLD, comparableText, cosine, linkTasks, tfidfVectors } from '../src/lib/similarity.ts';
import { continuityOf, planTopic, predecessorOf } from '../src/site/continuity.ts';
import { taskPage, taskRoutes } from '../src/site/routes/task.ts';
import { unitPage, unitRoutes } from '../src/site/routes/units.ts';

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('the similarity of two task texts', () => {
  it('leaves out dates, numbers, punctuation and unit clauses', () => {
    expect(comparableText('1.2023年6月30日前完成老旧小区燃气管道改造。(牵头单位:县住建局)')).toBe('完成老旧小区燃气管道改造');
    expect(comparableText('年底前完成80%')).toBe('年底前完成');
    expect([...bigrams('燃气管道').keys()]).toEqual(['燃气', '气管', '管道']);
  });

  it('is 1 for the same text and 0 for texts with no bigram in common', () => {
    const [a, b, c] = tfidfVectors(['开展燃气管道隐患排查', '开展燃气管道隐患排查', '修订应急预案']);
    expect(cosine(a!, b!)).toBeCloseTo(1, 10);
    expect(cosine(a!, c!)).toBe(0);
  });

  // Pairs written for this test: a task reworded for the next year, and a task of the same field
  // about something else. The corpus around them is what makes common words weigh little.
  const corpus = [
    '加强安全生产宣传教育,组织开展安全生产月活动。',
    '推进安全生产标准化建设,提升企业本质安全水平。',
    '加强安全生产执法检查,严厉打击非法违法行为。',
  ];
  const pairs: [string, string, boolean][] = [
    ['全面排查城镇燃气管道老化隐患,完成老旧管网更新改造。', '持续开展城镇燃气管道隐患排查,推进老旧管网更新改造。', true],
    ['修订县级生产安全事故应急预案,组织开展综合应急演练。', '组织开展县级综合应急演练,完善生产安全事故应急预案体系。', true],
    ['在临水临崖路段建设道路安全防护设施。', '完善临水临崖路段防护设施,消除农村道路交通安全隐患。', true],
    ['全面排查城镇燃气管道老化隐患,完成老旧管网更新改造。', '开展高层建筑消防安全专项检查,整治消防通道堵塞问题。', false],
    ['修订县级生产安全事故应急预案,组织开展综合应急演练。', '推进危险化学品企业分类整治,落实安全风险管控措施。', false],
    ['在临水临崖路段建设道路安全防护设施。', '规范瓶装液化石油气经营,建立气瓶信息追溯系统。', false],
  ];

  it('puts the threshold between tasks carried over and tasks of the same field about something else', () => {
    for (const [a, b, same] of pairs) {
      const vectors = tfidfVectors([a, b, ...corpus]);
      const score = cosine(vectors[0]!, vectors[1]!);
      if (same) expect(score, `${a} ~ ${b}`).toBeGreaterThanOrEqual(CONTINUATION_THRESHOLD);
      else expect(score, `${a} ≁ ${b}`).toBeLessThan(CONTINUATION_THRESHOLD);
    }
  });

  it('links each task to its most similar earlier task, or to none', () => {
    const links = linkTasks(
      [
        { id: '1', text: pairs[0]![1] },
        { id: '2', text: '建设全县智慧应急指挥平台。' },
      ],
      [
        { id: '7', text: pairs[3]![1] },
        { id: '9', text: pairs[0]![0] },
      ],
    );
    expect(links.map((l) => [l.id, l.previous?.id])).toEqual([
      ['1', '9'],
      ['2', undefined],
    ]);
  });
});

/** Two plans of our own: last year's and this year's, of the same topic, without `follows`. */
async function twoYears() {
  const dir = mkdtempSync(join(tmpdir(), 'plan-years-'));
  folders.push(dir);
  mkdirSync(join(dir, 'plans'));
  writeFileSync(
    join(dir, 'plans/2030-town.txt'),
    [
      '2030年全镇防灾减灾工作要点',
      '一、重点任务',
      '1.全面排查城镇燃气管道老化隐患,完成老旧管网更新改造。(牵头单位:县住建局;配合单位:县市场监管局)',
      '2.修订县级生产安全事故应急预案,组织开展综合应急演练。(责任单位:县应急管理局)',
      '3.开展高层建筑消防安全专项检查,整治消防通道堵塞问题。(责任单位:县消防救援大队)',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'plans/2031-town.txt'),
    [
      '2031年全镇防灾减灾工作要点',
      '一、重点任务',
      '1.组织开展县级综合应急演练,完善生产安全事故应急预案体系。(责任单位:县应急管理局)',
      '2.持续开展城镇燃气管道隐患排查,推进老旧管网更新改造。(牵头单位:县住建局;配合单位:县市场监管局)',
      '3.建设全县智慧应急指挥平台,接入重点企业监测数据。(牵头单位:县应急管理局;配合单位:县住建局)',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'plans/2031-town.yaml'), 'year: 2031\n');
  writeFileSync(join(dir, 'plans/2030-town.yaml'), 'year: 2030\n');
  return loadContent(dir);
}

describe('this year against last, on two plans of our own', async () => {
  const content = await twoYears();
  const [newer, older] = [content.plans.find((p) => p.id === '2031-town')!, content.plans.find((p) => p.id === '2030-town')!];

  it('finds the earlier plan by its topic, and none for the earliest', () => {
    expect(planTopic('2031年全镇防灾减灾工作要点(征求意见稿)')).toBe('全镇防灾减灾工作要点');
    expect(predecessorOf(newer, content.plans)?.id).toBe('2030-town');
    expect(predecessorOf(older, content.plans)).toBeUndefined();
  });

  it('says 延续 with a link, or 新增, on each task page', () => {
    const page = (n: string) => taskPage(taskRoutes(content).find((r) => r.params.slug === '2031-town' && r.params.task === n)!.props);
    expect(page('1').carry).toMatchObject({ kind: '延续', from: { number: '2', href: '/2030-town/tasks/2/' } });
    expect(page('2').carry).toMatchObject({ kind: '延续', from: { number: '1', href: '/2030-town/tasks/1/' } });
    expect(page('3').carry).toMatchObject({ kind: '新增' });
    expect(page('3').carry?.from).toBeUndefined();
    expect(taskPage(taskRoutes(content).find((r) => r.params.slug === '2030-town')!.props).carry).toBeUndefined();
    expect(continuityOf(newer, content.plans)?.dropped).toEqual(['3']);
  });

  it('shows per unit what continued, what is new and what was dropped', () => {
    const unit = (name: string) => unitPage(unitRoutes(content).find((r) => r.props.view.unit.name === name)!.props);
    const zhujian = unit('县住建局').blocks.find((b) => b.plan?.anchor === 'plan-2031-town')!;
    expect(zhujian.carry).toMatchObject({ continued: 1, added: 1, dropped: [] });
    const yingji = unit('县应急管理局').blocks.find((b) => b.plan?.anchor === 'plan-2031-town')!;
    expect(yingji.carry).toMatchObject({ continued: 1, added: 1 });
    expect(yingji.roles.flatMap((g) => g.tasks.map((t) => t.carry)).sort()).toEqual(['延续', '新增']);
  });

  it('follows the plan `follows` names, whatever the titles say', async () => {
    const example = await loadContent('examples/with-progress');
    const plan2023 = example.plans.find((p) => p.id === '2023-work-safety')!;
    expect(plan2023.metadata.follows).toBe('2022-work-safety');
    const continuity = continuityOf(plan2023, example.plans)!;
    expect(continuity.previous.id).toBe('2022-work-safety');
    // The example's gas task continues 2022's gas task; the fire-safety task its fire-safety task.
    expect(continuity.links.get('4')?.number).toBe('24');
    expect(continuity.links.get('7')?.number).toBe('28');
  });
});

describe('`follows`', () => {
  it('that names no plan of the folder is an error at its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-follows-'));
    folders.push(dir);
    mkdirSync(join(dir, 'plans'));
    writeFileSync(join(dir, 'plans/2031-town.txt'), '一、重点任务\n1.开展燃气隐患排查。(责任单位:县住建局)\n');
    writeFileSync(join(dir, 'plans/2031-town.yaml'), 'year: 2031\nfollows: 2030-towm\n');
    const content = await loadContent(dir);
    const problem = content.diagnostics.find((d) => d.ruleId === 'bad-metadata')!;
    expect(problem).toMatchObject({ severity: 'error', line: 2 });
    expect(problem.path).toMatch(/plans\/2031-town\.yaml$/);
    expect(problem.message).toContain('`follows` `2030-towm`');
    expect(content.errors).toHaveLength(1);
  });
});
