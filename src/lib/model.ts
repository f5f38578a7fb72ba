/**
 * Plan tree + unit registry → PlanDocument (the data contract in schema.ts). Mentions become
 * canonical units; a mention the registry does not know becomes a unit of its own with an
 * `unknown-unit` warning, once per unit.
 */
import { append } from './append.ts';
import { planMessage } from './message.ts';
import type { VFile } from 'vfile';
import type { PlanBlock, PlanLeaf, PlanRoot } from './parse/index.ts';
import type { UnitRegistry } from './registry.ts';
import type { Assignment, Diagnostic, OutlineNode, PlanDocument, Task, Unit } from './schema.ts';

export interface ModelInput {
  id: string;
  tree: PlanRoot;
  file: VFile;
  registry: UnitRegistry;
  source: PlanDocument['source'];
  title?: string;
  year?: number;
  issuer?: string;
  /** ISO date of the plan. */
  date?: string;
  docNumber?: string;
  provenance?: PlanDocument['provenance'];
}

export function buildDocument(input: ModelInput): PlanDocument {
  const { tree, file, registry } = input;
  const used = new Map<string, Unit>();
  const warned = new Set<string>();

  const assignmentsOf = (block: PlanBlock): Assignment[] => {
    const out: Assignment[] = [];
    const seen = new Set<string>();
    for (const mention of block.data.mentions) {
      const { unit, known } = registry.resolve(mention.text);
      used.set(unit.id, unit);
      if (!known && !warned.has(unit.id)) {
        warned.add(unit.id);
        const place = { start: pointOf(block, mention.start), end: pointOf(block, mention.end) };
        planMessage(file, `Unexpected unit \`${mention.text}\` that content/units.yaml does not list, expected a registered unit: added as \`${unit.id}\``, {
          place,
          ruleId: 'unknown-unit',
          source: 'plan',
        });
      }
      const key = `${unit.id}\u0000${mention.role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ unit: unit.id, name: unit.name, mention: mention.text, role: mention.role, origin: 'parsed' });
    }
    return out;
  };

  const toNode = (block: PlanBlock): OutlineNode => {
    const node: OutlineNode = {
      id: block.data.id,
      kind: block.type,
      marker: block.data.marker,
      number: block.data.number,
      text: block.data.text,
      assignments: assignmentsOf(block),
      deadlines: block.data.deadlines.map((d) => (d.date ? { text: d.text, date: d.date } : { text: d.text })),
      references: block.data.references,
      children: [],
      position: {
        start: { line: block.position.start.line, column: block.position.start.column, offset: block.position.start.offset ?? 0 },
        end: { line: block.position.end.line, column: block.position.end.column, offset: block.position.end.offset ?? 0 },
      },
    };
    if (block.data.title) node.title = block.data.title;
    node.children = block.children.filter(isBlock).map(toNode);
    return node;
  };

  const outline = tree.children.filter(isBlock).map(toNode);

  const tasks: Task[] = [];
  const walk = (nodes: OutlineNode[], path: string[], inherited: Assignment[]) => {
    for (const node of nodes) {
      const effective = node.assignments.length > 0 ? node.assignments : inherited;
      if (node.kind === 'task') {
        const { children, ...rest } = node;
        tasks.push({ ...rest, children, path, effectiveAssignments: effective });
        if (effective.length === 0) {
          planMessage(file, `Unexpected task ${node.marker || node.number} without responsible units, expected a clause such as (责任单位:…)`, {
            place: node.position,
            ruleId: 'task-without-units',
            source: 'plan',
          });
        }
      }
      walk(node.children, [...path, node.id], effective);
    }
  };
  walk(outline, [], []);

  // Groups bring their members along, so that the data says who a group is.
  for (const unit of [...used.values()]) {
    for (const member of unit.members ?? []) {
      const m = registry.byId(member);
      if (m && !used.has(m.id)) used.set(m.id, m);
    }
  }

  const preamble = tree.children
    .filter((c) => c.type === 'preamble')
    .map((p) => (p as { children: PlanLeaf[] }).children.map((l) => l.value).join(''))
    .join('')
    .trim();

  return {
    id: input.id,
    title: input.title ?? titleFromPreamble(preamble) ?? input.id,
    ...(input.year !== undefined ? { year: input.year } : {}),
    ...(input.issuer ? { issuer: input.issuer } : {}),
    ...(input.date ? { date: input.date } : {}),
    ...(input.docNumber ? { docNumber: input.docNumber } : {}),
    ...(input.provenance && Object.keys(input.provenance).length > 0 ? { provenance: input.provenance } : {}),
    source: input.source,
    preamble,
    outline,
    tasks,
    units: [...used.values()],
    diagnostics: diagnosticsOf(file),
  };
}

function isBlock(node: { type: string }): node is PlanBlock {
  return node.type === 'part' || node.type === 'section' || node.type === 'task';
}

/** The plan's own title: the last short title-like line of the preamble. */
export function titleFromPreamble(preamble: string): string | undefined {
  const lines = preamble
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.length <= 60 && /(方案|计划|要点|清单|安排|措施|意见|分工|细则|台账)$/.test(line) && !/通知/.test(line)) return line;
  }
  return undefined;
}

function pointOf(block: PlanBlock, offset: number) {
  // Leaves of the block hold the offset; their positions give line and column.
  const stack: (PlanBlock | PlanLeaf)[] = [...block.children];
  while (stack.length > 0) {
    const node = stack.shift()!;
    if ('value' in node) {
      const leaf = node as PlanLeaf;
      const s = leaf.position.start.offset!;
      const e = leaf.position.end.offset!;
      if (offset >= s && offset <= e) return { line: leaf.position.start.line, column: leaf.position.start.column + (offset - s), offset };
    } else append(stack, (node as PlanBlock).children);
  }
  return { line: block.position.start.line, column: block.position.start.column, offset };
}

export function diagnosticsOf(file: VFile): Diagnostic[] {
  return file.messages
    .map((m) => {
      const d: Diagnostic = {
        severity: m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info',
        ruleId: m.ruleId ?? 'unknown',
        message: m.reason,
        line: m.place && 'start' in m.place ? m.place.start.line : (m.line ?? 1),
        column: m.place && 'start' in m.place ? m.place.start.column : (m.column ?? 1),
      };
      if (m.place && 'end' in m.place && m.place.end.line) {
        d.endLine = m.place.end.line;
        d.endColumn = m.place.end.column;
      }
      return d;
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}
