/**
 * What the 校对 page and the diagnostics page share: where each diagnostic is (its anchor on the
 * diagnostics page, the block whose own text holds it, and the review page that shows that block).
 * Pure: no Astro import.
 */
import type { ReviewBlock } from '../lib/review.ts';
import type { Diagnostic, PlanDocument } from '../lib/schema.ts';
import { withBase } from './url.ts';

/** Tasks per review page: a long plan's 校对 is paged so that no page grows with it. */
export const REVIEW_PAGE_TASKS = 200;

/** The anchor of the plan's n-th diagnostic (its order in plan.json) on the diagnostics page. */
export const diagnosticAnchor = (index: number) => `d${index + 1}`;

/** The anchor of a block on the review page. */
export const reviewAnchor = (id: string) => `r-${id}`;

export const reviewHref = (planId: string, page = 1, anchor?: string) =>
  withBase(`${planId}/review/${page > 1 ? `${page}/` : ''}`) + (anchor ? `#${anchor}` : '');

/** Offsets of the starts of the text's lines (line 1 at 0): diagnostics give line and column. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

export function offsetOf(starts: number[], line: number, column: number): number {
  return (starts[line - 1] ?? starts.at(-1) ?? 0) + Math.max(0, column - 1);
}

/** Blocks in review pages: a page holds REVIEW_PAGE_TASKS tasks, with the parts and sections among them. */
export function reviewPages(blocks: ReviewBlock[], taskIds: Set<string>): ReviewBlock[][] {
  const pages: ReviewBlock[][] = [[]];
  let tasks = 0;
  for (const block of blocks) {
    if (taskIds.has(block.id)) {
      if (tasks === REVIEW_PAGE_TASKS) {
        pages.push([]);
        tasks = 0;
      }
      tasks++;
    }
    pages.at(-1)!.push(block);
  }
  return pages;
}

export interface DiagnosticPlace {
  /** Index in the document's diagnostics. */
  index: number;
  diagnostic: Diagnostic;
  start: number;
  end: number;
  /** The block whose own text holds it, and the review page it is on. */
  block?: string;
  page?: number;
}

const placesCache = new WeakMap<PlanDocument, DiagnosticPlace[]>();

/** Every diagnostic of the plan with its offsets and the block (and review page) that holds it. */
export function diagnosticPlaces(document: PlanDocument, sourceText: string, blocks: ReviewBlock[]): DiagnosticPlace[] {
  const cached = placesCache.get(document);
  if (cached) return cached;
  const starts = lineStarts(sourceText);
  const taskIds = new Set(document.tasks.map((t) => t.id));
  const pageOf = new Map<string, number>();
  reviewPages(blocks, taskIds).forEach((page, i) => {
    for (const b of page) pageOf.set(b.id, i + 1);
  });
  // Own ranges, sorted by start, to find the block of an offset by binary search.
  const ranges = blocks.flatMap((b) => b.ranges.map(([s, e]) => ({ s, e, id: b.id }))).sort((a, b) => a.s - b.s);
  const blockAt = (offset: number): string | undefined => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = ranges[mid]!;
      if (offset < r.s) hi = mid - 1;
      else if (offset >= r.e) lo = mid + 1;
      else return r.id;
    }
    return undefined;
  };
  const places = document.diagnostics.map((diagnostic, index) => {
    const start = offsetOf(starts, diagnostic.line, diagnostic.column);
    const end = diagnostic.endLine !== undefined ? offsetOf(starts, diagnostic.endLine, diagnostic.endColumn ?? 1) : start;
    const block = blockAt(start);
    return { index, diagnostic, start, end: Math.max(start, end), ...(block ? { block, page: pageOf.get(block) ?? 1 } : {}) };
  });
  placesCache.set(document, places);
  return places;
}
