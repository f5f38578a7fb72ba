/**
 * The table of clause forms (src/lib/parse/forms.ts): every form has a fixture of its own in
 * tests/fixtures/forms/<form-id>/, the fixture's plan is read exactly (gold labels), and the form
 * is the one that read at least one of its clauses. Table shapes and structures have fixtures there
 * too (table-*, bare-line-tasks, pdf-residue, notice-attachments, unit-elision).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/lib/decode.ts';
import { CLAUSE_FORMS } from '../../src/lib/parse/forms.ts';
import { buildTree, type PlanLeaf } from '../../src/lib/parse/index.ts';
import { parsePlanBytes, parsePlanFile } from '../../src/lib/pipeline.ts';
import { readGold, score } from '../../scripts/lib/score.ts';

const ROOT = 'tests/fixtures/forms';

function clauseForms(dir: string): Set<string> {
  const decoded = decode(new Uint8Array(readFileSync(join(dir, 'input.txt'))));
  if (!decoded.ok) throw new Error(`${dir}: ${decoded.reason}`);
  const forms = new Set<string>();
  const walk = (node: { children?: unknown[]; type?: string; data?: unknown }) => {
    const clause = (node as PlanLeaf).data?.clause;
    if (node.type === 'clause' && clause) forms.add(clause.form);
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(buildTree(decoded.text, { year: 2025 }).tree as never);
  return forms;
}

describe('clause forms', () => {
  it('lists each form once, with a summary and an example', () => {
    const ids = CLAUSE_FORMS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const form of CLAUSE_FORMS) {
      expect(form.summary.length, form.id).toBeGreaterThan(10);
      expect(form.example, form.id).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  for (const form of CLAUSE_FORMS) {
    it(`${form.id} has a fixture that it reads`, () => {
      const dir = join(ROOT, form.id);
      expect(existsSync(join(dir, 'gold.json')), `${dir}/gold.json`).toBe(true);
      // Body forms (由A负责…) are read from a task's text, not as clause leaves of a line.
      if (form.scope !== 'body') expect([...clauseForms(dir)]).toContain(form.id);
    });
  }

  for (const name of readdirSync(ROOT)
    .filter((n) => existsSync(join(ROOT, n, 'gold.json')))
    .sort()) {
    it(`${name} is read exactly`, async () => {
      const dir = join(ROOT, name);
      // A layout as a file reader gets it (input.html, input.docx …) or as text.
      const input = readdirSync(dir).find((n) => n.startsWith('input.'))!;
      const parsed = await parsePlanFile(join(dir, input), { unitsPath: 'content/units.yaml' });
      const s = score(parsed.document, readGold(dir));
      expect(s.misses).toEqual([]);
      expect(s.partsOk && s.sectionsOk).toBe(true);
    });
  }

  it('gives a heading its own leading units, and its title without them or its bold markup', async () => {
    const parsed = await parsePlanFile(join(ROOT, 'headings-leads-label-lines', 'input.txt'), {});
    const part = parsed.document.outline[1]!;
    expect(part.title).toBe('提升景区品质');
    expect(part.assignments.map((a) => [a.mention, a.role])).toEqual([
      ['县文旅局', 'lead'],
      ['县住建局', 'lead'],
    ]);
    expect(parsed.document.outline[0]!.title).toBe('主要目标');
  });

  it('gives a task the unit of its nearest unit heading only', async () => {
    const text = ['桐江县2024年重点工作责任清单', '一、县教育局(2项)', '1.新建城区幼儿园2所。', '(一)县教育局基础教育股', '1.完成课后服务全覆盖。', ''].join(
      '\n',
    );
    const { document } = await parsePlanBytes(new TextEncoder().encode(text), { path: 'plan.txt' });
    expect(document.tasks.map((t) => t.assignments.map((a) => a.mention))).toEqual([['县教育局'], ['县教育局基础教育股']]);
  });
});
