/**
 * `unified().use(planParse)`: a unified parser plugin that reads a plan's text into a plan tree
 * (see tree.ts) and reports problems as VFile messages with a ruleId and a place.
 */
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { buildTree, type BuildOptions, type PlanRoot, type Problem } from './tree.ts';

export type { PlanRoot, PlanBlock, PlanLeaf, PlanPreamble, BlockData, Problem } from './tree.ts';
export { buildTree } from './tree.ts';

export const planParse: Plugin<[BuildOptions?], string, PlanRoot> = function (options) {
  this.parser = (document: string, file: VFile): PlanRoot => {
    const { tree, problems } = buildTree(document, options ?? {});
    for (const problem of problems) report(file, problem);
    return tree;
  };
};

/** Problems become messages: errors fatal, warnings not, infos with `fatal: undefined`. */
export function report(file: VFile, problem: Problem): void {
  const message = file.message(problem.reason, { place: problem.place, ruleId: problem.ruleId, source: 'plan' });
  if (problem.severity === 'error') message.fatal = true;
  else if (problem.severity === 'info') message.fatal = undefined;
  if (problem.cause !== undefined) message.cause = { offset: problem.cause };
}
