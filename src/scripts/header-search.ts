/**
 * The header's search box searches in place (src/layouts/Base.astro): results as the reader types,
 * from the exact index (/search-index.json, read on first use) and src/site/search-engine.ts, in a
 * listbox under the box (the ARIA combobox pattern: arrow keys move through the results, Enter opens
 * one, Escape closes the list). Enter with no result chosen submits the form to /search/, as the form
 * does where this script does not run. Results are text nodes: nothing from the index becomes markup.
 */
import type { SearchIndex, search as searchIndex } from '../site/search-engine.ts';

const MAX_UNITS = 3;
const MAX_TASKS = 6;

interface Option {
  href: string;
  /** The title's pieces, the matches marked. */
  title: { text: string; match: boolean }[];
  meta: string;
}

export function startHeaderSearch(): void {
  const form = document.querySelector<HTMLFormElement>('form.site-search[data-index]');
  if (!form) return;
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const list = form.querySelector<HTMLElement>('[role="listbox"]')!;
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;
  let index: SearchIndex | undefined;
  // The engine is loaded with the index, on first use: pages that are only read load neither.
  let search: typeof searchIndex | undefined;
  let loading: Promise<void> | undefined;
  let options: Option[] = [];
  let active = -1;

  const load = (): Promise<void> => {
    loading ??= Promise.all([import('../site/search-engine.ts'), fetch(form.dataset.index!).then((r) => r.json() as Promise<SearchIndex>)])
      .then(([engine, loaded]) => {
        search = engine.search;
        index = loaded;
      })
      .catch(() => {
        status.textContent = '搜索索引载入失败,按回车键打开搜索页。';
      });
    return loading;
  };

  const allHref = (q: string) => `${form.action}?${new URLSearchParams({ q }).toString()}`;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const setActive = (at: number) => {
    active = at;
    list.querySelectorAll<HTMLElement>('[role="option"]').forEach((li, i) => {
      li.setAttribute('aria-selected', String(i === at));
    });
    if (at < 0) input.removeAttribute('aria-activedescendant');
    else {
      const li = list.children[at] as HTMLElement;
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    }
  };

  const render = () => {
    const q = input.value.trim();
    if (!q || !index || !search) {
      options = [];
      list.replaceChildren();
      status.textContent = '';
      close();
      return;
    }
    const result = search(index, q);
    options = [
      ...result.units.slice(0, MAX_UNITS).map((u) => ({ href: u.href, title: [{ text: u.name, match: false }], meta: `单位 · ${u.total} 项任务` })),
      ...result.tasks.slice(0, MAX_TASKS).map((hit) => ({
        href: hit.task.href,
        title: [{ text: `任务 ${hit.task.number}:`, match: false }, ...hit.excerpt],
        meta: hit.planTitle,
      })),
    ];
    const total = result.units.length + result.tasks.length;
    options.push({
      href: allHref(q),
      title: [
        {
          text:
            total > 0
              ? `查看全部结果(${result.tasks.length} 项任务${result.units.length ? `,${result.units.length} 个单位` : ''})`
              : `没有找到“${q}”,打开搜索页`,
          match: false,
        },
      ],
      meta: '',
    });
    list.replaceChildren(
      ...options.map((o, i) => {
        const li = document.createElement('li');
        li.id = `site-search-option-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        const title = document.createElement('span');
        title.className = 'option-title';
        for (const part of o.title) title.append(part.match ? Object.assign(document.createElement('mark'), { textContent: part.text }) : part.text);
        li.append(title);
        if (o.meta) {
          const meta = document.createElement('span');
          meta.className = 'option-meta';
          meta.textContent = o.meta;
          li.append(meta);
        }
        if (i === options.length - 1) li.classList.add('option-all');
        // mousedown, not click: the box's blur would close the list before a click lands.
        li.addEventListener('mousedown', (event) => {
          event.preventDefault();
          location.href = o.href;
        });
        return li;
      }),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
    status.textContent =
      total > 0 ? `找到 ${result.tasks.length} 项任务${result.units.length ? `和 ${result.units.length} 个单位` : ''},用上下方向键选择。` : `没有找到“${q}”。`;
  };

  input.addEventListener('focus', () => void load());
  input.addEventListener('input', () => {
    if (index) render();
    else void load().then(render);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (list.hidden) {
        if (options.length === 0) return;
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }
      event.preventDefault();
      const n = options.length;
      setActive(event.key === 'ArrowDown' ? (active + 1) % n : active <= 0 ? n - 1 : active - 1);
    } else if (event.key === 'Enter') {
      if (!list.hidden && active >= 0) {
        event.preventDefault();
        location.href = options[active]!.href;
      }
    } else if (event.key === 'Escape') {
      if (!list.hidden) {
        event.preventDefault();
        close();
      } else if (input.value) {
        input.value = '';
        render();
      }
    }
  });
  input.addEventListener('blur', close);
}
