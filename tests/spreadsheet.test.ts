/** Text cells for CSV/.xlsx exports: nothing from a plan reaches a spreadsheet as a formula. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../src/lib/pipeline.ts';
import { looksLikeFormula, spreadsheetText } from '../src/lib/spreadsheet.ts';
import { assignmentsCsv } from '../src/site/opendata.ts';

describe('spreadsheetText', () => {
  it.each(['=HYPERLINK("http://example.com")', '+SUM(1)', '-2+3', '@cmd', '\t=1', '\r=1', '  =1', '\u3000=1', '＝1'])('neutralises %j', (value) => {
    expect(looksLikeFormula(value)).toBe(true);
    expect(spreadsheetText(value)).toBe(`'${value}`);
    expect(looksLikeFormula(spreadsheetText(value))).toBe(false);
  });

  it('leaves ordinary text alone', () => {
    for (const value of ['县住建局', '1.5亿元', '2024年6月底前', '', '加强=管理']) expect(spreadsheetText(value)).toBe(value);
  });

  it('leaves no formula cell in the published CSV of the hostile plan', () => {
    const doc = parsePlan(new Uint8Array(readFileSync('tests/fixtures/hostile/plans/2024-hostile.txt')), { path: 'hostile.txt' }).document;
    const cells = (parse(assignmentsCsv(doc), { bom: true }) as string[][]).flat();
    expect(cells.some((cell) => cell.startsWith("'=HYPERLINK"))).toBe(true);
    expect(cells.filter(looksLikeFormula)).toEqual([]);
  });
});
