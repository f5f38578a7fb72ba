/**
 * The references a 解读 makes in its text, as one pattern: a document title in 《》, a task
 * (任务12, 第12项, 第十二项), a section (第(三)部分), a part (第三部分) and a unit's name or alias.
 * One pattern, so that every text node is read once and a match never overlaps another.
 */
import { numberValue } from './targets.ts';

export type Reference =
  | { kind: 'title'; text: string; title: string }
  | { kind: 'task' | 'section' | 'part'; text: string; number: number }
  | { kind: 'unit'; text: string; name: string };

const SPACE = '[ \\u3000]?';
const CHINESE_NUMBER = '[〇零一二两三四五六七八九十百]{1,6}';
const DIGITS = '[0-9０-９]{1,5}';

const REFERENCE_PATTERNS = [
  `(?<title>《(?<titleText>[^《》\\n]{1,200})》)`,
  // 任务12, but not 任务12项 (twelve tasks) nor the 12 of 任务120.
  `(?<task>任务${SPACE}(?<taskNo>${DIGITS})(?![0-9０-９]|${SPACE}[项个条件]))`,
  `(?<item>第${SPACE}(?<itemNo>${DIGITS}|${CHINESE_NUMBER})${SPACE}项)`,
  `(?<section>第${SPACE}[(\\uff08]${SPACE}(?<sectionNo>${CHINESE_NUMBER})${SPACE}[)\\uff09]${SPACE}部分)`,
  `(?<part>第${SPACE}(?<partNo>${CHINESE_NUMBER})${SPACE}部分)`,
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The pattern for these unit names (names and aliases): longest first, so that 县发改局 is read
 * whole rather than as its alias 发改局.
 */
export function referencePattern(unitNames: string[]): RegExp {
  const names = [...new Set(unitNames.filter((n) => n.length > 1))].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const patterns = names.length > 0 ? [...REFERENCE_PATTERNS, `(?<unit>${names.map(escapeRegExp).join('|')})`] : REFERENCE_PATTERNS;
  return new RegExp(patterns.join('|'), 'g');
}

/** What the match of `pattern` at `index` of `input` refers to. */
export function referenceAt(pattern: RegExp, input: string, index: number): Reference | undefined {
  const sticky = new RegExp(pattern.source, 'y');
  sticky.lastIndex = index;
  const match = sticky.exec(input);
  const groups = match?.groups;
  if (!match || !groups) return undefined;
  const text = match[0];
  if (groups.title !== undefined) return { kind: 'title', text, title: groups.titleText!.trim() };
  if (groups.unit !== undefined) return { kind: 'unit', text, name: groups.unit };
  const numbered = (kind: 'task' | 'section' | 'part', value: string | undefined) => {
    const number = value === undefined ? undefined : numberValue(value);
    return number === undefined ? undefined : { kind, text, number };
  };
  if (groups.task !== undefined) return numbered('task', groups.taskNo);
  if (groups.item !== undefined) return numbered('task', groups.itemNo);
  if (groups.section !== undefined) return numbered('section', groups.sectionNo);
  if (groups.part !== undefined) return numbered('part', groups.partNo);
  return undefined;
}

/** Place words that make a bare alias another place's unit: 市发改局 is no alias 发改局 of the county's. */
const PLACE_BEFORE = /[省市县区州盟旗乡镇村]$/;
const QUALIFIED = /^[省市县区州盟旗乡镇村各全]/;

/** A unit name read inside a longer name of another place (市 + 发改局) is no mention of the unit. */
export function isForeignUnitMention(before: string, name: string): boolean {
  return PLACE_BEFORE.test(before) && !QUALIFIED.test(name);
}
