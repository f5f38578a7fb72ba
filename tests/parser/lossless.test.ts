/**
 * The parser is lossless: every character of the source lies in exactly one leaf, in order, and
 * each leaf's position points at its own slice. Held over the seed, every plan of every folder
 * under tests/fixtures/ and random edits of them (fast-check), which also shows the parser never
 * throws and is deterministic.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixturePlanFiles } from '../../scripts/lib/fixtures.ts';
import { buildTree, type PlanLeaf, type PlanRoot } from '../../src/lib/parse/index.ts';
import { readPlan } from '../../src/lib/read.ts';
import { HEAVY_TIMEOUT, PROPERTY_TIMEOUT } from '../support/timeouts.ts';

/** The text of a plan file in any format, as the pipeline reads it; a file that does not read fails. */
async function planText(path: string): Promise<string> {
  const bytes = new Uint8Array(readFileSync(path));
  const read = await readPlan(bytes, basename(path));
  if (!read.ok) throw new Error(`${path}: ${read.reason}`);
  return read.text;
}

const folders = fixturePlanFiles();
const corpus: string[] = [readFileSync('content/plans/2022-work-safety.txt', 'utf8')];
for (const files of folders.values()) for (const file of files) corpus.push(await planText(file));

function leaves(tree: PlanRoot): PlanLeaf[] {
  const out: PlanLeaf[] = [];
  const walk = (node: { children?: unknown[]; value?: unknown }) => {
    if (typeof node.value === 'string') out.push(node as PlanLeaf);
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(tree as unknown as { children: unknown[] });
  return out;
}

function checkLossless(source: string): void {
  const { tree } = buildTree(source, { year: 2024 });
  const all = leaves(tree);
  expect(all.map((l) => l.value).join('')).toBe(source);
  let offset = 0;
  for (const leaf of all) {
    expect(leaf.position.start.offset).toBe(offset);
    expect(source.slice(leaf.position.start.offset, leaf.position.end.offset)).toBe(leaf.value);
    offset = leaf.position.end.offset!;
  }
}

/** Pieces that stress the parser: markers, clauses, parentheses, tables, line endings. */
const PIECES = [
  '一、',
  '(一)',
  '(二)',
  '1.',
  '2、',
  '１．',
  '(1)',
  '（2）',
  '①',
  '★',
  '3 .',
  '\n',
  '\r\n',
  '\r',
  '|',
  ' |\n',
  '(',
  ')',
  '（',
  '）',
  '(责任单位:',
  '牵头单位:',
  '配合单位:',
  '县住建局',
  '各镇党委、政府',
  '牵头,',
  '配合)',
  '由县水务局负责,',
  '等部门',
  '。',
  ',',
  '、',
  '2024年6月底前',
  '年底前',
  '《安全生产法》',
  '序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |\n',
  '1\n',
  '分管领导:张三\n',
  '首页 > 政务公开\n',
  '\u3000',
  ' ',
  '牽頭',
  '各县(市、区)人民政府',
];

describe('lossless parse', () => {
  it('reads a plan from every fixture folder', () => {
    expect([...folders].filter(([, files]) => files.length === 0).map(([dir]) => dir)).toEqual([]);
    expect(folders.size).toBeGreaterThanOrEqual(5);
  });

  // Some 150 plans parsed in one test: seconds on an idle machine, several times that on a busy one.
  it(
    'rebuilds the seed and every fixture exactly',
    () => {
      expect(corpus.length).toBeGreaterThan(45);
      for (const text of corpus) checkLossless(text);
    },
    HEAVY_TIMEOUT,
  );

  it(
    'rebuilds random edits of them exactly, deterministically and without throwing',
    () => {
      const edit = fc.record({
        base: fc.integer({ min: 0, max: corpus.length - 1 }),
        edits: fc.array(
          fc.record({
            at: fc.double({ min: 0, max: 1, noNaN: true }),
            cut: fc.integer({ min: 0, max: 40 }),
            insert: fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 6 }),
          }),
          { maxLength: 8 },
        ),
      });
      fc.assert(
        fc.property(edit, ({ base, edits }) => {
          let text = corpus[base]!;
          for (const e of edits) {
            const at = Math.floor(e.at * text.length);
            text = text.slice(0, at) + e.insert.join('') + text.slice(at + e.cut);
          }
          checkLossless(text);
          expect(JSON.stringify(buildTree(text, { year: 2024 }))).toBe(JSON.stringify(buildTree(text, { year: 2024 })));
        }),
        { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
