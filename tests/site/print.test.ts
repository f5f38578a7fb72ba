/** The printed unit sheet's data, and the PDF slots `npm run pdf` fills. */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/pipeline.ts';
import { fillPdfSlot, findPdfSlots, matrixPdfPath, unitPdfPath } from '../../src/site/pdf.ts';
import { chineseOrdinal, unitPrintSheet } from '../../src/site/print.ts';
import { unitViews } from '../../src/site/units.ts';

const content = await loadContent('content');
const plans = content.plans;
const views = unitViews(plans, content.units);
const view = (id: string) => views.find((v) => v.unit.id === id)!;

describe('chineseOrdinal', () => {
  it('numbers the groups as documents do', () => {
    expect([1, 2, 9, 10, 11, 19, 20, 21, 35].map(chineseOrdinal)).toEqual(['一', '二', '九', '十', '十一', '十九', '二十', '二十一', '三十五']);
  });
});

describe('unitPrintSheet', () => {
  it('names the plan and the unit, and holds every task of the unit in full with its deadline', () => {
    const sheet = unitPrintSheet(view('yingji'), plans);
    expect(sheet.unitName).toBe('县应急管理局');
    expect(sheet.planTitles).toEqual(['2022年全县安全生产工作要点']);
    const numbers = sheet.groups.flatMap((g) => g.rows.map((r) => r.number));
    const v = view('yingji');
    expect(numbers).toEqual([...v.byRole.flatMap((g) => g.tasks), ...v.viaGroups.flatMap((g) => g.tasks)].map((t) => t.slug));
    expect(sheet.total).toBe(numbers.length);
    const t25 = sheet.groups.flatMap((g) => g.rows).find((r) => r.number === '25')!;
    expect(t25.deadline).toMatch(/^2022年11\s*月20日前$/);
    expect(t25.text.length).toBeGreaterThan(40);
    expect(t25.text.endsWith('…')).toBe(false);
    expect(sheet.groups.map((g) => g.heading)).toEqual([
      expect.stringMatching(/^一、配合的任务\(1 项\)$/),
      expect.stringMatching(/^二、责任的任务\(\d+ 项\)$/),
      expect.stringMatching(/^三、作为县安委会成员单位承担的任务\(\d+ 项\)$/),
    ]);
    expect(sheet.summary).toMatch(/^共 \d+ 项:配合 1 项,责任 \d+ 项,经所属群体 \d+ 项。$/);
  });

  it('puts lead tasks first for a unit that leads', () => {
    const sheet = unitPrintSheet(view('zhujian'), plans);
    expect(sheet.groups[0]!.heading).toMatch(/^一、牵头的任务/);
    expect(sheet.groups[0]!.rows.map((r) => r.number)).toEqual(['21', '24']);
  });

  it('names each row’s plan only when the site has several plans', () => {
    const second = { ...plans[0]!, id: 'other', metadata: { ...plans[0]!.metadata, title: '另一计划' } };
    const both = [plans[0]!, second];
    const sheet = unitPrintSheet(unitViews(both, content.units).find((v) => v.unit.id === 'zhujian')!, both);
    expect(sheet.planTitles).toEqual(['2022年全县安全生产工作要点', '另一计划']);
    expect(new Set(sheet.groups[0]!.rows.map((r) => r.planTitle))).toEqual(new Set(['2022年全县安全生产工作要点', '另一计划']));
    expect(unitPrintSheet(view('zhujian'), plans).groups[0]!.rows[0]!.planTitle).toBeUndefined();
  });
});

describe('PDF slots', () => {
  const html = `<main><h1>县住建局</h1><p class="pdf-link print-hidden" data-pagefind-ignore data-pdf-file="${unitPdfPath('zhujian')}" data-pdf-href="/plans/${unitPdfPath('zhujian')}" data-pdf-download="县住建局&quot;清单.pdf" data-pdf-label="打印版任务清单" hidden></p><p>正文</p></main>`;

  it('are read from the page', () => {
    expect(findPdfSlots(html)).toEqual([
      { file: 'pdf/units/zhujian.pdf', href: '/plans/pdf/units/zhujian.pdf', download: '县住建局"清单.pdf', label: '打印版任务清单' },
    ]);
    expect(matrixPdfPath('2022-work-safety')).toBe('pdf/2022-work-safety/matrix.pdf');
  });

  it('are shown with a link once filled, and filling again changes nothing but the size', () => {
    const slot = findPdfSlots(html)[0]!;
    const once = fillPdfSlot(html, slot, '2 页,80 KB');
    expect(once).not.toMatch(/\shidden[\s>]/);
    expect(once).toContain(
      '<a href="/plans/pdf/units/zhujian.pdf" download="县住建局&quot;清单.pdf" type="application/pdf">打印版任务清单</a>(PDF,2 页,80 KB)</p><p>正文</p>',
    );
    expect(fillPdfSlot(once, slot, '2 页,80 KB')).toBe(once);
    expect(fillPdfSlot(once, slot, '3 页,90 KB')).toContain('(PDF,3 页,90 KB)</p><p>正文</p>');
    expect(findPdfSlots(once)).toEqual([slot]);
  });
});

describe('the rows of a printed list', () => {
  it('name the other units of each task by role, never the unit itself', () => {
    const sheet = unitPrintSheet(view('zhujian'), plans);
    const t24 = sheet.groups.flatMap((g) => g.rows).find((r) => r.number === '24')!;
    expect(t24.others).toMatch(/^配合:县发展和改革局、/);
    expect(t24.others).not.toContain('县住房和城乡建设局');
    const viaGroup = sheet.groups.at(-1)!.rows[0]!;
    expect(viaGroup.others).not.toContain('县安委会成员单位');
  });
});
