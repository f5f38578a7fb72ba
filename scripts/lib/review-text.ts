/**
 * `plan review`: the 校对 page in a terminal. Each block's own text with what the parser took as
 * something in brackets — `[县住建局:牵头]`, `[2022年11月20日前:时限]`, `[《安全生产法》:文件]` — then the
 * units that stand (人工校正 where a correction set them), what corrections took away, the block's
 * problems with their place, and what a correction writes to name the task.
 */
import { taskTextHash, taskTextKey } from '../../src/lib/corrections.ts';
import { terminalSafe } from '../../src/lib/diagnostics.ts';
import { outlineIndex } from '../../src/lib/outline.ts';
import type { ParsedPlan } from '../../src/lib/pipeline.ts';
import type { ReviewMark } from '../../src/lib/review.ts';
import type { Diagnostic, Role } from '../../src/lib/schema.ts';

const ROLE: Record<Role, string> = { lead: '牵头', support: '配合', responsible: '责任' };
const KIND: Record<Exclude<ReviewMark['kind'], 'unit'>, string> = { deadline: '时限', reference: '文件', person: '人员' };

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  return starts;
}

/** The plan as the review page shows it, as lines of text. */
export function formatReview(parsed: ParsedPlan): string {
  const { document, sourceText } = parsed;
  const nodes = outlineIndex(document);
  const tasks = new Map(document.tasks.map((t) => [t.id, t]));
  const starts = lineStarts(sourceText);
  const offsetOf = (d: Diagnostic) => (starts[d.line - 1] ?? 0) + d.column - 1;
  const owner = new Map<Diagnostic, string>();
  const ranges = parsed.review.flatMap((b) => b.ranges.map(([s, e]) => ({ s, e, id: b.id })));
  for (const d of document.diagnostics) {
    const at = offsetOf(d);
    const r = ranges.find((x) => at >= x.s && at < x.e);
    if (r) owner.set(d, r.id);
  }
  const corrections = new Map<string, NonNullable<typeof document.corrections>>();
  for (const c of document.corrections ?? []) corrections.set(c.task, [...(corrections.get(c.task) ?? []), c]);

  const out: string[] = [`${document.title} · 校对 (${document.tasks.length} tasks)`, ''];
  const outside = document.diagnostics.filter((d) => !owner.has(d));
  for (const d of outside) out.push(`! ${d.line}:${d.column} ${d.severity} ${d.message} [${d.ruleId}]`);
  if (outside.length) out.push('');
  for (const block of parsed.review) {
    const node = nodes.get(block.id);
    const task = tasks.get(block.id);
    const text = block.ranges
      .map(([s, e]) => {
        let piece = '';
        let at = s;
        for (const m of block.marks) {
          if (m.start < s || m.end > e) continue;
          piece += sourceText.slice(at, m.start);
          const label = m.kind === 'unit' ? ROLE[m.role ?? 'responsible'] : KIND[m.kind];
          piece += `[${sourceText.slice(m.start, m.end)}:${label}]`;
          at = m.end;
        }
        return (piece + sourceText.slice(at, e)).replace(/\s+$/, '');
      })
      .join(' … ');
    const problems = document.diagnostics
      .filter((x) => owner.get(x) === block.id)
      .map((d) => terminalSafe(`  ! ${d.line}:${d.column} ${d.severity} ${d.message} [${d.ruleId}]`));
    if (!task) {
      out.push(terminalSafe(text), ...problems, '');
      continue;
    }
    const slug = task.id.replace(/^task-/, '');
    out.push(`任务 ${slug}  (line ${task.position.start.line})`);
    out.push(terminalSafe(`  ${text.replace(/\n/g, '\n  ')}`));
    const units = task.effectiveAssignments.map((a) => `${ROLE[a.role]} ${a.name}${a.origin === 'corrected' ? ' (人工校正)' : ''}`);
    const inherited = (node?.assignments.length ?? 0) === 0 && units.length > 0 ? ' (inherited)' : '';
    out.push(terminalSafe(`  → ${units.length ? units.join(' · ') : 'no units'}${inherited}`));
    for (const c of corrections.get(task.id) ?? []) {
      const removed = c.removed.map((r) => `${r.name} (${ROLE[r.role]})`).join(', ');
      out.push(terminalSafe(`  人工校正: ${c.note}${removed ? `; removed ${removed}` : ''} (${c.source})`));
    }
    out.push(...problems);
    out.push(terminalSafe(`  correction key: task: "${slug}"  text: ${taskTextKey(task.text)}  hash: ${taskTextHash(task.text).slice(0, 8)}`), '');
  }
  return out.join('\n');
}
