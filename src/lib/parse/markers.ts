/**
 * Hierarchy markers at the start of a line, read on the match view (full-width already folded):
 * 一、 (part) · (一) ㈠ (section) · 1. 1、 2 . (item) · (1) (sub-item) · ① ⑴ 1) (sub-sub-item), each
 * optionally after ★; a 测评体系's level codes Ⅰ—1 (section) · Ⅱ—1 (item) · Ⅲ—1 (sub-item). A serial
 * number alone on its line starts a row of a flattened table.
 */
import { chineseToNumber, enclosedToNumber } from './numerals.ts';

/** 0 is 第一部分 when the plan also has 一、 parts inside it. */
export type MarkerLevel = 0 | 1 | 2 | 3 | 4 | 5;

export interface Marker {
  level: MarkerLevel;
  /** Offset (in the line) where the marker starts, after indentation. */
  start: number;
  /** Offset (in the line) after the marker and the space that follows it. */
  end: number;
  /** As written, trimmed: "一、", "(一)", "1.", "★3.". */
  text: string;
  /** As written: "一", "十一", "1". */
  number: string;
  value: number;
  /** The line holds only the number (a flattened table row). */
  bare: boolean;
  /** Length of a page number (`— 3 —`) or of bold markup (`**`) written before the marker: chrome, not the marker. */
  prefix?: number;
  /** 第一部分 / 第一章: a part named in words. */
  chapter?: boolean;
  /**
   * The text after the marker starts with a digit (`8.365工程`, `2.3月底前`): a marker only where
   * its number continues the plan's numbering, else a decimal (`1.5万元`).
   */
  glued?: boolean;
}

const CN = '[一二三四五六七八九十百〇零两]{1,4}';
const PART = new RegExp(`^(\\s*)(★\\s*)?(?:第(${CN})(?:部分|章)|(${CN})\\s*[、.,])\\s*`);
const SECTION = new RegExp(`^(\\s*)(★\\s*)?(?:\\(\\s*(${CN})\\s*\\)|第(${CN})节)\\s*`);
/** ㈠–㈩: (一)–(十) as one character (a copy that kept the font's enclosed form). */
const ENCLOSED_SECTION = /^(\s*)(★\s*)?([\u3220-\u3229])\s*/;
/** A page number left by a PDF before a heading (`— 3 —第二节…`), or Markdown bold opening it (`**一、…**`, a copied article). */
const PAGE_PREFIX = /^\s*(?:[—–-]\s*\d{1,3}\s*[—–-]|\*\*|__)\s*(?=\S)/;
const ITEM = /^(\s*)(★\s*)?(\d{1,5})\s*(?:[、,]|\.)\s*/;
/** `8.365工程`, `2.3月底前`: a number glued to the digits of the text (or a decimal: see `glued`). */
const GLUED_DIGITS = /^\s*(?:★\s*)?\d{1,5}\s*[、,.]\d/;
const SUB = /^(\s*)(★\s*)?\(\s*(\d{1,3})\s*\)\s*/;
const SUBSUB = /^(\s*)(★\s*)?(?:([①-⑳⑴-⒇])|(\d{1,2})\)(?!\)))\s*/;
const BARE = /^(\s*)(\d{1,4})\s*$/;
/**
 * An index code of a 测评体系 (`Ⅰ—1` 测评项目, `Ⅱ—3` 指标, `Ⅲ—12` 测评内容; a dash or hyphen): its Roman
 * numeral names its level, the number after it counts through the table.
 */
const LEVEL_CODE = /^(\s*)([ⅠⅡⅢⅣ])\s*[—–-]{1,2}\s*(\d{1,3})(?!\d)\s*/;
const CODE_LEVELS: Record<string, MarkerLevel> = { Ⅰ: 2, Ⅱ: 3, Ⅲ: 4, Ⅳ: 5 };

/** `view` is the match view of a line; `text` its source (for `text` and `number` as written). */
export function readMarker(view: string, text: string): Marker | undefined {
  const page = PAGE_PREFIX.exec(view);
  if (page) {
    const marker = readLineMarker(view.slice(page[0].length), text.slice(page[0].length));
    if (!marker) return undefined;
    return { ...marker, start: marker.start + page[0].length, end: marker.end + page[0].length, prefix: page[0].length };
  }
  return readLineMarker(view, text);
}

function readLineMarker(view: string, text: string): Marker | undefined {
  let m: RegExpExecArray | null;
  const make = (level: MarkerLevel, match: RegExpExecArray, numberIndex: number, value: number | undefined, bare = false): Marker | undefined => {
    if (value === undefined) return undefined;
    const start = match[1]!.length;
    const end = match[0].length;
    // A marker must be followed by text (or be a bare serial number).
    if (!bare && end >= view.length) return undefined;
    const numberStart = view.indexOf(match[numberIndex]!, start);
    return {
      level,
      start,
      end,
      text: text.slice(start, end).trim(),
      // Arabic numbers are given in ASCII (１ → 1); Chinese ones as written (十一).
      number: level >= 3 ? String(value) : text.slice(numberStart, numberStart + match[numberIndex]!.length),
      value,
      bare,
    };
  };
  m = PART.exec(view);
  if (m) {
    const marker = make(1, m, m[3] ? 3 : 4, chineseToNumber((m[3] ?? m[4])!));
    if (marker && m[3]) marker.chapter = true;
    return marker;
  }
  m = SECTION.exec(view);
  if (m) return make(2, m, m[3] ? 3 : 4, chineseToNumber((m[3] ?? m[4])!));
  m = ENCLOSED_SECTION.exec(view);
  if (m) return make(2, m, 3, m[3]!.charCodeAt(0) - 0x3220 + 1);
  m = SUB.exec(view);
  if (m) return make(4, m, 3, Number(m[3]));
  m = ITEM.exec(view);
  if (m) {
    const marker = make(3, m, 3, Number(m[3]));
    if (marker && GLUED_DIGITS.test(view)) marker.glued = true;
    return marker;
  }
  m = SUBSUB.exec(view);
  if (m) return make(5, m, m[3] ? 3 : 4, m[3] ? enclosedToNumber(m[3]) : Number(m[4]));
  m = LEVEL_CODE.exec(view);
  if (m) return make(CODE_LEVELS[m[2]!]!, m, 3, Number(m[3]));
  m = BARE.exec(view);
  if (m) return make(3, m, 2, Number(m[2]), true);
  return undefined;
}
