/**
 * Where the plan itself starts. Published files often open with page chrome and a covering notice
 * (通知) that has its own 一、二、三 points, a signature, a date, (此件公开发布) and a contact line,
 * then the plan's title. All of that is preamble; the plan's body starts at the first hierarchy
 * marker after it.
 */
import type { LineInfo } from './classify.ts';
import type { Line } from './lines.ts';
import { alt, CLOSING_LABELS, CLOSING_NOTE_WORDS, COPIES_WORDS, ISSUER_ENDINGS, PRINTED_WORDS } from './lexicon.ts';
import type { Source } from './source.ts';
import { startsTable } from './table.ts';

const DOC_NUMBER = /[〔[(]\s*(19|20)\d{2}\s*[〕\])]\s*\d+\s*号/;
const ADDRESSEE = /^[^。]{2,80}[:]\s*$/;
const ADDRESSEE_WORDS = /(各|有关|人民政府|单位|部门|委员会|办公室|局)/;
const ISSUING = /(印发给你们|现印发|现将.{0,60}印发|现予印发|印发你们|请认真(贯彻|组织|抓好)|请结合实际|经.{0,20}同意)/;
const CN_DIGIT = '[〇零一二三四五六七八九十○Ｏ0-9]';
const DATE_LINE = new RegExp(`^\\s*(\\d{4}|${CN_DIGIT}{4})\\s*年\\s*(\\d{1,2}|${CN_DIGIT}{1,3})\\s*月\\s*(\\d{1,2}|${CN_DIGIT}{1,3})\\s*日\\s*$`);
const CLOSING = new RegExp(`^\\s*[([]\\s*(?:${alt(CLOSING_NOTE_WORDS)})|^\\s*(?:${alt(CLOSING_LABELS)})\\s*[::]`);
/** An item of an 附件 list on a line of its own: `2.某某任务清单`, `2、….docx`. */
const ATTACHMENT_ITEM = /^\s*\d{1,2}\s*[.、]\s*\S.{0,60}(?:表|清单|方案|办法|细则|目录|说明|计划|要点|\.docx?|\.xlsx?|\.pdf|\.wps)\s*$/;
/** An office's name as it signs: `县安全生产委员会办公室`. */
const OFFICE = `[^\\s。,;:]{2,30}(?:${alt(ISSUER_ENDINGS)})`;
const SIGNATURE = new RegExp(`^\\s*${OFFICE}\\s*$`);
const TITLE = /(方案|计划|要点|清单|安排|措施|任务|意见|分工|细则|规划|台账)/;

/** Index of the first line of the plan's body (lines before it are preamble). */
export function findBodyStart(src: Source, lines: Line[], infos: LineInfo[]): number {
  const limit = Math.max(1, Math.floor(lines.length * 0.8));
  let noticeStart = -1;
  for (let i = 0; i < limit; i++) {
    const view = lines[i]!.view.trim();
    if (infos[i]!.kind === 'chrome' || infos[i]!.kind === 'blank') continue;
    if (DOC_NUMBER.test(view) && view.length < 60) {
      noticeStart = i;
      break;
    }
    if (ADDRESSEE.test(view) && ADDRESSEE_WORDS.test(view) && !infos[i]!.marker && view.length < 80) {
      noticeStart = i;
      break;
    }
    if (ISSUING.test(view) && !infos[i]!.marker) {
      noticeStart = i;
      break;
    }
    // Past the first structural marker with no notice in sight: there is none.
    if (infos[i]!.marker && !infos[i]!.marker!.bare && infos[i]!.marker!.level >= 2) break;
  }

  let bodyFrom = 0;
  if (noticeStart >= 0) {
    let closing = -1;
    for (let i = noticeStart + 1; i < limit; i++) {
      const view = lines[i]!.view;
      if (DATE_LINE.test(view) || CLOSING.test(view)) {
        closing = i;
        // The signature block runs on: more dates, (此件公开发布), contact lines, blanks, signatures.
        let j = i + 1;
        let attachments = /附件|附:/.test(lines[i]!.view);
        while (
          j < lines.length &&
          (infos[j]!.kind === 'blank' ||
            infos[j]!.kind === 'chrome' ||
            DATE_LINE.test(lines[j]!.view) ||
            CLOSING.test(lines[j]!.view) ||
            SIGNATURE.test(lines[j]!.view) ||
            (attachments && ATTACHMENT_ITEM.test(lines[j]!.view)))
        ) {
          if (/附件|附:/.test(lines[j]!.view)) attachments = true;
          if (infos[j]!.kind !== 'blank') closing = j;
          j++;
        }
        break;
      }
    }
    if (closing < 0) {
      // No signature: the notice ends before the plan's title.
      for (let i = noticeStart + 1; i < limit; i++) {
        const view = lines[i]!.view.trim();
        if (startsTable(src, lines, i)) {
          closing = i - 1;
          break;
        }
        if (!infos[i]!.marker && TITLE.test(view) && !/通知|印发/.test(view) && view.length <= 60 && !/[。;|]$/.test(view)) {
          closing = i - 1;
          break;
        }
      }
    }
    if (closing >= 0) bodyFrom = closing + 1;
    // A notice whose own points are the plan (现就有关事项通知如下：一、… 1.…) signs at the end: what
    // looked like the end of a covering notice is the plan's 落款, and the plan starts after the notice's opening.
    if (bodyFrom > 0 && firstBodyLine(src, lines, infos, bodyFrom) === lines.length) bodyFrom = noticeStart + 1;
  }
  return firstBodyLine(src, lines, infos, bodyFrom);
}

function firstBodyLine(src: Source, lines: Line[], infos: LineInfo[], bodyFrom: number): number {
  for (let i = bodyFrom; i < lines.length; i++) {
    const info = infos[i]!;
    if (info.marker || startsTable(src, lines, i)) return i;
    if (info.kind === 'label' && i > bodyFrom) return i;
  }
  return lines.length;
}

/** `青石镇党政办公室　　2026年4月20日印发`: the 版记's printing line. */
const PRINTED = new RegExp(
  `^\\s*\\S.{0,40}?\\s*(\\d{4}|${CN_DIGIT}{4})\\s*年\\s*(\\d{1,2}|${CN_DIGIT}{1,3})\\s*月\\s*(\\d{1,2}|${CN_DIGIT}{1,3})\\s*日\\s*(?:${alt(PRINTED_WORDS)})\\s*$`,
);
const MAX_CLOSING_LINE = 120;
/** `共印30份`. */
const COPIES = new RegExp(`^\\s*\\(?\\s*(?:${alt(COPIES_WORDS.before)})\\s*\\d+\\s*(?:${alt(COPIES_WORDS.after)})\\s*\\)?\\s*$`);
/** Offices signing side by side on one line: `县安委会办公室　　　县住房和城乡建设局`. */
const JOINT_SIGNATURE = new RegExp(`^\\s*(?:${OFFICE}\\s+)+${OFFICE}\\s*$`);

/** A line of the 版记 or a closing note (`…2023年3月10日印发`, `共印30份`, `（此件公开发布）`, `抄送:`): never a table's row. */
export function isClosingLine(view: string): boolean {
  return view.length <= MAX_CLOSING_LINE && (PRINTED.test(view) || COPIES.test(view) || CLOSING.test(view));
}

/**
 * Where the plan's closing starts: its 落款 (the issuing office and the date), `（此件公开发布）`,
 * and the 版记 (抄送, the printing line, 共印…份) after the last task; `lines.length` when it has
 * none. Only a run of such lines at the very end counts, outside tables, with a date under an
 * office or a 版记 line among them: a unit and a date alone (a table's last row) are no closing.
 */
export function findClosingStart(lines: Line[], infos: LineInfo[], from: number, inTable: ReadonlySet<number>): number {
  let first = lines.length;
  let signed = false;
  let above = -1;
  for (let i = lines.length - 1; i >= from; i--) {
    const info = infos[i]!;
    if (info.kind === 'blank' || info.kind === 'chrome') continue;
    if (inTable.has(i) || info.marker) break;
    const view = lines[i]!.view;
    // A 落款 or 版记 line is short: a long line is text (and no pattern runs over a 1 MB line).
    if (view.length > MAX_CLOSING_LINE) break;
    const signature = SIGNATURE.test(view) || JOINT_SIGNATURE.test(view);
    if (PRINTED.test(view) || COPIES.test(view) || CLOSING.test(view)) signed = true;
    else if (DATE_LINE.test(view)) above = i;
    else if (signature) {
      // An office directly above the date: the 落款.
      if (above >= 0 && nextContent(infos, i) === above) signed = true;
    } else break;
    first = i;
  }
  return signed ? first : lines.length;
}

function nextContent(infos: LineInfo[], i: number): number {
  let j = i + 1;
  while (j < infos.length && infos[j]!.kind === 'blank') j++;
  return j;
}
