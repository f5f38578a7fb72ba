/**
 * The rule registry (src/lib/rules.ts) is the one table of rules: the schema, the CLI's hints and
 * the diagnostics page derive from it, and every rule in it is reported, with its severity, by a
 * content folder made to break each of them.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { formatWithFrame } from '../src/lib/diagnostics.ts';
import { type LoadedContent, loadContent, planIdFromPath } from '../src/lib/pipeline.ts';
import remarkPlanLinks from '../src/lib/remark/plan-links.ts';
import { RULE_IDS, RULES, type RuleId, isRuleId, ruleOf } from '../src/lib/rules.ts';
import { RuleIdSchema } from '../src/lib/schema.ts';
import { ruleText } from '../src/site/diagnostics.ts';
import { planLinkTargets } from '../src/site/plan-links.ts';
import { HEAVY_TIMEOUT } from './support/timeouts.ts';

const CJK = /[\u4e00-\u9fff]/;

describe('the rule registry', () => {
  it('gives every rule a severity, an English hint and a Chinese explanation', () => {
    for (const id of RULE_IDS) {
      const rule = RULES[id];
      expect(['error', 'warning', 'info'], id).toContain(rule.severity);
      expect(rule.hint, id).toMatch(/^[A-Z].*\.$/);
      expect(rule.text, id).toMatch(CJK);
    }
  });

  it('is the list of rule ids the schema accepts', () => {
    expect(RuleIdSchema.options).toEqual(RULE_IDS);
    expect(RULE_IDS.every(isRuleId)).toBe(true);
    expect(isRuleId('toString')).toBe(false);
    expect(ruleOf('no-such-rule')).toBeUndefined();
  });

  it('gives the diagnostics page and the code frame their words', () => {
    for (const id of RULE_IDS) expect(ruleText(id)).toBe(RULES[id].text);
    const framed = formatWithFrame(
      { path: 'p.txt', severity: 'warning', ruleId: 'number-gap', message: 'Unexpected task number 5, expected 3', line: 1, column: 1 },
      '5.任务\n',
    );
    expect(framed.split('\n').at(-1)).toBe(`  hint: ${RULES['number-gap'].hint}`);
  });
});

/** Rules only the `plan` command reports (a path that does not exist): tests/parser/cli.test.ts. */
const CLI_ONLY: RuleId[] = ['unreadable'];

/** A content folder with one file or row that breaks each rule. */
function brokenContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-rules-'));
  const files: Record<string, string | Uint8Array> = {
    // A registry entry without its required `kind`.
    'units.yaml': '- name: 县住房和城乡建设局\n  short: 县住建局\n  slug: zhujian\n',
    'plans/a-empty.txt': '',
    'plans/a-png.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    'plans/a-noise.txt': new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256)),
    'plans/a-prose.txt': '这是一段没有任何编号任务的说明文字。\n',
    'plans/b-twin.txt': '1.甲任务。(责任单位:县住建局)\n',
    'plans/b-twin.docx': 'not read: the plan has two files',
    'plans/c-main.txt': [
      '一、总体任务',
      '1.甲任务。(责任单位:县住建局、分管副县长)',
      '2.乙任务。(县水务局、县财政局)',
      '2.丙任务。(责任单位:县财政局)',
      '5.丁任务。(责任单位:县审计局',
      '混进来的一段话。',
      '6.戊任务。',
      // A piece that reads like a name but has no usual ending, and one that is no name.
      '7.己任务。(责任单位:县水务、★★)',
      '',
    ].join('\n'),
    'plans/d-meta.txt': '1.甲任务。(责任单位:县住建局)\n',
    // A 落款 dated a day February does not have (plan-date-unreadable); the plans above give no date at all (plan-date-missing).
    'plans/d-misdated.txt': [
      '某县安全生产委员会办公室关于印发工作要点的通知',
      '现将工作要点印发给你们。',
      '某县安全生产委员会办公室',
      '2022年2月30日',
      '1.甲任务。(责任单位:县住建局)',
      '',
    ].join('\n'),
    'plans/d-meta.yaml': 'year: 二〇二二\n',
    // A site address that is no web address.
    'site.yaml': 'name: 某县任务台账\nsite: ftp://example.org/\n',
    'plans/e-columns.txt': '1.甲任务。(责任单位:县住建局)\n',
    'plans/f-workbook.txt': '1.甲任务。(责任单位:县住建局)\n',
    'progress/c-main.csv': [
      '序号,填报单位,报告日期,状态,进展情况',
      '99,县住建局,2024-06-30,推进中,无此任务',
      '1,县不存在局,2024-06-30,推进中,无此单位',
      '1,县住建局,2024-02-30,推进中,无此日期',
      '1,县住建局,2024-06-30,70%,百分比',
      '2,县住建局,2024-06-30,推进中,不承担此任务',
      '',
    ].join('\n'),
    // Corrections: one that applies, one of a task the plan lacks, one without its note, and a file of no plan.
    'corrections/c-main.yaml': [
      '- task: "1"',
      '  text: 甲任务',
      '  note: 原文漏列配合单位',
      '  add: [{ unit: 县财政局, role: support }]',
      '- task: "99"',
      '  text: 无此任务',
      '  note: 已删除',
      '  remove: [县住建局]',
      '- task: "7"',
      '  text: 己任务',
      '  add: [{ unit: 县水务局, role: support }]',
      '',
    ].join('\n'),
    'corrections/z-no-plan.yaml': '[]\n',
    'progress/e-columns.csv': '序号,单位,进展情况\n1,县住建局,好\n',
    'progress/f-workbook.xlsx': 'not a workbook',
    'progress/g-no-plan.csv': '序号,报告日期,状态\n1,2024-06-30,推进中\n',
    // A 解读 that cites what its plan lacks (task 2 is there twice), and one of no plan.
    'plans/c-main.mdx': '---\ntitle: 解读\ndescription: 说明\n---\n\n任务99、第(九)部分和任务2。\n\n<UnitTasks unit="县不存在局" />\n',
    'plans/h-orphan.mdx': '---\ntitle: 解读\ndescription: 说明\n---\n\n没有同名的方案。\n',
    // A site-wide page that cites a task.
    'pages/notes.mdx': '---\ntitle: 说明\ndescription: 说明\n---\n\n见任务1。\n',
    // Files of other formats: a Word 97 file named .pdf, a PDF with a password, a scan, and a .doc
    // read without LibreOffice (SOFFICE is emptied below).
    'plans/h-renamed.pdf': readFileSync('tests/fixtures/files/bad/renamed-doc.pdf'),
    'plans/h-encrypted.pdf': readFileSync('tests/fixtures/files/bad/encrypted.pdf'),
    'plans/h-scan.pdf': readFileSync('tests/fixtures/files/bad/scanned.pdf'),
    'plans/h-old.doc': readFileSync('tests/fixtures/files/plans/table-word97.doc'),
  };
  for (const [name, bytes] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
  return dir;
}

/** What the MDX link plugin reports on the folder's pages and 解读, as a build runs it. */
async function pageMessages(dir: string, content: LoadedContent): Promise<{ ruleId: string; severity: string }[]> {
  const targets = planLinkTargets(content, '/');
  const files = ['plans', 'pages'].flatMap((sub) =>
    readdirSync(join(dir, sub))
      .filter((n) => n.endsWith('.mdx'))
      .map((n) => join(dir, sub, n)),
  );
  const messages: { ruleId: string; severity: string }[] = [];
  for (const path of files) {
    const file = new VFile({ path, value: readFileSync(path, 'utf8') });
    const planOf = () => (dirname(path).endsWith('plans') ? planIdFromPath(path) : undefined);
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkPlanLinks, { targets, planOf });
    await processor.run(processor.parse(file), file);
    for (const m of file.messages) messages.push({ ruleId: m.ruleId ?? '', severity: m.fatal === false ? 'warning' : 'info' });
  }
  return messages;
}

// Each rule's content folder is loaded and parsed in turn (a .doc through LibreOffice among them).
describe('every rule', { timeout: HEAVY_TIMEOUT }, () => {
  const dir = brokenContent();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is reported by the content made to break it, with its severity', async () => {
    const soffice = process.env.SOFFICE;
    process.env.SOFFICE = '';
    const content = await loadContent(dir).finally(() => {
      if (soffice === undefined) delete process.env.SOFFICE;
      else process.env.SOFFICE = soffice;
    });
    const reported = new Map<string, Set<string>>();
    for (const d of [...content.diagnostics, ...(await pageMessages(dir, content))])
      reported.set(d.ruleId, (reported.get(d.ruleId) ?? new Set()).add(d.severity));
    const unknown = [...reported.keys()].filter((id) => !isRuleId(id));
    expect(unknown).toEqual([]);
    for (const [id, severities] of reported) expect([...severities], id).toEqual([ruleOf(id)!.severity]);
    const missing = RULE_IDS.filter((id) => !CLI_ONLY.includes(id) && !reported.has(id));
    expect(missing).toEqual([]);
  });
});
