/**
 * Open data of one plan, shaped for files: assignment rows for the CSV, ledger rows for the
 * 任务分工台账, per-unit rows, and the JSON Schema of the PlanDocument. Pure: no Astro import.
 */
import { spreadsheetText } from '../lib/spreadsheet.ts';
import { z } from 'zod';
import { PlanDocumentSchema, type PlanDocument, type Role, type Task, type Unit } from '../lib/schema.ts';
import { displayNumber, nodeHeading, outlineIndex } from './plan.ts';
import { ROLE_LABEL } from './roles.ts';
import { groupUnitsByKind, unitViews, type PlanInput } from './units.ts';

/** File names of a plan's open data, relative to `/<plan-id>/`. */
export const OPEN_DATA_FILES = {
  json: 'plan.json',
  schema: 'plan.schema.json',
  csv: 'assignments.csv',
  xlsx: 'ledger.xlsx',
} as const;

/** The full text of a task as the ledger shows it: lead phrase (when the parser split one off) and body. */
export function taskFullText(task: Pick<Task, 'title' | 'text'>): string {
  const text = task.text.trim();
  const title = task.title?.trim();
  if (!title || text.startsWith(title)) return text;
  return text ? `${title}${/[。;;::,,]$/.test(title) ? '' : '。'}${text}` : title;
}

/** Deadlines as written, joined; '' when the text names none. */
export function deadlineText(task: Pick<Task, 'deadlines'>): string {
  return task.deadlines.map((d) => d.text.trim()).join(';');
}

const ROLE_STRENGTH: Role[] = ['lead', 'responsible', 'support'];

/** Each unit of a task once, with its strongest role (a unit named twice in one clause), in clause order. */
export function unitsOfTask(task: Pick<Task, 'effectiveAssignments'>): { unit: string; name: string; role: Role; corrected?: string }[] {
  const byUnit = new Map<string, { unit: string; name: string; role: Role; corrected?: string }>();
  for (const a of task.effectiveAssignments) {
    const seen = byUnit.get(a.unit);
    const corrected = a.origin === 'corrected' ? (a.note ?? '') : undefined;
    if (!seen) byUnit.set(a.unit, { unit: a.unit, name: a.name, role: a.role, ...(corrected !== undefined ? { corrected } : {}) });
    else if (ROLE_STRENGTH.indexOf(a.role) < ROLE_STRENGTH.indexOf(seen.role)) {
      seen.role = a.role;
      if (corrected !== undefined) seen.corrected = corrected;
      else delete seen.corrected;
    }
  }
  return [...byUnit.values()];
}

/** The 来源 of an assignment in the open data: 原文, or 人工校正 with the correction's note. */
export function sourceLabel(corrected: string | undefined): string {
  return corrected === undefined ? '原文' : `人工校正${corrected ? `:${corrected}` : ''}`;
}

/** One CSV row per task × unit. */
export interface AssignmentRow {
  number: string;
  task: string;
  unit: string;
  role: string;
  deadline: string;
  /** 原文, or 人工校正:<note> for an assignment a correction set. */
  source: string;
}

export const ASSIGNMENT_HEADER = ['序号', '任务', '单位', '角色', '完成时限', '来源'] as const;

export function assignmentRows(document: PlanDocument): AssignmentRow[] {
  return document.tasks.flatMap((task) =>
    unitsOfTask(task).map((u) => ({
      number: displayNumber(task),
      task: taskFullText(task),
      unit: u.name,
      role: ROLE_LABEL[u.role],
      deadline: deadlineText(task),
      source: sourceLabel(u.corrected),
    })),
  );
}

function csvField(value: string): string {
  return `"${spreadsheetText(value).replace(/"/g, '""')}"`;
}

/** RFC 4180 CSV with a UTF-8 byte order mark (Excel on Windows needs it to read UTF-8) and CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function assignmentsCsv(document: PlanDocument): string {
  return toCsv(
    ASSIGNMENT_HEADER,
    assignmentRows(document).map((r) => [r.number, r.task, r.unit, r.role, r.deadline, r.source]),
  );
}

/** One row of the 任务分工台账: a task with its units by role. */
export interface LedgerRow {
  number: string;
  task: string;
  lead: string;
  support: string;
  responsible: string;
  deadline: string;
  note: string;
  /** 原文, or 人工校正:<note>(which units a correction set or took away). */
  source: string;
}

export const LEDGER_HEADER = ['序号', '重点任务', '牵头单位', '配合单位', '责任单位', '完成时限', '备注', '来源'] as const;

function lineNote(task: Task): string {
  const { start, end } = { start: task.position.start.line, end: task.position.end.line };
  return start === end ? `原文第 ${start} 行` : `原文第 ${start}–${end} 行`;
}

export function ledgerRows(document: PlanDocument): LedgerRow[] {
  const index = outlineIndex(document);
  return document.tasks.map((task) => {
    const units = unitsOfTask(task);
    const names = (role: Role) =>
      units
        .filter((u) => u.role === role)
        .map((u) => u.name)
        .join('、');
    const notes: string[] = [];
    if (task.assignments.length === 0 && task.effectiveAssignments.length > 0) {
      const from = [...task.path]
        .reverse()
        .map((id) => index.get(id))
        .find((n) => n && n.assignments.length > 0);
      if (from) notes.push(`责任单位沿用上级“${nodeHeading(from)}”`);
    }
    if (units.length === 0) notes.push('原文未列责任单位');
    notes.push(lineNote(task));
    const corrections = (document.corrections ?? []).filter((c) => c.task === task.id);
    return {
      number: displayNumber(task),
      task: taskFullText(task),
      lead: names('lead'),
      support: names('support'),
      responsible: names('responsible'),
      deadline: deadlineText(task),
      note: notes.join(';'),
      source: corrections.length
        ? corrections
            .map((c) => {
              const removed = c.removed.filter((r) => !units.some((u) => u.unit === r.unit && u.role === r.role));
              return `人工校正:${c.note}${removed.length ? `(删去${removed.map((r) => r.name).join('、')})` : ''}`;
            })
            .join(';')
        : '原文',
    };
  });
}

/** One row of a unit's own sheet. */
export interface UnitLedgerRow {
  number: string;
  task: string;
  role: string;
  deadline: string;
  note: string;
  source: string;
}

export const UNIT_LEDGER_HEADER = ['序号', '重点任务', '角色', '完成时限', '备注', '来源'] as const;

export interface UnitLedger {
  unit: Pick<Unit, 'id' | 'name' | 'kind'>;
  rows: UnitLedgerRow[];
}

/**
 * Each unit's tasks in one plan: those given to it, then those it holds as a member of a group
 * (县安委会成员单位), as its page lists them. Units with no task in the plan are left out; the
 * others come in the order of the units page (by kind, then as the registry lists them).
 */
export function unitLedgers(plan: PlanInput, units: Unit[]): UnitLedger[] {
  const tasks = new Map(plan.document.tasks.map((t) => [displayNumber(t), t]));
  return groupUnitsByKind(unitViews([plan], units))
    .flatMap((group) => group.units)
    .map((view) => {
      const direct = view.byRole.flatMap((g) => g.tasks);
      const refs = [...direct, ...view.viaGroups.flatMap((g) => g.tasks)];
      const rows = refs.map((ref) => {
        const task = tasks.get(ref.slug)!;
        const notes: string[] = [];
        if (ref.via) notes.push(`作为${ref.via.name}承担`);
        if (ref.mention) notes.push(`原文:${ref.mention}`);
        return {
          number: ref.slug,
          task: taskFullText(task),
          role: ROLE_LABEL[ref.role],
          deadline: deadlineText(task),
          note: notes.join(';'),
          source: sourceLabel(ref.corrected),
        };
      });
      return { unit: { id: view.unit.id, name: view.unit.name, kind: view.unit.kind }, rows };
    })
    .filter((ledger) => ledger.rows.length > 0);
}

/** Excel sheet names: at most 31 characters, none of `[]:*?/\`, not blank, unique (case-insensitive). */
export function sheetNames(names: string[], reserved: string[] = []): string[] {
  const taken = new Set(reserved.map((n) => n.toLowerCase()));
  return names.map((name) => {
    const base =
      name
        .replace(/[[\]:*?/\\]/g, '_')
        .replace(/^'+|'+$/g, '')
        .trim() || '单位';
    let candidate = [...base].slice(0, 31).join('');
    for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
      const suffix = `(${i})`;
      candidate = [...base].slice(0, 31 - suffix.length).join('') + suffix;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** The JSON Schema (draft 2020-12) of plan.json, derived from the Zod data contract. */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PlanDocumentSchema) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: 'PlanDocument',
    description:
      '一份工作计划整理后的数据:发布单位、文号与发布日期(及其出处),层级目录、任务、责任单位及其角色(lead 牵头 / support 配合 / responsible 责任)、时限与解析提示。',
    ...schema,
  };
}
