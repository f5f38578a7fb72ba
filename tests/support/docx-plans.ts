/**
 * Word plans made with the `docx` package, each with the text version that an office would save
 * from it: a 任务分工 table plan (from the table-pipe-rows fixture, with a lead unit merged down two
 * rows and the serial column numbered by Word) and a paragraph plan numbered by Word's own lists.
 */
import { readFileSync } from 'node:fs';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';

export interface WordPlan {
  docx: Uint8Array;
  text: string;
}

const pack = async (doc: Document) => new Uint8Array(await Packer.toBuffer(doc));

/** The table plan: the fixture's intro as paragraphs, then its pipe rows as a Word table. */
export async function tablePlan(): Promise<WordPlan> {
  const text = readFileSync('tests/fixtures/formats/table-pipe-rows/input.txt', 'utf8');
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.includes('|'));
  let last = first;
  while (last + 1 < lines.length && lines[last + 1]!.includes('|')) last++;
  const rows = lines.slice(first, last + 1).map((l) =>
    l
      .replace(/\|\s*$/, '')
      .split('|')
      .map((c) => c.trim()),
  );
  const width = rows[0]!.length;
  // Word numbers the serial column: the number cells hold no text, only list numbering.
  const numbering = { config: [{ reference: 'serial', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1', alignment: AlignmentType.LEFT }] }] };
  // Rows 1 and 2 of the fixture share a lead unit: write it once, merged down.
  const merged = rows.findIndex((r) => r[0] === '1');
  const tableRows = rows.map((cells, r) => {
    if (cells.slice(1).every((c) => c === '')) {
      return new TableRow({ children: [new TableCell({ columnSpan: width, children: [new Paragraph(cells[0]!)] })] });
    }
    return new TableRow({
      children: cells.map((cell, c) => {
        const serial = c === 0 && /^\d+$/.test(cell);
        const paragraph = serial
          ? new Paragraph({ numbering: { reference: 'serial', level: 0 }, children: [] })
          : new Paragraph({ children: [new TextRun(cell)] });
        if (c === 2 && r === merged) return new TableCell({ verticalMerge: VerticalMergeType.RESTART, children: [paragraph] });
        if (c === 2 && r === merged + 1) return new TableCell({ verticalMerge: VerticalMergeType.CONTINUE, children: [new Paragraph('')] });
        return new TableCell({ children: [paragraph] });
      }),
    });
  });
  if (rows[merged]![2] !== rows[merged + 1]![2]) throw new Error('fixture changed: rows 1 and 2 no longer share a lead unit');
  const intro = lines.slice(0, first).map((l) => new Paragraph(l));
  const outro = lines.slice(last + 1, lines.at(-1) === '' ? -1 : undefined).map((l) => new Paragraph(l));
  const doc = new Document({
    numbering,
    sections: [{ children: [...intro, new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: tableRows }), ...outro] }],
  });
  return { docx: await pack(doc), text };
}

/** A paragraph plan: parts, sections and tasks numbered by a Word multi-level list. */
const PARAGRAPHS: [level: number | undefined, text: string][] = [
  [undefined, '江城县2024年安全生产工作要点'],
  [undefined, '为做好全年安全生产工作，制定本要点。'],
  [0, '压实安全生产责任'],
  [1, '健全责任体系'],
  [2, '修订党政领导干部安全生产责任清单，年底前印发。（责任单位：县安委会办公室）'],
  [2, '开展安全生产巡查，6月底前完成第一轮。（县安委会办公室牵头，县应急管理局、县住建局配合）'],
  [1, '强化考核奖惩'],
  [2, '完善安全生产考核办法。'],
  [undefined, '牵头单位：县应急管理局'],
  [undefined, '配合单位：县财政局、县人社局'],
  [0, '防范化解重大风险'],
  [1, '深化专项整治'],
  [2, '开展城镇燃气安全专项整治，2024年9月底前完成。（责任单位：县住建局、县市场监管局）'],
  [2, '由县交通运输局负责，县公安局配合，整治道路交通安全隐患。'],
  [1, '提升应急能力'],
  [2, '修订县级应急预案，组织综合演练。（责任单位：县应急管理局，各镇政府）'],
];

export async function paragraphPlan(): Promise<WordPlan> {
  const numbering = {
    config: [
      {
        reference: 'plan',
        levels: [
          { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
          { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
          { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
        ],
      },
    ],
  };
  const children = PARAGRAPHS.map(([level, text]) =>
    level === undefined ? new Paragraph(text) : new Paragraph({ text, numbering: { reference: 'plan', level } }),
  );
  const doc = new Document({ numbering, sections: [{ children }] });
  // What Word shows: tasks restart at 1 in each section (Word's default for a lower list level).
  const counts = [0, 0, 0];
  const cn = ' 一二三四五六七八九';
  const text = PARAGRAPHS.map(([level, body]) => {
    if (level === undefined) return body;
    counts[level]!++;
    for (let l = level + 1; l < 3; l++) counts[l] = 0;
    const marker = level === 0 ? `${cn[counts[0]!]}、` : level === 1 ? `（${cn[counts[1]!]}）` : `${counts[2]}.`;
    return marker + body;
  }).join('\n');
  return { docx: await pack(doc), text: `${text}\n` };
}
