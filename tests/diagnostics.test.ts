/** What the CLI and the build print about a plan's diagnostics: counts by rule, warnings one per line. */
import { describe, expect, it } from 'vitest';
import { contentReport, diagnosticCounts, type FileDiagnostic } from '../src/lib/diagnostics.ts';

const at = (path: string, line: number, severity: FileDiagnostic['severity'], ruleId: string): FileDiagnostic => ({
  path,
  line,
  column: 1,
  severity,
  ruleId,
  message: `Unexpected thing on line ${line}`,
});
const plan = (path: string, tasks: number) => ({ document: { source: { path }, tasks: Array.from({ length: tasks }) } });

describe('diagnosticCounts', () => {
  it('counts by severity and rule, the most frequent rule first', () => {
    const list = [
      at('p', 1, 'warning', 'number-gap'),
      at('p', 2, 'warning', 'unknown-unit'),
      at('p', 3, 'warning', 'unknown-unit'),
      at('p', 4, 'info', 'unlabeled-units'),
    ];
    expect(diagnosticCounts(list)).toBe('3 warnings (unknown-unit 2, number-gap 1), 1 info (unlabeled-units 1)');
  });

  it('always says how many warnings there are', () => {
    expect(diagnosticCounts([])).toBe('0 warnings');
    expect(diagnosticCounts([at('p', 1, 'info', 'person-not-unit')])).toBe('0 warnings, 1 info (person-not-unit 1)');
    expect(diagnosticCounts([at('p', 1, 'error', 'no-tasks')])).toBe('1 error (no-tasks 1), 0 warnings');
  });
});

describe('contentReport', () => {
  it('gives each plan its tasks and counts, then its warnings, and counts other files too', () => {
    const diagnostics = [
      at('plans/a.txt', 3, 'warning', 'number-gap'),
      at('plans/a.txt', 5, 'info', 'unlabeled-units'),
      at('progress/b.csv', 2, 'warning', 'progress-bad-date'),
    ];
    expect(contentReport([plan('plans/a.txt', 30), plan('plans/b.txt', 1)], diagnostics)).toEqual([
      { level: 'info', message: 'plans/a.txt: 30 tasks, 1 warning (number-gap 1), 1 info (unlabeled-units 1)' },
      { level: 'warn', message: 'plans/a.txt:3:1: warning Unexpected thing on line 3 [number-gap]' },
      { level: 'info', message: 'plans/b.txt: 1 task, 0 warnings' },
      { level: 'info', message: 'progress/b.csv: 1 warning (progress-bad-date 1)' },
      { level: 'warn', message: 'progress/b.csv:2:1: warning Unexpected thing on line 2 [progress-bad-date]' },
    ]);
  });

  it('lists at most so many warnings of a file and says how many more there are', () => {
    const diagnostics = Array.from({ length: 25 }, (_, i) => at('plans/long.txt', i + 1, 'warning', 'unknown-unit'));
    const lines = contentReport([plan('plans/long.txt', 2000)], diagnostics, 20);
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(20);
    expect(lines.at(-1)!.message).toMatch(/^plans\/long\.txt: 5 more warnings, on the plan's diagnostics page/);
  });
});
