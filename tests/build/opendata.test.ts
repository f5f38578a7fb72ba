/**
 * The open data as the build writes it, read back with a CSV parser and an xlsx reader: the seed's
 * files (in the tier's one build of the bundled content), the links to them, and a hostile plan
 * whose cells would start spreadsheet formulas.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PlanDocumentSchema, type PlanDocument } from '../../src/lib/schema.ts';
import { validate } from '../support/json-schema.ts';
import { attributeValues, buildSite, readPages, removeBuilds } from './dist.ts';

const PLAN = '2022-work-safety';
const ROLE = { lead: '牵头', support: '配合', responsible: '责任' } as const;
const FORMULA_START = /^[=+\-@\t\r]/;

let outDir: string;
let doc: PlanDocument;
const folders: string[] = [];

beforeAll(() => {
  const result = inject('contentBuild');
  expect(result.code, result.stdout + result.stderr).toBe(0);
  outDir = result.outDir;
  doc = PlanDocumentSchema.parse(JSON.parse(readFileSync(join(outDir, PLAN, 'plan.json'), 'utf8')));
});

afterAll(() => {
  removeBuilds();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** Each task × unit of the plan once, with its strongest role. */
function expectedPairs(document: PlanDocument): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const task of document.tasks) {
    const n = task.id.replace(/^task-/, '');
    for (const a of task.effectiveAssignments) {
      const key = `${n}|${a.name}`;
      const prev = pairs.get(key);
      if (!prev || a.role === 'lead' || (a.role === 'responsible' && prev === '配合')) pairs.set(key, ROLE[a.role]);
    }
  }
  return pairs;
}

async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** The header row and the rows below it (the title row above them left out). */
function rowValues(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return rows;
}

describe('plan.json and plan.schema.json', () => {
  it('publishes the PlanDocument, which its published JSON Schema accepts', () => {
    expect(doc.id).toBe(PLAN);
    expect(doc.tasks).toHaveLength(30);
    const schema = JSON.parse(readFileSync(join(outDir, PLAN, 'plan.schema.json'), 'utf8'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(validate(schema, JSON.parse(readFileSync(join(outDir, PLAN, 'plan.json'), 'utf8')))).toEqual([]);
  });

  it("gives the seed's date, 文号 and issuer as the seed holds them: none, and says so", () => {
    // The seed is the body of a plan without its notice: no 文号 line, no 落款, no 印发 line, and its
    // metadata file sets none of the three (its source note says the text names neither issuer nor date).
    const raw = JSON.parse(readFileSync(join(outDir, PLAN, 'plan.json'), 'utf8'));
    for (const key of ['issuer', 'date', 'docNumber', 'provenance']) expect(raw, key).not.toHaveProperty(key);
    expect(doc.diagnostics.filter((d) => d.ruleId.startsWith('plan-date'))).toEqual([
      expect.objectContaining({ severity: 'info', ruleId: 'plan-date-missing', line: 1, column: 1 }),
    ]);
    // The published schema knows the three fields and their provenance.
    const schema = JSON.parse(readFileSync(join(outDir, PLAN, 'plan.schema.json'), 'utf8'));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['issuer', 'date', 'docNumber', 'provenance']));
    expect(
      validate(schema, { ...raw, issuer: '某县安委办', date: '2022-03-01', docNumber: '某安委办〔2022〕3号', provenance: { date: { origin: 'metadata' } } }),
    ).toEqual([]);
    expect(validate(schema, { ...raw, date: '2022年3月1日' })).not.toEqual([]);
  });
});

describe('assignments.csv', () => {
  it('is UTF-8 with a BOM, has the six columns, every task × unit of all 30 tasks, and no formula cell', () => {
    const bytes = readFileSync(join(outDir, PLAN, 'assignments.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['序号', '任务', '单位', '角色', '完成时限', '来源']);
    // The bundled plan has no corrections: every assignment is as the text reads.
    expect(new Set(rows.map((r) => r.来源))).toEqual(new Set(['原文']));
    expect(new Set(rows.map((r) => r.序号))).toEqual(new Set(doc.tasks.map((t) => t.id.replace('task-', ''))));
    expect(new Set(rows.map((r) => r.序号)).size).toBe(30);
    const got = new Map(rows.map((r) => [`${r.序号}|${r.单位}`, r.角色]));
    expect(got).toEqual(expectedPairs(doc));
    expect(rows).toHaveLength(got.size);
    const cells = rows.flatMap((r) => Object.values(r));
    expect(cells.filter((c) => FORMULA_START.test(c))).toEqual([]);
    const task24 = doc.tasks.find((t) => t.id === 'task-24')!;
    expect(rows.find((r) => r.序号 === '24')!.任务).toBe(task24.text.trim());
    expect(rows.find((r) => r.序号 === '25')!.完成时限).toBe(doc.tasks.find((t) => t.id === 'task-25')!.deadlines[0]!.text);
  });
});

describe('ledger.xlsx', () => {
  it('has the 任务分工台账 sheet with its header, frozen panes, wrapped text, widths and one row per task', async () => {
    const workbook = await readWorkbook(join(outDir, PLAN, 'ledger.xlsx'));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('任务分工台账');
    const rows = rowValues(sheet);
    expect(rows[0]).toEqual(['序号', '重点任务', '牵头单位', '配合单位', '责任单位', '完成时限', '备注', '来源', '填报单位', '状态', '进展情况', '报告日期']);
    expect(new Set(rows.slice(1).map((r) => r[7]))).toEqual(new Set(['原文']));
    // The columns departments fill in are empty, 状态 offers the four stages.
    expect(
      rows
        .slice(1)
        .flatMap((r) => r.slice(8))
        .filter((c) => c !== ''),
    ).toEqual([]);
    expect(sheet.getCell('A1').value).toBe('2022年全县安全生产工作要点 任务分工台账');
    expect(sheet.getCell('J3').dataValidation).toMatchObject({ type: 'list', formulae: ['"未启动,推进中,已完成,滞后"'] });
    expect(rows.slice(1).map((r) => r[0])).toEqual(doc.tasks.map((t) => t.id.replace('task-', '')));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getCell('B5').alignment?.wrapText).toBe(true);
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(40);
    expect(sheet.getRow(2).font?.bold).toBe(true);

    // Every assignment sits in the column of its role.
    const column = { 牵头: 2, 配合: 3, 责任: 4 } as const;
    const missing: string[] = [];
    for (const [key, role] of expectedPairs(doc)) {
      const [n, unit] = key.split('|') as [string, string];
      const row = rows.find((r) => r[0] === n)!;
      if (!row[column[role as keyof typeof column]]!.split('、').includes(unit)) missing.push(`${key} ${role}`);
    }
    expect(missing).toEqual([]);
  });

  it('has a sheet per unit listing every task of that unit, including those held through its group', async () => {
    const workbook = await readWorkbook(join(outDir, PLAN, 'ledger.xlsx'));
    const byName = new Map(workbook.worksheets.slice(1).map((s) => [s.name, rowValues(s)]));
    const missing: string[] = [];
    for (const [key, role] of expectedPairs(doc)) {
      const [n, unit] = key.split('|') as [string, string];
      const rows = byName.get(unit);
      if (!rows) missing.push(`no sheet for ${unit}`);
      else if (!rows.some((r) => r[0] === n && r[2] === role)) missing.push(`${unit}: task ${n} ${role}`);
    }
    expect(missing).toEqual([]);
    for (const [name, rows] of byName) {
      expect(rows[0]).toEqual(['序号', '重点任务', '角色', '完成时限', '备注', '来源', '填报单位', '状态', '进展情况', '报告日期']);
      // 填报单位 names the sheet's unit; 状态, 进展情况 and 报告日期 wait to be filled in.
      expect(new Set(rows.slice(1).map((r) => r[6]))).toEqual(new Set([name]));
      expect(
        rows
          .slice(1)
          .flatMap((r) => r.slice(7))
          .filter((c) => c !== ''),
      ).toEqual([]);
    }
    // 县住建局 is a member of 县安委会成员单位: the group's tasks are on its sheet too, once each,
    // marked as the group's unless 县住建局 holds them itself.
    const group = byName.get('县安委会成员单位')!;
    const zhujian = byName.get('县住房和城乡建设局')!;
    for (const row of group.slice(1)) expect(zhujian.filter((r) => r[0] === row[0])).toHaveLength(1);
    expect(zhujian.filter((r) => r[4]!.includes('县安委会成员单位')).length).toBeGreaterThan(5);
    for (const [name, rows] of byName) expect(new Set(rows.slice(1).map((r) => r[0])).size, name).toBe(rows.length - 1);
  });
});

describe('links to the open data', () => {
  it('are on the home page and on every unit page with tasks', () => {
    const pages = readPages(outDir);
    const files = ['ledger.xlsx', 'assignments.csv', 'plan.json', 'plan.schema.json'].map((f) => `/${PLAN}/${f}`);
    const home = pages.find((p) => p.url === '')!;
    expect(attributeValues(home.html, 'href')).toEqual(expect.arrayContaining(files));
    const units = pages.filter((p) => /^units\/[^/]+\/$/.test(p.url));
    expect(units.length).toBeGreaterThan(10);
    for (const unit of units) expect(attributeValues(unit.html, 'href'), unit.url).toEqual(expect.arrayContaining(files));
  });
});

describe('a plan whose text starts spreadsheet formulas', () => {
  it('gets a quote before each such CSV cell, and plain string cells in the workbook', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-content-'));
    folders.push(dir);
    mkdirSync(join(dir, 'plans'));
    writeFileSync(
      join(dir, 'plans', 'hostile.txt'),
      [
        '2023年测试工作要点',
        '一、总体要求',
        '1.=HYPERLINK("http://example.invalid","点击")开展检查。(责任单位:县应急管理局)',
        '2.+86专线建设。(牵头单位:县住建局;配合单位:县公安局)',
        '3.-1号文件落实,2023年6月30日前完成。(责任单位:县公安局)',
        '4.@所有人 开展宣传。(责任单位:县公安局)',
        '',
      ].join('\n'),
    );
    const result = await buildSite({ CONTENT_DIR: dir });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const rows = parse(readFileSync(join(result.outDir, 'hostile', 'assignments.csv')), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.任务)).toEqual([
      `'=HYPERLINK("http://example.invalid","点击")开展检查。`,
      "'+86专线建设。",
      "'+86专线建设。",
      "'-1号文件落实,2023年6月30日前完成。",
      "'@所有人 开展宣传。",
    ]);
    expect(rows.flatMap((r) => Object.values(r)).filter((c) => FORMULA_START.test(c))).toEqual([]);

    const workbook = await readWorkbook(join(result.outDir, 'hostile', 'ledger.xlsx'));
    const cell = workbook.worksheets[0]!.getCell('B3');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://example.invalid","点击")开展检查。');
    let formulas = 0;
    for (const sheet of workbook.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((c) => {
          if (c.type === ExcelJS.ValueType.Formula) formulas++;
        }),
      );
    expect(formulas).toBe(0);
  });
});
