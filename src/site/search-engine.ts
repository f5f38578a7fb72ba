/**
 * Exact search over the plans' tasks and the units, in the browser and in tests. Chinese has no
 * spaces between words, so a word index guesses; this one does not: a task is found when it holds
 * each term of the query as a contiguous phrase (spaces and letter case ignored, full-width letters
 * and digits read as half-width), or when a term names one of its units. Unit pages are found by the
 * unit's names, never by the titles of the tasks they list. A query no task holds returns no task,
 * and suggests the parts of it that tasks hold and the units whose names come closest.
 * Pure: no DOM, no Astro import; the index is built by src/site/search-index.ts.
 */

export type SearchRole = 'lead' | 'support' | 'responsible';

export interface IndexedTask {
  /** Index into SearchIndex.plans. */
  plan: number;
  number: string;
  href: string;
  /** The part's heading (一、…), when the task sits in one. */
  part?: string;
  text: string;
  deadline?: string;
  /** Unit ids by role, strongest role first, each unit once. */
  units: { id: string; role: SearchRole }[];
  status?: string;
}

export interface IndexedUnit {
  id: string;
  name: string;
  /** Short name and aliases. */
  aliases: string[];
  kind: string;
  href: string;
  /** Tasks it answers for, each once. */
  total: number;
}

export interface SearchIndex {
  plans: { id: string; title: string }[];
  tasks: IndexedTask[];
  units: IndexedUnit[];
}

export const FACETS = ['plan', 'part', 'unit', 'role', 'status'] as const;
export type Facet = (typeof FACETS)[number];
export type Filters = Partial<Record<Facet, string>>;

export const ROLE_WORD: Record<SearchRole, string> = { lead: '牵头', support: '配合', responsible: '责任' };
const ROLE_ORDER: SearchRole[] = ['lead', 'responsible', 'support'];

export interface TaskHit {
  task: IndexedTask;
  planTitle: string;
  /** About 60 characters around the first match, split so that the matches can be marked. */
  excerpt: { text: string; match: boolean }[];
  /** Units by role, as names. */
  roles: { role: SearchRole; label: string; names: string[] }[];
  score: number;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface SearchResult {
  query: string;
  terms: string[];
  units: IndexedUnit[];
  tasks: TaskHit[];
  /** Every facet's values with the counts of the tasks they leave, the other filters applied. */
  facets: Record<Facet, FacetValue[]>;
  /** When no task holds the query: parts of it that tasks hold, and the units whose names come closest. */
  suggestions?: { words: { word: string; count: number }[]; units: IndexedUnit[] };
}

const FULL_WIDTH = /[\uff01-\uff5e]/g;

/** One character for one: full-width ASCII as half-width, letters in lower case; lengths are kept, so offsets map back. */
export function foldText(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toLowerCase();
}

/** The terms of a query: split at spaces and commas, folded, each once. */
export function queryTerms(query: string): string[] {
  const terms = foldText(query)
    .split(/[\s,,、;;]+/)
    .map((t) => t.replace(/[。.!!??“”"'‘’《》()()]/g, ''))
    .filter((t) => t.length > 0);
  return [...new Set(terms)];
}

/** Offsets of `term` in `folded`, where `folded` has its whitespace taken out and `map` gives each character's offset in the text. */
function strip(text: string): { folded: string; map: number[] } {
  const folded: string[] = [];
  const map: number[] = [];
  const f = foldText(text);
  for (let i = 0; i < f.length; i++) {
    if (/\s/.test(f[i]!)) continue;
    folded.push(f[i]!);
    map.push(i);
  }
  return { folded: folded.join(''), map };
}

interface Prepared {
  index: SearchIndex;
  texts: { folded: string; map: number[] }[];
  unitNames: Map<string, IndexedUnit>;
  /** Each unit's names, folded. */
  unitKeys: { unit: IndexedUnit; keys: string[] }[];
}

const prepared = new WeakMap<SearchIndex, Prepared>();

function prepare(index: SearchIndex): Prepared {
  let p = prepared.get(index);
  if (!p) {
    p = {
      index,
      texts: index.tasks.map((t) => strip(t.text)),
      unitNames: new Map(index.units.map((u) => [u.id, u])),
      unitKeys: index.units.map((u) => ({ unit: u, keys: [u.name, ...u.aliases].map((k) => strip(k).folded) })),
    };
    prepared.set(index, p);
  }
  return p;
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) found.push(i);
  return found;
}

/** The units a term names: by a name or alias equal to it, or (for terms of three characters or more) holding it. */
function unitsNamed(p: Prepared, term: string): { exact: IndexedUnit[]; partial: IndexedUnit[] } {
  const exact: IndexedUnit[] = [];
  const partial: IndexedUnit[] = [];
  for (const { unit, keys } of p.unitKeys) {
    if (keys.includes(term)) exact.push(unit);
    else if (term.length >= 2 && keys.some((k) => k.includes(term))) partial.push(unit);
  }
  return { exact, partial };
}

const EXCERPT = 60;

function excerptOf(text: string, folded: { map: number[] }, spans: [number, number][]): { text: string; match: boolean }[] {
  // Spans are in stripped offsets: back to the text's.
  const real = spans.map(([s, e]) => [folded.map[s]!, folded.map[e - 1]! + 1] as [number, number]).sort((a, b) => a[0] - b[0]);
  const first = real[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - 20, text.length - EXCERPT));
  const end = Math.min(text.length, start + EXCERPT);
  const parts: { text: string; match: boolean }[] = [];
  let at = start;
  for (const [s, e] of real) {
    if (e <= at || s >= end) continue;
    if (s > at) parts.push({ text: text.slice(at, s), match: false });
    parts.push({ text: text.slice(Math.max(s, at), Math.min(e, end)), match: true });
    at = Math.min(e, end);
  }
  if (at < end) parts.push({ text: text.slice(at, end), match: false });
  if (start > 0) parts.unshift({ text: '…', match: false });
  if (end < text.length) parts.push({ text: '…', match: false });
  return parts;
}

function facetValues(p: Prepared, task: IndexedTask, facet: Facet, unitFilter?: string): string[] {
  switch (facet) {
    case 'plan':
      return [p.index.plans[task.plan]!.id];
    case 'part':
      return task.part ? [task.part] : [];
    case 'unit':
      return task.units.map((u) => u.id);
    case 'role':
      return [...new Set(task.units.filter((u) => !unitFilter || u.id === unitFilter).map((u) => u.role))];
    case 'status':
      return task.status ? [task.status] : [];
  }
}

function facetLabel(p: Prepared, facet: Facet, value: string): string {
  if (facet === 'plan') return p.index.plans.find((x) => x.id === value)?.title ?? value;
  if (facet === 'unit') return p.unitNames.get(value)?.name ?? value;
  if (facet === 'role') return ROLE_WORD[value as SearchRole] ?? value;
  return value;
}

/** Facet values in a fixed order: plans as the index lists them (newest first), parts in document order, units by count, roles by strength. */
function orderValues(p: Prepared, facet: Facet, counts: Map<string, number>): FacetValue[] {
  const values = [...counts.entries()].map(([value, count]) => ({ value, label: facetLabel(p, facet, value), count }));
  const firstSeen = new Map<string, number>();
  p.index.tasks.forEach((t, i) => {
    for (const v of facetValues(p, t, facet)) if (!firstSeen.has(v)) firstSeen.set(v, i);
  });
  if (facet === 'plan') values.sort((a, b) => p.index.plans.findIndex((x) => x.id === a.value) - p.index.plans.findIndex((x) => x.id === b.value));
  else if (facet === 'role') values.sort((a, b) => ROLE_ORDER.indexOf(a.value as SearchRole) - ROLE_ORDER.indexOf(b.value as SearchRole));
  else if (facet === 'unit') values.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-CN'));
  else values.sort((a, b) => (firstSeen.get(a.value) ?? 0) - (firstSeen.get(b.value) ?? 0));
  return values;
}

/** Two-character pieces of a name, for how close a unit's name comes to a query. */
function bigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) grams.add(text.slice(i, i + 2));
  return grams;
}

/** Characters a suggested word neither starts nor ends with: particles and conjunctions make no word of their own. */
const EDGE_PARTICLES = /^[的了和与及在是等或对把被之]|[的了和与及在是等或对把被之]$/;

function suggest(p: Prepared, terms: string[]): NonNullable<SearchResult['suggestions']> {
  const words: { word: string; count: number }[] = [];
  const seen = new Set<string>();
  for (const term of terms) {
    // The longest pieces of the term that some task holds, longest first, none inside an earlier one.
    for (let len = term.length - 1; len >= 2 && words.length < 4; len--) {
      for (let i = 0; i + len <= term.length; i++) {
        const word = term.slice(i, i + len);
        if (seen.has(word) || EDGE_PARTICLES.test(word) || words.some((w) => w.word.includes(word))) continue;
        seen.add(word);
        const count = p.texts.filter((t) => t.folded.includes(word)).length;
        if (count > 0) words.push({ word, count });
      }
    }
  }
  const grams = bigrams(terms.join(''));
  const units = p.unitKeys
    .map(({ unit, keys }) => ({ unit, score: Math.max(...keys.map((k) => [...bigrams(k)].filter((g) => grams.has(g)).length)) }))
    .filter((u) => u.score > 0)
    .sort((a, b) => b.score - a.score || b.unit.total - a.unit.total)
    .slice(0, 3)
    .map((u) => u.unit);
  return { words: words.slice(0, 4), units };
}

export function search(index: SearchIndex, query: string, filters: Filters = {}): SearchResult {
  const p = prepare(index);
  const terms = queryTerms(query);
  const empty = Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Record<Facet, FacetValue[]>;
  if (terms.length === 0) return { query, terms, units: [], tasks: [], facets: empty };

  // Units: every term names it (as a whole name first, then as a part of one).
  const named = terms.map((t) => unitsNamed(p, t));
  const unitScore = new Map<string, number>();
  named.forEach(({ exact, partial }) => {
    for (const u of exact) unitScore.set(u.id, (unitScore.get(u.id) ?? 0) + 2);
    for (const u of partial) unitScore.set(u.id, (unitScore.get(u.id) ?? 0) + 1);
  });
  const units = index.units
    .filter((u) => named.every(({ exact, partial }) => exact.includes(u) || partial.includes(u)))
    .sort((a, b) => (unitScore.get(b.id) ?? 0) - (unitScore.get(a.id) ?? 0) || b.total - a.total);

  // Tasks: each term held as a phrase, or naming (exactly) one of the task's units.
  const matched: { i: number; score: number; spans: [number, number][] }[] = [];
  index.tasks.forEach((task, i) => {
    const { folded } = p.texts[i]!;
    let score = 0;
    const spans: [number, number][] = [];
    for (const [k, term] of terms.entries()) {
      const at = occurrences(folded, term);
      const byUnit = named[k]!.exact.some((u) => task.units.some((x) => x.id === u.id));
      if (at.length === 0 && !byUnit) return;
      for (const a of at) spans.push([a, a + term.length]);
      // A phrase in the text weighs by how often and how early it comes; a unit of the task, by its role.
      score += at.length > 0 ? 10 + Math.min(at.length, 5) + (at[0]! < 40 ? 2 : 0) : 0;
      if (byUnit) {
        const role = task.units.find((x) => named[k]!.exact.some((u) => u.id === x.id))!.role;
        score += role === 'lead' ? 8 : role === 'responsible' ? 6 : 4;
      }
    }
    matched.push({ i, score, spans });
  });

  const passes = (task: IndexedTask, except?: Facet) =>
    FACETS.every((f) => f === except || !filters[f] || facetValues(p, task, f, filters.unit).includes(filters[f]!));

  const facets = { ...empty };
  for (const facet of FACETS) {
    const counts = new Map<string, number>();
    for (const m of matched) {
      const task = index.tasks[m.i]!;
      if (!passes(task, facet)) continue;
      for (const v of facetValues(p, task, facet, filters.unit)) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    facets[facet] = orderValues(p, facet, counts);
  }

  const tasks = matched
    .filter((m) => passes(index.tasks[m.i]!))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map(({ i, score, spans }): TaskHit => {
      const task = index.tasks[i]!;
      return {
        task,
        planTitle: index.plans[task.plan]!.title,
        excerpt: excerptOf(task.text, p.texts[i]!, spans),
        roles: ROLE_ORDER.map((role) => ({
          role,
          label: ROLE_WORD[role],
          names: task.units.filter((u) => u.role === role).map((u) => p.unitNames.get(u.id)?.name ?? u.id),
        })).filter((r) => r.names.length > 0),
        score,
      };
    });

  return { query, terms, units, tasks, facets, ...(matched.length === 0 ? { suggestions: suggest(p, terms) } : {}) };
}
