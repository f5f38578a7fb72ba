/**
 * What each rule means, in the site's language. Parser messages are written for the command line
 * (in English, with the place and the text at fault); the diagnostics page leads with these.
 */
export const RULE_TEXT: Record<string, string> = {
  undecodable: '文件无法按 UTF-8、UTF-16 或 GB18030 读取:请另存为 UTF-8 纯文本。',
  'empty-file': '文件为空。',
  'unsupported-format': '文件格式不受支持:请另存为 .txt 或 .docx。',
  'no-tasks': '未找到任何编号任务。',
  'duplicate-number': '任务编号重复:请检查编号。',
  'number-gap': '任务编号不连续:可能漏了一项或编号有误。',
  'task-without-units': '该任务未写明责任单位。',
  'unknown-unit': '单位名册(units.yaml)中没有这个单位,已按原文名称收录。',
  'unclosed-clause': '责任单位括号未闭合。',
  'unlabeled-units': '括号内的单位未标“责任单位”等字样,按责任单位处理。',
  'person-not-unit': '此处写的是领导个人,不列为责任单位。',
  'unassigned-text': '这段文字不属于任何任务。',
  'bad-metadata': '方案说明文件(.yaml)有误。',
  'bad-registry': '单位名册(units.yaml)有误。',
  'progress-bad-date': '进展报告的日期无法识别,该行未计入。',
  'progress-bad-status': '进展状态不是“未启动/推进中/已完成/滞后”之一,该行未计入。',
  'progress-missing-column': '进展报告缺少必要的列。',
  'progress-unit-not-assigned': '报告单位不承担该任务,该行未计入。',
  'progress-unknown-task': '任务编号在方案中不存在,该行未计入。',
  'progress-unknown-unit': '报告单位无法识别,该行未计入。',
  'progress-unreadable': '进展报告文件无法读取。',
  'progress-unknown-plan': '进展报告对应的方案不存在(文件名应与 plans/ 中的方案一致)。',
};
