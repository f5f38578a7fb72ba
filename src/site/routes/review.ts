/**
 * A plan's 校对 (review) page `/<plan>/review/`: the plan's text block by block, every piece the
 * parser took as something marked inline (units by role, deadlines, cited documents, persons),
 * problems flagged where they are and linked to the diagnostics page, and each task's units
 * beside its text, corrected ones marked 人工校正 with their note. A long plan is paged.
 */
import { taskTextKey } from '../../lib/corrections.ts';
import type { ReviewBlock, ReviewMark } from '../../lib/review.ts';
import type { AppliedCorrection, Assignment, Diagnostic, OutlineNode, Role } from '../../lib/schema.ts';
import { ruleText } from '../diagnostics.ts';
import { nodeHeading, outlineIndex, type PlanSummary, summarizePlan, taskSlug } from '../plan.ts';
import { diagnosticAnchor, type DiagnosticPlace, diagnosticPlaces, reviewAnchor, reviewHref, reviewPages } from '../review.ts';
import { ROLE_LABEL } from '../roles.ts';
import { diagnosticsHref, planHref, taskHref, unitHref, withBase } from '../url.ts';
import type { Crumb, PageFrame, Route, SiteContent, SitePlan } from './types.ts';

export interface ReviewProps {
  plan: SitePlan;
  page: number;
}

export const SEVERITY_LABEL: Record<Diagnostic['severity'], string> = { error: '错误', warning: '警告', info: '提示' };

const MARK_LABEL: Record<Exclude<ReviewMark['kind'], 'unit'>, string> = { deadline: '时限', reference: '文件', person: '人员' };

/** A piece of the text on the page: plain, or a mark around the characters the parser took as something. */
export interface ReviewPiece {
  text: string;
  mark?: {
    kind: ReviewMark['kind'];
    /** For units: the role read. */
    role?: Role;
    /** What the mark says in words: 牵头 / 配合 / 责任 / 时限 / 文件 / 人员. */
    label: string;
    /** A unit's canonical name, when it differs from the text. */
    title: string;
    unit?: string;
    /** A correction took this reading away. */
    removed?: { note: string };
  };
}

export interface ReviewProblem {
  /** The flag's id on this page. */
  id: string;
  ruleId: string;
  severity: Diagnostic['severity'];
  severityLabel: string;
  explanation: string;
  message: string;
  /** The diagnostic on the diagnostics page. */
  href: string;
}

/** A run of pieces, flagged by a problem when it lies in one; a flag alone marks a point. */
export interface ReviewRun {
  pieces: ReviewPiece[];
  problem?: ReviewProblem;
  /** The run carries the problem's flag (its first run). */
  flag?: boolean;
}

export interface ReviewUnit {
  role: Role;
  roleLabel: string;
  name: string;
  href: string;
  /** As the plan names it, when it differs from the canonical name. */
  mention?: string;
  /** 人工校正: the correction's note. */
  corrected?: string;
}

export interface ReviewEntry {
  kind: OutlineNode['kind'];
  /** The entry's anchor (`r-task-12`). */
  anchor: string;
  /** h2 for the outermost level, one more for each level inside. */
  level: 2 | 3 | 4 | 5 | 6;
  /** 任务 12, with a link to the task's page. */
  label?: string;
  /** A part's or section's heading (一、…); its text is shown, marked, only where it names something. */
  heading?: string;
  href?: string;
  /** The block's own text: one list of runs per stretch of it (sub-items come as entries of their own). */
  text: ReviewRun[][];
  units: ReviewUnit[];
  /** What corrections took away. */
  removed: { name: string; roleLabel: string }[];
  /** Why the task's units were corrected: the notes of its corrections, once each. */
  notes: string[];
  /** The ancestor whose units a task takes, when it names none. */
  inheritedFrom?: string;
  problems: ReviewProblem[];
  /** What a correction of this task writes to name it: `task: "12"`, `text: …`. */
  key?: { task: string; text: string };
}

export interface ReviewPage {
  frame: PageFrame;
  crumbs: Crumb[];
  heading: string;
  counts: { tasks: number; units: number; problems: number; corrected: number };
  diagnosticsHref: string;
  /** The 说明 page's part on corrections. */
  aboutHref: string;
  /** Where this plan's corrections are written. */
  correctionsPath: string;
  corrections?: { file: string; applied: number; stale: number };
  pager?: { label: string; href?: string }[];
  /** Problems of no block (the preamble, text between tasks), linked to the diagnostics page. */
  outside: ReviewProblem[];
  entries: ReviewEntry[];
}

export function reviewRoutes(content: SiteContent): Route<ReviewProps>[] {
  return content.plans.flatMap((plan) => {
    const blocks = plan.review ?? [];
    const pages = reviewPages(blocks, new Set(plan.document.tasks.map((t) => t.id))).length;
    return Array.from({ length: pages }, (_, i) => ({ params: { slug: plan.id, page: i === 0 ? undefined : String(i + 1) }, props: { plan, page: i + 1 } }));
  });
}

function problemOf(planId: string, place: DiagnosticPlace): ReviewProblem {
  const d = place.diagnostic;
  return {
    id: `p-${diagnosticAnchor(place.index)}`,
    ruleId: d.ruleId,
    severity: d.severity,
    severityLabel: SEVERITY_LABEL[d.severity],
    explanation: ruleText(d.ruleId) ?? d.message,
    message: d.message,
    href: `${diagnosticsHref(planId)}#${diagnosticAnchor(place.index)}`,
  };
}

/** The text of one stretch of a block, cut at its marks and at its problems. */
function runsOf(
  text: string,
  [start, rawEnd]: [number, number],
  marks: ReviewMark[],
  problems: { place: DiagnosticPlace; problem: ReviewProblem }[],
  markOf: (m: ReviewMark) => ReviewPiece['mark'],
  flagged: Set<string>,
): ReviewRun[] {
  let end = rawEnd;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  const inside = marks.filter((m) => m.start >= start && m.end <= end);
  // Where a problem begins and ends: cut plain text there (never inside a mark, which it then covers whole).
  const points = problems.flatMap((p) => [p.place.start, p.place.end]);
  const cuts = new Set<number>([start, end]);
  for (const m of inside) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  for (const p of points) if (p > start && p < end && !inside.some((m) => p > m.start && p < m.end)) cuts.add(p);
  const sorted = [...cuts].sort((a, b) => a - b);
  const items: { start: number; end: number; piece: ReviewPiece }[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    const mark = inside.find((m) => m.start === a && m.end === b);
    const piece: ReviewPiece = { text: text.slice(a, b) };
    const shown = mark ? markOf(mark) : undefined;
    if (shown) piece.mark = shown;
    items.push({ start: a, end: b, piece });
  }
  // Each item goes to the first problem that covers it; a problem covering none is a flag at its start.
  const owner = items.map((item) =>
    problems.find(({ place }) => place.end > place.start && place.start < Math.max(item.end, item.start + 1) && place.end > item.start),
  );
  const runs: ReviewRun[] = [];
  const flag = (p: ReviewProblem) => {
    const first = !flagged.has(p.id);
    flagged.add(p.id);
    return first;
  };
  const pointsAt = (offset: number) =>
    problems.filter(
      ({ place, problem }) =>
        !flagged.has(problem.id) && !owner.some((o) => o?.problem.id === problem.id) && place.start >= start && place.start < rawEnd && place.start <= offset,
    );
  items.forEach((item, i) => {
    for (const p of pointsAt(item.start)) runs.push({ pieces: [], problem: p.problem, flag: flag(p.problem) });
    const o = owner[i];
    const last = runs.at(-1);
    if (last && last.problem?.id === o?.problem.id && last.pieces.length > 0) last.pieces.push(item.piece);
    else runs.push({ pieces: [item.piece], ...(o ? { problem: o.problem, flag: flag(o.problem) } : {}) });
  });
  for (const p of pointsAt(Number.POSITIVE_INFINITY)) runs.push({ pieces: [], problem: p.problem, flag: flag(p.problem) });
  return runs;
}

function unitOf(a: Assignment): ReviewUnit {
  return {
    role: a.role,
    roleLabel: ROLE_LABEL[a.role],
    name: a.name,
    href: unitHref(a.unit),
    ...(a.mention !== a.name ? { mention: a.mention } : {}),
    ...(a.origin === 'corrected' && a.note ? { corrected: a.note } : {}),
  };
}

export function reviewPage({ plan, page }: ReviewProps): ReviewPage {
  const summary: PlanSummary = summarizePlan(plan.document, plan.metadata);
  const document = plan.document;
  const blocks: ReviewBlock[] = plan.review ?? [];
  const taskIds = new Set(document.tasks.map((t) => t.id));
  const pages = reviewPages(blocks, taskIds);
  const shown = pages[page - 1] ?? [];
  const index = outlineIndex(document);
  const tasks = new Map(document.tasks.map((t) => [t.id, t]));
  const places = diagnosticPlaces(document, plan.sourceText, blocks);
  const byBlock = new Map<string, DiagnosticPlace[]>();
  for (const p of places) if (p.block) byBlock.set(p.block, [...(byBlock.get(p.block) ?? []), p]);
  const corrections = new Map<string, AppliedCorrection[]>();
  for (const c of document.corrections ?? []) corrections.set(c.task, [...(corrections.get(c.task) ?? []), c]);
  const depth = new Map<string, number>();
  const walk = (nodes: OutlineNode[], d: number) => {
    for (const n of nodes) {
      depth.set(n.id, d);
      walk(n.children, d + 1);
    }
  };
  walk(document.outline, 0);

  const flagged = new Set<string>();
  const unitNames = new Map(document.units.map((u) => [u.id, u.name]));
  let unitMarks = 0;
  const entries: ReviewEntry[] = shown.map((block) => {
    const node = index.get(block.id);
    const task = tasks.get(block.id);
    // What stands now (after corrections): a reading a correction took away is marked so.
    const standing = task ? task.effectiveAssignments : (node?.assignments ?? []);
    const removedNotes = new Map<string, string>();
    for (const c of corrections.get(block.id) ?? []) for (const r of c.removed) removedNotes.set(`${r.unit}\u0000${r.role}`, c.note);
    const markOf = (m: ReviewMark): ReviewPiece['mark'] => {
      if (m.kind !== 'unit') return { kind: m.kind, label: MARK_LABEL[m.kind], title: `${MARK_LABEL[m.kind]}:${m.text}` };
      unitMarks++;
      const role = m.role ?? 'responsible';
      const name = (m.unit && unitNames.get(m.unit)) || m.text;
      const stands = standing.some((a) => a.unit === m.unit && a.role === role);
      const note = removedNotes.get(`${m.unit}\u0000${role}`);
      return {
        kind: 'unit',
        role,
        label: ROLE_LABEL[role],
        title: `${name} · ${ROLE_LABEL[role]}`,
        ...(m.unit ? { unit: m.unit } : {}),
        ...(!stands && note ? { removed: { note } } : {}),
      };
    };
    const problems = (byBlock.get(block.id) ?? []).map((place) => ({ place, problem: problemOf(plan.id, place) }));
    const text = block.ranges.map((range) => runsOf(plan.sourceText, range, block.marks, problems, markOf, flagged));
    // A problem at a place no stretch shows (a line break after the text) is flagged at the end.
    for (const { problem } of problems) {
      if (flagged.has(problem.id)) continue;
      flagged.add(problem.id);
      if (text.length === 0) text.push([]);
      text.at(-1)!.push({ pieces: [], problem, flag: true });
    }
    const level = Math.min(6, 2 + (depth.get(block.id) ?? 0)) as ReviewEntry['level'];
    const kind = node?.kind ?? 'task';
    const own = node?.assignments ?? [];
    const inherited = task && own.length === 0 && task.effectiveAssignments.length > 0;
    const parentWithUnits = inherited ? [...task.path].reverse().find((id) => (index.get(id)?.assignments.length ?? 0) > 0) : undefined;
    const parent = parentWithUnits ? index.get(parentWithUnits) : undefined;
    const slug = task ? taskSlug(task) : undefined;
    const plain = !task && block.marks.length === 0 && problems.length === 0;
    return {
      kind,
      anchor: reviewAnchor(block.id),
      level,
      ...(task && slug ? { label: `任务 ${slug}`, href: taskHref(plan.id, slug) } : {}),
      ...(!task && node ? { heading: nodeHeading(node) } : {}),
      text: plain ? [] : text,
      units: (task ? task.effectiveAssignments : own).map(unitOf),
      removed: (corrections.get(block.id) ?? []).flatMap((c) =>
        c.removed.filter((r) => !standing.some((a) => a.unit === r.unit && a.role === r.role)).map((r) => ({ name: r.name, roleLabel: ROLE_LABEL[r.role] })),
      ),
      notes: [...new Set((corrections.get(block.id) ?? []).map((c) => c.note))],
      ...(parent ? { inheritedFrom: `${parent.marker}${parent.title ?? ''}`.trim() } : {}),
      problems: problems.map((p) => p.problem),
      ...(task && slug ? { key: { task: slug, text: taskTextKey(task.text) } } : {}),
    };
  });

  const paged = pages.length > 1;
  const taskCount = shown.filter((b) => taskIds.has(b.id)).length;
  const range = (p: number) => {
    const before = pages.slice(0, p - 1).reduce((n, list) => n + list.filter((b) => taskIds.has(b.id)).length, 0);
    const count = pages[p - 1]!.filter((b) => taskIds.has(b.id)).length;
    return `第 ${before + 1}–${before + count} 项任务`;
  };
  const applied = plan.corrections?.applied.length ?? 0;
  const stale = plan.corrections?.diagnostics.filter((d) => d.ruleId === 'stale-correction').length ?? 0;
  const corrected = entries.reduce((n, e) => n + e.units.filter((u) => u.corrected).length + e.removed.length, 0);
  const title = paged ? `${summary.title} 校对(${range(page)})` : `${summary.title} 校对`;
  return {
    frame: {
      title,
      description: `${summary.title}的校对页:逐项列出原文,标出识别出的每个责任单位及其分工、完成时限和问题,供发布前核对。`,
      section: 'plans',
      wide: true,
    },
    crumbs: [{ label: '首页', href: withBase('') }, { label: summary.title, href: planHref(summary.id) }, { label: paged ? `校对(${range(page)})` : '校对' }],
    heading: paged ? `${summary.title} · 校对(${range(page)})` : `${summary.title} · 校对`,
    counts: { tasks: taskCount, units: unitMarks, problems: entries.reduce((n, e) => n + e.problems.length, 0), corrected },
    diagnosticsHref: diagnosticsHref(plan.id),
    aboutHref: withBase('about/#corrections'),
    correctionsPath: `content/corrections/${plan.id}.yaml`,
    ...(plan.corrections ? { corrections: { file: plan.corrections.file, applied, stale } } : {}),
    ...(paged ? { pager: pages.map((_, i) => ({ label: range(i + 1), ...(i + 1 === page ? {} : { href: reviewHref(plan.id, i + 1) }) })) } : {}),
    outside: page === 1 ? places.filter((p) => !p.block).map((p) => problemOf(plan.id, p)) : [],
    entries,
  };
}
