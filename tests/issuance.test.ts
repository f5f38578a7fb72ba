/**
 * The plan's 文号, issuer and date (src/lib/issuance.ts), read from invented notices in the shapes
 * published plans take: a 文号 under the title, a 落款 after the notice or the plan, a 版记's 印发
 * line, a red head, a portal's fields; then as the pipeline puts them in plan.json, with where each
 * came from and the metadata file over the text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDate, readIssuance } from '../src/lib/issuance.ts';
import { loadMetadata, parsePlan } from '../src/lib/pipeline.ts';
import { PlanDocumentSchema } from '../src/lib/schema.ts';

const notice = (...lines: string[]) => lines.join('\n');
const PLAN = ['一、重点任务', '1.开展燃气安全隐患排查。(责任单位:县住建局)', '2.2026年6月30日前完成道路隐患整治。(责任单位:县交通运输局)'];

describe('readDate', () => {
  it('reads the ways a notice writes its date', () => {
    expect(readDate('2026年3月1日')).toEqual({ date: '2026-03-01' });
    expect(readDate('2026 年 3 月 1 日')).toEqual({ date: '2026-03-01' });
    expect(readDate('2026年03月09日')).toEqual({ date: '2026-03-09' });
    expect(readDate('２０２６年３月１日')).toEqual({ date: '2026-03-01' });
    expect(readDate('二〇二六年三月一日')).toEqual({ date: '2026-03-01' });
    expect(readDate('二○二五年十二月三十一日')).toEqual({ date: '2025-12-31' });
    expect(readDate('二零二六年十月二十日')).toEqual({ date: '2026-10-20' });
    expect(readDate('2026-03-01')).toEqual({ date: '2026-03-01' });
    expect(readDate('2026/3/1')).toEqual({ date: '2026-03-01' });
  });

  it('says why a date names no day, and is silent on what is no date', () => {
    expect(readDate('2026年2月30日')).toEqual({ reason: '2026-2 has no day 30' });
    expect(readDate('2026年13月1日')).toEqual({ reason: 'no month `13`' });
    expect(readDate('2026年 月 日')).toEqual({ reason: 'no month' });
    expect(readDate('2026年3月日')).toEqual({ reason: 'no day' });
    expect(readDate('二〇二六年三月')).toBeUndefined();
    expect(readDate('26年3月1日')).toEqual({ reason: 'year `26` is not four digits' });
    expect(readDate('全年')).toBeUndefined();
  });
});

describe('readIssuance', () => {
  it('reads the 文号 under the title, the 落款 office and its date', () => {
    const text = notice(
      '青禾县安全生产委员会办公室关于印发《青禾县2026年安全生产工作要点》的通知',
      '青安委办〔2026〕3号',
      '各乡镇人民政府,县安委会各成员单位:',
      '现将工作要点印发给你们,请认真抓好落实。',
      '青禾县安全生产委员会办公室',
      '2026年3月1日',
      '青禾县2026年安全生产工作要点',
    );
    expect(readIssuance(text)).toEqual({
      docNumber: { value: '青安委办〔2026〕3号', text: '青安委办〔2026〕3号', line: 2, column: 1 },
      issuer: { value: '青禾县安全生产委员会办公室', text: '青禾县安全生产委员会办公室', line: 5, column: 1 },
      date: { value: '2026-03-01', text: '2026年3月1日', line: 6, column: 1 },
    });
  });

  it('reads the year of a 文号 in any of its brackets, and writes it in 〔〕', () => {
    const forms = [
      '青安委办〔2026〕3号',
      '青安委办[2026]3号',
      '青安委办［2026］3号',
      '青安委办(2026)3号',
      '青安委办（2026）3号',
      '青安委办【2026】3号',
      '青安委办 〔 2026 〕 第3号',
    ];
    for (const form of forms) expect(readIssuance(`关于印发工作要点的通知\n${form}\n`).docNumber?.value, form).toBe('青安委办〔2026〕3号');
    // A signer beside it on the same line, as red-headed notices print it.
    const signed = readIssuance('  青政发〔2026〕12号          签发人:王某某\n').docNumber!;
    expect(signed).toEqual({ value: '青政发〔2026〕12号', text: '青政发〔2026〕12号', line: 1, column: 3 });
  });

  it('takes no 文号 cited in a sentence, and nothing from the plan’s own tasks', () => {
    const text = notice(
      '根据《青禾县人民政府关于加强安全生产工作的意见》(青政发〔2025〕8号)要求,制定本要点。',
      '一、重点任务',
      '1.落实青政办〔2025〕2号文件要求。(责任单位:县应急管理局)',
      '青政办〔2025〕4号',
      '青禾县应急管理局',
      '2026年6月30日',
    );
    // Lines 2–6 are the plan's body (a table may put a 文号, a unit and a date each on a line).
    expect(readIssuance(text, [{ start: 2, end: 6 }])).toEqual({});
    expect(readIssuance(text).docNumber?.value).toBe('青政办〔2025〕4号');
  });

  it('reads a 落款 dated in Chinese numerals at the end of the plan, and a joint one', () => {
    const tail = notice(...PLAN, '', '青禾县安全生产委员会', '', '二〇二六年三月一日');
    expect(readIssuance(tail, [{ start: 1, end: 3 }])).toMatchObject({
      issuer: { value: '青禾县安全生产委员会', line: 5 },
      date: { value: '2026-03-01', text: '二〇二六年三月一日', line: 7 },
    });
    const joint = notice('现将工作要点印发给你们。', '中共青禾县委办公室', '青禾县人民政府办公室', '2026年2月8日');
    expect(readIssuance(joint).issuer).toEqual({
      value: '中共青禾县委办公室、青禾县人民政府办公室',
      text: '中共青禾县委办公室\n青禾县人民政府办公室',
      line: 2,
      column: 1,
    });
  });

  it('reads the plan’s own 落款 that the parser left in its last part, but no table’s last unit and deadline', () => {
    // Lines 1–7 are the plan's body: the 落款 after a blank line stays in its last part.
    const signed = notice(...PLAN, '(三)强化督导。县应急管理局每季度通报一次。', '', '中共青禾县委办公室    青禾县人民政府办公室', '2026年1月20日');
    expect(readIssuance(signed, [{ start: 1, end: 7 }])).toMatchObject({
      issuer: { value: '中共青禾县委办公室、青禾县人民政府办公室', line: 6 },
      date: { value: '2026-01-20', line: 7 },
    });
    const table = notice('序号', '任务', '牵头单位', '完成时限', '1', '开展燃气安全隐患排查', '县住建局', '2026年6月30日');
    expect(readIssuance(table, [{ start: 1, end: 8 }])).toEqual({});
  });

  it('reads the 版记’s 印发 line when there is no 落款, and prefers the 落款 when there is', () => {
    const printed = notice(...PLAN, '抄送:县委办公室,县人大常委会办公室。', '青禾县安全生产委员会办公室          2026年3月2日印发');
    expect(readIssuance(printed, [{ start: 1, end: 3 }])).toMatchObject({
      issuer: { value: '青禾县安全生产委员会办公室', line: 5, column: 1 },
      date: { value: '2026-03-02', text: '2026年3月2日', line: 5, column: 24 },
    });
    const both = notice('现将工作要点印发给你们。', '青禾县安全生产委员会', '2026年3月1日', ...PLAN, '青禾县安全生产委员会办公室    2026年3月2日印发');
    expect(readIssuance(both, [{ start: 4, end: 6 }])).toMatchObject({ issuer: { value: '青禾县安全生产委员会' }, date: { value: '2026-03-01' } });
  });

  it('falls back on the red head and on the title for the issuer', () => {
    expect(readIssuance(notice('青禾县安全生产委员会文件', '青安委〔2026〕1号', '关于印发2026年工作要点的通知')).issuer?.value).toBe('青禾县安全生产委员会');
    expect(readIssuance('青禾县应急管理局关于印发《2026年安全生产执法计划》的通知\n').issuer).toEqual({
      value: '青禾县应急管理局',
      text: '青禾县应急管理局',
      line: 1,
      column: 1,
    });
    // A title that names no office gives none.
    expect(readIssuance('关于印发2026年工作要点的通知\n').issuer).toBeUndefined();
  });

  it('reads the fields a portal prints above the notice, in every shape, 成文日期 over 发布日期', () => {
    const colon = readIssuance(
      notice('索引号:001234/2026-00012 发布机构:青禾县人民政府办公室', '发布日期:2026-03-05', '成文日期:2026年3月1日', '发文字号:青政办发〔2026〕7号'),
    );
    expect(colon).toMatchObject({
      issuer: { value: '青禾县人民政府办公室' },
      date: { value: '2026-03-01', line: 3 },
      docNumber: { value: '青政办发〔2026〕7号', line: 4, column: 6 },
    });
    const brackets = readIssuance(
      '[ 索  引  号 ] 0012/2026-0003 [ 文       号 ] 青消安委〔2026〕2号 [ 发布机构 ] 青禾县消防安全委员会\n[ 成文日期 ] 2026-03-12 [ 公开日期 ] 2026-03-14\n',
    );
    expect(brackets).toMatchObject({ issuer: { value: '青禾县消防安全委员会' }, date: { value: '2026-03-12' }, docNumber: { value: '青消安委〔2026〕2号' } });
    const table = readIssuance('| 发布机构 | 青禾县人民政府办公室 | 成文日期 | 2026-04-02 |\n| 文号 | 青政办〔2026〕21号 | 公开方式 | 主动公开 |\n');
    expect(table).toMatchObject({ issuer: { value: '青禾县人民政府办公室' }, date: { value: '2026-04-02' }, docNumber: { value: '青政办〔2026〕21号' } });
    const bare = readIssuance('  • 发 文 字 号 :青政办发〔2026〕9号\n发文字号青政办发〔2026〕7号 发布日期2026-03-28\n');
    expect(bare).toMatchObject({ docNumber: { value: '青政办发〔2026〕9号' }, date: { value: '2026-03-28' } });
    const numbered = readIssuance('索引号：11340000-2026-00031    发布日期：2026-04-20\n文件编号：青政发〔2026〕9号\n');
    expect(numbered).toMatchObject({ docNumber: { value: '青政发〔2026〕9号' } });
    // The notice's own 落款 wins over the portal's fields.
    const signed = readIssuance(notice('发布机构:青禾县政务服务中心', '发布日期:2026-03-05', '现将要点印发给你们。', '青禾县人民政府办公室', '2026年3月1日'));
    expect(signed).toMatchObject({ issuer: { value: '青禾县人民政府办公室' }, date: { value: '2026-03-01' } });
  });

  it('reads a copy in Traditional characters and full-width digits, keeping its words', () => {
    const text = notice('青禾縣人民政府辦公室關於印發工作要點的通知', '青政辦發〔２０２６〕６號', '青禾縣人民政府辦公室', '２０２６年３月１日');
    expect(readIssuance(text)).toMatchObject({
      docNumber: { value: '青政辦發〔2026〕6号', text: '青政辦發〔２０２６〕６號' },
      issuer: { value: '青禾縣人民政府辦公室', line: 3 },
      date: { value: '2026-03-01', text: '２０２６年３月１日' },
    });
  });

  it('keeps a date it cannot read, where it stands, when no other date reads', () => {
    const text = notice('现将要点印发给你们。', '青禾县安全生产委员会', '2026年2月30日');
    expect(readIssuance(text)).toEqual({ unreadableDate: { text: '2026年2月30日', line: 3, column: 1, reason: '2026-2 has no day 30' } });
    expect(readIssuance(notice('青禾县安全生产委员会', '二〇二六年  月  日')).unreadableDate).toMatchObject({ reason: 'no month', line: 2 });
    // A readable date elsewhere (the 印发 line) is the plan's date; the blank 落款 is no news.
    expect(readIssuance(notice('青禾县安全生产委员会', '2026年 月 日', '青禾县安全生产委员会办公室  2026年3月2日印发'))).toMatchObject({
      date: { value: '2026-03-02' },
    });
    expect(readIssuance(notice('青禾县安全生产委员会', '2026年 月 日', '青禾县安全生产委员会办公室  2026年3月2日印发')).unreadableDate).toBeUndefined();
  });

  it('finds nothing in a plan that gives nothing', () => {
    expect(readIssuance(notice('为做好2026年安全生产工作,制定本要点。', ...PLAN), [{ start: 2, end: 4 }])).toEqual({});
  });
});

describe('plan.json', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const noticed = notice(
    '青禾县安全生产委员会办公室关于印发工作要点的通知',
    '青安委办〔2026〕3号',
    '现将工作要点印发给你们。',
    '青禾县安全生产委员会办公室',
    '二〇二六年三月一日',
    '青禾县2026年安全生产工作要点',
    ...PLAN,
    '',
  );

  it('holds the issuer, date and 文号 of the text, each with where it stands', () => {
    const { document } = parsePlan(bytes(noticed), { path: 'plans/a.txt', review: false });
    expect(PlanDocumentSchema.safeParse(document).success).toBe(true);
    expect(document).toMatchObject({ issuer: '青禾县安全生产委员会办公室', date: '2026-03-01', docNumber: '青安委办〔2026〕3号' });
    expect(document.provenance).toEqual({
      issuer: { origin: 'parsed', text: '青禾县安全生产委员会办公室', line: 4, column: 1 },
      date: { origin: 'parsed', text: '二〇二六年三月一日', line: 5, column: 1 },
      docNumber: { origin: 'parsed', text: '青安委办〔2026〕3号', line: 2, column: 1 },
    });
    expect(document.diagnostics.filter((d) => d.ruleId.startsWith('plan-date'))).toEqual([]);
    // The deadline of task 2 stays a deadline, not the plan's date.
    expect(document.tasks[1]!.deadlines.map((d) => d.date)).toEqual(['2026-06-30']);
  });

  it('takes the metadata file’s values over the text’s, and says so', () => {
    const metadata = { issuer: '青禾县安全生产委员会', date: '2026年3月2日', docNumber: '青安委〔2026〕1号' };
    const { document } = parsePlan(bytes(noticed), { path: 'plans/a.txt', metadata, review: false });
    expect(document).toMatchObject({ issuer: '青禾县安全生产委员会', date: '2026-03-02', docNumber: '青安委〔2026〕1号' });
    expect(document.provenance).toEqual({ issuer: { origin: 'metadata' }, date: { origin: 'metadata' }, docNumber: { origin: 'metadata' } });
    // Only what it sets: the rest is still the text's.
    const some = parsePlan(bytes(noticed), { path: 'plans/a.txt', metadata: { date: '2026-03-05' }, review: false }).document;
    expect(some.provenance).toMatchObject({ issuer: { origin: 'parsed' }, date: { origin: 'metadata' }, docNumber: { origin: 'parsed' } });
  });

  it('reports a date it cannot read as a warning where it stands, and a plan without one as an info', () => {
    const misdated = parsePlan(bytes(noticed.replace('二〇二六年三月一日', '二〇二六年二月三十日')), { path: 'plans/a.txt', review: false }).document;
    expect(misdated.date).toBeUndefined();
    expect(misdated.diagnostics.filter((d) => d.ruleId.startsWith('plan-date'))).toEqual([
      {
        severity: 'warning',
        ruleId: 'plan-date-unreadable',
        message: 'Unexpected date `二〇二六年二月三十日` (2026-2 has no day 30), expected the date of the plan as 2026年3月1日: the plan has no date',
        line: 5,
        column: 1,
        endLine: 5,
        endColumn: 11,
      },
    ]);
    const undated = parsePlan(bytes(PLAN.join('\n')), { path: 'plans/a.txt', review: false }).document;
    expect(undated.diagnostics.filter((d) => d.ruleId.startsWith('plan-date')).map((d) => [d.severity, d.ruleId, d.line])).toEqual([
      ['info', 'plan-date-missing', 1],
    ]);
    expect(undated).not.toHaveProperty('provenance');
    // The metadata file's date settles it: no message.
    const dated = parsePlan(bytes(PLAN.join('\n')), { path: 'plans/a.txt', metadata: { date: '2026-03-01' }, review: false }).document;
    expect(dated.diagnostics.filter((d) => d.ruleId.startsWith('plan-date'))).toEqual([]);
  });

  it('refuses a metadata date that names no day, at its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-issuance-'));
    try {
      writeFileSync(join(dir, 'a.yaml'), 'title: 工作要点\ndate: 2026年2月30日\ndocNumber: 青安委〔2026〕1号\n');
      const { metadata, problems } = await loadMetadata(join(dir, 'a.yaml'));
      expect(metadata).toEqual({});
      expect(problems.map((p) => [p.ruleId, p.severity, p.line])).toEqual([['bad-metadata', 'error', 2]]);
      writeFileSync(join(dir, 'b.yaml'), 'date: 二〇二六年三月一日\ndocNumber: 青安委〔2026〕1号\n');
      expect((await loadMetadata(join(dir, 'b.yaml'))).metadata).toEqual({ date: '二〇二六年三月一日', docNumber: '青安委〔2026〕1号' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
