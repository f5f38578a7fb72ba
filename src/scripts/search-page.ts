/**
 * The search page in the browser: reads /search-index.json once, searches as the reader types,
 * keeps the query and the filters in the URL (?q=…&unit=…), and writes the results as text nodes
 * (plan text is data: nothing from the index becomes markup). Filters are links, so that each
 * state of the page has an address; a click on one searches in place.
 */
import { FACETS, type Facet, type Filters, type SearchIndex, type SearchResult, search } from '../site/search-engine.ts';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Results written with the page, then per batch. */
const FIRST_RESULTS = 12;
const BATCH = 24;

interface State {
  q: string;
  filters: Filters;
}

function readState(): State {
  const params = new URLSearchParams(location.search);
  const filters: Filters = {};
  for (const f of FACETS) {
    const v = params.get(f);
    if (v) filters[f] = v;
  }
  return { q: params.get('q') ?? '', filters };
}

function stateHref(state: State): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const f of FACETS) if (state.filters[f]) params.set(f, state.filters[f]!);
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ''}`;
}

export function startSearch(): void {
  const root = document.querySelector<HTMLElement>('[data-search]');
  if (!root) return;
  const input = root.querySelector<HTMLInputElement>('#search-q')!;
  const form = root.querySelector<HTMLFormElement>('.search-form')!;
  const status = root.querySelector<HTMLElement>('.search-status')!;
  const suggestions = root.querySelector<HTMLElement>('.search-suggestions')!;
  const facetsNav = root.querySelector<HTMLElement>('.search-facets')!;
  const unitsBlock = root.querySelector<HTMLElement>('.search-units-block')!;
  const unitsList = root.querySelector<HTMLElement>('.search-units')!;
  const tasksBlock = root.querySelector<HTMLElement>('.search-tasks-block')!;
  const tasksList = root.querySelector<HTMLElement>('.search-results')!;
  const facetLabels = JSON.parse(root.dataset.facets ?? '[]') as { facet: Facet; label: string }[];
  let index: SearchIndex | undefined;
  let state = readState();
  input.value = state.q;

  const go = (next: State, push: boolean) => {
    state = next;
    const href = stateHref(state);
    if (push) history.pushState(null, '', href);
    else history.replaceState(null, '', href);
    render();
  };

  const stateLink = (label: string | Node[], next: State, current: boolean): HTMLAnchorElement => {
    const a = el('a', { href: stateHref(next) });
    if (typeof label === 'string') a.textContent = label;
    else a.append(...label);
    if (current) a.setAttribute('aria-current', 'true');
    a.addEventListener('click', (event) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      go(next, true);
    });
    return a;
  };

  function renderFacets(result: SearchResult): void {
    facetsNav.replaceChildren();
    let shown = 0;
    for (const { facet, label } of facetLabels) {
      const values = result.facets[facet];
      const selected = state.filters[facet];
      if (values.length === 0 && !selected) continue;
      shown++;
      const id = `facet-${facet}`;
      const list = el('ul');
      const without = { ...state.filters };
      delete without[facet];
      list.append(el('li', {}, stateLink('全部', { q: state.q, filters: without }, !selected)));
      for (const v of values.slice(0, facet === 'unit' ? 12 : 20)) {
        const count = el('span', { className: 'count' }, `${v.count}`);
        list.append(
          el(
            'li',
            {},
            stateLink([document.createTextNode(`${v.label} `), count], { q: state.q, filters: { ...state.filters, [facet]: v.value } }, selected === v.value),
          ),
        );
      }
      const heading = el('h2', { id }, label);
      const section = el('section', {}, heading, list);
      section.setAttribute('aria-labelledby', id);
      facetsNav.append(section);
    }
    facetsNav.hidden = shown === 0;
  }

  function renderSuggestions(result: SearchResult): void {
    suggestions.replaceChildren();
    const s = result.suggestions;
    if (!s || (s.words.length === 0 && s.units.length === 0)) {
      suggestions.hidden = true;
      return;
    }
    const items: HTMLElement[] = [];
    for (const w of s.words) items.push(el('li', {}, stateLink(`${w.word}(${w.count} 项任务)`, { q: w.word, filters: {} }, false)));
    for (const u of s.units) items.push(el('li', {}, el('a', { href: u.href }, `单位:${u.name}`)));
    suggestions.append(el('p', {}, '可以试试:'), el('ul', {}, ...items));
    suggestions.hidden = false;
  }

  /** Bumped by each render: the rest of an older result list is not appended. */
  let generation = 0;

  function render(): void {
    if (!index) return;
    const result = search(index, state.q, state.filters);
    const current = ++generation;
    unitsList.replaceChildren(
      ...result.units
        .slice(0, 8)
        .map((u) =>
          el('li', {}, el('a', { href: u.href, className: 'unit-link' }, u.name), el('span', { className: 'meta' }, ` ${u.kind} · ${u.total} 项任务`)),
        ),
    );
    unitsBlock.hidden = result.units.length === 0;
    const item = (hit: SearchResult['tasks'][number]): HTMLLIElement => {
      const excerpt = el('p', { className: 'result-excerpt' });
      for (const part of hit.excerpt) excerpt.append(part.match ? el('mark', {}, part.text) : document.createTextNode(part.text));
      const roles = el('p', { className: 'result-roles meta' }, hit.roles.map((r) => `${r.label}:${r.names.join('、')}`).join(';'));
      const meta = el(
        'p',
        { className: 'result-meta meta' },
        `${hit.planTitle}${hit.task.part ? ` · ${hit.task.part}` : ''}${hit.task.status ? ` · ${hit.task.status}` : ''}`,
      );
      return el(
        'li',
        { className: 'search-result' },
        el('h3', {}, el('a', { href: hit.task.href, className: 'result-link' }, `任务 ${hit.task.number}`)),
        meta,
        excerpt,
        roles,
      );
    };
    // The first results at once, the rest a batch a task: a phone stays responsive on a long list.
    tasksList.replaceChildren(...result.tasks.slice(0, FIRST_RESULTS).map(item));
    const more = (from: number) => {
      if (current !== generation || from >= result.tasks.length) return;
      tasksList.append(...result.tasks.slice(from, from + BATCH).map(item));
      setTimeout(() => more(from + BATCH), 0);
    };
    setTimeout(() => more(FIRST_RESULTS), 0);
    tasksBlock.hidden = result.tasks.length === 0;
    renderFacets(result);
    renderSuggestions(result);
    const filtered = FACETS.some((f) => state.filters[f]);
    if (result.terms.length === 0) status.textContent = '';
    else if (result.tasks.length === 0)
      status.textContent = `没有${filtered ? '符合筛选条件且' : ''}包含“${result.terms.join(' ')}”的任务${result.units.length > 0 ? `;找到 ${result.units.length} 个单位` : ''}。`;
    else
      status.textContent = `找到 ${result.tasks.length} 项任务${result.units.length > 0 ? `和 ${result.units.length} 个单位` : ''}${filtered ? '(已筛选)' : ''}。`;
  }

  input.addEventListener('input', () => go({ q: input.value.trim(), filters: state.filters }, false));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go({ q: input.value.trim(), filters: state.filters }, true);
  });
  // Arrow keys move between the search box and the results.
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...root.querySelectorAll<HTMLAnchorElement>('.search-units a, .search-results a.result-link')];
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (document.activeElement !== input && at === -1) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
    if (next < 0) input.focus();
    else links[Math.min(next, links.length - 1)]!.focus();
  });
  window.addEventListener('popstate', () => {
    state = readState();
    input.value = state.q;
    render();
  });

  status.textContent = state.q ? '正在载入索引…' : '';
  fetch(root.dataset.index!)
    .then((r) => r.json() as Promise<SearchIndex>)
    .then((loaded) => {
      index = loaded;
      root.dataset.ready = '';
      render();
      if (!state.q) input.focus();
    })
    .catch(() => {
      status.textContent = '搜索索引载入失败,请刷新页面重试。';
    });
}
