/**
 * A content folder with corrections, built: the build reports a correction that no longer applies
 * and goes on; plan.json, plan.schema.json, assignments.csv and ledger.xlsx say which assignments
 * were corrected; the 校对 page marks the plan's units and is valid HTML with links that resolve.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORRECTED_PLAN, correctedContent } from '../support/corrected-content.ts';
import { validate } from '../support/json-schema.ts';
import { type BuildResult, brokenLinks, buildSite, invalidHtml, type Page, readPages, removeBuilds } from './dist.ts';

const contentDir = correctedContent('- task: "99"\n  text: 无此任务\n  note: 已删除的任务\n  remove: [县公安局]\n');
let build: BuildResult;
let pages: Page[];

beforeAll(async () => {
  build = await buildSite({ CONTENT_DIR: contentDir });
  expect(build.code, build.stdout + build.stderr).toBe(0);
  pages = readPages(build.outDir);
});

afterAll(() => {
  removeBuilds();
  rmSync(contentDir, { recursive: true, force: true });
});

const file = (name: string) => join(build.outDir, CORRECTED_PLAN, name);

describe('a plan built with its corrections', () => {
  it('prints the correction that no longer applies at its place, and builds', () => {
    expect(build.stdout + build.stderr).toMatch(/corrections\/2024-roads\.yaml:27:9: warning Unexpected task `99`.*\[stale-correction\]/);
    expect(build.stdout + build.stderr).toMatch(/corrections\/2024-roads\.yaml: 1 warning \(stale-correction 1\), 4 infos \(correction-applied 4\)/);
  });

  it('publishes origin and note in plan.json, in the shape plan.schema.json describes', () => {
    const document = JSON.parse(readFileSync(file('plan.json'), 'utf8'));
    const task1 = document.tasks.find((t: { id: string }) => t.id === 'task-1');
    expect(task1.effectiveAssignments.map((a: { name: string; origin: string }) => `${a.name} ${a.origin}`)).toEqual([
      '县交通运输局 parsed',
      '县公安局 corrected',
      '县应急管理局 corrected',
    ]);
    expect(document.corrections.map((c: { task: string }) => c.task)).toEqual(['task-1', 'task-2', 'task-4', 'task-5']);
    const schema = JSON.parse(readFileSync(file('plan.schema.json'), 'utf8'));
    expect(validate(schema, document)).toEqual([]);
    // The schema holds a corrected assignment to its shape.
    const bad = structuredClone(document);
    bad.tasks[0].assignments[1].origin = 'guessed';
    expect(validate(schema, bad).length).toBeGreaterThan(0);
  });

  it('says 来源 in assignments.csv and ledger.xlsx', async () => {
    const rows = parse(readFileSync(file('assignments.csv')), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.filter((r) => r.来源 !== '原文').map((r) => `${r.序号} ${r.单位}`)).toEqual([
      '1 县公安局',
      '1 县应急管理局',
      '2 县公安局',
      '2 各镇政府',
      '4 县交通运输局',
      '4 县公安局',
      '5 县交通运输局',
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(readFileSync(file('ledger.xlsx'))).buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(8).value).toBe('来源');
    expect(String(sheet.getRow(6).getCell(8).value)).toMatch(/^人工校正:原文漏列责任单位/);
  });

  it('marks every unit mention on the 校对 page, and its pages are valid with links that resolve', async () => {
    const review = pages.find((p) => p.url === `${CORRECTED_PLAN}/review/`)!;
    expect(review.html.match(/ data-role="(lead|support|responsible)"/g)).toHaveLength(13);
    expect(review.html.match(/ data-corrected="removed"/g)).toHaveLength(4);
    expect(await invalidHtml(pages.filter((p) => /\/(review|tasks\/1|diagnostics|matrix)\/$/.test(p.url)))).toEqual([]);
    expect(brokenLinks(build.outDir, pages)).toEqual([]);
  });
});
