/** The exact search (src/site/search-engine.ts) over the index of the bundled plan and the two-plan example. */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/pipeline.ts';
import { foldText, queryTerms, search } from '../../src/site/search-engine.ts';
import { searchIndex } from '../../src/site/search-index.ts';
import { searchPage } from '../../src/site/routes/search.ts';

const seed = await loadContent('content');
const index = searchIndex(seed);
const twoPlans = await loadContent('examples/with-progress');
const both = searchIndex(twoPlans);
const numbers = (q: string, filters = {}) => search(index, q, filters).tasks.map((t) => t.task.number);

describe('the index', () => {
  it('holds every task in full with its units and every unit with its names', () => {
    expect(index.tasks).toHaveLength(30);
    const t24 = index.tasks.find((t) => t.number === '24')!;
    expect(t24).toMatchObject({ href: '/2022-work-safety/tasks/24/', part: expect.stringMatching(/^三、/) });
    expect(t24.units[0]).toEqual({ id: 'zhujian', role: 'lead' });
    expect(new Set(t24.units.map((u) => u.id)).size).toBe(t24.units.length);
    expect(index.units.find((u) => u.id === 'zhujian')).toMatchObject({ name: '县住房和城乡建设局', aliases: expect.arrayContaining(['住建局']), total: 16 });
    expect(both.tasks.every((t) => t.status !== undefined)).toBe(true);
  });
});

describe('queries', () => {
  it('fold full-width letters and split at spaces', () => {
    expect(foldText('ＡＢｃ１')).toBe('abc1');
    expect(queryTerms(' 燃气  安全,燃气 ')).toEqual(['燃气', '安全']);
  });

  it('find the tasks that hold the phrase, and only those', () => {
    const hits = search(index, '燃气').tasks;
    expect(hits.map((t) => t.task.number)).toEqual(index.tasks.filter((t) => t.text.includes('燃气')).map((t) => t.number));
    expect(hits[0]!.task.number).toBe('24');
    // A task that holds 燃 or 气 alone is no hit.
    expect(numbers('燃气').every((n) => index.tasks.find((t) => t.number === n)!.text.includes('燃气'))).toBe(true);
  });

  it('rank a task that holds the phrase above one that holds its words apart', () => {
    const phrase = '安全生产';
    const all = numbers(phrase);
    expect(all.length).toBeGreaterThan(3);
    expect(numbers('安全 生产').length).toBeGreaterThanOrEqual(all.length);
  });

  it('return no task for a phrase no task holds, and suggest the parts tasks hold', () => {
    const result = search(index, '燃气灶具更换');
    expect(result.tasks).toEqual([]);
    expect(result.suggestions?.words[0]).toEqual({ word: '燃气', count: 1 });
    const none = search(index, '航天发射');
    expect(none.tasks).toEqual([]);
    expect(none.suggestions).toBeDefined();
    const unit = search(index, '住建部门局');
    expect(unit.suggestions?.units.map((u) => u.id)).toContain('zhujian');
  });

  it('find a unit page by its name and aliases, not by the tasks it lists', () => {
    for (const q of ['县住房和城乡建设局', '住建局', '县住建局']) expect(search(index, q).units[0]?.id, q).toBe('zhujian');
    expect(search(index, '燃气').units).toEqual([]);
    // The unit's own tasks come with it, its lead tasks first.
    const tasks = search(index, '住建局').tasks;
    expect(tasks[0]!.roles[0]).toMatchObject({ label: '牵头', names: ['县住房和城乡建设局'] });
  });

  it('show the plan, the roles and an excerpt of about 60 characters around the match', () => {
    const hit = search(index, '液化气').tasks[0]!;
    expect(hit.planTitle).toBe('2022年全县安全生产工作要点');
    const text = hit.excerpt.map((p) => p.text).join('');
    expect(text.replace(/…/g, '').length).toBeLessThanOrEqual(60);
    expect(text.replace(/…/g, '').length).toBeGreaterThan(40);
    expect(hit.excerpt.filter((p) => p.match).map((p) => p.text)).toEqual(['液化气']);
    expect(hit.roles.map((r) => r.label)).toEqual(['牵头', '配合']);
  });

  it('filter by plan, part, unit, role and status, with counts in a fixed order', () => {
    const result = search(both, '安全');
    expect(result.facets.plan.map((v) => v.value)).toEqual(['2023-work-safety', '2022-work-safety']);
    expect(result.facets.role.map((v) => v.value)).toEqual(['lead', 'responsible', 'support']);
    const counts = result.facets.unit.map((v) => v.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const onePlan = search(both, '安全', { plan: '2022-work-safety' });
    expect(onePlan.tasks.every((t) => t.planTitle === '2022年全县安全生产工作要点')).toBe(true);
    expect(onePlan.tasks.length).toBe(result.facets.plan.find((v) => v.value === '2022-work-safety')!.count);
    const lead = search(both, '安全', { unit: 'zhujian', role: 'lead' });
    expect(lead.tasks.length).toBeGreaterThan(0);
    expect(lead.tasks.every((t) => t.task.units.some((u) => u.id === 'zhujian' && u.role === 'lead'))).toBe(true);
    expect(search(both, '安全').facets.status.length).toBeGreaterThan(0);
  });

  it('is offered by the search page with its facets', () => {
    expect(searchPage(seed)).toMatchObject({ indexPath: '/search-index.json', statusFilter: false });
    expect(searchPage(seed).facetLabels.map((f) => f.label)).toEqual(['计划', '部分', '单位', '角色']);
    expect(searchPage(twoPlans).facetLabels.map((f) => f.label)).toContain('状态');
  });
});
