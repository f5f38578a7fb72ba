/**
 * Reporting: `path:line:column: severity message [ruleId]`, as editors and CI read it, plus a
 * code frame (the line, and a `^` under the column) and the rule's hint from the rule registry.
 */
import { ruleOf } from './rules.ts';
import type { Diagnostic } from './schema.ts';

export interface FileDiagnostic extends Diagnostic {
  path: string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what terminalSafe replaces.
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Plan text shown in a terminal is data too: control characters (ESC sequences could rewrite the
 * screen) and bidirectional overrides (which reorder what is shown) are written as \u{…} escapes.
 */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
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
  for (const char of terminalSafe(before))
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  const shown = text.length > 160 ? text.slice(Math.max(0, column - 60), column + 60) : text;
  const offset = text.length > 160 ? Math.max(0, column - 60) : 0;
  if (offset > 0) {
    width = 0;
    for (const char of terminalSafe(text.slice(offset, column - 1)))
      width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  }
  return `${' '.repeat(gutter)} |\n${line} | ${terminalSafe(shown)}\n${' '.repeat(gutter)} | ${' '.repeat(width)}^`;
}

export interface ReportLine {
  level: 'info' | 'warn';
  message: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The counts of diagnostics by severity and rule, most frequent rule first:
 * "2 warnings (unknown-unit 1, number-gap 1), 1 info (unlabeled-units 1)". Warnings are always
 * counted ("0 warnings"); errors and infos only when there are some.
 */
export function diagnosticCounts(diagnostics: Pick<Diagnostic, 'severity' | 'ruleId'>[]): string {
  const parts: string[] = [];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const byRule = new Map<string, number>();
    for (const d of diagnostics) if (d.severity === severity) byRule.set(d.ruleId, (byRule.get(d.ruleId) ?? 0) + 1);
    const total = [...byRule.values()].reduce((n, c) => n + c, 0);
    if (total === 0 && severity !== 'warning') continue;
    const rules = [...byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([rule, n]) => `${rule} ${n}`);
    parts.push(total === 0 ? plural(0, severity) : `${plural(total, severity)} (${rules.join(', ')})`);
  }
  return parts.join(', ');
}

/**
 * What a build says about its content, after it loaded without errors: for each plan, its tasks
 * and the counts of its diagnostics by rule; then each file's warnings in the one-line form, at
 * most `perFile` of them (the diagnostics page and `plan check` list them all). Infos are counted,
 * not listed.
 */
export function contentReport(
  plans: { document: { source: { path: string }; tasks: unknown[] } }[],
  diagnostics: FileDiagnostic[],
  perFile = 20,
): ReportLine[] {
  const byFile = new Map<string, FileDiagnostic[]>(plans.map((p) => [p.document.source.path, []]));
  for (const d of diagnostics) byFile.set(d.path, [...(byFile.get(d.path) ?? []), d]);
  const tasks = new Map(plans.map((p) => [p.document.source.path, p.document.tasks.length]));
  const lines: ReportLine[] = [];
  for (const [path, list] of byFile) {
    const count = tasks.get(path);
    lines.push({ level: 'info', message: `${path}: ${count === undefined ? '' : `${plural(count, 'task')}, `}${diagnosticCounts(list)}` });
    const warnings = list.filter((d) => d.severity === 'warning');
    for (const d of warnings.slice(0, perFile)) lines.push({ level: 'warn', message: formatDiagnostic(d) });
    if (warnings.length > perFile)
      lines.push({
        level: 'info',
        message: `${path}: ${warnings.length - perFile} more warnings, on the plan's diagnostics page and in \`npm run --silent plan -- check\``,
      });
  }
  return lines;
}
