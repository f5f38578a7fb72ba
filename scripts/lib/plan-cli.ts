/**
 * The `plan` command:
 *   npm run --silent plan -- parse <file> [--units <units.yaml>]   → PlanDocument JSON on stdout
 *   npm run --silent plan -- check <file…> [--units <units.yaml>] [--frame|--no-frame]
 *     → path:line:column: severity message [ruleId]; on a terminal each line is followed by the
 *       source line with a ^ under the column and a hint (--frame forces that, --no-frame turns it
 *       off; pipes and CI get the one-line form, which is the contract).
 * Files are plans in any format they are published in (src/lib/read.ts): .txt (UTF-8, UTF-16 with BOM,
 * GB18030), .html, .pdf, .docx, .doc/.wps and .xlsx, recognised by their content. `check` of a plan in <content>/plans/
 * also checks its progress report, <content>/progress/<id>.csv or .xlsx.
 *   npm run --silent plan -- review <file> [--units <units.yaml>]
 *     → the 校对 page in the terminal: each task's text with its units in brackets and their role
 *       ([县住建局:牵头]), then the units that stand, corrections, problems and the correction key.
 * A plan in <content>/plans/ is read with its corrections, <content>/corrections/<id>.yaml, as the
 * site reads it (`--corrections <file>` names another file, `--no-corrections` reads the parser's
 * output alone); `check` reports what each correction did and the ones that no longer apply.
 * `check` exits 1 when any file has an error, 0 otherwise. Bad input never shows a stack trace.
 */
import { existsSync, readFileSync } from 'node:fs';
import { formatDiagnostic, formatWithFrame, type FileDiagnostic } from '../../src/lib/diagnostics.ts';
import { parsePlanFile, progressProblemsOf } from '../../src/lib/pipeline.ts';
import { RULES, type RuleId } from '../../src/lib/rules.ts';
import { formatReview } from './review-text.ts';

const USAGE = `Usage:
  npm run --silent plan -- parse <file> [--units <units.yaml>] [--corrections <file.yaml>|--no-corrections]
  npm run --silent plan -- check <file…> [--units <units.yaml>] [--corrections <file.yaml>|--no-corrections] [--frame|--no-frame]
  npm run --silent plan -- review <file> [--units <units.yaml>] [--corrections <file.yaml>|--no-corrections]
<file> is a plan as published: .txt, .html, .pdf, .docx, .doc, .wps or .xlsx (read by its content).`;

/** A problem with a whole file (it is missing), at 1:1 with its rule's severity. */
function fileProblem(path: string, ruleId: RuleId, message: string): FileDiagnostic {
  return { path, severity: RULES[ruleId].severity, ruleId, message, line: 1, column: 1 };
}

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const files: string[] = [];
  let unitsPath: string | undefined;
  let corrections: string | false | undefined;
  // Code frames for a person at a terminal; the one-line contract for pipes and CI.
  let frame = Boolean(process.stdout.isTTY) && !process.env.CI;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--units') {
      unitsPath = rest[++i];
      if (!unitsPath) fail(`Missing path after --units\n${USAGE}`);
      if (!existsSync(unitsPath)) fail(formatDiagnostic(fileProblem(unitsPath, 'bad-registry', 'Cannot read the unit registry: no such file')), 1);
    } else if (arg === '--corrections') {
      corrections = rest[++i];
      if (!corrections) fail(`Missing path after --corrections\n${USAGE}`);
      if (!existsSync(corrections)) fail(formatDiagnostic(fileProblem(corrections, 'bad-corrections', 'Cannot read the corrections file: no such file')), 1);
    } else if (arg === '--no-corrections') corrections = false;
    else if (arg === '--frame') frame = true;
    else if (arg === '--no-frame') frame = false;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (arg.startsWith('--')) fail(`Unknown option ${arg}\n${USAGE}`);
    else files.push(arg);
  }
  if (command !== 'parse' && command !== 'check' && command !== 'review') fail(USAGE);
  if (files.length === 0) fail(`Missing <file>\n${USAGE}`);
  if (command !== 'check' && files.length > 1) fail(`${command} takes one file\n${USAGE}`);

  let failed = false;
  for (const path of files) {
    if (!existsSync(path)) {
      process.stdout.write(`${formatDiagnostic(fileProblem(path, 'unreadable', 'Cannot read the file: no such file'))}\n`);
      failed = true;
      continue;
    }
    const parsed = await parsePlanFile(path, {
      ...(unitsPath ? { unitsPath } : {}),
      ...(corrections !== undefined ? { corrections } : {}),
      review: command === 'review',
    });
    const diagnostics: FileDiagnostic[] = [
      ...parsed.problems,
      ...parsed.document.diagnostics.map((d) => ({ ...d, path })),
      ...(parsed.corrections?.diagnostics ?? []),
    ];
    if (command === 'parse') {
      const problems = [...parsed.problems, ...(parsed.corrections?.diagnostics ?? []).filter((d) => d.severity !== 'info')];
      if (problems.length > 0) process.stderr.write(`${problems.map(formatDiagnostic).join('\n')}\n`);
      process.stdout.write(`${JSON.stringify(parsed.document, null, 2)}\n`);
      return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
    }
    if (command === 'review') {
      for (const problem of diagnostics.filter((d) => d.severity === 'error')) process.stderr.write(`${formatDiagnostic(problem)}\n`);
      process.stdout.write(`${formatReview(parsed)}\n`);
      return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
    }
    diagnostics.push(...(await progressProblemsOf(path, parsed, unitsPath)));
    // One write for all the lines: a plan can have tens of thousands of warnings, and a write per
    // line costs more than formatting them.
    const sources = new Map<string, string>([[path, parsed.sourceText]]);
    const sourceOf = (file: string) => {
      let text = sources.get(file);
      if (text === undefined) {
        text = existsSync(file) ? readFileSync(file, 'utf8') : '';
        sources.set(file, text);
      }
      return text;
    };
    const lines = diagnostics.map((d) => (frame ? formatWithFrame(d, sourceOf(d.path)) : formatDiagnostic(d)));
    if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
    if (diagnostics.some((d) => d.severity === 'error')) failed = true;
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A failure of the tool itself, not of the input: say so in one line.
    process.stderr.write(`plan: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
