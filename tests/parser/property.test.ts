/**
 * Random plans (fast-check): parts, sections and numbered tasks in every clause form, with markup,
 * template and formula text, odd Unicode and mixed line endings in their bodies, and stray
 * paragraphs between tasks. For every plan: no crash, a lossless tree, the same output twice,
 * every task number in the text is a task, and every stray paragraph is reported as
 * `unassigned-text` at its own line. PROPERTY_RUNS sets the number of plans (CI: 1000).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTree } from '../../src/lib/parse/index.ts';
import { parsePlan } from '../../src/lib/pipeline.ts';
import { UnitRegistry } from '../../src/lib/registry.ts';
import { PROPERTY_TIMEOUT } from '../support/timeouts.ts';

const UNITS = ['县住建局', '县水务局', '县财政局', '县应急管理局', '县市场监管局', '各镇政府', '县委办', '县公安局交警大队', '县发展和改革局'];
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax that a plan may hold, which must stay text.
  '${alert(1)}',
  '=HYPERLINK("http://example.com")',
  '+SUM(1)',
  '-1+2',
  '@cmd',
  "'; DROP TABLE x;--",
  '&amp;&lt;',
  '\u202e',
  '\u200b',
  '\ufeff',
  '𠀀',
  '\t',
];
const WORDS = [
  '开展',
  '安全生产',
  '专项整治',
  '隐患排查',
  '落实责任',
  '2024年6月底前完成',
  '年底前',
  '《安全生产法》',
  '(试行)',
  '“两个至上”',
  ',',
  '、',
  ';',
  ' ',
  '1.5亿元',
];
const CN = ' 一二三四五六七八九十';

const body = fc
  .tuple(
    fc.constantFrom('加强', '推进', '完善', '组织', '建立'),
    fc.array(
      fc.oneof(
        fc.constantFrom(...WORDS),
        fc.constantFrom(...HOSTILE),
        fc.string({ maxLength: 6 }).map((s) => s.replace(/[\r\n()()|]/g, '')),
      ),
      { maxLength: 8 },
    ),
  )
  .map(([head, rest]) => `${head}${rest.join('')}`);
const units = fc.uniqueArray(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 3 });

/** A task, and maybe a stray paragraph after it (prose: a ` > ` would make it a breadcrumb, which is page chrome). */
const task = fc.record({
  body,
  units,
  support: units,
  form: fc.integer({ min: 0, max: 4 }),
  stray: fc.option(
    body.map((b) => `说明${b.replace(/\s[>»›]\s/g, '')}。`),
    { freq: 3 },
  ),
});

const plan = fc.record({
  parts: fc.array(fc.array(fc.array(task, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
  sections: fc.boolean(),
  crlf: fc.boolean(),
});

interface Built {
  text: string;
  numbers: string[];
  strayLines: number[];
}

type PlanInput = typeof plan extends fc.Arbitrary<infer T> ? T : never;

function render(p: PlanInput): Built {
  const lines: string[] = ['江城县2024年安全生产工作要点', ''];
  const numbers: string[] = [];
  const strayLines: number[] = [];
  let n = 0;
  p.parts.forEach((sections, pi) => {
    lines.push(`${CN[pi + 1]}、第${CN[pi + 1]}方面工作`);
    sections.forEach((tasks, si) => {
      if (p.sections) lines.push(`(${CN[si + 1]})第${CN[si + 1]}项重点`);
      for (const t of tasks) {
        n++;
        numbers.push(String(n));
        const list = t.units.join('、');
        switch (t.form) {
          case 0:
            lines.push(`${n}.${t.body}。(责任单位:${list})`);
            break;
          case 1:
            lines.push(`${n}.${t.body}。(${t.units[0]}牵头,${t.support.join('、')}配合)`);
            break;
          case 2:
            lines.push(`${n}.${t.body}。`, `牵头单位:${t.units[0]}`, `配合单位:${t.support.join('、')}`);
            break;
          case 3:
            lines.push(`${n}.由${t.units[0]}负责,${t.support.join('、')}配合,${t.body}。`);
            break;
          default:
            lines.push(`${n}.${t.body}。(牵头单位:${t.units[0]};配合单位:${t.support.join('、')})`);
        }
        // A stray paragraph can only be told apart after a task whose text its clause closes.
        if (t.stray && t.form !== 3) {
          lines.push(t.stray);
          strayLines.push(lines.length);
        }
      }
    });
  });
  const eol = p.crlf ? '\r\n' : '\n';
  return { text: lines.join(eol) + eol, numbers, strayLines };
}

function leaves(node: { value?: unknown; children?: unknown[] }, out: string[] = []): string[] {
  if (typeof node.value === 'string') out.push(node.value);
  for (const child of node.children ?? []) leaves(child as typeof node, out);
  return out;
}

describe('random plans', () => {
  it(
    'parse without crashing, losslessly, deterministically, with every task and every stray paragraph found',
    () => {
      fc.assert(
        fc.property(plan, (p) => {
          const { text, numbers, strayLines } = render(p);
          const { tree } = buildTree(text, { year: 2024 });
          expect(leaves(tree as never).join('')).toBe(text);
          const parse = () =>
            parsePlan(new Uint8Array(Buffer.from(text)), { path: 'random.txt', registry: UnitRegistry.empty(), metadata: { year: 2024 } }).document;
          const doc = parse();
          expect(JSON.stringify(parse())).toBe(JSON.stringify(doc));
          const top = doc.tasks.filter((t) => !t.path.some((id) => id.startsWith('task-')));
          expect(top.map((t) => t.number)).toEqual(numbers);
          expect(top.every((t) => t.assignments.length > 0)).toBe(true);
          const reported = doc.diagnostics.filter((d) => d.ruleId === 'unassigned-text').map((d) => d.line);
          expect(reported).toEqual(strayLines);
          // Stray text stays out of the tasks.
          for (const t of doc.tasks) expect(t.text).not.toMatch(/^说明/m);
        }),
        { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
