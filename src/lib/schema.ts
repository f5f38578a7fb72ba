/**
 * The data contract: the JSON that `plan parse` prints and the site publishes as open data.
 * One Zod schema per concept, with the TypeScript type derived from it.
 */
import { z } from 'zod';
import { readDate } from './issuance.ts';
import { RULE_IDS, type RuleId } from './rules.ts';

const readsAsDate = (value: string) => {
  const reading = readDate(value);
  return reading !== undefined && 'date' in reading;
};

/** 牵头 = lead, 配合 = support, 责任单位 with no split = responsible. */
export const RoleSchema = z.enum(['lead', 'support', 'responsible']);
export type Role = z.infer<typeof RoleSchema>;

export const PointSchema = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  offset: z.number().int().min(0),
});
export type Point = z.infer<typeof PointSchema>;

export const PositionSchema = z.object({ start: PointSchema, end: PointSchema });
export type Position = z.infer<typeof PositionSchema>;

export const AssignmentSchema = z.object({
  /** Unit id (URL-safe slug). */
  unit: z.string().min(1),
  /** Canonical unit name from the registry. */
  name: z.string().min(1),
  /** As the plan names it, completed where the text elides; no role words. */
  mention: z.string().min(1),
  role: RoleSchema,
  /** `corrected`: set by content/corrections/<plan-id>.yaml after parsing (absent in documents from before corrections). */
  origin: z.enum(['parsed', 'corrected']).optional(),
  /** Why it was corrected: the correction's `note`, shown publicly. */
  note: z.string().min(1).optional(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const DeadlineSchema = z.object({
  text: z.string().min(1),
  /** ISO 8601 (YYYY-MM-DD, or YYYY-MM) where the text determines it. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/)
    .optional(),
});
export type Deadline = z.infer<typeof DeadlineSchema>;

export const NodeKindSchema = z.enum(['part', 'section', 'task']);
export type NodeKind = z.infer<typeof NodeKindSchema>;

export interface OutlineNode {
  id: string;
  kind: NodeKind;
  marker: string;
  number: string;
  title?: string;
  text: string;
  assignments: Assignment[];
  deadlines: Deadline[];
  references: string[];
  children: OutlineNode[];
  position: Position;
}

const outlineNodeShape = {
  id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  kind: NodeKindSchema,
  marker: z.string(),
  number: z.string(),
  title: z.string().optional(),
  text: z.string(),
  assignments: z.array(AssignmentSchema),
  deadlines: z.array(DeadlineSchema),
  references: z.array(z.string()),
  position: PositionSchema,
};

export const OutlineNodeSchema: z.ZodType<OutlineNode> = z.lazy(() => z.object({ ...outlineNodeShape, children: z.array(OutlineNodeSchema) }));

export interface Task extends OutlineNode {
  /** Ids of the ancestors, outermost first. */
  path: string[];
  /** Own assignments, else those inherited from the nearest ancestor that has any. */
  effectiveAssignments: Assignment[];
}

export const TaskSchema: z.ZodType<Task> = z.lazy(() =>
  z.object({
    ...outlineNodeShape,
    children: z.array(OutlineNodeSchema),
    path: z.array(z.string()),
    effectiveAssignments: z.array(AssignmentSchema),
  }),
);

export const UnitKindSchema = z.enum(['党委部门', '政府部门', '垂直管理', '镇/街道', '议事协调机构', '群体', '其他']);
export type UnitKind = z.infer<typeof UnitKindSchema>;

export const UnitSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  kind: z.string().min(1),
  aliases: z.array(z.string()),
  members: z.array(z.string()).optional(),
});
export type Unit = z.infer<typeof UnitSchema>;

/** Every problem the pipeline can report: the ids of the rule registry (src/lib/rules.ts). */
export const RuleIdSchema = z.enum(RULE_IDS);
export type { RuleId };

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const DiagnosticSchema = z.object({
  severity: SeveritySchema,
  ruleId: z.string(),
  message: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  endLine: z.number().int().min(1).optional(),
  endColumn: z.number().int().min(1).optional(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

/** One correction as applied: what it changed on which task, and where it is written. */
export const AppliedCorrectionSchema = z.object({
  /** The task's id. */
  task: z.string(),
  note: z.string().min(1),
  /** Unit ids the correction gave the task (with their roles). */
  added: z.array(z.object({ unit: z.string(), name: z.string(), role: RoleSchema })),
  /** Assignments the parser read that the correction took away. */
  removed: z.array(z.object({ unit: z.string(), name: z.string(), mention: z.string(), role: RoleSchema })),
  /** `content/corrections/<plan-id>.yaml:line:column` of the entry. */
  source: z.string(),
});
export type AppliedCorrection = z.infer<typeof AppliedCorrectionSchema>;

/** Where the plan's issuer, date or 文号 came from: its text (`parsed`, with the place and the words as written) or its metadata file. */
export const IssuanceOriginSchema = z.object({
  /** `parsed`: read from the plan's text; `metadata`: set by content/plans/<plan-id>.yaml (which wins over the text). */
  origin: z.enum(['parsed', 'metadata']),
  /** As the text writes it (二〇二六年三月一日), for `parsed`. */
  text: z.string().optional(),
  line: z.number().int().min(1).optional(),
  column: z.number().int().min(1).optional(),
});
export type IssuanceOrigin = z.infer<typeof IssuanceOriginSchema>;

export const PlanDocumentSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  title: z.string(),
  year: z.number().int().optional(),
  /** The issuing office (发布单位): the notice's 落款, its 印发 line, its red head or title; or the metadata file's. */
  issuer: z.string().optional(),
  /** The plan's date (成文日期 of its 落款, else its 印发 date), ISO 8601 YYYY-MM-DD. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** 文号 with its year in 〔〕: 某安委办〔2026〕3号. */
  docNumber: z.string().min(1).optional(),
  /** Where `issuer`, `date` and `docNumber` came from, for each one the plan has (absent in documents from before them). */
  provenance: z
    .object({
      issuer: IssuanceOriginSchema.optional(),
      date: IssuanceOriginSchema.optional(),
      docNumber: IssuanceOriginSchema.optional(),
    })
    .optional(),
  source: z.object({
    path: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** The text encoding for text and HTML (utf-8, gb18030 …), else the format read (docx, pdf …). */
    encoding: z.string(),
    /** What was read: text, html, docx, doc, pdf or xlsx (absent in documents from before formats). */
    format: z.enum(['text', 'html', 'docx', 'doc', 'pdf', 'xlsx']).optional(),
  }),
  preamble: z.string(),
  outline: z.array(OutlineNodeSchema),
  tasks: z.array(TaskSchema),
  units: z.array(UnitSchema),
  diagnostics: z.array(DiagnosticSchema),
  /** The corrections applied after parsing (content/corrections/<plan-id>.yaml); absent when none were. */
  corrections: z.array(AppliedCorrectionSchema).optional(),
});
export type PlanDocument = z.infer<typeof PlanDocumentSchema>;

/** Optional `content/plans/<id>.yaml`. */
export const PlanMetadataSchema = z
  .object({
    title: z.string().optional(),
    year: z.number().int().min(1949).max(2200).optional(),
    issuer: z.string().min(1).optional(),
    /** The plan's date, over what its text gives: 2026-03-01, 2026年3月1日 or 二〇二六年三月一日. */
    date: z
      .union([z.string(), z.date()])
      .refine((value) => value instanceof Date || readsAsDate(value), { message: 'expected a date such as 2026-03-01 or 2026年3月1日' })
      .optional(),
    /** 文号, over what the text gives: 某安委办〔2026〕3号. */
    docNumber: z.string().min(1).optional(),
    source: z.string().optional(),
    asOf: z.union([z.string(), z.date()]).optional(),
    /** A task due within this many days of "as of" and not done is 临期 (default 15). */
    dueSoonDays: z.number().int().min(0).max(366).optional(),
    /** The plan this one carries on from (the id of last year's plan), for 延续 / 新增. */
    follows: z.string().min(1).optional(),
  })
  .strict();
export type PlanMetadata = z.infer<typeof PlanMetadataSchema>;

/** `content/site.yaml`: the portal's own identity, shown by every page's header and footer. */
export const SiteConfigSchema = z
  .object({
    /** The site's name, in the header and every title. */
    name: z.string().min(1).default('任务分工公开台账'),
    /** Who runs the site (主办单位), in the footer. */
    issuer: z.string().min(1).optional(),
    /** The home page's description. */
    description: z.string().min(1).optional(),
    /** Lines of the footer, above 主办 / 联系方式 / 备案号. */
    footer: z.array(z.string().min(1)).default(['本站内容由工作要点原文自动整理,以原文为准。各任务页均链接到原文对应行。']),
    /** How to reach the issuer (a phone number, an address, an email). */
    contact: z.string().min(1).optional(),
    /** The ICP 备案号, linked to the filing system. */
    beian: z.string().min(1).optional(),
    /** The site's public address: canonical links are absolute when it is set, and left out when not. */
    site: z.url({ protocol: /^https?$/ }).optional(),
  })
  .strict();
export type SiteConfig = z.infer<typeof SiteConfigSchema>;
