/**
 * Reporting: `path:line:column: severity message [ruleId]`, as editors and CI read it, plus a
 * code frame (the line, and a `^` under the column) and a hint for each rule.
 */
import type { Diagnostic } from './schema.ts';

export interface FileDiagnostic extends Diagnostic {
  path: string;
}

export const HINTS: Record<string, string> = {
  undecodable: 'Save the plan as UTF-8 text (in WPS/Word: 另存为 → 纯文本 → UTF-8).',
  'empty-file': 'The file holds no text: check that the right file was saved.',
  'unsupported-format': 'Save the plan as a Word document (.docx) or as plain text (.txt); in Word or WPS: 另存为 → Word 文档 (*.docx).',
  'no-tasks': 'Number the tasks as the plan does (1. / 1、 / (一)) or paste the 任务分工 table with its header row.',
  'duplicate-number': 'Two tasks share a number: renumber one of them, or check for a missing line break.',
  'number-gap': 'A number is skipped or out of order: check for a missing task or a typo in the number.',
  'task-without-units': 'Add the responsible units after the task, e.g. (责任单位:县住建局).',
  'unknown-unit': 'Add the unit to content/units.yaml (name, short, slug, kind) so it gets its canonical name.',
  'unclosed-clause': 'Close the parenthesis of the responsibility clause.',
  'unlabeled-units': 'Write the label (责任单位:…) if these are the responsible units.',
  'person-not-unit': 'People (分管领导) are not listed as units; name the department instead.',
  'bad-metadata': 'Fix the plan metadata file (title, year, issuer, date, source, asOf).',
  'bad-registry': 'Fix content/units.yaml at this place.',
  'unassigned-text': 'This text is in no task: move it into the task it belongs to (or number it as a task), or delete it.',
};

/**
 * Plan text shown in a terminal is data too: control characters (ESC sequences could rewrite the
 * screen) and bidirectional overrides (which reorder what is shown) are written as \u{…} escapes.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

export function formatDiagnostic(d: FileDiagnostic): string {
  return terminalSafe(`${d.path}:${d.line}:${d.column}: ${d.severity} ${d.message.replace(/\r?\n/g, ' ')} [${d.ruleId}]`);
}

/**
 * A diagnostic for a person at a terminal: the one-line form, then the source line with a `^`
 * under the column, then the rule's hint. `source` is the decoded text of the file ('' if none).
 */
export function formatWithFrame(d: FileDiagnostic, source: string): string {
  const out = [formatDiagnostic(d)];
  const frame = source ? codeFrame(source, d.line, d.column) : '';
  if (frame) out.push(terminalSafe(frame));
  if (HINTS[d.ruleId]) out.push(`  hint: ${HINTS[d.ruleId]}`);
  return out.join('\n');
}

/** The line of the source with a `^` under the column (columns count UTF-16 code units; CJK is wide). */
export function codeFrame(source: string, line: number, column: number): string {
  const lines = source.split(/\r\n|\r|\n/);
  const text = lines[line - 1];
  if (text === undefined) return '';
  const gutter = String(line).length;
  const before = text.slice(0, Math.max(0, column - 1));
  // East Asian wide characters take two terminal cells.
  let width = 0;
  for (const char of terminalSafe(before)) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  const shown = text.length > 160 ? text.slice(Math.max(0, column - 60), column + 60) : text;
  const offset = text.length > 160 ? Math.max(0, column - 60) : 0;
  if (offset > 0) {
    width = 0;
    for (const char of terminalSafe(text.slice(offset, column - 1))) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  }
  return `${' '.repeat(gutter)} |\n${line} | ${terminalSafe(shown)}\n${' '.repeat(gutter)} | ${' '.repeat(width)}^`;
}
