/**
 * Reporting: `path:line:column: severity message [ruleId]`, as editors and CI read it, plus a
 * code frame (the line, and a `^` under the column) and the rule's hint from the rule registry.
 */
import { ruleOf } from './rules.ts';
import type { Diagnostic } from './schema.ts';

export interface FileDiagnostic extends Diagnostic {
  path: string;
}

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
  const hint = ruleOf(d.ruleId)?.hint;
  if (hint) out.push(`  hint: ${hint}`);
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
