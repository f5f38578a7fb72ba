/**
 * Large plans are shown in slices: runs of consecutive tasks, one part at a time, a part that is
 * still too large cut at section (else top-level task) boundaries. The matrix and the task
 * outline of a plan with thousands of tasks are split this way so that no page grows with the plan.
 * Pure: no Astro import.
 */
import type { OutlineNode, PlanDocument, Task } from '../lib/schema.ts';
import { nodeHeading, outlineIndex } from './plan.ts';

/** Above this many unit × task cells the matrix is split into one page per slice. */
export const MATRIX_SPLIT_CELLS = 20_000;
/** At most this many task columns on one matrix page of a split matrix. */
export const MATRIX_PAGE_TASKS = 100;
/** Above this many tasks the plan page lists parts and sections, and the tasks move to part pages. */
export const OUTLINE_SPLIT_TASKS = 500;
/** At most this many tasks (not counting sub-tasks) on one part page. */
export const OUTLINE_PAGE_TASKS = 500;

export interface PlanSlice {
  /** URL segment: the part's number ('1'), with '-p2', '-p3' … for the further pages of a long part. */
  slug: string;
  /** The part (undefined for tasks that sit in no part). */
  part?: OutlineNode;
  /** 1-based page within the part, and the part's page count. */
  page: number;
  pages: number;
  /** Index range [start, end) into document.tasks. */
  start: number;
  end: number;
  /** Display numbers of the first and last task. */
  first: string;
  last: string;
}

/** The URL key of a part: 'part-3' → '3'; tasks outside any part → 'other'. */
export function partKey(part: OutlineNode | undefined): string {
  return part ? part.id.replace(/^part-/, '') : 'other';
}

/** "一、统筹推进工作" or "一、统筹推进工作(第 2/3 页)"; "其他任务" for tasks outside parts. */
export function sliceHeading(slice: PlanSlice): string {
  const base = slice.part ? nodeHeading(slice.part) : '其他任务';
  return slice.pages > 1 ? `${base}(第 ${slice.page}/${slice.pages} 页)` : base;
}

/** Task range as readers see it: "任务 12–118" or "任务 12". */
export function sliceRange(slice: PlanSlice): string {
  return slice.first === slice.last ? `任务 ${slice.first}` : `任务 ${slice.first}–${slice.last}`;
}

/**
 * Cuts the plan's tasks into slices of at most `maxTasks` top-level tasks (sub-tasks stay with
 * their parent), never across parts, preferring section boundaries. Linear in the number of tasks.
 */
export function sliceTasks(document: PlanDocument, maxTasks: number): PlanSlice[] {
  const index = outlineIndex(document);
  const taskIds = new Set(document.tasks.map((t) => t.id));
  const partOf = (task: Task) => task.path.map((id) => index.get(id)).find((n) => n?.kind === 'part');
  const sectionOf = (task: Task) => task.path.find((id) => index.get(id)?.kind === 'section') ?? '';
  const isTopLevel = (task: Task) => !task.path.some((id) => taskIds.has(id));

  // Runs of consecutive tasks in one part.
  const runs: { part?: OutlineNode; start: number; end: number }[] = [];
  document.tasks.forEach((task, i) => {
    const part = partOf(task);
    const last = runs[runs.length - 1];
    if (last && last.part?.id === part?.id) last.end = i + 1;
    else runs.push({ part, start: i, end: i + 1 });
  });

  // Top-level tasks per section within a run, to decide whether a section still fits.
  const slices: PlanSlice[] = [];
  const usedKeys = new Map<string, number>();
  for (const run of runs) {
    const sectionSize = new Map<string, number>();
    for (let i = run.start; i < run.end; i++) {
      const task = document.tasks[i]!;
      if (isTopLevel(task)) sectionSize.set(sectionOf(task), (sectionSize.get(sectionOf(task)) ?? 0) + 1);
    }
    const cuts = [run.start];
    let count = 0;
    let section: string | undefined;
    for (let i = run.start; i < run.end; i++) {
      const task = document.tasks[i]!;
      if (!isTopLevel(task)) continue;
      const s = sectionOf(task);
      const newSection = s !== section;
      section = s;
      // A new section that would not fit starts a new slice; so does a full slice.
      if (count > 0 && (count >= maxTasks || (newSection && count + sectionSize.get(s)! > maxTasks))) {
        cuts.push(i);
        count = 0;
      }
      count++;
    }
    cuts.push(run.end);
    // Part ids are unique; tasks outside parts could come in more than one run.
    let key = partKey(run.part);
    const seen = usedKeys.get(key) ?? 0;
    usedKeys.set(key, seen + 1);
    if (seen > 0) key = `${key}-r${seen + 1}`;
    const pages = cuts.length - 1;
    for (let p = 0; p < pages; p++) {
      const start = cuts[p]!;
      const end = cuts[p + 1]!;
      slices.push({
        slug: p === 0 ? key : `${key}-p${p + 1}`,
        ...(run.part ? { part: run.part } : {}),
        page: p + 1,
        pages,
        start,
        end,
        first: document.tasks[start]!.id.replace(/^task-/, ''),
        last: document.tasks[end - 1]!.id.replace(/^task-/, ''),
      });
    }
  }
  return slices;
}

/** The slice that holds a task, by index into document.tasks. */
export function sliceOfTask(slices: PlanSlice[], taskIndex: number): PlanSlice | undefined {
  return slices.find((s) => taskIndex >= s.start && taskIndex < s.end);
}

/** The outline cut down to the nodes that hold the given tasks (parts and sections keep their place). */
export function pruneOutline(nodes: OutlineNode[], keep: Set<string>): OutlineNode[] {
  const out: OutlineNode[] = [];
  for (const node of nodes) {
    if (node.kind === 'task') {
      if (keep.has(node.id)) out.push(node);
      continue;
    }
    const children = pruneOutline(node.children, keep);
    if (children.length > 0) out.push({ ...node, children });
  }
  return out;
}

/** The tasks of a slice, sub-tasks included, by id. */
export function sliceTaskIds(document: PlanDocument, slice: PlanSlice): Set<string> {
  return new Set(document.tasks.slice(slice.start, slice.end).map((t) => t.id));
}

export interface SliceSection {
  /** The section (undefined for tasks of the slice that sit in no section). */
  section?: OutlineNode;
  first: string;
  last: string;
  /** Tasks, sub-tasks included. */
  count: number;
}

/** The sections of a slice in order, each with its task range: the table of contents of a split plan. */
export function sliceSections(document: PlanDocument, slice: PlanSlice): SliceSection[] {
  const index = outlineIndex(document);
  const out: (SliceSection & { id: string })[] = [];
  for (let i = slice.start; i < slice.end; i++) {
    const task = document.tasks[i]!;
    const id = task.path.find((p) => index.get(p)?.kind === 'section') ?? '';
    const number = task.id.replace(/^task-/, '');
    const last = out[out.length - 1];
    if (last && last.id === id) {
      last.last = number;
      last.count++;
    } else out.push({ id, ...(id ? { section: index.get(id)! } : {}), first: number, last: number, count: 1 });
  }
  return out.map(({ id: _id, ...rest }) => rest);
}
