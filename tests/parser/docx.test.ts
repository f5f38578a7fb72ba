/**
 * Word plans: a .docx (table plan, paragraph plan with Word's own list numbering) reads to the same
 * tasks and assignments as its text version; diagnostics name the Word paragraph or table cell;
 * a workbook in a ZIP is read as one, other ZIP and OLE files get a message that says what to do.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxToText, formatNumber } from '../../src/lib/docx.ts';
import { loadContent, parsePlan, parsePlanBytes } from '../../src/lib/pipeline.ts';
import { UnitRegistry } from '../../src/lib/registry.ts';
import type { PlanDocument } from '../../src/lib/schema.ts';
import { paragraphPlan, tablePlan, type WordPlan } from '../support/docx-plans.ts';
import { runPlan as plan } from '../support/plan-command.ts';
import { PROCESS_TIMEOUT } from '../support/timeouts.ts';

const { registry } = UnitRegistry.fromYaml(readFileSync('content/units.yaml', 'utf8'));
const shape = (doc: PlanDocument) =>
  doc.tasks.map((t) => ({ id: t.id, path: t.path, title: t.title, text: t.text, assignments: t.assignments, deadlines: t.deadlines }));
const dir = mkdtempSync(join(tmpdir(), 'plan-docx-'));

let table: WordPlan;
let paragraphs: WordPlan;
beforeAll(async () => {
  table = await tablePlan();
  paragraphs = await paragraphPlan();
});

describe('.docx plans', () => {
  it.each(['table', 'paragraph'] as const)('a %s plan reads to the same tasks and assignments as its text version', async (kind) => {
    const plan = kind === 'table' ? table : paragraphs;
    const fromWord = (await parsePlanBytes(plan.docx, { path: `${kind}.docx`, registry: registry.fork() })).document;
    const fromText = parsePlan(new Uint8Array(Buffer.from(plan.text)), { path: `${kind}.txt`, registry: registry.fork() }).document;
    expect(fromWord.source.encoding).toBe('docx');
    expect(fromWord.tasks.length).toBeGreaterThanOrEqual(6);
    expect(fromWord.tasks.every((t) => t.effectiveAssignments.length > 0)).toBe(true);
    expect(shape(fromWord)).toEqual(shape(fromText));
    expect(fromWord.outline.map((n) => n.title)).toEqual(fromText.outline.map((n) => n.title));
  });

  it('writes Word list numbers as the markers Word shows, and repeats a cell merged down', async () => {
    const para = await docxToText(paragraphs.docx);
    expect(para.ok && para.text.split('\n').slice(2, 5)).toEqual([
      '一、压实安全生产责任',
      '（一）健全责任体系',
      '1.修订党政领导干部安全生产责任清单，年底前印发。（责任单位：县安委会办公室）',
    ]);
    const doc = (await parsePlanBytes(table.docx, { path: 'table.docx', registry: registry.fork() })).document;
    const leads = doc.tasks.slice(0, 2).map((t) => t.assignments.filter((a) => a.role === 'lead').map((a) => a.mention));
    expect(leads).toEqual([['市住房和城乡建设局'], ['市住房和城乡建设局']]);
    expect(doc.tasks.map((t) => t.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('says which paragraph or table cell a diagnostic is about', async () => {
    const doc = (await parsePlanBytes(table.docx, { path: 'table.docx', registry: UnitRegistry.empty() })).document;
    const audit = doc.diagnostics.find((d) => d.message.includes('`市审计局`'));
    // Row 4 of the table (header, part row, task 1, task 2), column 4 (配合单位).
    expect(audit?.message).toMatch(/\(Word: 表格1 第4行第4列\)$/);
    const para = (await parsePlanBytes(paragraphs.docx, { path: 'plan.docx', registry: UnitRegistry.empty() })).document;
    const police = para.diagnostics.find((d) => d.message.includes('`县公安局`'));
    expect(police?.message).toMatch(/\(Word: 段落 14\)$/);
  });

  it('numbers lists in the formats Chinese plans use', () => {
    expect(
      ['chineseCounting', 'chineseCounting', 'decimal', 'decimalEnclosedCircle', 'decimalEnclosedParen', 'decimalFullWidth', 'ideographTraditional'].map(
        (f, i) => formatNumber([1, 12, 3, 4, 5, 10, 2][i]!, f),
      ),
    ).toEqual(['一', '十二', '3', '④', '⑸', '１０', '乙']);
  });

  it('reads a ZIP that is an Excel workbook as one, and refuses another ZIP and a damaged .docx with a clear message', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('任务').addRows([
      ['序号', '任务', '责任单位'],
      [1, '甲任务。', '县住建局'],
    ]);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    const doc = (await parsePlanBytes(xlsx, { path: 'plan.xlsx' })).document;
    expect(doc.source.format).toBe('xlsx');
    expect(doc.tasks.map((t) => t.assignments.map((a) => a.mention))).toEqual([['县住建局']]);
    const other = new JSZip();
    other.file('ppt/presentation.xml', '<p:presentation/>');
    const pptx = (await parsePlanBytes(await other.generateAsync({ type: 'uint8array' }), { path: 'slides.pptx' })).document;
    expect(pptx.diagnostics[0]).toMatchObject({ severity: 'error', ruleId: 'unsupported-format', line: 1, column: 1 });
    expect(pptx.diagnostics[0]!.message).toMatch(/PowerPoint file/);
    const damaged = (await parsePlanBytes(paragraphs.docx.slice(0, 2000), { path: 'cut.docx' })).document;
    expect(damaged.diagnostics[0]).toMatchObject({ severity: 'error' });
    expect(damaged.tasks).toEqual([]);
  });
});

describe('plan check and content folders with Word files', { timeout: PROCESS_TIMEOUT }, () => {
  it('refuses a .docx that would unpack past the size limit, before unpacking it', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    zip.file('word/media/padding.bin', new Uint8Array(65 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const doc = (await parsePlanBytes(bomb, { path: 'bomb.docx' })).document;
    expect(doc.diagnostics[0]).toMatchObject({ severity: 'error', ruleId: 'unsupported-format', line: 1, column: 1 });
    expect(doc.diagnostics[0]!.message).toMatch(/unpacks to 65 MB/);
  });

  it('checks a .docx, and refuses an OLE file that holds no Word document, named .doc or .wps', () => {
    const docx = join(dir, 'plan.docx');
    writeFileSync(docx, paragraphs.docx);
    const ok = plan('check', docx);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/plan\.docx:\d+:\d+: \w+ .*\(Word: 段落 \d+\) \[[a-z-]+\]/);
    for (const name of ['old.doc', 'old.wps']) {
      const path = join(dir, name);
      writeFileSync(path, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
      const out = plan('check', path);
      expect(out.code).toBe(1);
      expect(out.stdout).toMatch(
        new RegExp(`${name.replace('.', '\\.')}:1:1: error Unexpected OLE file that is no Word 97 document.* \\[unsupported-format\\]`),
      );
    }
  });

  it('loads plans/<id>.docx from a content folder and reports a .doc there', async () => {
    const content = join(dir, 'content');
    mkdirSync(join(content, 'plans'), { recursive: true });
    writeFileSync(join(content, 'plans', '2024-table.docx'), table.docx);
    let loaded = await loadContent(content);
    expect(loaded.errors).toEqual([]);
    expect(loaded.plans.map((p) => [p.id, p.document.tasks.length])).toEqual([['2024-table', 8]]);
    writeFileSync(join(content, 'plans', '2023-old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    writeFileSync(join(content, 'plans', '2024-table.txt'), table.text);
    loaded = await loadContent(content);
    expect(loaded.errors.join('\n')).toMatch(/2023-old\.doc:1:1: error Unexpected OLE file that is no Word 97 document/);
    expect(loaded.errors.join('\n')).toMatch(/2024-table\.(docx|txt):1:1: error Unexpected second file for plan `2024-table`/);
  });
});
