/** A plan's diagnostics page `/<plan>/diagnostics/`: the parser's messages and those of its progress reports. */
import type { FileDiagnostic } from '../../lib/diagnostics.ts';
import type { Diagnostic } from '../../lib/schema.ts';
import { ruleText } from '../diagnostics.ts';
import { type PlanSummary, summarizePlan } from '../plan.ts';
import { diagnosticAnchor, diagnosticPlaces, reviewHref } from '../review.ts';
import { planHref, sourceHref, withBase } from '../url.ts';
import type { Crumb, PageFrame, Route, SiteContent } from './types.ts';

export interface DiagnosticsProps {
  summary: PlanSummary;
  diagnostics: Diagnostic[];
  path: string;
  progress?: { files: string[]; diagnostics: FileDiagnostic[] };
  /** For each diagnostic, where the 校对 page flags it (absent for one in no task). */
  reviewLinks?: (string | undefined)[];
  corrections?: { file: string; diagnostics: FileDiagnostic[] };
}

/** One entry of src/components/DiagnosticsTable.astro: in Chinese only (rule ids and English messages stay in the CLI and plan.json). */
export interface DiagnosticRow {
  /** `path:line:column`, as the CLI prints it (kept for tests and tools, not shown). */
  place: string;
  /** Where, in words: 第 12 行第 5 列 (and the file's name for a progress report). */
  where: string;
  href?: string;
  severity: Diagnostic['severity'];
  severityLabel: string;
  /** The rule's explanation in Chinese, from the rule registry. */
  explanation: string;
  /** The plan's own words the message names (a unit, a clause), when it quotes any. */
  quoted: string[];
  ruleId: string;
  /** The row's anchor, which the 校对 page links to. */
  id?: string;
  /** Where the 校对 page flags it. */
  review?: string;
}

export const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;

/**
 * The plan's words a message quotes: its `backticked` spans, or the list after its last colon,
 * kept only where they are Chinese text (no English word of the message, no rule id).
 */
export function quotedWords(message: string): string[] {
  const spans = [...message.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  const tail = message.includes(': ') ? [message.slice(message.lastIndexOf(': ') + 2)] : [];
  const words = (spans.length > 0 ? spans : tail).map((w) => w.trim()).filter((w) => HAN.test(w) && !LATIN.test(w));
  return [...new Set(words)].slice(0, 5);
}

export interface DiagnosticsPage {
  frame: PageFrame;
  crumbs: Crumb[];
  heading: string;
  counts: { error: number; warning: number; info: number };
  /** Errors first, then warnings, then infos; each in source order. */
  rows: DiagnosticRow[];
  progress?: { files: string; rows: DiagnosticRow[] };
  /** The corrections file's problems and what each correction did. */
  corrections?: { file: string; rows: DiagnosticRow[]; stale: number; applied: number };
  reviewHref: string;
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function diagnosticsRoutes(content: SiteContent): Route<DiagnosticsProps>[] {
  return content.plans.map((plan) => ({
    params: { slug: plan.id },
    props: {
      summary: summarizePlan(plan.document, plan.metadata),
      diagnostics: plan.document.diagnostics,
      path: plan.document.source.path,
      ...(plan.progress ? { progress: { files: plan.progress.files, diagnostics: plan.progress.diagnostics } } : {}),
      reviewLinks: diagnosticPlaces(plan.document, plan.sourceText, plan.review ?? []).map((p) =>
        p.block ? reviewHref(plan.id, p.page, `p-${diagnosticAnchor(p.index)}`) : undefined,
      ),
      ...(plan.corrections ? { corrections: { file: plan.corrections.file, diagnostics: plan.corrections.diagnostics } } : {}),
    },
  }));
}

function row(d: Diagnostic, place: string, where: string, href?: string): DiagnosticRow {
  return {
    place,
    where,
    ...(href ? { href } : {}),
    severity: d.severity,
    severityLabel: SEVERITY_LABEL[d.severity],
    explanation: ruleText(d.ruleId) ?? '解析时记录的问题,请核对原文此处。',
    quoted: quotedWords(d.message),
    ruleId: d.ruleId,
  };
}

const lineColumn = (d: Diagnostic) => `第 ${d.line} 行第 ${d.column} 列`;
const fileName = (path: string) => path.split('/').pop() ?? path;

export function diagnosticsPage({ summary, diagnostics, path, progress, reviewLinks = [], corrections }: DiagnosticsProps): DiagnosticsPage {
  const sorted = diagnostics
    .map((d, index) => ({ d, index }))
    .sort((a, b) => ORDER[a.d.severity] - ORDER[b.d.severity] || a.d.line - b.d.line || a.d.column - b.d.column);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of [...diagnostics, ...(progress?.diagnostics ?? [])]) counts[d.severity]++;
  return {
    frame: {
      title: `${summary.title} 解析提示`,
      description: `${summary.title}的解析提示:${counts.warning} 条警告,${counts.info} 条提示${progress ? `(含进展报告的 ${progress.diagnostics.length} 条)` : ''},每条链接到原文所在行。`,
      section: 'plans',
    },
    crumbs: [{ label: '首页', href: withBase('') }, { label: summary.title, href: planHref(summary.id) }, { label: '解析提示' }],
    heading: `${summary.title} · 解析提示`,
    counts,
    rows: sorted.map(({ d, index }) => {
      const review = reviewLinks[index];
      return {
        ...row(d, `${path}:${d.line}:${d.column}`, `原文${lineColumn(d)}`, sourceHref(summary.id, d.line)),
        id: diagnosticAnchor(index),
        ...(review ? { review } : {}),
      };
    }),
    reviewHref: reviewHref(summary.id),
    ...(corrections
      ? {
          corrections: {
            file: corrections.file,
            rows: [...corrections.diagnostics]
              .sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.line - b.line || a.column - b.column)
              .map((d) => row(d, `${d.path}:${d.line}:${d.column}`, `${fileName(d.path)} ${lineColumn(d)}`)),
            stale: corrections.diagnostics.filter((d) => d.severity !== 'info').length,
            applied: corrections.diagnostics.filter((d) => d.ruleId === 'correction-applied').length,
          },
        }
      : {}),
    ...(progress
      ? {
          progress: {
            files: progress.files.map(fileName).join('、'),
            rows: progress.diagnostics.map((d) => row(d, `${d.path}:${d.line}:${d.column}`, `${fileName(d.path)} ${lineColumn(d)}`)),
          },
        }
      : {}),
  };
}
