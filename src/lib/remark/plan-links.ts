/**
 * remark plugin: links a 解读 (and any MDX page) to the plan it talks about.
 *
 * In text (never in headings, code or links) it links
 * - a unit's name or alias to the unit's page, the first mention in each section (a heading starts one);
 * - 任务12 / 第12项 / 第十二项 to that task of the page's plan, 第(三)部分 to its section (三),
 *   第三部分 to its part 三;
 * - a plan's title in 《》 to that plan.
 * A reference to a task, section or part the plan does not have, and a component (`<Task n="12" />`,
 * `<UnitTasks unit="…" />`, `<PlanCounts />`) that names a task, unit or plan the site does not
 * have, is a VFile message at its place, with its rule id from src/lib/rules.ts. The plan
 * components also get the page's plan as their `plan` attribute, so that authors need not write it.
 *
 * A plain unified plugin: no Astro import, no file read. What it links to comes in its options.
 */
import type { Heading, Link, Nodes, PhrasingContent, Root, Text } from 'mdast';
import { findAndReplace, type RegExpMatchObject } from 'mdast-util-find-and-replace';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Point, Position } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { RuleIdOf } from '../rules.ts';
import { isForeignUnitMention, type Reference, referenceAt, referencePattern } from './references.ts';
import { byNumber, type LinkTargets, type NumberedTarget, numberValue, type PlanTargets, type UnitTarget } from './targets.ts';

export type { LinkTargets, NumberedTarget, PlanTargets, UnitTarget } from './targets.ts';

export interface PlanLinksOptions {
  /**
   * The plans and units to link to, or a function that gives them when the first file is
   * transformed (a build hands over what its content loader read, once).
   */
  targets: LinkTargets | (() => LinkTargets | Promise<LinkTargets>);
  /** The id of the plan a file belongs to (its 解读), if any: the plan that 任务12 and 第(三)部分 name. */
  planOf?: (file: VFile) => string | undefined;
}

/** The MDX components that show a plan's own data, and the attribute that names what they show. */
export const PLAN_COMPONENTS = { Task: 'n', UnitTasks: 'unit', PlanCounts: undefined } as const;
type PlanComponent = keyof typeof PLAN_COMPONENTS;

type LinkRule = RuleIdOf<'pages'>;
const SOURCE = 'plan-links';

/** The rule of a reference to a numbered node the plan does not have. */
const KIND_RULE = { task: 'unknown-task-reference', section: 'unknown-section-reference', part: 'unknown-section-reference' } as const;

interface PlanIndex {
  plan: PlanTargets;
  task: Map<number, NumberedTarget[]>;
  section: Map<number, NumberedTarget[]>;
  part: Map<number, NumberedTarget[]>;
}

interface Index {
  plans: Map<string, PlanIndex>;
  byTitle: Map<string, PlanTargets>;
  units: Map<string, UnitTarget>;
  pattern: RegExp;
}

function indexTargets(targets: LinkTargets): Index {
  const plans = new Map<string, PlanIndex>();
  const byTitle = new Map<string, PlanTargets>();
  for (const plan of targets.plans) {
    plans.set(plan.id, { plan, task: byNumber(plan.tasks), section: byNumber(plan.sections), part: byNumber(plan.parts) });
    if (!byTitle.has(plan.title)) byTitle.set(plan.title, plan);
  }
  // A name shared by two units (an alias used twice) goes to the first: the registry's order.
  const units = new Map<string, UnitTarget>();
  for (const unit of targets.units) for (const name of [unit.name, ...unit.aliases]) if (!units.has(name)) units.set(name, unit);
  return { plans, byTitle, units, pattern: referencePattern([...units.keys()]) };
}

/** The plugin; its transformer is asynchronous only until the targets have come. */
export default function remarkPlanLinks(options: PlanLinksOptions) {
  let index: Index | Promise<Index> | undefined;
  const getIndex = (): Index | Promise<Index> => {
    if (index) return index;
    const targets = typeof options.targets === 'function' ? options.targets() : options.targets;
    index = targets instanceof Promise ? targets.then(indexTargets) : indexTargets(targets);
    return index;
  };
  return async (tree: Root, file: VFile) => {
    const planId = options.planOf?.(file);
    linkTree(tree, file, await getIndex(), planId);
  };
}

function linkTree(tree: Root, file: VFile, index: Index, planId: string | undefined): void {
  const place = placer(file);
  const plan = planId === undefined ? undefined : index.plans.get(planId);
  const page: Page = { file, index, plan, planId, place };

  // Sections of the page: the runs of top-level nodes between headings.
  let section: Nodes[] = [];
  const flush = () => {
    if (section.length > 0) linkSection(section, page);
    section = [];
  };
  for (const node of tree.children) {
    if (node.type === 'heading') {
      flush();
      checkHeading(node, page);
    } else section.push(node);
  }
  flush();

  visit(tree, (node) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && Object.hasOwn(PLAN_COMPONENTS, node.name)) {
      checkComponent(node, node.name as PlanComponent, page);
    }
  });
}

interface Page {
  file: VFile;
  index: Index;
  /** The page's plan, when it has one the site knows. */
  plan?: PlanIndex;
  planId?: string;
  place: (node: Nodes, offset?: number, length?: number) => Position | undefined;
}

function report(page: Page, rule: LinkRule, reason: string, position: Position | undefined): void {
  // Every rule of the pages stage is a warning (src/lib/rules.ts): the page builds, without the link.
  page.file.message(reason, { ...(position ? { place: position } : {}), ruleId: rule, source: SOURCE });
}

/** Nodes whose text is never linked: headings, links, code, and the plan components. */
function ignored(node: Nodes): boolean {
  if (node.type === 'heading' || node.type === 'link' || node.type === 'linkReference') return true;
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement')
    return node.name === 'a' || (node.name !== null && Object.hasOwn(PLAN_COMPONENTS, node.name));
  return false;
}

function linkSection(nodes: Nodes[], page: Page): void {
  const linked = new Set<string>();
  const root: Root = { type: 'root', children: nodes as Root['children'] };
  findAndReplace(root, [page.index.pattern, (value: string, ...rest: unknown[]) => replace(value, rest.at(-1) as RegExpMatchObject)], {
    ignore: (node) => ignored(node as Nodes),
  });

  function replace(value: string, match: RegExpMatchObject): PhrasingContent | string | false {
    const node = match.stack.at(-1) as Text;
    const reference = referenceAt(page.index.pattern, match.input, match.index);
    if (!reference) return false;
    const position = () => page.place(node, match.index, value.length);
    switch (reference.kind) {
      case 'unit': {
        if (isForeignUnitMention(match.input.slice(0, match.index), reference.name)) return false;
        const unit = page.index.units.get(reference.name)!;
        // Consumed either way, so that a shorter alias inside a name mentioned before is not read.
        if (linked.has(`unit:${unit.id}`)) return value;
        linked.add(`unit:${unit.id}`);
        return link(unit.href, value, position());
      }
      case 'title': {
        const plan = page.index.byTitle.get(reference.title);
        if (!plan || linked.has(`plan:${plan.id}`)) return value;
        linked.add(`plan:${plan.id}`);
        return link(plan.href, value, position());
      }
      default: {
        const target = resolveNumbered(reference, page, position());
        return target ? link(target.href, value, position()) : value;
      }
    }
  }
}

/** Headings are never linked, but what they cite is checked. */
function checkHeading(heading: Heading, page: Page): void {
  visit(heading, 'text', (node: Text) => {
    const pattern = new RegExp(page.index.pattern.source, 'g');
    for (const match of node.value.matchAll(pattern)) {
      const reference = referenceAt(page.index.pattern, node.value, match.index);
      if (reference && reference.kind !== 'unit' && reference.kind !== 'title') {
        resolveNumbered(reference, page, page.place(node, match.index, match[0].length));
      }
    }
  });
}

/** The task, section or part a reference names in the page's plan; a message when there is none or more than one. */
function resolveNumbered(reference: Extract<Reference, { number: number }>, page: Page, position: Position | undefined): NumberedTarget | undefined {
  const { kind } = reference;
  if (!page.plan) {
    report(
      page,
      'reference-without-plan',
      page.planId === undefined
        ? `Unexpected ${kind} reference \`${reference.text}\` on a page of no plan, expected it in a plan's 解读 (plans/<plan-id>.mdx)`
        : `Unexpected ${kind} reference \`${reference.text}\` in the 解读 of \`${page.planId}\`, which is no plan of the site`,
      position,
    );
    return undefined;
  }
  const found = page.plan[kind].get(reference.number) ?? [];
  if (found.length === 1) return found[0];
  if (found.length > 1) {
    report(
      page,
      'ambiguous-reference',
      `Unexpected \`${reference.text}\`, which names ${found.length} ${kind}s of \`${page.plan.plan.id}\` (its numbering restarts), expected one: link the one meant by hand`,
      position,
    );
    return undefined;
  }
  report(page, KIND_RULE[kind], `Unexpected ${kind} \`${reference.text}\`, expected ${expectedNumbers(page.plan, kind)}`, position);
  return undefined;
}

const TARGETS_OF = { task: 'tasks', section: 'sections', part: 'parts' } as const;

function expectedNumbers(plan: PlanIndex, kind: 'task' | 'section' | 'part'): string {
  const numbers = plan.plan[TARGETS_OF[kind]].map((t) => t.number);
  if (numbers.length === 0) return `no ${kind} reference: \`${plan.plan.id}\` has no ${kind}s`;
  const range = numbers.length === 1 ? numbers[0] : `${numbers[0]}–${numbers.at(-1)}`;
  return `one of the ${numbers.length} ${kind}s of \`${plan.plan.id}\` (${range})`;
}

function link(url: string, value: string, position: Position | undefined): Link {
  return {
    type: 'link',
    url,
    title: null,
    children: [{ type: 'text', value, ...(position ? { position } : {}) }],
    ...(position ? { position } : {}),
  };
}

/** `<Task n="12" />`, `<UnitTasks unit="县住建局" />`, `<PlanCounts />`: checked, and given the page's plan. */
function checkComponent(node: MdxJsxFlowElement | MdxJsxTextElement, name: PlanComponent, page: Page): void {
  const attributes = node.attributes.filter((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute');
  const attribute = (key: string) => {
    const found = attributes.find((a) => a.name === key);
    if (!found || found.value === null || found.value === undefined) return undefined;
    return typeof found.value === 'string' ? found.value : found.value.value.trim().replace(/^(['"])(.*)\1$/, '$2');
  };
  const position = node.position;
  const planId = attribute('plan') ?? page.planId;
  const plan = planId === undefined ? undefined : page.index.plans.get(planId);
  if (!plan) {
    report(
      page,
      'reference-without-plan',
      planId === undefined
        ? `Unexpected \`<${name}>\` on a page of no plan, expected it in a plan's 解读 or with \`plan="<plan-id>"\``
        : `Unexpected plan \`${planId}\` in \`<${name}>\`, expected one of the site's plans (${[...page.index.plans.keys()].join(', ') || 'none'})`,
      position,
    );
    return;
  }
  if (attribute('plan') === undefined) node.attributes.push({ type: 'mdxJsxAttribute', name: 'plan', value: plan.plan.id });
  const key = PLAN_COMPONENTS[name];
  if (key === undefined) return;
  const value = attribute(key);
  if (name === 'Task') {
    const number = value === undefined ? undefined : numberValue(value);
    const found = number === undefined ? [] : (plan.task.get(number) ?? []);
    if (found.length === 0) {
      report(
        page,
        'unknown-task-reference',
        value === undefined
          ? `Unexpected \`<Task>\` without \`n\`, expected \`<Task n="12" />\``
          : `Unexpected task \`${value}\` in \`<Task>\`, expected ${expectedNumbers(plan, 'task')}`,
        position,
      );
    } else if (found.length > 1) {
      report(
        page,
        'ambiguous-reference',
        `Unexpected \`<Task n="${value}">\`, which names ${found.length} tasks of \`${plan.plan.id}\`, expected one`,
        position,
      );
    }
  } else if (value === undefined || !page.index.units.has(value.trim())) {
    report(
      page,
      'unknown-unit-reference',
      value === undefined
        ? `Unexpected \`<UnitTasks>\` without \`unit\`, expected \`<UnitTasks unit="县住建局" />\``
        : `Unexpected unit \`${value}\` in \`<UnitTasks>\`, expected a unit's name or alias as content/units.yaml or the plans write it`,
      position,
    );
  }
}

/** Positions in the file for a piece of a text node (from its offset in the node's value). */
function placer(file: VFile) {
  const source = String(file.value ?? '');
  const where = location(source);
  return (node: Nodes, offset = 0, length?: number): Position | undefined => {
    const start = node.position?.start.offset;
    if (start === undefined || node.type !== 'text' || !source) return node.position;
    const end = node.position?.end.offset ?? source.length;
    const text = length === undefined ? node.value : node.value.slice(offset, offset + length);
    // The value is the source unless escapes or character references changed it; then look the piece up.
    let at = start + offset;
    if (source.slice(at, at + text.length) !== text) {
      const found = source.indexOf(text, start);
      at = found >= 0 && found < end ? found : start;
    }
    const from = where.toPoint(at);
    const to = where.toPoint(at + text.length);
    return from && to ? { start: from as Point, end: to as Point } : node.position;
  };
}
