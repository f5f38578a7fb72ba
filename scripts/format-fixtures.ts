/**
 * Writes the plans of tests/fixtures/files/plans/ in every format a plan is published in, from two
 * plans and the text an office would save of each:
 * - `table`: an invented 任务分工表 whose 序号 is merged down over two rows (one task, two rows of
 *   units), whose 牵头单位 and 类别 cells are merged down across tasks, with part rows merged across;
 * - `paragraphs`: the bundled 2022 work-safety plan (parts, sections, tasks, clauses in brackets).
 * Formats: HTML (UTF-8 with portal chrome; GBK; Word's "save as web page" style), .docx (the `docx`
 * package, merges as vMerge/gridSpan), PDF printed by Chromium from the HTML and exported by
 * LibreOffice from the .docx, .doc (LibreOffice, through .odt: its direct .docx → .doc export loses
 * tables the `docx` package writes), .xlsx (exceljs, with a cover sheet and merged cells); and the
 * bad files of tests/fixtures/files/bad/.
 *
 *   npm exec -- node scripts/format-fixtures.ts     (needs Chromium and LibreOffice)
 *
 * Its outputs are committed: tests read them and convert nothing.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { expandSpans, pipeRow } from '../src/lib/grid.ts';
import { launchChromium } from './lib/chromium.ts';

const OUT = 'tests/fixtures/files';
const PLANS = join(OUT, 'plans');
const BAD = join(OUT, 'bad');

interface Cell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
}
type Block = { kind: 'p'; text: string; heading?: boolean } | { kind: 'table'; rows: Cell[][]; widths: number[] };
interface Plan {
  id: string;
  title: string;
  blocks: Block[];
}

const c = (text: string, rowSpan = 1, colSpan = 1): Cell => ({ text, rowSpan, colSpan });

/** The invented table plan: 清河县2025年优化营商环境重点任务分工表. */
function tablePlan(): Plan {
  const header = ['序号', '类别', '重点任务', '牵头单位', '配合单位', '完成时限'].map((t) => c(t));
  const part = (text: string) => [c(text, 1, 6)];
  const rows: Cell[][] = [
    header,
    part('一、政务服务提质'),
    [
      c('1'),
      c('政务服务', 4),
      c('推行企业开办“一网通办”，压缩开办时间至1个工作日以内。'),
      c('县市场监管局', 2),
      c('县政务服务中心、县税务局'),
      c('2025年6月底前'),
    ],
    [c('2'), c('推进“证照分离”改革全覆盖，清理规范涉企经营许可事项。'), c('县司法局'), c('2025年9月底前')],
    [c('3', 2), c('建设县级政务服务“好差评”系统，差评整改率达到100%。'), c('县政务服务中心'), c('县大数据中心'), c('2025年10月底前')],
    [c('各镇便民服务中心同步接入“好差评”系统。'), c('各镇人民政府'), c('县政务服务中心'), c('2025年10月底前')],
    part('二、要素保障'),
    [c('4'), c('用地保障', 2), c('推行工业用地“标准地”出让，新出让工业用地全部按“标准地”供应。'), c('县自然资源局'), c('县发展改革局、县工信局'), c('年底前')],
    [c('5'), c('开展批而未供和闲置土地专项处置，处置率达到省定目标。'), c('县自然资源局'), c('各镇人民政府'), c('2025年11月底前')],
    [
      c('6'),
      c('融资服务', 2),
      c('搭建政银企对接平台，每季度至少组织1次融资对接活动。'),
      c('县财政局', 2),
      c('县金融服务中心、人民银行清河县支行'),
      c('每季度'),
    ],
    [c('7'), c('扩大政府性融资担保覆盖面，新增担保额3亿元以上。'), c('县融资担保公司'), c('年底前')],
    part('三、法治保障'),
    [
      c('8'),
      c('执法监管', 4),
      c('推行“双随机、一公开”监管全覆盖，联合抽查比例不低于30%。'),
      c('县市场监管局'),
      c('县司法局、县应急管理局、县生态环境局'),
      c('2025年12月底前'),
    ],
    [c('9'), c('建立涉企行政检查备案制度，严禁随意检查、重复检查。'), c('县司法局'), c('县直各执法部门'), c('2025年8月底前')],
    [c('10', 2), c('开展拖欠企业账款专项清理，确保无分歧欠款应清尽清。'), c('县工信局'), c('县财政局'), c('2025年9月底前')],
    [c('国有企业拖欠民营企业账款一并清理。'), c('县国资中心'), c('县审计局'), c('2025年9月底前')],
    part('四、市场环境'),
    [
      c('11'),
      c('公平竞争', 2),
      c('开展妨碍统一市场和公平竞争的政策措施清理，清理结果向社会公开。'),
      c('县市场监管局'),
      c('县直各有关部门'),
      c('2025年7月底前'),
    ],
    [c('12'), c('落实招标投标领域突出问题专项整治，规范招标代理机构行为。'), c('县发展改革局'), c('县住建局、县交通运输局、县水利局'), c('长期坚持')],
  ];
  return {
    id: 'table',
    title: '清河县2025年优化营商环境重点任务分工表',
    blocks: [
      { kind: 'p', text: '清河县2025年优化营商环境重点任务分工表', heading: true },
      {
        kind: 'p',
        text: '为持续优化营商环境，激发市场主体活力，现将2025年重点任务分解如下。各牵头单位要会同配合单位细化措施、压实责任，每季度末将进展情况报县优化营商环境工作领导小组办公室。',
      },
      { kind: 'table', rows, widths: [700, 1100, 3800, 1600, 2000, 1300] },
    ],
  };
}

/** The bundled plan as paragraphs: one line of its text, one paragraph. */
function paragraphPlan(): Plan {
  const text = readFileSync('content/plans/2022-work-safety.txt', 'utf8');
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return {
    id: 'paragraphs',
    title: lines[0]!,
    blocks: lines.map((line, i) => ({ kind: 'p' as const, text: line.trim(), heading: i === 0 })),
  };
}

// --- Text, as an office would save the plan ---

function toText(plan: Plan): string {
  const out: string[] = [];
  for (const block of plan.blocks) {
    if (block.kind === 'p') out.push(block.text);
    else for (const cells of expandSpans(block.rows.map((row) => row.map((cell) => ({ ...cell, place: undefined }))))) out.push(pipeRow(cells).line);
  }
  return `${out.join('\n')}\n`;
}

// --- HTML ---

const htmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const spans = (cell: Cell) => `${(cell.rowSpan ?? 1) > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${(cell.colSpan ?? 1) > 1 ? ` colspan="${cell.colSpan}"` : ''}`;

function bodyHtml(plan: Plan): string {
  return plan.blocks
    .map((block) => {
      if (block.kind === 'p') return block.heading ? `<h1>${htmlText(block.text)}</h1>` : `<p>${htmlText(block.text)}</p>`;
      const [head, ...rows] = block.rows;
      return [
        '<table>',
        `<thead><tr>${head!.map((cell) => `<th${spans(cell)}>${htmlText(cell.text)}</th>`).join('')}</tr></thead>`,
        '<tbody>',
        ...rows.map((row) => `<tr>${row.map((cell) => `<td${spans(cell)}>${htmlText(cell.text)}</td>`).join('')}</tr>`),
        '</tbody>',
        '</table>',
      ].join('\n');
    })
    .join('\n');
}

/** A 政务公开 page: navigation, breadcrumbs, the 索引号 table, the plan, 【打印】【关闭】, a footer. */
function portalHtml(plan: Plan, charset: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<title>${htmlText(plan.title)}_清河县人民政府</title>
<style>
body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 12pt; margin: 0 2em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #000; padding: 4px; vertical-align: middle; }
h1 { font-size: 16pt; text-align: center; }
p { text-indent: 2em; line-height: 1.6; margin: 0; }
@page { size: A4; margin: 2cm; }
</style>
<script>var _hmt = _hmt || [];</script>
</head>
<body>
<div class="header"><a href="/">清河县人民政府</a></div>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/hdjl/">互动交流</a></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 通知公告</div>
<table class="xxgk">
<tr><td>索引号：</td><td>11130534MB0123456X/2025-00042</td><td>发布机构：</td><td>清河县人民政府办公室</td></tr>
<tr><td>发文日期：</td><td>2025-02-18</td><td>主题分类：</td><td>综合政务</td></tr>
</table>
<div class="article">
${bodyHtml(plan)}
</div>
<div class="tools">【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</div>
<div class="footer">主办单位：清河县人民政府办公室　网站标识码：1305340001</div>
</body>
</html>
`;
}

/** What Word writes when a plan is saved as a web page: mso- styles, <o:p>, conditional comments. */
function wordHtml(plan: Plan): string {
  const para = (text: string) =>
    `<p class=MsoNormal style='text-indent:24.0pt;mso-char-indent-count:2.0'><span lang=ZH-CN style='font-family:宋体;mso-ascii-font-family:"Times New Roman"'>${htmlText(text)}<o:p></o:p></span></p>`;
  const body = plan.blocks
    .map((block) => {
      if (block.kind === 'p') return para(block.text);
      return `<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>\n${block.rows
        .map(
          (row) =>
            `<tr style='mso-yfti-irow:0'>${row
              .map(
                (cell) =>
                  `<td${spans(cell)} valign=top style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal><span lang=ZH-CN style='font-family:宋体'>${htmlText(cell.text)}<o:p></o:p></span></p></td>`,
              )
              .join('')}</tr>`,
        )
        .join('\n')}\n</table>\n<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>`;
    })
    .join('\n');
  return `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<title>${htmlText(plan.title)}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties><o:Author>admin</o:Author><o:Pages>2</o:Pages></o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
p.MsoNormal {mso-style-parent:""; margin:0cm; text-align:justify; font-size:10.5pt; font-family:"Times New Roman";}
@page WordSection1 {size:595.3pt 841.9pt; margin:72.0pt 90.0pt 72.0pt 90.0pt;}
div.WordSection1 {page:WordSection1;}
-->
</style>
<!--[if gte mso 10]><style>table.MsoNormalTable {mso-style-name:普通表格;}</style><![endif]-->
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<div class=WordSection1 style='layout-grid:15.6pt'>
${body}
</div>
</body>
</html>
`;
}

// --- Word ---

async function toDocx(plan: Plan): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  for (const block of plan.blocks) {
    if (block.kind === 'p') {
      children.push(new Paragraph({ children: [new TextRun({ text: block.text, font: 'Noto Sans CJK SC' })] }));
      continue;
    }
    // Cells covered by a merge from above are written as vMerge continuations, as Word does.
    const pending = new Map<number, number>();
    const rows = block.rows.map((row) => {
      const cells: TableCell[] = [];
      let column = 0;
      const take = () => {
        while ((pending.get(column) ?? 0) > 0) {
          pending.set(column, pending.get(column)! - 1);
          cells.push(
            new TableCell({
              verticalMerge: VerticalMergeType.CONTINUE,
              width: { size: block.widths[column]!, type: WidthType.DXA },
              children: [new Paragraph('')],
            }),
          );
          column++;
        }
      };
      for (const cell of row) {
        take();
        const span = cell.colSpan ?? 1;
        const width = block.widths.slice(column, column + span).reduce((a, b) => a + b, 0);
        if ((cell.rowSpan ?? 1) > 1) pending.set(column, cell.rowSpan! - 1);
        cells.push(
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            columnSpan: span,
            ...((cell.rowSpan ?? 1) > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {}),
            children: [new Paragraph({ children: [new TextRun({ text: cell.text, font: 'Noto Sans CJK SC' })] })],
          }),
        );
        column += span;
      }
      take();
      return new TableRow({ children: cells, tableHeader: row === block.rows[0] });
    });
    children.push(new Table({ columnWidths: block.widths, width: { size: block.widths.reduce((a, b) => a + b, 0), type: WidthType.DXA }, rows }));
  }
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

// --- Excel ---

async function toXlsx(plan: Plan): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const cover = workbook.addWorksheet('说明');
  cover.addRow(['填表说明']);
  cover.addRow(['本表由县优化营商环境工作领导小组办公室汇总，请各单位于每季度末报送进展。']);
  const sheet = workbook.addWorksheet('任务分工');
  const table = plan.blocks.find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table')!;
  const width = table.widths.length;
  let r = 1;
  for (const block of plan.blocks) {
    if (block.kind !== 'p') continue;
    sheet.getCell(r, 1).value = block.text;
    sheet.mergeCells(r, 1, r, width);
    r++;
  }
  const taken = new Set<string>();
  for (const row of table.rows) {
    let col = 1;
    for (const cell of row) {
      while (taken.has(`${r}:${col}`)) col++;
      // A line break (Alt+Enter) in the 配合单位 cells: each unit on its own line.
      sheet.getCell(r, col).value = col === 5 ? cell.text.replace(/、/g, '\n') : cell.text;
      sheet.getCell(r, col).alignment = { wrapText: true, vertical: 'middle' };
      const rs = cell.rowSpan ?? 1;
      const cs = cell.colSpan ?? 1;
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) taken.add(`${r + dr}:${col + dc}`);
      if (rs > 1 || cs > 1) sheet.mergeCells(r, col, r + rs - 1, col + cs - 1);
      col += cs;
    }
    r++;
  }
  sheet.columns.forEach((column, i) => {
    column.width = Math.round(table.widths[i]! / 100) + 2;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

// --- Conversions ---

function soffice(dir: string, args: string[]): void {
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', ...args], {
    cwd: dir,
    stdio: 'ignore',
    timeout: 180_000,
  });
}

/** A page whose tables have no borders, as many portals style them. */
function borderlessHtml(html: string): string {
  return html.replace('</head>', '<style>table, th, td { border: none !important; }</style></head>');
}

async function main(): Promise<void> {
  mkdirSync(PLANS, { recursive: true });
  mkdirSync(BAD, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'format-fixtures-'));
  const browser = await launchChromium();
  try {
    const print = async (html: string, path: string) => {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(html).href);
      writeFileSync(path, await page.pdf({ format: 'A4', printBackground: true }));
      await page.close();
    };
    for (const plan of [tablePlan(), paragraphPlan()]) {
      const id = plan.id;
      writeFileSync(join(PLANS, `${id}.txt`), toText(plan));
      writeFileSync(join(PLANS, `${id}-utf8.html`), portalHtml(plan, 'utf-8'));
      writeFileSync(join(PLANS, `${id}-gbk.html`), iconv.encode(portalHtml(plan, 'gb2312'), 'gbk'));
      writeFileSync(join(PLANS, `${id}-word.html`), iconv.encode(wordHtml(plan), 'gbk'));
      const docx = await toDocx(plan);
      writeFileSync(join(PLANS, `${id}-word.docx`), docx);
      await print(join(PLANS, `${id}-utf8.html`), join(PLANS, `${id}-chromium.pdf`));
      if (id === 'table') {
        // The same page printed with its table's borders off: cells centred in their rows, no rules.
        const borderless = join(work, `${id}-borderless.html`);
        writeFileSync(borderless, borderlessHtml(readFileSync(join(PLANS, `${id}-utf8.html`), 'utf8')));
        await print(borderless, join(PLANS, `${id}-chromium-borderless.pdf`));
      }
      writeFileSync(join(work, `${id}.docx`), docx);
      soffice(work, ['--convert-to', 'pdf', `${id}.docx`]);
      copyFileSync(join(work, `${id}.pdf`), join(PLANS, `${id}-libreoffice.pdf`));
      soffice(work, ['--convert-to', 'odt', `${id}.docx`]);
      soffice(work, ['--convert-to', 'doc', `${id}.odt`]);
      copyFileSync(join(work, `${id}.doc`), join(PLANS, `${id}-word97.doc`));
      if (id === 'table') writeFileSync(join(PLANS, `${id}-excel.xlsx`), await toXlsx(plan));
    }
    // Bad files: each is refused with one line.
    const table = tablePlan();
    writeFileSync(join(work, 'secret.docx'), await toDocx(table));
    const encrypt = 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"qinghe"}}';
    soffice(work, ['--convert-to', encrypt, 'secret.docx']);
    copyFileSync(join(work, 'secret.pdf'), join(BAD, 'encrypted.pdf'));
    // A scan: the printed page as a picture, printed again.
    const shot = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    await shot.goto(pathToFileURL(join(PLANS, 'table-utf8.html')).href);
    const png = await shot.screenshot({ type: 'png' });
    await shot.close();
    writeFileSync(
      join(work, 'scan.html'),
      `<!DOCTYPE html><html><body style="margin:0"><img src="data:image/png;base64,${png.toString('base64')}" style="width:100%"></body></html>`,
    );
    await print(join(work, 'scan.html'), join(BAD, 'scanned.pdf'));
    const xlsx = readFileSync(join(PLANS, 'table-excel.xlsx'));
    writeFileSync(join(BAD, 'truncated.xlsx'), xlsx.subarray(0, Math.floor(xlsx.length / 2)));
    copyFileSync(join(PLANS, 'table-word97.doc'), join(BAD, 'renamed-doc.pdf'));
    writeFileSync(
      join(BAD, 'no-plan.html'),
      `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>清河县人民政府</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>
<div class="article"><h1>清河县召开春季植树活动动员会</h1><p>3月12日上午，县委、县政府组织干部职工开展义务植树活动。</p></div>
<div class="footer">主办单位：清河县人民政府办公室</div></body></html>
`,
    );
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
