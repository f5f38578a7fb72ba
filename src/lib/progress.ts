/**
 * Progress reports on a plan's tasks: `progress/<plan-id>.csv` or `.xlsx` (the 任务分工台账 the site
 * publishes, with its 状态 / 进展情况 / 报告日期 columns filled in), one row per report.
 *
 * Reading never throws for bad content: a row with an unknown task number, unknown unit, bad date
 * or unknown status becomes a diagnostic at its row and column and is left out; every other row is
 * kept. The roll-up (`rollUpTask`, `planProgress`) is a pure function of the plan, the reports and
 * the "as of" date, written out on the site's 说明 page so that anyone can reproduce each figure.
 *
 * This is a structure of its own, next to the PlanDocument contract, which it leaves unchanged.
 */
import { parse as parseCsv } from 'csv-parse/sync';
// Loaded when a workbook is read: CSV reports and plans without progress never pay for it.
import type ExcelJS from 'exceljs';
import { z } from 'zod';
import { append } from './append.ts';
import { decode } from './decode.ts';
import type { FileDiagnostic } from './diagnostics.ts';
import { nameKey } from './normalize.ts';
import type { UnitRegistry } from './registry.ts';
import { RULES, type RuleIdOf } from './rules.ts';
import type { PlanDocument, Role, Task, Unit } from './schema.ts';

/** The named stages of a task; no percentages. */
export const PROGRESS_STATUSES = ['未启动', '推进中', '已完成', '滞后'] as const;
export const ProgressStatusSchema = z.enum(PROGRESS_STATUSES);
export type ProgressStatus = z.infer<typeof ProgressStatusSchema>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const ProgressReportSchema = z.object({
  /** The task as the site numbers it: '24', or '12-3' for a sub-task. */
  task: z.string().min(1),
  /** Unit id; absent when the report is about the task as a whole. */
  unit: z.string().min(1).optional(),
  /** The unit's canonical name. */
  unitName: z.string().min(1).optional(),
  date: z.string().regex(ISO_DATE),
  status: ProgressStatusSchema,
  note: z.string(),
  /** Where the report was read: file, sheet (workbooks) and row. */
  source: z.object({ path: z.string(), sheet: z.string().optional(), row: z.number().int().min(1) }),
});
export type ProgressReport = z.infer<typeof ProgressReportSchema>;

/** Optional `progress/<plan-id>.yaml`. */
export const ProgressMetadataSchema = z
  .object({
    /** Invented reports for showing the feature: every page that shows them says 示例数据. */
    sample: z.boolean().optional(),
    /** A line shown with the progress, e.g. who collected the reports. */
    note: z.string().optional(),
  })
  .strict();
export type ProgressMetadata = z.infer<typeof ProgressMetadataSchema>;

/** Column headers, as the published ledger writes them first, then other spellings people use. */
export const PROGRESS_HEADERS = {
  task: ['序号', '任务编号', '任务序号', '编号', 'task'],
  unit: ['填报单位', '单位', '报告单位', 'unit'],
  date: ['报告日期', '日期', '填报日期', 'date'],
  status: ['状态', '进展状态', 'status'],
  note: ['进展情况', '进展', '说明', 'note'],
} as const;
type Field = keyof typeof PROGRESS_HEADERS;
const FIELD_NAMES: Record<Field, string> = { task: '序号', unit: '填报单位', date: '报告日期', status: '状态', note: '进展情况' };

/** A table read from a file: a header row and data rows, cells as found (text, number or date). */
export interface ProgressTable {
  sheet?: string;
  /** Row number of the header (1-based; a CSV line). */
  headerRow: number;
  header: string[];
  rows: { row: number; cells: CellValue[] }[];
}
export type CellValue = string | number | Date | undefined;

export interface ProgressReadResult {
  reports: ProgressReport[];
  diagnostics: FileDiagnostic[];
}

// ── Reading files ─────────────────────────────────────────────────────────────

/** "A", "B", … "AA": how a spreadsheet names a column. */
export function columnLetter(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function problem(path: string, line: number, column: number, ruleId: RuleIdOf<'progress'>, message: string): FileDiagnostic {
  return { path, severity: RULES[ruleId].severity, ruleId, message, line: Math.max(1, line), column: Math.max(1, column) };
}

/** A CSV (UTF-8 with or without BOM, UTF-16 or GB18030, as Excel saves it) as one table. */
export function readProgressCsv(bytes: Uint8Array, path: string): { tables: ProgressTable[]; diagnostics: FileDiagnostic[] } {
  const decoded = decode(bytes);
  if (!decoded.ok) {
    if (decoded.ruleId === 'empty-file') return { tables: [], diagnostics: [] };
    return { tables: [], diagnostics: [problem(path, 1, 1, 'progress-unreadable', decoded.reason.replace(/plain text/g, 'a CSV or .xlsx file'))] };
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(decoded.text.replace(/^\uFEFF/, ''), {
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
      relax_quotes: true,
    }) as unknown as typeof records;
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    return {
      tables: [],
      diagnostics: [problem(path, e.lines ?? 1, 1, 'progress-unreadable', `Unexpected CSV syntax: ${(e.message ?? String(error)).split('\n')[0]}`)],
    };
  }
  // csv-parse gives the line a record ends on; a record starts on the line after the previous one.
  let nextLine = 1;
  const lines = records.map(({ record, info }) => {
    const row = { row: nextLine, cells: record as CellValue[] };
    nextLine = info.lines + 1;
    return row;
  });
  const filled = lines.filter((l) => l.cells.some((c) => cellText(c) !== ''));
  const [head, ...rows] = filled;
  if (!head) return { tables: [], diagnostics: [] };
  return { tables: [{ headerRow: head.row, header: head.cells.map(cellText), rows }], diagnostics: [] };
}

function excelCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return excelCell(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/** How far down a sheet its header may be (the published ledger has a title row above it). */
const HEADER_ROWS = 10;

/** Every sheet of a workbook with a header row (in its first rows) that names a 序号 and a 状态 column. */
export async function readProgressXlsx(bytes: Uint8Array, path: string): Promise<{ tables: ProgressTable[]; diagnostics: FileDiagnostic[] }> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    return {
      tables: [],
      diagnostics: [
        problem(path, 1, 1, 'progress-unreadable', `Unexpected file that is not an .xlsx workbook: ${error instanceof Error ? error.message : String(error)}`),
      ],
    };
  }
  const tables: ProgressTable[] = [];
  workbook.eachSheet((sheet) => {
    let header: string[] = [];
    let headerRow = 0;
    for (let r = 1; r <= Math.min(HEADER_ROWS, sheet.rowCount) && headerRow === 0; r++) {
      const cells: string[] = [];
      sheet.getRow(r).eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(excelCell(cell.value));
      });
      if (findColumn(cells, 'task') >= 0 && findColumn(cells, 'status') >= 0) {
        header = Array.from(cells, (c) => c ?? '');
        headerRow = r;
      }
    }
    if (headerRow === 0) return;
    const rows: ProgressTable['rows'] = [];
    sheet.eachRow((row, number) => {
      if (number <= headerRow) return;
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = excelCell(cell.value);
      });
      rows.push({ row: number, cells });
    });
    tables.push({ sheet: sheet.name, headerRow, header, rows });
  });
  if (tables.length === 0) {
    return {
      tables,
      diagnostics: [
        problem(
          path,
          1,
          1,
          'progress-missing-column',
          'Unexpected workbook without a sheet whose header row has 序号 and 状态 columns, expected the 任务分工台账 as published',
        ),
      ],
    };
  }
  return { tables, diagnostics: [] };
}

export async function readProgressTables(bytes: Uint8Array, path: string): Promise<{ tables: ProgressTable[]; diagnostics: FileDiagnostic[] }> {
  if (/\.xlsx$/i.test(path)) return readProgressXlsx(bytes, path);
  return readProgressCsv(bytes, path);
}

// ── Rows → reports ────────────────────────────────────────────────────────────

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

export function cellText(value: CellValue): string {
  if (value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  return String(value)
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();
}

function findColumn(header: string[], field: Field): number {
  const keys = header.map((h) => h.replace(/\s+/g, '').toLowerCase());
  for (const name of PROGRESS_HEADERS[field]) {
    const i = keys.indexOf(name.toLowerCase());
    if (i >= 0) return i;
  }
  return -1;
}

function isoDate(date: Date): string {
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

function validDate(year: number, month: number, day: number): string | undefined {
  if (year < 1949 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? isoDate(date) : undefined;
}

/**
 * A report date as people write it: 2022-06-30, 2022/6/30, 2022.6.30, 2022年6月30日, 20220630, a
 * date cell, or an Excel day number. Undefined when it is no calendar date.
 */
export function parseReportDate(value: CellValue): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : isoDate(value);
  if (typeof value === 'number') {
    // Excel's day 1 is 1900-01-01, counted from 1899-12-30 because of its 1900 leap-year bug.
    if (!Number.isInteger(value) || value < 18264 || value > 109574) return undefined;
    return isoDate(new Date(Date.UTC(1899, 11, 30) + value * 86_400_000));
  }
  const text = cellText(value);
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  // A date cell read back as text with a time: 2022-06-30T00:00:00.000Z or 2022-06-30 00:00:00.
  m = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/.exec(text);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

/** '24' → '24', '任务24' → '24', '第12-3项' → '12-3', 24 (a number cell) → '24'. */
export function normalizeTaskNumber(value: CellValue): string {
  return cellText(value)
    .replace(/^(任务|第)\s*/, '')
    .replace(/\s*(项|\.|、)$/, '')
    .replace(/\s+/g, '');
}

/** The task number the site shows: 'task-12-3' → '12-3' (as src/site/plan.ts taskSlug). */
export function taskNumber(task: Pick<Task, 'id'>): string {
  return task.id.replace(/^task-/, '');
}

/** What a report can name: the plan's tasks, its units, and the registry's. */
export interface ProgressContext {
  document: PlanDocument;
  /** Known units (units.yaml), to accept a unit by any of its spellings. */
  registry?: UnitRegistry;
  /** Every unit the site knows (for the members of groups). */
  units?: Unit[];
}

interface UnitIndex {
  resolve(name: string): Unit | undefined;
}

function unitIndex(context: ProgressContext): UnitIndex {
  const byKey = new Map<string, Unit>();
  const add = (unit: Unit) => {
    for (const spelling of [unit.name, unit.id, ...unit.aliases]) {
      const key = nameKey(spelling);
      if (key && !byKey.has(key)) byKey.set(key, unit);
    }
  };
  for (const unit of context.document.units) add(unit);
  for (const unit of context.units ?? []) add(unit);
  const registry = context.registry?.fork();
  return {
    resolve(name) {
      const key = nameKey(name);
      if (!key) return undefined;
      const found = byKey.get(key);
      if (found) return found;
      const resolution = registry?.resolve(name);
      return resolution?.known ? resolution.unit : undefined;
    },
  };
}

/** Every table's filled rows as reports; problems by file, row and column. */
export function reportsFromTables(tables: ProgressTable[], path: string, context: ProgressContext): ProgressReadResult {
  const reports: ProgressReport[] = [];
  const diagnostics: FileDiagnostic[] = [];
  const tasks = new Map(context.document.tasks.map((t) => [taskNumber(t), t]));
  const units = unitIndex(context);
  const groupsOf = memberGroups(context);

  for (const table of tables) {
    const where = table.sheet ? `In sheet “${table.sheet}”: ` : '';
    const columns = Object.fromEntries((Object.keys(PROGRESS_HEADERS) as Field[]).map((f) => [f, findColumn(table.header, f)])) as Record<Field, number>;
    const missing = (['task', 'date', 'status'] as const).filter((f) => columns[f] < 0);
    if (missing.length > 0) {
      diagnostics.push(
        problem(
          path,
          table.headerRow,
          1,
          'progress-missing-column',
          `${where}Unexpected header without ${missing.map((f) => FIELD_NAMES[f]).join(', ')}, expected columns ${Object.values(FIELD_NAMES).join(', ')} (填报单位 and 进展情况 optional)`,
        ),
      );
      continue;
    }
    const at = (field: Field) => ({ column: columns[field] + 1, label: `column ${columnLetter(columns[field] + 1)} (${table.header[columns[field]]})` });
    for (const { row, cells } of table.rows) {
      const get = (field: Field) => (columns[field] >= 0 ? cells[columns[field]] : undefined);
      const statusText = cellText(get('status'));
      const note = cellText(get('note'));
      const dateValue = get('date');
      // A ledger row nobody filled in is no report.
      if (statusText === '' && note === '' && cellText(dateValue) === '') continue;
      const rowProblems: FileDiagnostic[] = [];
      const report = (field: Field, ruleId: RuleIdOf<'progress'>, message: string) => {
        const { column, label } = at(field);
        rowProblems.push(problem(path, row, column, ruleId, `${where}${message} in ${label}; row left out`));
      };

      const number = normalizeTaskNumber(get('task'));
      const task = tasks.get(number);
      if (!task)
        report(
          'task',
          'progress-unknown-task',
          number
            ? `Unexpected task number \`${number}\` that the plan does not have, expected one of 1–${context.document.tasks.length ? taskNumber(context.document.tasks[context.document.tasks.length - 1]!) : '0'}`
            : 'Unexpected empty task number, expected the 序号 of a task',
        );

      let unit: Unit | undefined;
      const unitText = cellText(get('unit'));
      if (unitText) {
        unit = units.resolve(unitText);
        if (!unit)
          report('unit', 'progress-unknown-unit', `Unexpected unit \`${unitText}\` that neither the plan nor units.yaml names, expected a unit of the task`);
      }

      const date = parseReportDate(dateValue);
      if (!date)
        report(
          'date',
          'progress-bad-date',
          cellText(dateValue)
            ? `Unexpected date \`${cellText(dateValue)}\`, expected a date such as 2022-06-30`
            : 'Unexpected empty date, expected the date of the report such as 2022-06-30',
        );

      const status = ProgressStatusSchema.safeParse(statusText.replace(/\s+/g, ''));
      if (!status.success)
        report(
          'status',
          'progress-bad-status',
          statusText
            ? `Unexpected status \`${statusText}\`, expected one of ${PROGRESS_STATUSES.join(' / ')}`
            : `Unexpected empty status, expected one of ${PROGRESS_STATUSES.join(' / ')}`,
        );

      append(diagnostics, rowProblems);
      if (rowProblems.length > 0 || !task || !date || !status.success) continue;

      if (unit && !task.effectiveAssignments.some((a) => a.unit === unit.id)) {
        const viaGroup = (groupsOf.get(unit.id) ?? []).some((g) => task.effectiveAssignments.some((a) => a.unit === g));
        if (!viaGroup) {
          const { column, label } = at('unit');
          diagnostics.push(
            problem(
              path,
              row,
              column,
              'progress-unit-not-assigned',
              `${where}Unexpected unit \`${unit.name}\` that task ${number} does not name in ${label}, expected one of its units; listed, not counted`,
            ),
          );
        }
      }
      reports.push({
        task: number,
        ...(unit ? { unit: unit.id, unitName: unit.name } : {}),
        date,
        status: status.data,
        note,
        source: { path, ...(table.sheet ? { sheet: table.sheet } : {}), row },
      });
    }
  }
  return { reports, diagnostics };
}

/** Unit id → ids of the groups it is a member of (县安委会成员单位 …). */
function memberGroups(context: ProgressContext): Map<string, string[]> {
  const all = [...context.document.units, ...(context.units ?? [])];
  const index = unitIndex({ document: { ...context.document, units: all }, ...(context.registry ? { registry: context.registry } : {}) });
  const groups = new Map<string, string[]>();
  for (const group of all) {
    for (const member of group.members ?? []) {
      const unit = all.find((u) => u.id === member) ?? index.resolve(member);
      if (unit && !(groups.get(unit.id) ?? []).includes(group.id)) groups.set(unit.id, [...(groups.get(unit.id) ?? []), group.id]);
    }
  }
  return groups;
}

/** A progress file of one plan → reports and diagnostics. */
export async function readProgress(bytes: Uint8Array, path: string, context: ProgressContext): Promise<ProgressReadResult> {
  const { tables, diagnostics } = await readProgressTables(bytes, path);
  const result = reportsFromTables(tables, path, context);
  return { reports: result.reports, diagnostics: append(diagnostics, result.diagnostics) };
}

// ── Roll-up ───────────────────────────────────────────────────────────────────

export interface UnitProgress {
  unit: string;
  name: string;
  role: Role;
  /** Whether this unit's status decides the task's (牵头 and 责任 units; all units when none). */
  accountable: boolean;
  /** The unit's current status: its latest report, or a later report on the whole task. */
  status?: ProgressStatus;
  date?: string;
}

export interface TaskProgress {
  task: string;
  /** Undefined when no report (dated on or before "as of") concerns the task. */
  status?: ProgressStatus;
  units: UnitProgress[];
  /** Every report on the task, oldest first; `counted` is false for those after "as of". */
  timeline: (ProgressReport & { counted: boolean })[];
  /** The task's last dated deadline (YYYY-MM-DD; a month counts to its last day). */
  deadline?: string;
  /** Deadline before "as of" and not 已完成. */
  overdue: boolean;
  /** The deadline light (`deadlineLight`); none without a dated deadline. */
  light?: Light;
}

export type StatusCounts = Record<ProgressStatus | '暂无报告', number>;

export interface PlanProgress {
  asOf: string;
  /** Days before a deadline from which an unfinished task is 临期. */
  dueSoonDays: number;
  /** Tasks by light; tasks without a dated deadline have none. */
  lights: LightCounts;
  tasks: Record<string, TaskProgress>;
  counts: StatusCounts;
  /** Task numbers, in plan order. */
  overdue: string[];
  reportCount: number;
}

/**
 * The lights of a 督查 ledger, always shown as words: 正常 (on track), 临期 (due soon), 逾期
 * (overdue).
 */
export const LIGHTS = ['正常', '临期', '逾期'] as const;
export type Light = (typeof LIGHTS)[number];
export type LightCounts = Record<Light, number>;
export const DEFAULT_DUE_SOON_DAYS = 15;

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both YYYY-MM-DD): 2022-12-01 → 2022-12-16 is 15. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * A task's light as of a date:
 * 1. no dated deadline → none (nothing to measure against);
 * 2. 已完成 → 正常;
 * 3. deadline before "as of" → 逾期 (as `overdue`);
 * 4. deadline within `dueSoonDays` days of "as of" (the deadline day itself included) → 临期;
 * 5. otherwise → 正常.
 */
export function deadlineLight(deadline: string | undefined, status: ProgressStatus | undefined, asOf: string, dueSoonDays: number): Light | undefined {
  if (deadline === undefined) return undefined;
  if (status === '已完成') return '正常';
  if (deadline < asOf) return '逾期';
  if (daysBetween(asOf, deadline) <= dueSoonDays) return '临期';
  return '正常';
}

export function emptyLightCounts(): LightCounts {
  return { 正常: 0, 临期: 0, 逾期: 0 };
}

const ROLE_STRENGTH: Role[] = ['lead', 'responsible', 'support'];

/** A deadline's last day: '2022-11-20' → itself, '2022-11' → '2022-11-30'. */
export function deadlineDay(date: string): string {
  if (ISO_DATE.test(date)) return date;
  const [year, month] = date.split('-').map(Number) as [number, number];
  return isoDate(new Date(Date.UTC(year, month, 0)));
}

/**
 * The status of one task as of a date:
 * 1. no report on or before that date → none;
 * 2. any accountable unit (牵头 or 责任; every unit when the task names neither) currently 滞后 → 滞后;
 * 3. every accountable unit currently 已完成 → 已完成;
 * 4. any unit of the task currently 推进中 or 已完成 → 推进中;
 * 5. otherwise → 未启动.
 * A unit's current status is its latest report, or a later report on the whole task (no unit).
 * Reports by units the task does not name are listed, not counted.
 */
export function rollUpTask(task: Task, reports: ProgressReport[], asOf: string, dueSoonDays: number = DEFAULT_DUE_SOON_DAYS): TaskProgress {
  const number = taskNumber(task);
  const timeline = reports
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.task === number)
    .sort((a, b) => a.r.date.localeCompare(b.r.date) || a.i - b.i)
    .map(({ r }) => ({ ...r, counted: r.date <= asOf }));
  const counted = timeline.filter((r) => r.counted);

  const byUnit = new Map<string, UnitProgress>();
  for (const a of task.effectiveAssignments) {
    const seen = byUnit.get(a.unit);
    if (!seen) byUnit.set(a.unit, { unit: a.unit, name: a.name, role: a.role, accountable: false });
    else if (ROLE_STRENGTH.indexOf(a.role) < ROLE_STRENGTH.indexOf(seen.role)) seen.role = a.role;
  }
  const units = [...byUnit.values()];
  const hasAccountable = units.some((u) => u.role !== 'support');
  for (const u of units) {
    u.accountable = !hasAccountable || u.role !== 'support';
    // Latest wins; the timeline is in date order, file order within a day.
    for (const r of counted) {
      if (r.unit === u.unit || r.unit === undefined) {
        u.status = r.status;
        u.date = r.date;
      }
    }
  }
  const wholeTask = counted.filter((r) => r.unit === undefined).at(-1);

  let status: ProgressStatus | undefined;
  const accountable = units.filter((u) => u.accountable);
  const current = units.length > 0 ? units.map((u) => u.status) : [wholeTask?.status];
  if (counted.some((r) => r.unit === undefined || byUnit.has(r.unit))) {
    if (units.length === 0) status = wholeTask?.status;
    else if (accountable.some((u) => u.status === '滞后')) status = '滞后';
    else if (accountable.every((u) => u.status === '已完成')) status = '已完成';
    else if (current.some((s) => s === '推进中' || s === '已完成')) status = '推进中';
    else status = '未启动';
  }

  const dates = task.deadlines
    .map((d) => d.date)
    .filter((d): d is string => d !== undefined)
    .map(deadlineDay)
    .sort();
  const deadline = dates.at(-1);
  const light = deadlineLight(deadline, status, asOf, dueSoonDays);
  return {
    task: number,
    ...(status ? { status } : {}),
    units,
    timeline,
    ...(deadline ? { deadline } : {}),
    overdue: deadline !== undefined && deadline < asOf && status !== '已完成',
    ...(light ? { light } : {}),
  };
}

export function emptyStatusCounts(): StatusCounts {
  return { 未启动: 0, 推进中: 0, 已完成: 0, 滞后: 0, 暂无报告: 0 };
}

/** Every task of a plan rolled up, with counts by status and the overdue tasks. */
export function planProgress(document: PlanDocument, reports: ProgressReport[], asOf: string, dueSoonDays: number = DEFAULT_DUE_SOON_DAYS): PlanProgress {
  const tasks: Record<string, TaskProgress> = {};
  const counts = emptyStatusCounts();
  const lights = emptyLightCounts();
  const overdue: string[] = [];
  // Grouped first, so that a big plan with many reports stays linear.
  const byTask = new Map<string, ProgressReport[]>();
  for (const r of reports) {
    const list = byTask.get(r.task);
    if (list) list.push(r);
    else byTask.set(r.task, [r]);
  }
  for (const task of document.tasks) {
    const progress = rollUpTask(task, byTask.get(taskNumber(task)) ?? [], asOf, dueSoonDays);
    tasks[progress.task] = progress;
    counts[progress.status ?? '暂无报告']++;
    if (progress.light) lights[progress.light]++;
    if (progress.overdue) overdue.push(progress.task);
  }
  return { asOf, dueSoonDays, lights, tasks, counts, overdue, reportCount: reports.length };
}

/**
 * The plan's "as of" date: `asOf` of its metadata (a date or YYYY-MM-DD text), else `today`
 * (the build date). Undefined for text that is no date.
 */
export function resolveAsOf(asOf: string | Date | undefined, today: Date = new Date()): string | undefined {
  if (asOf === undefined) return isoDate(today);
  return parseReportDate(asOf);
}
