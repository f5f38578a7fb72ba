/**
 * The plan page's task filters in the browser: the filter links (src/components/TaskFilters.astro)
 * filter the outline in place, combine, keep their state in the query string (?part=2&unit=…), so
 * that the back button and a copied address give the same list, and the counts of every value
 * follow the other filters. How many tasks are shown is announced (role="status").
 */
import { facetCounts, type FilterRow, filtersOf, queryOf, rowFromAttributes, rowPasses, TASK_FACETS, type TaskFilters } from '../site/task-filter.ts';

export function startTaskFilters(): void {
  const nav = document.querySelector<HTMLElement>('[data-task-filters]');
  const outline = nav?.parentElement?.querySelector<HTMLElement>('.outline');
  if (!nav || !outline) return;
  const countLine = nav.parentElement!.querySelector<HTMLElement>('[data-filter-count]')!;
  const empty = nav.parentElement!.querySelector<HTMLElement>('[data-filter-empty]');
  const items = [...outline.querySelectorAll<HTMLLIElement>('li.task[data-units]')].map((li) => ({
    li,
    row: rowFromAttributes(li.dataset) as FilterRow,
  }));
  const rows = items.map((i) => i.row);
  const links = [...nav.querySelectorAll<HTMLAnchorElement>('a[data-facet]')];
  const note = nav.querySelector<HTMLElement>('[data-filter-note]');
  if (note) note.textContent = '可以组合筛选;筛选条件写在网址中,可复制分享。';
  let filters: TaskFilters = filtersOf(location.search);

  const apply = (announce: boolean) => {
    const shown = new Set<HTMLLIElement>();
    let count = 0;
    for (const { li, row } of items) {
      if (!rowPasses(row, filters)) continue;
      count++;
      // A sub-task shown keeps its parent tasks visible around it.
      for (let at: HTMLElement | null = li; at && at !== outline; at = at.parentElement) if (at instanceof HTMLLIElement) shown.add(at);
    }
    const any = TASK_FACETS.some((f) => filters[f]);
    for (const { li } of items) li.hidden = any && !shown.has(li);
    // Parts and sections with no task left are hidden with their headings.
    for (const group of outline.querySelectorAll<HTMLLIElement>('li.part, li.section')) {
      group.hidden = any && !group.querySelector('li.task:not([hidden])');
    }
    if (empty) empty.hidden = count > 0;
    const counts = facetCounts(rows, filters);
    for (const a of links) {
      const facet = a.dataset.facet as (typeof TASK_FACETS)[number];
      const value = a.dataset.value ?? '';
      if (a.dataset.state !== undefined) a.href = stateHref(a);
      const current = (filters[facet] ?? '') === value;
      if (current) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
      const badge = a.querySelector('.count');
      if (badge) {
        const n = counts[facet].get(value) ?? 0;
        badge.textContent = String(n);
        a.classList.toggle('is-empty', n === 0);
      }
    }
    // A folded group opens when one of its values is chosen.
    for (const details of nav.querySelectorAll<HTMLDetailsElement>('details[data-group]')) {
      if (filters[details.dataset.group as (typeof TASK_FACETS)[number]]) details.open = true;
    }
    const text = any ? `显示 ${count} 项任务(共 ${rows.length} 项)。` : `共 ${rows.length} 项任务。`;
    if (announce || countLine.textContent !== text) countLine.textContent = text;
  };

  /** The address of the list a link leads to with the script: the filters in the query string. */
  const stateHref = (a: HTMLAnchorElement) => {
    const facet = a.dataset.facet as (typeof TASK_FACETS)[number];
    const next: TaskFilters = { ...filters };
    if (a.dataset.value) next[facet] = a.dataset.value;
    else delete next[facet];
    return `${location.pathname}${queryOf(next)}#tasks`;
  };
  // A link takes its filtered address when it is pointed at or focused (to open in a new tab, to
  // copy), not all at once on load: the page's first layout is left alone.
  const address = (event: Event) => {
    const a = (event.target as Element).closest<HTMLAnchorElement>('a[data-facet]');
    if (!a) return;
    a.href = stateHref(a);
    a.dataset.state = '';
  };
  nav.addEventListener('pointerover', address);
  nav.addEventListener('focusin', address);
  nav.addEventListener('click', (event) => {
    const a = (event.target as Element).closest<HTMLAnchorElement>('a[data-facet]');
    if (!a || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    const facet = a.dataset.facet as (typeof TASK_FACETS)[number];
    const next: TaskFilters = { ...filters };
    if (a.dataset.value) next[facet] = a.dataset.value;
    else delete next[facet];
    filters = next;
    history.pushState(null, '', `${location.pathname}${queryOf(filters)}${location.hash}`);
    apply(true);
  });
  window.addEventListener('popstate', () => {
    filters = filtersOf(location.search);
    apply(true);
  });
  nav.dataset.ready = '';
  // Unfiltered, the page is already right as served.
  if (TASK_FACETS.some((f) => filters[f])) apply(false);
}
