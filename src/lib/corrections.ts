/**
 * Corrections: `content/corrections/<plan-id>.yaml`, a list of changes to the units of tasks,
 * applied after parsing on every build, so that the published text stays as published and every
 * change is public (each needs a `note`):
 *
 *   - task: "12"                # the task's number as the site shows it, or its id from plan.json
 *     text: 加强危化品            # the first characters of the task's text when it was written (or hash:)
 *     note: 原文“有关部门”指县公安局
 *     add: [{ unit: 县公安局, role: support }]
 *     remove: [县交通运输局]
 *   - task: "5"
 *     text: 开展…
 *     note: 原文漏列牵头单位
 *     set: [{ unit: 县住建局, role: lead }, { unit: 县发改局, role: support }]
 *
 * Reading (`readCorrections`) keeps the place of every entry and value (yaml's LineCounter);
 * applying (`applyCorrections`) changes the document and reports a correction that no longer
 * applies as `stale-correction` at its place, leaving the rest of the file in force.
 */
import { createHash } from 'node:crypto';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from 'yaml';
import { z } from 'zod';
import type { FileDiagnostic } from './diagnostics.ts';
import { outlineIndex } from './outline.ts';
import type { UnitRegistry } from './registry.ts';
import { RULES, type RuleId } from './rules.ts';
import { type AppliedCorrection, type Assignment, type OutlineNode, type PlanDocument, type Role, RoleSchema } from './schema.ts';

/** Roles as the file may write them: the contract's words, or 牵头 / 配合 / 责任. */
const ROLE_WORDS: Record<string, Role> = { 牵头: 'lead', 配合: 'support', 责任: 'responsible', 负责: 'responsible' };

const RoleInputSchema = z.preprocess((value) => (typeof value === 'string' ? (ROLE_WORDS[value.trim()] ?? value.trim()) : value), RoleSchema);

const UnitRefSchema = z.strictObject({ unit: z.string().trim().min(1), role: RoleInputSchema });

const TEXT_KEY = /^[0-9a-f]{6,64}$/;

export const CorrectionEntrySchema = z
  .strictObject({
    task: z.string().trim().min(1),
    /** The first characters of the task's text as the correction's author read it. */
    text: z.string().trim().min(1).optional(),
    /** Or the first hex digits (6 or more) of the SHA-256 of the task's text (`plan review` prints it). */
    hash: z.string().trim().toLowerCase().regex(TEXT_KEY, 'Expected 6 or more hex digits of the task text’s SHA-256').optional(),
    note: z.string().trim().min(1),
    add: z.array(UnitRefSchema).min(1).optional(),
    remove: z.array(z.string().trim().min(1)).min(1).optional(),
    set: z.array(UnitRefSchema).min(1).optional(),
  })
  .refine((e) => (e.set ? !e.add && !e.remove : Boolean(e.add || e.remove)), {
    message: 'Expected `add` and/or `remove`, or `set` alone',
  });
export type CorrectionEntry = z.infer<typeof CorrectionEntrySchema>;

export interface Place {
  line: number;
  column: number;
}

/** An entry of the file, with the places of what it names. */
export interface PlacedCorrection {
  entry: CorrectionEntry;
  /** The entry itself (its `- `). */
  place: Place;
  /** Places of `task`, `text`/`hash`, and of each unit of `add`, `remove`, `set`, in order. */
  at: { task: Place; anchor: Place; add: Place[]; remove: Place[]; set: Place[] };
}

export interface CorrectionsFile {
  path: string;
  corrections: PlacedCorrection[];
  problems: FileDiagnostic[];
}

function problem(path: string, ruleId: RuleId, message: string, place: Place): FileDiagnostic {
  return { path, severity: RULES[ruleId].severity, ruleId, message, line: place.line, column: place.column };
}

/** The SHA-256 of a task's text (whitespace folded), in hex: `hash:` takes a prefix of it. */
export function taskTextHash(text: string): string {
  return createHash('sha256').update(foldText(text)).digest('hex');
}

/** Text compared without its spaces and line breaks, which copies of a plan do not keep alike. */
function foldText(text: string): string {
  return text.replace(/\s+/g, '');
}

/** A `text:` value for a task: its first characters, enough to tell it from the others. */
export function taskTextKey(text: string, length = 12): string {
  return [...foldText(text)].slice(0, length).join('');
}

/** Parse a corrections file; never throws. An entry that does not fit the schema is reported and left out. */
export function readCorrections(text: string, path: string): CorrectionsFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const placeOf = (offset: number | undefined): Place => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { line: pos.line, column: pos.col };
  };
  const nodePlace = (node: unknown, fallback: Place): Place => {
    const range = (node as Node | undefined)?.range;
    return range ? placeOf(range[0]) : fallback;
  };
  const problems: FileDiagnostic[] = doc.errors.map((e) => problem(path, 'bad-corrections', e.message.split('\n')[0]!, placeOf(e.pos[0])));
  if (problems.length) return { path, corrections: [], problems };
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { path, corrections: [], problems };
  if (!isSeq(root)) {
    return {
      path,
      corrections: [],
      problems: [problem(path, 'bad-corrections', 'Unexpected value, expected a list of corrections (`- task: …`)', nodePlace(root, { line: 1, column: 1 }))],
    };
  }
  const corrections: PlacedCorrection[] = [];
  for (const item of root.items) {
    const place = nodePlace(item, { line: 1, column: 1 });
    const value: unknown = isMap(item) || isScalar(item) || isSeq(item) ? item.toJSON() : item;
    if (isMap(item) && value && typeof value === 'object') {
      // `hash: 04915631` and `task: 012` are numbers to YAML: keep them as written.
      for (const key of ['task', 'hash', 'text']) {
        const node = item.get(key, true);
        if (isScalar(node) && typeof node.value === 'number' && node.range) (value as Record<string, unknown>)[key] = text.slice(node.range[0], node.range[1]);
      }
    }
    const result = CorrectionEntrySchema.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const at = isMap(item) ? valueNode(item, issue.path) : undefined;
        const key = issue.path.length ? `\`${issue.path.join('.')}\`: ` : '';
        problems.push(problem(path, 'bad-corrections', `${key}${issue.message}`, nodePlace(at, place)));
      }
      continue;
    }
    const map = item as YAMLMap;
    const listPlaces = (key: string) => {
      const list = map.get(key, true);
      return isSeq(list) ? list.items.map((n) => nodePlace(isMap(n) ? (n.get('unit', true) ?? n) : n, place)) : [];
    };
    corrections.push({
      entry: result.data,
      place,
      at: {
        task: nodePlace(map.get('task', true), place),
        anchor: nodePlace(map.get('text', true) ?? map.get('hash', true), place),
        add: listPlaces('add'),
        remove: listPlaces('remove'),
        set: listPlaces('set'),
      },
    });
  }
  return { path, corrections, problems };
}

/** The node at a schema issue's path inside an entry, for the issue's place. */
function valueNode(map: YAMLMap, path: PropertyKey[]): unknown {
  let node: unknown = map;
  for (const key of path) {
    if (isMap(node)) node = node.get(key as string, true) ?? node;
    else if (isSeq(node) && typeof key === 'number') node = node.items[key] ?? node;
    else break;
  }
  return node;
}

export interface AppliedCorrections {
  document: PlanDocument;
  applied: AppliedCorrection[];
  diagnostics: FileDiagnostic[];
}

/** The tasks a correction's `task:` may name: by id (`task-12`), or by the number the site shows (`12`, `12-3`, `p2-3`). */
function findTask(document: PlanDocument, ref: string) {
  const wanted = ref.trim().replace(/^任务/, '');
  return document.tasks.find((t) => t.id === wanted) ?? document.tasks.find((t) => t.id === `task-${wanted}`);
}

/**
 * Apply the corrections of a file to a parsed document, in file order, and give every task its
 * effective assignments again. The document is changed in place and returned. `registry` is the
 * plan's own (forked) registry, so that a unit the plan already made up keeps its id.
 */
export function applyCorrections(document: PlanDocument, file: CorrectionsFile, registry: UnitRegistry): AppliedCorrections {
  const diagnostics: FileDiagnostic[] = [...file.problems];
  const applied: AppliedCorrection[] = [];
  const stale = (message: string, place: Place) => diagnostics.push(problem(file.path, 'stale-correction', message, place));
  const nodes = outlineIndex(document);
  const units = new Map(document.units.map((u) => [u.id, u]));
  const corrected = new Set<string>();

  for (const { entry, place, at } of file.corrections) {
    const task = findTask(document, entry.task);
    const where = `${file.path}:${place.line}:${place.column}`;
    if (!task) {
      const moved = entry.text ? document.tasks.find((t) => foldText(t.text).startsWith(foldText(entry.text!))) : undefined;
      stale(
        `Unexpected task \`${entry.task}\` that the plan does not have, expected one of its ${document.tasks.length} tasks${moved ? ` (the text now begins task \`${moved.id.replace(/^task-/, '')}\`)` : ''}`,
        at.task,
      );
      continue;
    }
    const shown = task.id.replace(/^task-/, '');
    if (!entry.text && !entry.hash) {
      diagnostics.push(
        problem(
          file.path,
          'bad-corrections',
          `Unexpected correction of task \`${shown}\` without the task's text, expected \`text: ${taskTextKey(task.text)}\` (or \`hash: ${taskTextHash(task.text).slice(0, 8)}\`) so that a change of the text is noticed`,
          place,
        ),
      );
      continue;
    }
    if (entry.text && !foldText(task.text).startsWith(foldText(entry.text))) {
      stale(`Unexpected text of task \`${shown}\`, expected it to begin \`${entry.text}\`: it now begins \`${taskTextKey(task.text)}\``, at.anchor);
      continue;
    }
    if (entry.hash && !taskTextHash(task.text).startsWith(entry.hash)) {
      stale(
        `Unexpected text of task \`${shown}\`, expected the text whose hash begins \`${entry.hash}\`: it is now \`${taskTextHash(task.text).slice(0, 8)}\``,
        at.anchor,
      );
      continue;
    }
    const node = nodes.get(task.id);
    // A task that names no unit of its own takes its parent's: a correction starts from those.
    const before = (node?.assignments.length ? node.assignments : task.effectiveAssignments).map((a) => ({ ...a }));
    let after = before.map((a) => ({ ...a }));
    let changed = false;
    const resolve = (name: string) => {
      const { unit } = registry.resolve(name);
      if (!units.has(unit.id)) {
        units.set(unit.id, unit);
        document.units.push(unit);
      }
      return unit;
    };
    const corrected_ = (name: string, role: Role): Assignment => {
      const unit = resolve(name);
      // A unit the plan names keeps the plan's spelling (a role corrected); a unit it lacks, the file's.
      const mention = before.find((a) => a.unit === unit.id)?.mention ?? name;
      return { unit: unit.id, name: unit.name, mention, role, origin: 'corrected', note: entry.note };
    };

    if (entry.set) {
      const wanted = entry.set.map((ref) => ({ ref, unit: resolve(ref.unit) }));
      after = wanted.map(({ ref, unit }) => before.find((a) => a.unit === unit.id && a.role === ref.role) ?? corrected_(ref.unit, ref.role));
      const same = after.length === before.length && after.every((a) => before.includes(a));
      if (same) {
        stale(`Unexpected \`set\` of task \`${shown}\` that the plan already reads so, expected a change: delete the correction`, at.set[0] ?? place);
        continue;
      }
      changed = true;
    } else {
      for (const [i, name] of (entry.remove ?? []).entries()) {
        const unit = resolve(name);
        const left = after.filter((a) => a.unit !== unit.id && a.mention !== name);
        if (left.length === after.length) {
          stale(
            `Unexpected \`remove\` of \`${name}\` that task \`${shown}\` does not name, expected one of ${after.map((a) => `\`${a.name}\``).join(', ') || 'its units (it has none)'}`,
            at.remove[i] ?? place,
          );
          continue;
        }
        after = left;
        changed = true;
      }
      for (const [i, ref] of (entry.add ?? []).entries()) {
        const unit = resolve(ref.unit);
        const there = after.find((a) => a.unit === unit.id);
        if (there) {
          stale(
            `Unexpected \`add\` of \`${ref.unit}\` that task \`${shown}\` already names (as ${there.role}), expected a unit it lacks: to change its role, remove it and add it`,
            at.add[i] ?? place,
          );
          continue;
        }
        after.push(corrected_(ref.unit, ref.role));
        changed = true;
      }
    }
    if (!changed) continue;
    const removed = before.filter((a) => !after.some((b) => b.unit === a.unit && b.role === a.role));
    const added = after.filter((a) => a.origin === 'corrected' && !before.some((b) => b.unit === a.unit && b.role === a.role));
    if (node) node.assignments = after;
    corrected.add(task.id);
    const roleWord = (role: Role) => ({ lead: '牵头', support: '配合', responsible: '责任' })[role];
    const change = [...added.map((a) => `+${a.name} (${roleWord(a.role)})`), ...removed.map((a) => `-${a.name} (${roleWord(a.role)})`)].join(', ');
    diagnostics.push(problem(file.path, 'correction-applied', `Corrected task \`${shown}\`: ${change || 'units reordered'}`, place));
    applied.push({
      task: task.id,
      note: entry.note,
      added: added.map((a) => ({ unit: a.unit, name: a.name, role: a.role })),
      removed: removed.map((a) => ({ unit: a.unit, name: a.name, mention: a.mention, role: a.role })),
      source: where,
    });
  }

  if (applied.length) {
    refreshTasks(document);
    // A task that a correction gave units no longer lacks them.
    const given = new Set(
      document.tasks.filter((t) => corrected.has(t.id) && t.effectiveAssignments.length).map((t) => `${t.position.start.line}:${t.position.start.column}`),
    );
    document.diagnostics = document.diagnostics.filter((d) => !(d.ruleId === 'task-without-units' && given.has(`${d.line}:${d.column}`)));
    document.corrections = applied;
  }
  return { document, applied, diagnostics };
}

/** Give every task the assignments of its outline node again, and its effective ones (own, else inherited). */
function refreshTasks(document: PlanDocument): void {
  const byId = new Map(document.tasks.map((t) => [t.id, t]));
  const walk = (list: OutlineNode[], inherited: Assignment[]) => {
    for (const node of list) {
      const effective = node.assignments.length > 0 ? node.assignments : inherited;
      const task = byId.get(node.id);
      if (task) {
        task.assignments = node.assignments;
        task.effectiveAssignments = effective;
      }
      walk(node.children, effective);
    }
  };
  walk(document.outline, []);
}
