/**
 * The plan-links remark plugin on fixtures, as the unified collective tests its plugins: one folder
 * per case under tests/remark/fixtures/plan-links with `input.md` (or `input.mdx`, read with remark-mdx),
 * an optional `config.json` (`plan`: the page's plan) and the pinned results, `output.md` (the tree
 * written back as Markdown) and `messages.txt` (`line:column-line:column severity ruleId`, one a
 * message). The targets all cases link to are `targets.json`, written by hand.
 * `UPDATE=1 npm test` rewrites the pinned files after a deliberate change; a missing one is written
 * on a developer's machine and fails under CI. Review their diff before committing them.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkPlanLinks, * as planLinks from '../../src/lib/remark/plan-links.ts';
import type { LinkTargets } from '../../src/lib/remark/plan-links.ts';
import { RULES } from '../../src/lib/rules.ts';

const FIXTURES = 'tests/remark/fixtures/plan-links';
const targets = JSON.parse(readFileSync(join(FIXTURES, 'targets.json'), 'utf8')) as LinkTargets;
const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

async function run(input: string, options: { mdx?: boolean; plan?: string; targets?: LinkTargets | (() => Promise<LinkTargets>) } = {}) {
  const processor = unified().use(remarkParse);
  if (options.mdx) processor.use(remarkMdx);
  processor.use(remarkPlanLinks, { targets: options.targets ?? targets, planOf: () => options.plan }).use(remarkStringify);
  const file = new VFile({ path: options.mdx ? 'input.mdx' : 'input.md', value: input });
  const output = String(await processor.process(file));
  const messages = file.messages.map(
    (m) =>
      `${m.place && 'start' in m.place ? `${m.place.start.line}:${m.place.start.column}-${m.place.end.line}:${m.place.end.column}` : '?'} ${m.fatal === false ? 'warning' : 'info'} ${m.ruleId}`,
  );
  return { output, messages, file };
}

/** The pinned file, compared; written where it is missing (not under CI) or under UPDATE. */
function pinned(path: string, actual: string): void {
  const exists = existsSync(path);
  if (!exists && process.env.CI && !process.env.UPDATE) expect.fail(`${path} is missing: run UPDATE=1 npm test, review it and commit it`);
  if (process.env.UPDATE || !exists) writeFileSync(path, actual);
  expect(actual, path).toBe(readFileSync(path, 'utf8'));
}

describe('remarkPlanLinks', () => {
  it('exposes the plugin as its default export, with the names of its components', () => {
    expect(Object.keys(planLinks).sort()).toEqual(['PLAN_COMPONENTS', 'default']);
    expect(Object.keys(planLinks.PLAN_COMPONENTS)).toEqual(['Task', 'UnitTasks', 'PlanCounts']);
  });

  it('takes its targets from a function, called once for all files', async () => {
    let calls = 0;
    const lazy = async () => {
      calls++;
      return targets;
    };
    const processor = unified()
      .use(remarkParse)
      .use(remarkPlanLinks, { targets: lazy, planOf: () => 'demo' })
      .use(remarkStringify);
    const outputs = await Promise.all(['任务1。', '任务2。'].map(async (value) => String(await processor.process(value))));
    expect(outputs).toEqual(['[任务1](/demo/tasks/1/)。\n', '[任务2](/demo/tasks/2/)。\n']);
    expect(calls).toBe(1);
  });

  it('reports every message with a rule of the registry, at the place of the reference', async () => {
    const { messages, file } = await run('第一段。\n\n第二段有任务99。\n', { plan: 'demo' });
    expect(messages).toEqual(['3:5-3:9 warning unknown-task-reference']);
    const [message] = file.messages;
    expect(message).toMatchObject({ ruleId: 'unknown-task-reference', source: 'plan-links', line: 3, column: 5 });
    expect(message!.reason).toMatch(/^Unexpected task `任务99`, expected one of the 12 tasks of `demo` \(1–12\)$/);
    expect(RULES['unknown-task-reference'].stage).toBe('pages');
  });
});

describe('fixtures', () => {
  it('has the cases the plugin is specified by', () => {
    expect(cases).toEqual(expect.arrayContaining(['units', 'tasks', 'missing', 'no-plan', 'restarted', 'components', 'escapes']));
  });

  for (const name of cases) {
    it(name, async () => {
      const dir = join(FIXTURES, name);
      const mdx = existsSync(join(dir, 'input.mdx'));
      const input = readFileSync(join(dir, mdx ? 'input.mdx' : 'input.md'), 'utf8');
      const config = existsSync(join(dir, 'config.json')) ? (JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { plan?: string }) : {};
      const { output, messages } = await run(input, { mdx, ...(config.plan ? { plan: config.plan } : {}) });
      pinned(join(dir, 'output.md'), output);
      pinned(join(dir, 'messages.txt'), messages.map((m) => `${m}\n`).join(''));
    });
  }
});
