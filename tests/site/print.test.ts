/** The printed unit sheet's data, and the PDF slots `npm run pdf` fills. */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/pipeline.ts';
import { cachedPdfPath, fillPdfSlot, findPdfSlots, matrixPdfPath, pageDigest, pdfKey, pdfSizeLabel, unitPdfPath } from '../../src/site/pdf.ts';
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

  it('leave the digest of what the page prints as it is; its text and stylesheets change it', () => {
    const styled = html.replace('<main>', '<link rel="stylesheet" media="print" href="/plans/_astro/print.css"><main>');
    const css = { '/plans/_astro/print.css': '@page { size: A4 }' } as Record<string, string>;
    const read = (href: string) => css[href];
    const digest = pageDigest(styled, read);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(pageDigest(fillPdfSlot(styled, findPdfSlots(styled)[0]!, '2 页,80 KB'), read)).toBe(digest);
    expect(pageDigest(styled.replace('正文', '正文改动'), read)).not.toBe(digest);
    expect(pageDigest(styled, () => '@page { size: A3 }')).not.toBe(digest);
    expect(pdfKey('pdf/units/zhujian.pdf', digest)).not.toBe(pdfKey('pdf/units/gongan.pdf', digest));
    expect(cachedPdfPath('pdf/units/zhujian.pdf', 'abc')).toBe('pdf/units/zhujian.abc.pdf');
    expect(pdfSizeLabel(3, 81_920)).toBe('3 页,80 KB');
    expect(pdfSizeLabel(12, 3 * 1024 * 1024)).toBe('12 页,3.0 MB');
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
