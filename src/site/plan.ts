/** View data for one plan: counts, outline, task pages. Pure: no Astro import. */
import { outlineIndex } from '../lib/outline.ts';
import type { Assignment, OutlineNode, PlanDocument, PlanMetadata, Role, Task } from '../lib/schema.ts';

export { outlineIndex };

/** URL segment of a task: 'task-12' → '12', sub-task 'task-12-3' → '12-3'. */
export function taskSlug(task: Pick<OutlineNode, 'id'>): string {
  return task.id.replace(/^task-/, '');
}

/** A short label for a task: its lead phrase, else the start of its text. */
export function taskLabel(task: Pick<OutlineNode, 'title' | 'text'>, max = 36): string {
  const base = (task.title ?? task.text).trim();
  const firstClause = base.split(/[。;;]/)[0] ?? base;
  const chars = [...firstClause];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : firstClause;
}

/** "一、不断完善…" style heading of a part or section. */
export function nodeHeading(node: Pick<OutlineNode, 'marker' | 'title' | 'text'>): string {
  return `${node.marker}${node.title ?? taskLabel(node)}`;
}

export interface RoleCounts {
  lead: number;
  support: number;
  responsible: number;
}

export function emptyRoleCounts(): RoleCounts {
  return { lead: 0, support: 0, responsible: 0 };
}

export interface PlanSummary {
  id: string;
  title: string;
  issuer?: string;
  year?: number;
  /** ISO date of the plan (plan.json's `date`: its text's 落款 or 印发 date, or its metadata file's). */
  date?: string;
  /** 文号. */
  docNumber?: string;
  /** Where the issuer, date and 文号 came from (plan.json's `provenance`). */
  provenance: NonNullable<PlanDocument['provenance']>;
  sourceNote?: string;
  taskCount: number;
  topLevelTaskCount: number;
  partCount: number;
  sectionCount: number;
  unitCount: number;
  /** Assignments by role over all tasks (effective assignments). */
  roleCounts: RoleCounts;
  warningCount: number;
}

function formatDate(value: string | Date | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

export function summarizePlan(document: PlanDocument, metadata: PlanMetadata): PlanSummary {
  const roleCounts = emptyRoleCounts();
  for (const task of document.tasks) for (const a of task.effectiveAssignments) roleCounts[a.role]++;
  let partCount = 0;
  let sectionCount = 0;
  walkOutline(document.outline, (node) => {
    if (node.kind === 'part') partCount++;
    if (node.kind === 'section') sectionCount++;
  });
  const assigned = new Set(document.tasks.flatMap((t) => t.effectiveAssignments.map((a) => a.unit)));
  const taskIds = new Set(document.tasks.map((t) => t.id));
  return {
    id: document.id,
    title: metadata.title ?? document.title,
    issuer: metadata.issuer ?? document.issuer,
    year: metadata.year ?? document.year,
    // The document holds the metadata file's values over the text's already; a document of before them has only the file's.
    date: document.date ?? formatDate(metadata.date),
    docNumber: metadata.docNumber ?? document.docNumber,
    provenance: document.provenance ?? {},
    sourceNote: metadata.source,
    taskCount: document.tasks.length,
    topLevelTaskCount: document.tasks.filter((t) => !t.path.some((id) => taskIds.has(id))).length,
    partCount,
    sectionCount,
    unitCount: assigned.size,
    roleCounts,
    warningCount: document.diagnostics.filter((d) => d.severity !== 'info').length,
  };
}

export function walkOutline(nodes: OutlineNode[], visit: (node: OutlineNode, ancestors: OutlineNode[]) => void, ancestors: OutlineNode[] = []): void {
  for (const node of nodes) {
    visit(node, ancestors);
    walkOutline(node.children, visit, [...ancestors, node]);
  }
}

export interface Crumb {
  label: string;
  href?: string;
}

export interface TaskView {
  task: Task;
  slug: string;
  label: string;
  /** Ancestors (parts, sections, parent tasks), outermost first. */
  ancestors: OutlineNode[];
  part?: OutlineNode;
  section?: OutlineNode;
  /** Effective assignments grouped by role, in role order. */
  byRole: { role: Role; assignments: Assignment[] }[];
  /** True when the units come from an ancestor, not the task itself. */
  inherited: boolean;
  lines: { start: number; end: number };
  previous?: { slug: string; label: string; number: string };
  next?: { slug: string; label: string; number: string };
}

export function taskViews(document: PlanDocument): TaskView[] {
  const index = outlineIndex(document);
  return document.tasks.map((task, i) => {
    const ancestors = task.path.map((id) => index.get(id)).filter((n): n is OutlineNode => n !== undefined);
    const prev = document.tasks[i - 1];
    const next = document.tasks[i + 1];
    const byRole = (['lead', 'support', 'responsible'] as const)
      .map((role) => ({ role, assignments: task.effectiveAssignments.filter((a) => a.role === role) }))
      .filter((g) => g.assignments.length > 0);
    return {
      task,
      slug: taskSlug(task),
      label: taskLabel(task),
      ancestors,
      part: ancestors.find((n) => n.kind === 'part'),
      section: ancestors.find((n) => n.kind === 'section'),
      byRole,
      inherited: task.assignments.length === 0 && task.effectiveAssignments.length > 0,
      lines: { start: task.position.start.line, end: task.position.end.line },
      previous: prev && { slug: taskSlug(prev), label: taskLabel(prev), number: displayNumber(prev) },
      next: next && { slug: taskSlug(next), label: taskLabel(next), number: displayNumber(next) },
    };
  });
}

/** "24" for a top-level task, "12-3" for a sub-task: what the site calls the task. */
export function displayNumber(task: Pick<OutlineNode, 'id'>): string {
  return taskSlug(task);
}

/** Line numbers (1-based) that the parser reports as text belonging to no task. */
export function unassignedLines(diagnostics: PlanDocument['diagnostics']): Set<number> {
  const lines = new Set<number>();
  for (const d of diagnostics) {
    if (d.ruleId !== 'unassigned-text') continue;
    for (let line = d.line; line <= (d.endLine ?? d.line); line++) lines.add(line);
  }
  return lines;
}

/** The source text split into numbered lines (CRLF and CR tolerated). */
export function sourceLines(sourceText: string): { number: number; text: string }[] {
  const lines = sourceText.split(/\r\n|\r|\n/);
  // A final newline does not start another line.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((text, i) => ({ number: i + 1, text }));
}

/** "县住建局牵头,等 9 个单位" style summary for outline rows. */
export function unitSummary(task: Task, max = 3): string {
  const all = task.effectiveAssignments;
  if (all.length === 0) return '未列责任单位';
  const leads = all.filter((a) => a.role === 'lead');
  const shown = (leads.length > 0 ? leads : all).slice(0, max).map((a) => a.mention);
  const head = leads.length > 0 ? `${shown.join('、')}牵头` : shown.join('、');
  const rest = all.length - shown.length;
  return rest > 0 ? `${head},共 ${all.length} 个单位` : head;
}
