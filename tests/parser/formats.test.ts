/**
 * Every file a plan is published in: the fixtures of tests/fixtures/files/plans/ (written by
 * scripts/format-fixtures.ts from two plans) read to the same tasks and assignments as the text
 * of the same plan; diagnostics name the place in the file; bad files get one line each.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readOle } from '../../src/lib/doc.ts';
import { expandSpans, pipeRow } from '../../src/lib/grid.ts';
import { htmlToText } from '../../src/lib/html.ts';
import { parsePlanBytes } from '../../src/lib/pipeline.ts';
import { foldRadicals } from '../../src/lib/radicals.ts';
import { containerOf, readPlan } from '../../src/lib/read.ts';
import { UnitRegistry } from '../../src/lib/registry.ts';
import type { PlanDocument } from '../../src/lib/schema.ts';
import { dateShown } from '../../src/lib/xlsx.ts';
import { runPlan } from '../support/plan-command.ts';
import { HEAVY_TIMEOUT, PROCESS_TIMEOUT } from '../support/timeouts.ts';

const DIR = 'tests/fixtures/files/plans';
const BAD = 'tests/fixtures/files/bad';
const { registry } = UnitRegistry.fromYaml(readFileSync('content/units.yaml', 'utf8'));

/**
 * A plan's tasks: numbers, places in the outline, units with their roles as written, and the task
 * text without blank space (a PDF has no spaces of its own: writers space 1 个 and justify lines).
 * A PDF's text is left out: its fonts may name a character by a variant (戶 for 户).
 */
const shape = (doc: PlanDocument, withText: boolean) =>
  doc.tasks.map((t) => ({
    number: t.number,
    path: t.path,
    ...(withText ? { text: t.text.replace(/\s/g, '') } : {}),
    assignments: t.effectiveAssignments.map((a) => [a.unit, a.role, a.mention]),
  }));

async function parse(path: string): Promise<PlanDocument> {
  return (await parsePlanBytes(new Uint8Array(readFileSync(path)), { path, registry: registry.fork() })).document;
}

const files = readdirSync(DIR)
  .filter((name) => name.includes('-'))
  .sort();

/** What each file should say it is. */
const EXPECTED: Record<string, { format: string; encoding: string }> = {
  'utf8.html': { format: 'html', encoding: 'utf-8' },
  'gbk.html': { format: 'html', encoding: 'gb18030' },
  'word.html': { format: 'html', encoding: 'gb18030' },
  'word.docx': { format: 'docx', encoding: 'docx' },
  'chromium.pdf': { format: 'pdf', encoding: 'pdf' },
  // The table plan only: its web page printed with the table's borders off.
  'chromium-borderless.pdf': { format: 'pdf', encoding: 'pdf' },
  'libreoffice.pdf': { format: 'pdf', encoding: 'pdf' },
  'word97.doc': { format: 'doc', encoding: 'doc' },
  'excel.xlsx': { format: 'xlsx', encoding: 'xlsx' },
};

describe('a plan in every format reads as its text does', { timeout: HEAVY_TIMEOUT }, () => {
  it('has a fixture of each format for each plan', () => {
    expect(files.filter((f) => f.startsWith('table-')).map((f) => f.slice('table-'.length))).toEqual(Object.keys(EXPECTED).sort());
    expect(files.filter((f) => f.startsWith('paragraphs-')).length).toBe(Object.keys(EXPECTED).length - 2);
  });

  it.each(files)('%s', async (name) => {
    const [plan, kind] = [name.slice(0, name.indexOf('-')), name.slice(name.indexOf('-') + 1)];
    const fromFile = await parse(join(DIR, name));
    const fromText = await parse(join(DIR, `${plan}.txt`));
    expect(fromFile.source).toMatchObject(EXPECTED[kind!]!);
    expect(fromText.tasks.length).toBeGreaterThanOrEqual(plan === 'table' ? 12 : 30);
    const withText = !name.endsWith('.pdf');
    expect(shape(fromFile, withText)).toEqual(shape(fromText, withText));
  });
});

describe('diagnostics name the place in the file', { timeout: HEAVY_TIMEOUT }, () => {
  const unknown = (doc: PlanDocument, unit: string) => doc.diagnostics.find((d) => d.ruleId === 'unknown-unit' && d.message.includes(`\`${unit}\``))?.message;

  it('an HTML line and column', async () => {
    const doc = await parse(join(DIR, 'table-utf8.html'));
    const source = readFileSync(join(DIR, 'table-utf8.html'), 'utf8').split('\n');
    const [, line, column] = /\(HTML: line (\d+), column (\d+)\)$/.exec(unknown(doc, '县税务局') ?? '') ?? [];
    // The place is the cell that names the unit, in the page's own lines.
    expect(source[Number(line) - 1]!.slice(Number(column) - 1)).toMatch(/^县政务服务中心、县税务局<\/td>/);
  });

  it('a PDF page and line', async () => {
    const doc = await parse(join(DIR, 'table-libreoffice.pdf'));
    expect(unknown(doc, '县税务局')).toMatch(/\(PDF: page 1, line \d+\)$/);
    const first = await parse(join(DIR, 'paragraphs-chromium.pdf'));
    expect(first.diagnostics.every((d) => / \(PDF: page \d+, line \d+\)$/.test(d.message))).toBe(true);
    expect(first.diagnostics.some((d) => / \(PDF: page [2-9], line \d+\)$/.test(d.message))).toBe(true);
  });

  it('an Excel sheet and cell', async () => {
    const doc = await parse(join(DIR, 'table-excel.xlsx'));
    // Row 1 title, row 2 the covering sentence, row 3 the header, row 4 the first part: task 1 is row 5.
    expect(unknown(doc, '县税务局')).toMatch(/\(Excel: 任务分工!E5\)$/);
  });

  it('a Word table cell of a .doc', async () => {
    const doc = await parse(join(DIR, 'table-word97.doc'));
    expect(unknown(doc, '县税务局')).toMatch(/\(Word: 表格1 第3行第5列\)$/);
  });
});

describe('bad files', { timeout: PROCESS_TIMEOUT }, () => {
  it.each([
    ['encrypted.pdf', 'encrypted-file', /encrypted PDF \(PDF 已加密/],
    ['scanned.pdf', 'no-text-layer', /without a text layer .*扫描件.*OCR/],
    ['truncated.xlsx', 'undecodable', /damaged \.xlsx/],
    ['renamed-doc.pdf', 'format-mismatch', /Word 97\/WPS\/Excel 97 file .* named \.pdf/],
    ['no-plan.html', 'no-tasks', /without tasks/],
  ])('%s: one error line, exit 1, no stack trace', (name, rule, message) => {
    const path = join(BAD, name);
    const out = runPlan('check', path);
    expect(out.code).toBe(1);
    expect(out.stderr).toBe('');
    const lines = out.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${path.replace(/[.]/g, '\\.')}:\\d+:\\d+: error .* \\[${rule}\\]$`));
    expect(lines[0]).toMatch(message);
  });
});

describe('the readers', () => {
  it('write a 序号 merged down once and repeat any other merged cell', () => {
    const cell = (text: string, rowSpan = 1, colSpan = 1) => ({ text, rowSpan, colSpan, place: undefined });
    const grid = expandSpans([
      [cell('序号'), cell('任务'), cell('牵头单位'), cell('配合单位')],
      [cell('1', 2), cell('甲'), cell('县住建局', 3), cell('县财政局')],
      [cell('乙'), cell('县水务局')],
      [cell('2'), cell('丙'), cell('县审计局')],
      [cell('二、其他', 1, 4)],
    ]);
    expect(grid.map((row) => pipeRow(row).line)).toEqual([
      '序号 | 任务 | 牵头单位 | 配合单位 |',
      '1 | 甲 | 县住建局 | 县财政局 |',
      ' | 乙 | 县住建局 | 县水务局 |',
      '2 | 丙 | 县住建局 | 县审计局 |',
      '二、其他 |  |  |  |',
    ]);
  });

  it('recognise the format from the content, not the name', () => {
    const bytes = (s: string) => new Uint8Array(Buffer.from(s));
    expect(containerOf(bytes('<!DOCTYPE html><html><body><p>x</p></body></html>'))).toBe('html');
    expect(containerOf(bytes('\ufeff  <!-- saved --><table><tr><td>1</td></tr></table>'))).toBe('html');
    // A text plan with markup in its lines is text.
    expect(containerOf(bytes('江城县<script>x</script>要点\n1.甲任务。'))).toBe('text');
    expect(containerOf(bytes('%PDF-1.7\n'))).toBe('pdf');
    expect(containerOf(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('ole');
  });

  it('read a page in the charset it declares, and detect it when the declaration is wrong', async () => {
    const page = (charset: string) => `<html><head><meta charset="${charset}"></head><body><p>1.整治燃气隐患。（责任单位：县住建局）</p></body></html>`;
    for (const declared of ['gbk', 'utf-8']) {
      const read = await htmlToText(new Uint8Array(iconv.encode(page(declared), 'gbk')));
      expect(read.ok && [read.encoding, read.text]).toEqual(['gb18030', '1.整治燃气隐患。（责任单位：县住建局）\n']);
    }
  });

  it('set portal chrome aside and keep Word list numbers', async () => {
    const html = `<html><body><div id="breadcrumb">首页 &gt; 通知</div><nav>导航</nav>
<p class=MsoListParagraph><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt'>&nbsp;&nbsp;</span></span><![endif]>整治燃气隐患。<o:p></o:p></p>
<p style="display:none">隐藏</p><p>【打印】【关闭】</p><footer>版权所有</footer><script>x()</script></body></html>`;
    const read = await htmlToText(new Uint8Array(Buffer.from(html)));
    expect(read.ok && read.text).toBe('1. 整治燃气隐患。\n');
  });

  it('read an article that a portal wraps in a <form> (VSB, ASP.NET), and still no form controls', async () => {
    const html = `<html><body><form name="_newscontent_fromname"><div class="search"><input value="搜索"><button>搜索</button></div>
<div id="vsb_content"><table><tr><td>序号</td><td>工作任务</td><td>责任股室</td></tr><tr><td>1</td><td>开展文化惠民演出。</td><td>公共服务股</td></tr></table></div></form></body></html>`;
    const read = await htmlToText(new Uint8Array(Buffer.from(html)));
    expect(read.ok && read.text).toBe('序号 | 工作任务 | 责任股室 |\n1 | 开展文化惠民演出。 | 公共服务股 |\n');
  });

  it('read a .doc without LibreOffice as text, and say what it loses', async () => {
    const read = await readOle(new Uint8Array(readFileSync(join(DIR, 'table-word97.doc'))), { soffice: false });
    expect(read.ok && read.text).toContain('序号 | 类别 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |');
    expect(read.ok && read.notes?.map((n) => n.ruleId)).toEqual(['doc-text-only']);
  });

  it('read every sheet with a task table, and no cover sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('封面').addRow(['2025年任务清单']);
    for (const [name, unit] of [
      ['一季度', '县住建局'],
      ['二季度', '县水务局'],
    ] as const) {
      const sheet = workbook.addWorksheet(name);
      sheet.addRows([
        ['序号', '工作任务', '责任单位'],
        [name === '一季度' ? 1 : 2, `${name}任务。`, unit],
      ]);
    }
    const read = await readPlan(new Uint8Array(await workbook.xlsx.writeBuffer()), 'plan.xlsx');
    expect(read.ok && read.text).toBe(
      '序号 | 工作任务 | 责任单位 |\n1 | 一季度任务。 | 县住建局 |\n\n序号 | 工作任务 | 责任单位 |\n2 | 二季度任务。 | 县水务局 |\n',
    );
  });

  it('read a date cell as its number format shows it: a month alone where it shows no day', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('清单');
    sheet.addRows([
      ['序号', '工作任务', '责任单位', '完成时限'],
      [1, '建成食堂。', '市教育局', new Date(Date.UTC(2025, 8, 1))],
      [2, '完成改造。', '市住建局', new Date(Date.UTC(2025, 5, 30))],
    ]);
    sheet.getCell('D2').numFmt = 'yyyy"年"m"月"';
    sheet.getCell('D3').numFmt = 'yyyy"年"m"月"d"日前"';
    const read = await readPlan(new Uint8Array(await workbook.xlsx.writeBuffer()), 'plan.xlsx');
    expect(read.ok && read.text).toContain('| 2025年9月 |');
    expect(read.ok && read.text).toContain('| 2025年6月30日前 |');
    const doc = await parsePlanBytes(new Uint8Array(await workbook.xlsx.writeBuffer()), { path: 'plan.xlsx' });
    expect(doc.document.tasks.map((t) => t.deadlines.map((d) => d.date))).toEqual([['2025-09'], ['2025-06-30']]);
  });

  it('find the header of a sheet below the covering notice typed above the table', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['梧川县人民政府办公室关于印发2026年民生实事分解表的通知']);
    sheet.addRow(['梧府办〔2026〕3号']);
    for (let k = 0; k < 12; k++) sheet.addRow([`　　通知正文第${k + 1}段。`]);
    sheet.addRow(['序号', '民生实事', '责任单位', '完成时限']);
    sheet.addRow([1, '新建人行天桥3座。', '县住建局\n县代建中心', '9月投入使用']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = await readPlan(bytes, 'plan.xlsx');
    expect(read.ok && read.text).toContain('序号 | 民生实事 | 责任单位 | 完成时限 |');
    const doc = await parsePlanBytes(bytes, { path: 'plan.xlsx' });
    expect(doc.document.tasks.map((t) => t.assignments.map((a) => a.mention))).toEqual([['县住建局', '县代建中心']]);
  });

  it('read a time cell as its time: minutes after an hour or before a second are no month', async () => {
    expect(dateShown('h:mm')).toEqual({ date: 'none', time: 'minutes' });
    expect(dateShown('[h]:mm:ss')).toEqual({ date: 'none', time: 'seconds' });
    expect(dateShown('mm:ss')).toEqual({ date: 'none', time: 'seconds' });
    expect(dateShown('h"时"mm"分"')).toEqual({ date: 'none', time: 'minutes' });
    expect(dateShown('yyyy/m/d h:mm')).toEqual({ date: 'day', time: 'minutes' });
    expect(dateShown('yyyy"年"m"月"')).toEqual({ date: 'month', time: 'none' });
    expect(dateShown('[$-804]yyyy"年"mm"月"')).toEqual({ date: 'month', time: 'none' });
    expect(dateShown('yyyy"年"')).toEqual({ date: 'year', time: 'none' });
    expect(dateShown('General')).toEqual({ date: 'day', time: 'none' });
    expect(dateShown(undefined)).toEqual({ date: 'day', time: 'none' });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('清单');
    sheet.addRows([
      ['序号', '工作任务', '责任单位', '完成时限', '会议时间'],
      [1, '召开推进会。', '市教育局', new Date(Date.UTC(2025, 8, 1, 14, 30)), new Date(Date.UTC(1899, 11, 30, 9, 5))],
    ]);
    sheet.getCell('D2').numFmt = 'yyyy/m/d h:mm';
    sheet.getCell('E2').numFmt = 'h:mm';
    const read = await readPlan(new Uint8Array(await workbook.xlsx.writeBuffer()), 'plan.xlsx');
    expect(read.ok && read.text).toContain('| 2025年9月1日 14:30 | 9:05 |');
    expect(read.ok && read.text).not.toContain('1899');
  });

  it('give a table row its text cells apart, its name cell as its title, and no separators or people in its text', async () => {
    const text = [
      '序号 | 项目名称 | 建设内容 | 责任领导 | 责任单位 | 完成时限 |',
      '1 | 城东水厂 | 新建日供水5万吨水厂一座 | 钱 进 | 县水务局 | 12月底前 | ||',
      '',
    ].join('\n');
    const doc = await parsePlanBytes(new TextEncoder().encode(text), { path: 'plan.txt' });
    const [task] = doc.document.tasks;
    expect(task?.text).toBe('城东水厂 新建日供水5万吨水厂一座');
    expect(task?.title).toBe('城东水厂');
    expect(task?.assignments.map((a) => a.mention)).toEqual(['县水务局']);
  });

  it('take no title from a first sentence with a full-width comma in it', async () => {
    const text = '1.城东片区，完成改造。同步实施管网改造。(责任单位:县住建局)\n2.城东改造。同步实施管网改造。(责任单位:县住建局)\n';
    const doc = await parsePlanBytes(new TextEncoder().encode(text), { path: 'plan.txt' });
    expect(doc.document.tasks.map((t) => t.title)).toEqual([undefined, '城东改造']);
  });

  it('read the radicals a PDF font puts for common characters as those characters', () => {
    expect(foldRadicals('⾸⻚ 市⼯信局 ⻓江')).toBe('首页 市工信局 长江');
  });
});
