/**
 * A table given as comma-separated values (src/lib/parse/csv.ts): from its header on, the field
 * separators are tabs in the match view; prose with ASCII commas is left as it is.
 */
import { describe, expect, it } from 'vitest';
import { csvAsTabs } from '../../src/lib/parse/csv.ts';
import { splitLines } from '../../src/lib/parse/lines.ts';
import { makeSource } from '../../src/lib/parse/source.ts';

function views(text: string): string[] {
  const src = makeSource(text);
  return csvAsTabs(src, splitLines(src.text, src.view)).lines.map((l) => l.view);
}

describe('CSV tables', () => {
  it('turns the separators of the header and its records into tabs, not the commas inside quotes', () => {
    const text = [
      '某县任务分工表',
      '序号,工作任务,牵头单位,配合单位',
      '1,"加强监管,落实责任",县应急局,"县公安局',
      '县交通局"',
      '2,开展检查,县市场监管局,',
    ].join('\n');
    expect(views(text)).toEqual([
      '某县任务分工表',
      '序号\t工作任务\t牵头单位\t配合单位',
      '1\t"加强监管,落实责任"\t县应急局\t"县公安局',
      '县交通局"',
      '2\t开展检查\t县市场监管局\t',
    ]);
  });

  it('keeps the source text and its offsets', () => {
    const text = '序号,工作任务,牵头单位\n1,开展检查,县应急局\n';
    const src = makeSource(text);
    const out = csvAsTabs(src, splitLines(src.text, src.view));
    expect(out.src.text).toBe(text);
    expect(out.src.view.length).toBe(src.view.length);
    expect(out.lines.map((l) => [l.start, l.end])).toEqual(splitLines(src.text, src.view).map((l) => [l.start, l.end]));
  });

  it('leaves prose with ASCII commas alone, even where a line names roles', () => {
    const text = ['工作报告的审议意见,切实抓好整改,压实整改责任,', '做好审计工作,现结合实际,制定如下方案。', '1.加强监管,落实责任,牵头单位:县应急局。'].join(
      '\n',
    );
    expect(views(text)).toEqual(text.split('\n').map((l) => makeSource(l).view));
  });

  it('leaves a text with tabs alone: a table pasted from a spreadsheet is read as it is', () => {
    const text = '序号\t工作任务\t牵头单位\n1\t开展检查,落实整改\t县应急局';
    expect(views(text)).toEqual(text.split('\n'));
  });
});
