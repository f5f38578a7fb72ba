/**
 * The whole pipeline for one plan file or a content folder:
 * bytes → decode → parse (unified + planParse) → resolve units → PlanDocument (Zod-validated).
 * Nothing here imports Astro: the site, the CLI and the tests share it.
 */
import { append } from './append.ts';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { VFile } from 'vfile';
import { LineCounter, parseDocument } from 'yaml';
import { applyCorrections, type CorrectionsFile, readCorrections } from './corrections.ts';
import { decode } from './decode.ts';
import { type ReviewBlock, reviewIndex } from './review.ts';
import { fromDecoded, readPlan, type ReadResult } from './read.ts';
import { formatDiagnostic, type FileDiagnostic } from './diagnostics.ts';
import { RULES, type RuleId } from './rules.ts';
import { buildDocument, diagnosticsOf } from './model.ts';
import { type Issuance, readDate, readIssuance } from './issuance.ts';
import { planMessage } from './message.ts';
import { planProcessor, type PlanRoot } from './parse/index.ts';
import { yearFromText } from './parse/classify.ts';
import { UnitRegistry } from './registry.ts';
import { ProgressMetadataSchema, readProgress, resolveAsOf, type ProgressMetadata, type ProgressReport } from './progress.ts';
import { type AppliedCorrection, PlanMetadataSchema, SiteConfigSchema, type PlanDocument, type PlanMetadata, type SiteConfig, type Unit } from './schema.ts';

export interface ParsedPlan {
  document: PlanDocument;
  /** The decoded text ('' when it could not be decoded). */
  sourceText: string;
  tree?: PlanRoot;
  /** What its corrections file did, when it has one (content/corrections/<plan-id>.yaml). */
  corrections?: LoadedCorrections;
  /** What the 校对 page marks in each block (empty when the file could not be read). */
  review: ReviewBlock[];
}

export interface LoadedCorrections {
  /** The corrections file, as shown in diagnostics. */
  file: string;
  applied: AppliedCorrection[];
  /** Problems of the file: `bad-corrections` (entries left out) and `stale-correction`. */
  diagnostics: FileDiagnostic[];
}

export interface ParseOptions {
  /** Shown in diagnostics and kept in `source.path`. */
  path: string;
  id?: string;
  registry?: UnitRegistry;
  metadata?: PlanMetadata;
  /** Applied after parsing, with the plan's registry. */
  corrections?: CorrectionsFile;
  /** Whether to index what the 校对 page marks (default true); `plan check` and `plan parse` need not. */
  review?: boolean;
}

export function planIdFromPath(path: string): string {
  const id = basename(path)
    .replace(/\.[^.]+$/, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id || 'plan';
}

/** A text plan (any encoding decode() reads). Other formats need the asynchronous parsePlanBytes. */
export function parsePlan(bytes: Uint8Array, options: ParseOptions): ParsedPlan {
  return parseRead(bytes, fromDecoded(decode(bytes)), options);
}

/**
 * A plan in any format it is published in (text, HTML, PDF, Word .docx/.doc/.wps, Excel .xlsx),
 * recognised by its content (src/lib/read.ts). Diagnostics keep the line and column of the text
 * that was read, and name the place in the file as well: `(PDF: page 3, line 7)`.
 */
export async function parsePlanBytes(bytes: Uint8Array, options: ParseOptions): Promise<ParsedPlan> {
  return parseRead(bytes, await readPlan(bytes, basename(options.path)), options);
}

function parseRead(bytes: Uint8Array, read: ReadResult, options: ParseOptions): ParsedPlan {
  const id = options.id ?? planIdFromPath(options.path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const registry = options.registry ?? UnitRegistry.empty();
  const metadata = options.metadata ?? {};
  if (!read.ok) {
    const file = new VFile({ path: options.path });
    const message = file.message(read.reason, { place: { line: 1, column: 1 }, ruleId: read.ruleId, source: 'plan' });
    message.fatal = true;
    const document: PlanDocument = {
      id,
      title: metadata.title ?? id,
      ...(metadata.year !== undefined ? { year: metadata.year } : {}),
      ...issuanceOf({}, metadata),
      source: { path: options.path, sha256, encoding: 'unknown' },
      preamble: '',
      outline: [],
      tasks: [],
      units: [],
      diagnostics: diagnosticsOf(file),
    };
    return { document, sourceText: '', review: [] };
  }
  const text = read.text;
  const year = metadata.year ?? yearFromText(text);
  const file = new VFile({ path: options.path, value: text });
  const processor = planProcessor({ ...(year !== undefined ? { year } : {}), knownUnits: registry.spellings() });
  const tree = processor.runSync(processor.parse(file), file);
  for (const note of read.notes ?? []) {
    const message = file.message(note.reason, { place: { line: 1, column: 1 }, ruleId: note.ruleId, source: 'plan' });
    const severity = RULES[note.ruleId].severity;
    message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
  }
  const issuance = issuanceOf(
    readIssuance(
      text,
      tree.children
        // The plan's parts and tasks, and text outside them; not the closing hoisted after them (chrome and its line breaks).
        .filter((c) => c.type !== 'preamble' && c.type !== 'chrome' && c.type !== 'blank' && c.type !== 'break')
        .map((c) => ({ start: c.position!.start.line, end: c.position!.end.line })),
    ),
    metadata,
    file,
  );
  const document = buildDocument({
    id,
    tree,
    file,
    registry,
    source: { path: options.path, sha256, encoding: read.encoding, format: read.format },
    ...(metadata.title ? { title: metadata.title } : {}),
    ...(year !== undefined ? { year } : {}),
    ...issuance,
  });
  if (read.place) {
    // Lines of the text read from a file mean little in the file itself: say where it is there.
    for (const d of document.diagnostics) {
      const place = read.place(d.line, d.column);
      if (place) d.message = `${d.message} (${place})`;
    }
  }
  // Before corrections: the marks say what the parser read; the pages compare them with what stands.
  const review = options.review === false ? [] : reviewIndex(tree, registry);
  let corrections: LoadedCorrections | undefined;
  if (options.corrections) {
    const result = applyCorrections(document, options.corrections, registry);
    corrections = { file: options.corrections.path, applied: result.applied, diagnostics: result.diagnostics };
  }
  // The document is built to the contract (tests/parser/contract.test.ts checks every fixture
  // against PlanDocumentSchema); a 3 MB plan is not validated again on every run.
  return { document, sourceText: text, tree, review, ...(corrections ? { corrections } : {}) };
}

/**
 * The plan's issuer, date and 文号: the metadata file's where it sets them, else the text's, each
 * with where it came from. Without a date the file gets `plan-date-unreadable` (a date written
 * that names no day) or `plan-date-missing`.
 */
function issuanceOf(read: Issuance, metadata: PlanMetadata, file?: VFile): Pick<PlanDocument, 'issuer' | 'date' | 'docNumber' | 'provenance'> {
  const out: Pick<PlanDocument, 'issuer' | 'date' | 'docNumber'> = {};
  const provenance: NonNullable<PlanDocument['provenance']> = {};
  const metaDate = metadata.date === undefined ? undefined : metadata.date instanceof Date ? metadata.date.toISOString().slice(0, 10) : readDate(metadata.date);
  const fromMetadata = {
    issuer: metadata.issuer,
    date: typeof metaDate === 'string' ? metaDate : metaDate && 'date' in metaDate ? metaDate.date : undefined,
    docNumber: metadata.docNumber,
  };
  for (const key of ['issuer', 'date', 'docNumber'] as const) {
    const own = fromMetadata[key];
    const found = read[key];
    if (own) {
      out[key] = own;
      provenance[key] = { origin: 'metadata' };
    } else if (found) {
      out[key] = found.value;
      provenance[key] = { origin: 'parsed', text: found.text, line: found.line, column: found.column };
    }
  }
  // A file that could not be read as a plan has its error; its date is no news.
  if (file && !out.date && !file.messages.some((m) => m.fatal === true)) {
    const bad = read.unreadableDate;
    const place = bad
      ? { start: { line: bad.line, column: bad.column }, end: { line: bad.line, column: bad.column + bad.text.length } }
      : { line: 1, column: 1 };
    const message = bad
      ? planMessage(file, `Unexpected date \`${bad.text}\` (${bad.reason}), expected the date of the plan as 2026年3月1日: the plan has no date`, {
          place,
          ruleId: 'plan-date-unreadable',
          source: 'plan',
        })
      : planMessage(file, 'Unexpected plan without a date, expected a 落款 date or a 印发 line (or `date:` in its metadata file)', {
          place,
          ruleId: 'plan-date-missing',
          source: 'plan',
        });
    message.fatal = bad ? false : undefined;
  }
  return { ...out, ...(Object.keys(provenance).length > 0 ? { provenance } : {}) };
}

/** A problem of a content file, with its rule's severity (line and column 1-based). */
function problemOf(path: string, ruleId: RuleId, message: string, line = 1, column = 1): FileDiagnostic {
  return { path, severity: RULES[ruleId].severity, ruleId, message, line, column };
}

/** Read a YAML file with positions; problems come back as diagnostics of that file. */
function readYaml(text: string, path: string, ruleId: RuleId): { value: unknown; problems: FileDiagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems: FileDiagnostic[] = doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return problemOf(path, ruleId, e.message.split('\n')[0]!, pos.line, pos.col);
  });
  return { value: problems.length ? undefined : doc.toJS(), problems };
}

export async function loadMetadata(path: string): Promise<{ metadata: PlanMetadata; problems: FileDiagnostic[] }> {
  if (!existsSync(path)) return { metadata: {}, problems: [] };
  const text = await readFile(path, 'utf8');
  const { value, problems } = readYaml(text, path, 'bad-metadata');
  if (problems.length) return { metadata: {}, problems };
  const result = PlanMetadataSchema.safeParse(value ?? {});
  if (result.success) return { metadata: result.data, problems: [] };
  return {
    metadata: {},
    problems: result.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      const lineIndex = text.split(/\r?\n/).findIndex((l) => key && l.startsWith(`${key}:`));
      return problemOf(path, 'bad-metadata', `${key ? `\`${key}\`: ` : ''}${issue.message}`, lineIndex >= 0 ? lineIndex + 1 : 1);
    }),
  };
}

/** `site.yaml` of a content folder, with its defaults when there is none. */
export async function loadSiteConfig(path: string): Promise<{ site: SiteConfig; problems: FileDiagnostic[] }> {
  const defaults = SiteConfigSchema.parse({});
  if (!existsSync(path)) return { site: defaults, problems: [] };
  const text = await readFile(path, 'utf8');
  const { value, problems } = readYaml(text, path, 'bad-site-config');
  if (problems.length) return { site: defaults, problems };
  const result = SiteConfigSchema.safeParse(value ?? {});
  if (result.success) return { site: result.data, problems: [] };
  return {
    site: defaults,
    problems: result.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      const lineIndex = text.split(/\r?\n/).findIndex((l) => key && l.startsWith(`${key}:`));
      return problemOf(path, 'bad-site-config', `${key ? `\`${key}\`: ` : ''}${issue.message}`, lineIndex >= 0 ? lineIndex + 1 : 1);
    }),
  };
}

export async function loadRegistry(path: string | undefined): Promise<{ registry: UnitRegistry; problems: FileDiagnostic[] }> {
  if (!path || !existsSync(path)) return { registry: UnitRegistry.empty(), problems: [] };
  const { registry, problems } = UnitRegistry.fromYaml(await readFile(path, 'utf8'));
  return { registry, problems: problems.map((p) => problemOf(path, p.ruleId, p.message, p.line, p.column)) };
}

/** The registry a plan file uses when none is named: `units.yaml` of its content folder. */
export function defaultUnitsPath(planPath: string): string | undefined {
  const candidates = [join(dirname(planPath), '..', 'units.yaml'), join(dirname(planPath), 'units.yaml')];
  return candidates.find((c) => existsSync(c));
}

/** The corrections file of a plan in `<content>/plans/`: `<content>/corrections/<plan-id>.yaml`. */
export function defaultCorrectionsPath(planPath: string): string {
  return join(dirname(planPath), '..', 'corrections', `${planIdFromPath(planPath)}.yaml`);
}

/** Read a corrections file, its path as diagnostics show it; undefined when there is none. */
export async function loadCorrections(path: string): Promise<CorrectionsFile | undefined> {
  if (!existsSync(path)) return undefined;
  const inside = relative(process.cwd(), path);
  // Shown as the plan's own path is: relative inside the working folder, else absolute.
  const shown = inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : resolve(path);
  return readCorrections(await readFile(path, 'utf8'), shown);
}

export async function parsePlanFile(
  path: string,
  options: {
    unitsPath?: string;
    registry?: UnitRegistry;
    /** A corrections file to apply; default the plan's own in its content folder; false: none. */
    corrections?: string | false;
    /** Whether to index what the 校对 page marks (default true). */
    review?: boolean;
  } = {},
): Promise<ParsedPlan & { problems: FileDiagnostic[]; metadata: PlanMetadata }> {
  const bytes = new Uint8Array(await readFile(path));
  const { metadata, problems } = await loadMetadata(`${path.replace(/\.[^./\\]+$/, '')}.yaml`);
  const corrections = options.corrections === false ? undefined : await loadCorrections(options.corrections ?? defaultCorrectionsPath(path));
  let registry = options.registry;
  if (!registry) {
    const loaded = await loadRegistry(options.unitsPath ?? defaultUnitsPath(path));
    registry = loaded.registry.fork();
    append(problems, loaded.problems);
  }
  const parsed = await parsePlanBytes(bytes, {
    path,
    registry,
    metadata,
    ...(corrections ? { corrections } : {}),
    ...(options.review === false ? { review: false } : {}),
  });
  return { ...parsed, problems, metadata };
}

/**
 * For a plan in `<content>/plans/`, the problems of its `progress/<id>.csv` / `.xlsx`, as the build
 * reports them (`plan check` shows them beside the plan's own).
 */
export async function progressProblemsOf(path: string, parsed: ParsedPlan & { metadata: PlanMetadata }, unitsPath?: string): Promise<FileDiagnostic[]> {
  const plansDir = dirname(path);
  if (basename(plansDir) !== 'plans' || !existsSync(join(plansDir, '..', 'progress'))) return [];
  const { registry } = await loadRegistry(unitsPath ?? defaultUnitsPath(path));
  const plan: LoadedPlan = { id: parsed.document.id, document: parsed.document, sourceText: parsed.sourceText, metadata: parsed.metadata };
  const problems = await loadProgress(join(plansDir, '..'), [plan], registry, parsed.document.units);
  // Progress files of the folder's other plans are theirs to report.
  return problems.filter((d) => d.ruleId !== 'progress-unknown-plan');
}

export interface LoadedPlan {
  id: string;
  document: PlanDocument;
  sourceText: string;
  metadata: PlanMetadata;
  /** Reports from `progress/<id>.csv` / `.xlsx`; absent when the plan has none. */
  progress?: LoadedProgress;
  /** The plan's 解读, `plans/<id>.mdx`, as shown in diagnostics; absent when it has none. */
  interpretationFile?: string;
  /** What `corrections/<id>.yaml` did; absent when the plan has none. */
  corrections?: LoadedCorrections;
  /** What the 校对 page marks in each block (src/lib/review.ts); absent in plans made without the tree. */
  review?: ReviewBlock[];
}

export interface LoadedProgress {
  /** The progress files read, as shown in diagnostics. */
  files: string[];
  metadata: ProgressMetadata;
  /** YYYY-MM-DD: the plan's `asOf`, else the build date. */
  asOf: string;
  reports: ProgressReport[];
  /** Problems by file, row and column; rows with one are left out, the rest kept. */
  diagnostics: FileDiagnostic[];
}

export interface LoadedContent {
  plans: LoadedPlan[];
  /** The portal's identity (site.yaml), defaults filled in. */
  site: SiteConfig;
  /** Every unit of every plan (and the members of their groups), once. */
  units: Unit[];
  /** Formatted `path:line:column: error message [ruleId]` lines; empty when the content builds. */
  errors: string[];
  diagnostics: FileDiagnostic[];
}

/**
 * Files in plans/ that are read as plans: every format a plan is published in (src/lib/read.ts),
 * and Excel 97 (.xls) too, so that it is reported (save as .xlsx) rather than silently left out.
 */
export const PLAN_FILE = /\.(txt|html?|pdf|docx|doc|wps|xlsx|xls)$/i;

/** Every plan of a content folder (`plans/*.txt|docx` + optional `.yaml`, `units.yaml`), newest first. */
export async function loadContent(contentDir: string): Promise<LoadedContent> {
  const plansDir = join(contentDir, 'plans');
  const { registry: known, problems } = await loadRegistry(join(contentDir, 'units.yaml'));
  const diagnostics: FileDiagnostic[] = [...problems];
  const registry = known.fork();
  const files = existsSync(plansDir) ? (await readdir(plansDir)).sort() : [];
  const names = files.filter((n) => PLAN_FILE.test(n));
  if (names.length === 0) {
    diagnostics.push(problemOf(plansDir, 'no-tasks', 'Unexpected content folder without plans, expected plans/<id>.txt or plans/<id>.docx'));
  }
  const plans: LoadedPlan[] = [];
  /** Plan id → its metadata file, as shown in diagnostics. */
  const metadataFiles = new Map<string, string>();
  for (const name of names) {
    const path = join(plansDir, name);
    const shown = relative(process.cwd(), path) || path;
    const id = planIdFromPath(path);
    const twin = names.find((other) => other !== name && planIdFromPath(other) === id);
    if (twin) {
      diagnostics.push(
        problemOf(shown, 'unsupported-format', `Unexpected second file for plan \`${id}\` (also ${twin}), expected one file per plan: remove one of them`),
      );
      continue;
    }
    const { metadata, problems: metaProblems } = await loadMetadata(`${path.replace(/\.[^./\\]+$/, '')}.yaml`);
    append(
      diagnostics,
      metaProblems.map((p) => ({ ...p, path: relative(process.cwd(), p.path) || p.path })),
    );
    const bytes = new Uint8Array(await readFile(path));
    const corrections = await loadCorrections(join(contentDir, 'corrections', `${id}.yaml`));
    const parsed = await parsePlanBytes(bytes, { path: shown, registry, metadata, ...(corrections ? { corrections } : {}) });
    append(
      diagnostics,
      parsed.document.diagnostics.map((d) => ({ ...d, path: shown })),
    );
    if (parsed.corrections) append(diagnostics, parsed.corrections.diagnostics);
    plans.push({
      id: parsed.document.id,
      document: parsed.document,
      sourceText: parsed.sourceText,
      metadata,
      review: parsed.review,
      ...(parsed.corrections ? { corrections: parsed.corrections } : {}),
    });
    metadataFiles.set(parsed.document.id, `${shown.replace(/\.[^./\\]+$/, '')}.yaml`);
  }
  plans.sort((a, b) => (b.document.year ?? 0) - (a.document.year ?? 0) || b.id.localeCompare(a.id));
  // A 解读 (plans/<id>.mdx) is shown with its plan: one whose plan is missing is named, not left out unseen.
  const byId = new Map(plans.map((p) => [p.id, p]));
  for (const name of files.filter((n) => n.endsWith('.mdx'))) {
    const shown = relative(process.cwd(), join(plansDir, name)) || name;
    const id = planIdFromPath(name);
    const plan = byId.get(id);
    if (plan) plan.interpretationFile = shown;
    else
      diagnostics.push(
        problemOf(shown, 'interpretation-without-plan', `Unexpected 解读 \`${name}\` of no plan, expected plans/${id}.txt or plans/${id}.docx beside it`),
      );
  }
  // `follows` names last year's plan: one the folder does not have is a typo, not a plan with no predecessor.
  for (const plan of plans) {
    const follows = plan.metadata.follows;
    if (follows === undefined || (follows !== plan.id && byId.has(follows))) continue;
    const file = metadataFiles.get(plan.id)!;
    const line = existsSync(file) ? (await readFile(file, 'utf8')).split(/\r?\n/).findIndex((l) => /^follows\s*:/.test(l)) + 1 : 1;
    diagnostics.push(
      problemOf(
        file,
        'bad-metadata',
        `Unexpected \`follows\` \`${follows}\`, expected the id of another plan of plans/ (${
          plans
            .filter((p) => p.id !== plan.id)
            .map((p) => p.id)
            .join(', ') || 'there is none'
        })`,
        Math.max(1, line),
      ),
    );
  }
  // A corrections file of no plan corrects nothing: say so, rather than leave it unseen.
  const correctionsDir = join(contentDir, 'corrections');
  if (existsSync(correctionsDir)) {
    for (const name of (await readdir(correctionsDir)).filter((n) => /\.ya?ml$/i.test(n)).sort()) {
      const id = name.replace(/\.[^.]+$/, '');
      if (byId.has(id) && name.endsWith('.yaml')) continue;
      const shown = relative(process.cwd(), join(correctionsDir, name)) || name;
      diagnostics.push(
        problemOf(
          shown,
          'stale-correction',
          `Unexpected corrections file \`${name}\` of no plan, expected plans/${id}.txt (or another format) beside it, named <plan-id>.yaml`,
        ),
      );
    }
  }
  const units = new Map<string, Unit>();
  for (const plan of plans) for (const unit of plan.document.units) if (!units.has(unit.id)) units.set(unit.id, unit);
  append(diagnostics, await loadProgress(contentDir, plans, known, [...units.values()]));
  const sitePath = join(contentDir, 'site.yaml');
  const { site, problems: siteProblems } = await loadSiteConfig(sitePath);
  append(
    diagnostics,
    siteProblems.map((p) => ({ ...p, path: relative(process.cwd(), p.path) || p.path })),
  );
  return { plans, site, units: [...units.values()], errors: diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic), diagnostics };
}

/**
 * Joins `progress/<plan-id>.csv` / `.xlsx` (and optional `<plan-id>.yaml`) to the plans, in place.
 * Returns the diagnostics: the rows' problems (warnings, so that the rest still builds), and errors
 * for a progress file of no plan or metadata that cannot be read.
 */
export async function loadProgress(contentDir: string, plans: LoadedPlan[], registry: UnitRegistry, units: Unit[]): Promise<FileDiagnostic[]> {
  const dir = join(contentDir, 'progress');
  if (!existsSync(dir)) return [];
  const diagnostics: FileDiagnostic[] = [];
  const names = (await readdir(dir)).filter((n) => /\.(csv|xlsx|ya?ml)$/i.test(n) && !n.startsWith('~$')).sort();
  const byId = new Map(plans.map((p) => [p.id, p]));
  for (const name of names) {
    const id = name.replace(/\.[^.]+$/, '');
    const shown = relative(process.cwd(), join(dir, name)) || join(dir, name);
    if (!byId.has(id)) {
      diagnostics.push(
        problemOf(shown, 'progress-unknown-plan', `Unexpected progress file for plan \`${id}\` that plans/ does not have, expected plans/${id}.txt`),
      );
    }
  }
  for (const plan of plans) {
    const files = names.filter((n) => /\.(csv|xlsx)$/i.test(n) && n.replace(/\.[^.]+$/, '') === plan.id);
    if (files.length === 0) continue;
    const metaName = names.find((n) => /\.ya?ml$/i.test(n) && n.replace(/\.[^.]+$/, '') === plan.id);
    let metadata: ProgressMetadata = {};
    if (metaName) {
      const path = join(dir, metaName);
      const shown = relative(process.cwd(), path) || path;
      const { value, problems } = readYaml(await readFile(path, 'utf8'), shown, 'bad-metadata');
      diagnostics.push(...problems);
      const parsed = ProgressMetadataSchema.safeParse(value ?? {});
      if (parsed.success) metadata = parsed.data;
      else
        diagnostics.push(
          ...parsed.error.issues.map((issue) =>
            problemOf(shown, 'bad-metadata', `${issue.path.length ? `\`${issue.path.join('.')}\`: ` : ''}${issue.message}`),
          ),
        );
    }
    const asOf = resolveAsOf(plan.metadata.asOf);
    if (!asOf) {
      const path = relative(process.cwd(), join(contentDir, 'plans', `${plan.id}.yaml`));
      diagnostics.push(
        problemOf(path, 'bad-metadata', `Unexpected \`asOf\` ${JSON.stringify(String(plan.metadata.asOf))}, expected a date such as 2022-12-31`),
      );
      continue;
    }
    const progress: LoadedProgress = { files: [], metadata, asOf, reports: [], diagnostics: [] };
    for (const name of files) {
      const path = join(dir, name);
      const shown = relative(process.cwd(), path) || path;
      const result = await readProgress(new Uint8Array(await readFile(path)), shown, { document: plan.document, registry, units });
      progress.files.push(shown);
      append(progress.reports, result.reports);
      append(progress.diagnostics, result.diagnostics);
    }
    append(diagnostics, progress.diagnostics);
    plan.progress = progress;
  }
  return diagnostics;
}
