/** The task list's filters (src/site/task-filter.ts): what a choice of filters leaves, the counts, the query string. */
import { describe, expect, it } from 'vitest';
import { facetCounts, type FilterRow, filtersOf, queryOf, rowAttributes, rowFromAttributes, rowPasses } from '../../src/site/task-filter.ts';

const rows: FilterRow[] = [
  {
    part: '1',
    status: 'done',
    units: [
      { id: 'zhujian', role: 'lead' },
      { id: 'shuiwu', role: 'support' },
    ],
  },
  { part: '1', status: 'late', units: [{ id: 'shuiwu', role: 'lead' }] },
  {
    part: '2',
    units: [
      { id: 'zhujian', role: 'support' },
      { id: 'yingji', role: 'responsible' },
    ],
  },
];

describe('task filters', () => {
  it('leave the rows that every chosen filter admits', () => {
    expect(rows.filter((r) => rowPasses(r, {}))).toHaveLength(3);
    expect(rows.filter((r) => rowPasses(r, { part: '1' }))).toHaveLength(2);
    expect(rows.filter((r) => rowPasses(r, { part: '1', unit: 'zhujian' }))).toEqual([rows[0]]);
    expect(rows.filter((r) => rowPasses(r, { status: 'late' }))).toEqual([rows[1]]);
  });

  it("read a role as the chosen unit's role, or any unit's without one", () => {
    expect(rows.filter((r) => rowPasses(r, { role: 'support' }))).toEqual([rows[0], rows[2]]);
    expect(rows.filter((r) => rowPasses(r, { unit: 'zhujian', role: 'support' }))).toEqual([rows[2]]);
    expect(rows.filter((r) => rowPasses(r, { unit: 'shuiwu', role: 'lead' }))).toEqual([rows[1]]);
  });

  it('count each value with the other filters applied, not its own', () => {
    const counts = facetCounts(rows, { part: '1', unit: 'shuiwu' });
    expect(Object.fromEntries(counts.part)).toEqual({ '1': 2 });
    expect(Object.fromEntries(counts.unit)).toEqual({ zhujian: 1, shuiwu: 2 });
    expect(Object.fromEntries(counts.role)).toEqual({ support: 1, lead: 1 });
    expect(Object.fromEntries(counts.status)).toEqual({ done: 1, late: 1 });
  });

  it('live in the query string in a fixed order, unknown keys ignored', () => {
    expect(queryOf({ status: 'late', part: '2' })).toBe('?part=2&status=late');
    expect(queryOf({})).toBe('');
    expect(filtersOf('?status=late&x=1&unit=%E5%8E%BF')).toEqual({ status: 'late', unit: '县' });
    expect(filtersOf(queryOf({ unit: 'zhujian', role: 'lead' }))).toEqual({ unit: 'zhujian', role: 'lead' });
  });

  it("travel through the outline's data attributes unchanged", () => {
    for (const row of rows) {
      const attrs = rowAttributes(row);
      const dataset = Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k.replace(/^data-/, ''), v]));
      expect(rowFromAttributes(dataset)).toEqual(row);
    }
  });
});
