/**
 * The plan parser as unified plugins: `planParse` reads a plan's text into blocks (blocks.ts), each
 * transform of transforms/index.ts is a unified transformer, and `planReport` turns the problems
 * they collected into VFile messages with a ruleId and a place. `planProcessor()` is all of them in
 * order; `buildTree()` runs the same stages without a VFile (tests, tools).
 */
import { planMessage } from '../message.ts';
import { unified, type Plugin, type Processor } from 'unified';
import type { VFile } from 'vfile';
import { readBlocks } from './blocks.ts';
import { TRANSFORMS, type PlanTransform } from './transforms/index.ts';
import { stateOf, setState, type BuildOptions, type PlanRoot, type Problem } from './tree.ts';

export type { PlanRoot, PlanBlock, PlanLeaf, PlanPreamble, BlockData, Problem, BuildOptions } from './tree.ts';
export { TRANSFORMS } from './transforms/index.ts';

export const planParse: Plugin<[BuildOptions?], string, PlanRoot> = function (options) {
  this.parser = (document: string): PlanRoot => {
    const { tree, state } = readBlocks(document, options ?? {});
    setState(tree, state);
    return tree;
  };
};

/**
 * One transform as a unified plugin. Each gets an attacher of its own: unified uses an attacher
 * once, so one shared attacher would run only the last transform.
 */
export function planTransform(transform: PlanTransform): Plugin<[], PlanRoot, PlanRoot> {
  return () => (tree: PlanRoot) => {
    transform.run(tree);
  };
}

/** The problems the stages collected become messages of the file. */
export const planReport: Plugin<[], PlanRoot, PlanRoot> = () => (tree: PlanRoot, file: VFile) => {
  for (const problem of placedProblems(tree)) report(file, problem);
};

export function planProcessor(options: BuildOptions = {}): Processor<PlanRoot, PlanRoot, PlanRoot> {
  let processor = unified().use(planParse, options) as unknown as Processor<PlanRoot, PlanRoot, PlanRoot>;
  for (const transform of TRANSFORMS) processor = processor.use(planTransform(transform)) as typeof processor;
  return processor.use(planReport) as typeof processor;
}

/** Source text → the finished tree and its problems, every stage in order. */
export function buildTree(source: string, options: BuildOptions = {}): { tree: PlanRoot; problems: Problem[] } {
  const { tree, state } = readBlocks(source, options);
  setState(tree, state);
  for (const transform of TRANSFORMS) transform.run(tree);
  return { tree, problems: placedProblems(tree) };
}

function placedProblems(tree: PlanRoot): Problem[] {
  const { problems, locator } = stateOf(tree);
  for (const problem of problems) problem.place = { start: locator.point(problem.start), end: locator.point(problem.end) };
  return problems;
}

/** Problems become messages: errors fatal, warnings not, infos with `fatal: undefined`. */
export function report(file: VFile, problem: Problem): void {
  const message = planMessage(file, problem.reason, { place: problem.place, ruleId: problem.ruleId, source: 'plan' });
  if (problem.severity === 'error') message.fatal = true;
  else if (problem.severity === 'info') message.fatal = undefined;
  if (problem.cause !== undefined) message.cause = { offset: problem.cause };
}
