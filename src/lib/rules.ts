/**
 * Every problem the pipeline can report, in one table (as eemeli/yaml keeps its `ErrorCode`s): the
 * rule's id, the stage that reports it, its severity, a hint for the command line and what it
 * means on the site, in Chinese. The schema's `RuleIdSchema`, the parser's `ProblemRuleId`, the
 * CLI's hints and the diagnostics page's explanations all derive from it: a new rule is one entry
 * here. Errors stop a build; warnings and infos are listed.
 */
import type { Severity } from './schema.ts';

/** Which step of the pipeline reports a rule (see DESIGN.md's pipeline; `corrections`: content/corrections/<plan-id>.yaml applied after parsing; `pages`: the MDX pages' links to the plans). */
export type RuleStage = 'read' | 'parse' | 'resolve' | 'corrections' | 'content' | 'progress' | 'pages';

export interface Rule {
  stage: RuleStage;
  severity: Severity;
  /** What to do about it, for `plan check` under its code frame (English, Chinese UI words quoted). */
  hint: string;
  /** What it means, for the diagnostics page (简体中文). */
  text: string;
}

export const RULES = {
  undecodable: {
    stage: 'read',
    severity: 'error',
    hint: 'Save the plan as UTF-8 text (in WPS/Word: 另存为 → 纯文本 → UTF-8).',
    text: '文件无法按 UTF-8、UTF-16 或 GB18030 读取:请另存为 UTF-8 纯文本。',
  },
  'empty-file': {
    stage: 'read',
    severity: 'error',
    hint: 'The file holds no text: check that the right file was saved.',
    text: '文件为空。',
  },
  'unsupported-format': {
    stage: 'read',
    severity: 'error',
    hint: 'Save the plan as .txt, .html, .pdf, .docx or .xlsx; in Word or WPS: 另存为 → Word 文档 (*.docx), in Excel: 另存为 → Excel 工作簿 (*.xlsx).',
    text: '文件格式不受支持:请另存为 .txt、.html、.pdf、.docx 或 .xlsx。',
  },
  'format-mismatch': {
    stage: 'read',
    severity: 'error',
    hint: "The file's extension names another format than its content: rename it to what it holds (a .doc renamed .pdf is still a .doc), or export the plan again.",
    text: '文件扩展名与文件实际格式不符(例如把 .doc 文件改名为 .pdf):请按实际格式命名,或重新导出。',
  },
  'encrypted-file': {
    stage: 'read',
    severity: 'error',
    hint: 'The file is protected by a password: publish it without one (in WPS/Acrobat: 文档加密 → 取消), then read it again.',
    text: '文件已加密(设有打开密码),无法读取:请去除密码后重新发布。',
  },
  'doc-text-only': {
    stage: 'read',
    severity: 'warning',
    hint: 'Install LibreOffice (Debian: apt-get install libreoffice-writer-nogui) so that Word 97/WPS files keep their numbering and merged cells, or save the file as .docx.',
    text: '旧版 Word/WPS 文件仅读取了文字:自动编号和合并单元格未能保留,请另存为 .docx 后再发布。',
  },
  'no-text-layer': {
    stage: 'read',
    severity: 'error',
    hint: 'The PDF holds page images without text (a scan): run OCR on it, or publish the Word file or the text it was printed from.',
    text: '该 PDF 没有文字层(扫描件),需先进行 OCR 文字识别,或改用原 Word/文本文件。',
  },
  unreadable: {
    stage: 'read',
    severity: 'error',
    hint: 'Check the path: there is no file of that name, or it cannot be opened.',
    text: '文件无法打开。',
  },
  'no-tasks': {
    stage: 'parse',
    severity: 'error',
    hint: 'Number the tasks as the plan does (1. / 1、 / (一)) or paste the 任务分工 table with its header row.',
    text: '未找到任何编号任务。',
  },
  'duplicate-number': {
    stage: 'parse',
    severity: 'warning',
    hint: 'Two tasks share a number: renumber one of them, or check for a missing line break.',
    text: '任务编号重复:请检查编号。',
  },
  'number-gap': {
    stage: 'parse',
    severity: 'warning',
    hint: 'A number is skipped or out of order: check for a missing task or a typo in the number.',
    text: '任务编号不连续:可能漏了一项或编号有误。',
  },
  'unclosed-clause': {
    stage: 'parse',
    severity: 'warning',
    hint: 'Close the parenthesis of the responsibility clause.',
    text: '责任单位括号未闭合。',
  },
  'unlabeled-units': {
    stage: 'parse',
    severity: 'info',
    hint: 'Write the label (责任单位:…) if these are the responsible units.',
    text: '括号内的单位未标“责任单位”等字样,按责任单位处理。',
  },
  'person-not-unit': {
    stage: 'parse',
    severity: 'info',
    hint: 'People (分管领导) are not listed as units; name the department instead.',
    text: '此处写的是领导个人,不列为责任单位。',
  },
  'unusual-unit': {
    stage: 'parse',
    severity: 'warning',
    hint: 'The name has no usual ending (局, 委, 办, 中心, 政府 …): check it, and write it out in full if a word is missing (县水务 → 县水务局).',
    text: '单位名称不完整或不常见(如“县水务”),已按原文收录为单位,请核对。',
  },
  'clause-piece': {
    stage: 'parse',
    severity: 'warning',
    hint: 'This piece of the responsibility clause is no unit name: correct or delete it.',
    text: '责任单位中有一段文字不是单位名称,未作为单位收录,请核对原文。',
  },
  'unassigned-text': {
    stage: 'parse',
    severity: 'warning',
    hint: 'This text is in no task: move it into the task it belongs to (or number it as a task), or delete it.',
    text: '这段文字不属于任何任务。',
  },
  'plan-date-unreadable': {
    stage: 'parse',
    severity: 'warning',
    hint: 'The date of the notice (落款 or 印发 line) names no day of the calendar: correct it in the text, or set `date: 2026-03-01` in content/plans/<plan-id>.yaml.',
    text: '落款或印发日期无法识别(缺少年月日或日期不存在),未能确定本方案的发布日期:请核对原文,或在方案说明文件中填写日期。',
  },
  'plan-date-missing': {
    stage: 'parse',
    severity: 'info',
    hint: 'The text gives no date of the plan (no 落款 date, no 印发 line): set `date: 2026-03-01` in content/plans/<plan-id>.yaml if it is known.',
    text: '原文未载明发布日期(无落款日期或印发日期);如已知,可在方案说明文件中填写。',
  },
  'task-without-units': {
    stage: 'resolve',
    severity: 'warning',
    hint: 'Add the responsible units after the task, e.g. (责任单位:县住建局).',
    text: '该任务未写明责任单位。',
  },
  'unknown-unit': {
    stage: 'resolve',
    severity: 'warning',
    hint: 'Add the unit to content/units.yaml (name, short, slug, kind) so it gets its canonical name.',
    text: '单位名册(units.yaml)中没有这个单位,已按原文名称收录。',
  },
  'bad-corrections': {
    stage: 'corrections',
    severity: 'error',
    hint: 'Fix content/corrections/<plan-id>.yaml at this place: a list of { task, text, note, add | remove | set }, units as { unit, role } with role lead, support or responsible.',
    text: '人工校正文件(corrections/*.yaml)有误,未能应用。',
  },
  'stale-correction': {
    stage: 'corrections',
    severity: 'warning',
    hint: 'Read the task again on its 校对 page and update or delete this correction: the plan or the parser has changed since it was written.',
    text: '人工校正已不适用(任务不存在、原文已改动,或要增删的单位已不在原处),未应用;文件中其余校正照常生效。',
  },
  'correction-applied': {
    stage: 'corrections',
    severity: 'info',
    hint: 'Nothing to do: the site marks the corrected units 人工校正 with the note, and plan.json gives them origin "corrected".',
    text: '已按人工校正文件修改该任务的责任单位(网站标注“人工校正”并公开说明)。',
  },
  'bad-metadata': {
    stage: 'content',
    severity: 'error',
    hint: 'Fix the plan metadata file (title, year, issuer, date, docNumber, source, asOf, dueSoonDays, follows).',
    text: '方案说明文件(.yaml)有误。',
  },
  'bad-site-config': {
    stage: 'content',
    severity: 'error',
    hint: 'Fix content/site.yaml (name, issuer, description, footer, contact, beian, site: an http(s) URL).',
    text: '网站设置文件(site.yaml)有误。',
  },
  'bad-registry': {
    stage: 'content',
    severity: 'error',
    hint: 'Fix content/units.yaml at this place.',
    text: '单位名册(units.yaml)有误。',
  },
  'progress-unreadable': {
    stage: 'progress',
    severity: 'warning',
    hint: 'Save the report as the filled-in ledger (.xlsx) or as a UTF-8 CSV file.',
    text: '进展报告文件无法读取。',
  },
  'progress-missing-column': {
    stage: 'progress',
    severity: 'warning',
    hint: "Keep the ledger's header row: 序号, 状态 and 报告日期 are needed (填报单位 and 进展情况 are optional).",
    text: '进展报告缺少必要的列。',
  },
  'progress-unknown-task': {
    stage: 'progress',
    severity: 'warning',
    hint: "Write the task's 序号 as the published plan numbers it.",
    text: '任务编号在方案中不存在,该行未计入。',
  },
  'progress-unknown-unit': {
    stage: 'progress',
    severity: 'warning',
    hint: 'Write the unit as the plan or content/units.yaml names it, or add it to content/units.yaml.',
    text: '报告单位无法识别,该行未计入。',
  },
  'progress-bad-date': {
    stage: 'progress',
    severity: 'warning',
    hint: 'Write the date of the report as a date, e.g. 2022-06-30 or 2022年6月30日.',
    text: '进展报告的日期无法识别,该行未计入。',
  },
  'progress-bad-status': {
    stage: 'progress',
    severity: 'warning',
    hint: 'Choose one of the four statuses: 未启动, 推进中, 已完成, 滞后.',
    text: '进展状态不是“未启动/推进中/已完成/滞后”之一,该行未计入。',
  },
  'progress-unit-not-assigned': {
    stage: 'progress',
    severity: 'info',
    hint: "Only the task's own units count towards its status: check the 填报单位 and the 序号.",
    text: '报告单位不承担该任务,该行未计入。',
  },
  'progress-unknown-plan': {
    stage: 'progress',
    severity: 'error',
    hint: 'Name the progress file after its plan: progress/<plan-id>.csv or .xlsx beside plans/<plan-id>.txt.',
    text: '进展报告对应的方案不存在(文件名应与 plans/ 中的方案一致)。',
  },
  'interpretation-without-plan': {
    stage: 'content',
    severity: 'error',
    hint: "Name a plan's 解读 after its plan: plans/<plan-id>.mdx beside plans/<plan-id>.txt.",
    text: '解读文件(.mdx)没有同名的方案。',
  },
  'unknown-task-reference': {
    stage: 'pages',
    severity: 'warning',
    hint: 'Write the task number as the plan numbers its tasks (任务12, 第12项, <Task n="12" />).',
    text: '页面引用的任务在方案中不存在,未加链接。',
  },
  'unknown-section-reference': {
    stage: 'pages',
    severity: 'warning',
    hint: 'Write the number of a section (第(三)部分) or part (第三部分) the plan has.',
    text: '页面引用的部分或小节在方案中不存在,未加链接。',
  },
  'unknown-unit-reference': {
    stage: 'pages',
    severity: 'warning',
    hint: 'Name the unit as content/units.yaml or the plan names it (name or alias).',
    text: '页面引用的单位不存在。',
  },
  'ambiguous-reference': {
    stage: 'pages',
    severity: 'warning',
    hint: 'The plan numbers its tasks anew in each part: link the task meant by hand, [任务3](/<plan-id>/tasks/p2-3/).',
    text: '页面引用的编号在方案中不止一处,未加链接。',
  },
  'reference-without-plan': {
    stage: 'pages',
    severity: 'warning',
    hint: 'Cite tasks and sections in the 解读 of their plan (plans/<plan-id>.mdx), or name the plan: <Task plan="<plan-id>" n="12" />.',
    text: '页面引用了任务或小节,但没有对应的方案,未加链接。',
  },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

/** Every rule id, in the registry's order. */
export const RULE_IDS = Object.keys(RULES) as [RuleId, ...RuleId[]];

/** The ids of the rules one stage reports, e.g. `RuleIdOf<'parse'>` for the parser's problems. */
export type RuleIdOf<S extends RuleStage> = { [K in RuleId]: (typeof RULES)[K]['stage'] extends S ? K : never }[RuleId];

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

/** The rule of a diagnostic's `ruleId` (a plain string in the data contract), if it is one of ours. */
export function ruleOf(id: string): Rule | undefined {
  return isRuleId(id) ? RULES[id] : undefined;
}
