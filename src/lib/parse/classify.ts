/**
 * What each line of a plan is, before any structure: a hierarchy marker, a responsibility line,
 * a person line, a deadline line, page chrome, a table row, blank, or plain text.
 */
import type { Line } from './lines.ts';
import { readMarker, type Marker } from './markers.ts';
import { UNIT_LABEL_AT_START } from './clause-body.ts';
import { alt, DEADLINE_LABELS, PERSON_LINE_PARTS, SITE_FOOTER_LABELS } from './lexicon.ts';

export type LineKind = 'blank' | 'chrome' | 'marker' | 'label' | 'person' | 'deadline' | 'pipe' | 'text';

export interface LineInfo {
  kind: LineKind;
  marker?: Marker;
}

/** Web page chrome: breadcrumbs, print/close buttons, metadata fields of the publishing portal. */
const CHROME =
  /^\s*(?:(?:首页|当前位置|您当前的位置|您现在的位置|当前页面)\s*[>»:›]|.*\s[>»›]\s.*$|[【[](?:打印|关闭|打印本页|关闭窗口|收藏|字号|大|中|小|返回顶部|分享)[】\]]|(?:索引号|发布机构|发文机关|公开责任部门|公开方式|公开范围|发布日期|成文日期|生成日期|主题分类|主题词|信息来源|浏览次数|访问量|文\s*号|信息分类|有效性|时效性|来源|作者|点击数|字号)\s*[::|]|扫一扫|分享到|【\s*字体|\[\s*字体)/;

const DEADLINE_LINE = new RegExp(`^\\s*(?:(?:[(\\[【]\\s*)?(?:${alt(DEADLINE_LABELS)})\\s*[::]|【\\s*(?:${alt(DEADLINE_LABELS)})\\s*】)`);

/** Lines naming a person (分管区领导:张三) — never units. */
export const PERSON_LINE = new RegExp(
  `^\\s*(?:[(\\[【]\\s*)?(?:${alt(PERSON_LINE_PARTS.duty)})?(?:${alt(PERSON_LINE_PARTS.level)})?(?:级)?(?:${alt(PERSON_LINE_PARTS.who)})(?:同志)?\\s*(?:[::]|(?<=【[^】]*)】)`,
);

/** A page number of a printed or PDF copy on its own line: `— 3 —`, `- 12 -`, `— — — 6 —`, `第 3 页`, `第3页 共9页`, `3/9`. */
export const PAGE_NUMBER = /^\s*(?:(?:[—–-]\s*){1,4}\d{1,3}\s*(?:[—–-]\s*){1,4}|第\s*\d+\s*页(?:\s*[,/]?\s*共\s*\d+\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;

/** A site's footer: 主办单位 here is the website's, not a task's (`主办:X 承办:Y` on one line). */
const FOOTER = new RegExp(
  `网站标识码|ICP备|版权所有|技术支持[::]|网站地图|备案号|公网安备|Copyright|^\\s*(?:${alt(SITE_FOOTER_LABELS.owner)})\\s*[::].{2,40}\\s(?:${alt(SITE_FOOTER_LABELS.operator)})\\s*[::]`,
  'i',
);

export function classifyLine(line: Line): LineInfo {
  const view = line.view;
  if (view.trim().length === 0) return { kind: 'blank' };
  const marker = readMarker(view, line.text);
  // A numbered line is never page chrome, even with a ` > ` in its text: no task is dropped.
  if (view.length < 160 && (!marker || marker.bare) && (CHROME.test(view) || FOOTER.test(view) || PAGE_NUMBER.test(view))) return { kind: 'chrome' };
  if (UNIT_LABEL_AT_START.test(view)) return { kind: 'label' };
  if (PERSON_LINE.test(view)) return { kind: 'person' };
  if (DEADLINE_LINE.test(view)) return { kind: 'deadline' };
  if (view.includes('|')) return marker ? { kind: 'pipe', marker } : { kind: 'pipe' };
  if (marker) return { kind: 'marker', marker };
  return { kind: 'text' };
}

/**
 * A plan's year when its metadata gives none: the 20xx年 of its title (a short line near the top
 * that names a 方案/要点/计划…), else the first 20xx年 in its first lines.
 */
export function yearFromText(text: string): number | undefined {
  const head = text
    .slice(0, 4000)
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 25);
  const title = head.find((l) => l.length <= 80 && /(19|20)\d{2}\s*年/.test(l) && /(方案|要点|计划|清单|安排|措施|分工|台账|任务)/.test(l));
  // A plan over several years (2024-2026年, 2024—2026) starts in its first.
  const where = title ?? head.slice(0, 12).join('\n');
  const m = /((?:19|20)\d{2})\s*年?\s*[-—–~至到]\s*(?:19|20)\d{2}\s*年/.exec(where) ?? /((?:19|20)\d{2})\s*年/.exec(where);
  if (m) return Number(m[1]);
  // No year in the title: the notice's 文号 (〔2024〕9号) or its date (2024年3月8日, 2024-03-08).
  const lines = text
    .slice(0, 8000)
    .split(/\r\n|\r|\n/)
    .slice(0, 60)
    .join('\n');
  const docNumber = /[〔[(]\s*((?:19|20)\d{2})\s*[〕\])]\s*\d+\s*号/.exec(lines);
  if (docNumber) return Number(docNumber[1]);
  const date = /((?:19|20)\d{2})\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|-\d{2}-\d{2})/.exec(lines);
  return date ? Number(date[1]) : undefined;
}
