/**
 * A list of units as plans write it → one mention per unit.
 *
 * Separators: 、 , ; 及, 与/和 between two unit names (never inside one: 县住房和城乡建设局), spaces,
 * or nothing at all (县财政局县审计局). Parentheses inside a name are kept (各县(市、区)人民政府).
 * Trailing 等 / 等部门 go; `A、B等县安委会有关成员单位` names A, B and the group. Elided prefixes are
 * completed: 各镇党委、政府 → 各镇党委 + 各镇政府; 省财政厅、工业和信息化厅 → 省工业和信息化厅.
 * All matching runs on the match view; mentions are sliced from the source as written.
 */
import { matchView } from '../normalize.ts';

export interface Span {
  /** Offsets in the source. */
  start: number;
  end: number;
  /** As written (source slice), possibly with an elided prefix completed. */
  text: string;
}

/** Endings of unit names. */
const UNIT_END =
  /(局|厅|委|办|部|院|室|队|站|所|中心|政府|党委|党组|人大|政协|公司|集团|单位|部门|镇|乡|街道|社区|村|区|县|市|州|旗|盟|社|会|处|科|股|行|馆|署|团|联|协|组|庭|园|校|医院|银行|海关|企业|机构|指挥部|小组|园区|景区|分局|大队|支队|中队|总站|办公室|各地|各级|片区|工委|纪委|监委|武装部|机关|台|报社|网|中学|小学|学校|场|馆|站|段|林场|农场)$/;

/** Titles that make a mention a person, not a unit. */
const PERSON_END = /(县长|区长|市长|镇长|乡长|省长|州长|书记|主任|局长|厅长|部长|主席|同志|领导|秘书长|队长|组长|院长|所长|站长|委员(?!会))$/;

/** Endings after which a glued name may start (县财政局县审计局). */
const GLUE_AFTER = /[局厅委办部院队府会所站心司团社行处科关]/;
const ADMIN_START = /^(各|省|市(?!场)|县|区|州|镇|乡|自治)/;

/** Words that say nothing about who: dropped from the end of a mention. */
const TRAILING_FILLER = /(等[\d一二三四五六七八九十两几多]+个(?:有关|相关)?(?:部门|单位)|等有关部门|等相关部门|等有关单位|等相关单位|等部门|等单位|等|按职责分工负责|按职责负责|分别负责|共同负责|负责)$/;

const GENERIC_ALONE = /^(政府|党委|人大|政协|党工委|管委会|街道|县级市|区|县|乡镇|镇|乡|部门|单位|纪委|监委|人民政府|办事处)$/;

/**
 * No unit name is this long (isUnitLike allows 40 characters outside parentheses): longer pieces
 * are not split further, which keeps a 1 MB run of text without separators linear.
 */
const MAX_ITEM = 200;

export function stripParenthesized(name: string): string {
  return name.replace(/\([^()]*\)/g, '');
}

export function isUnitLike(view: string): boolean {
  const bare = stripParenthesized(view).trim();
  if (bare.length < 2 || bare.length > 40) return false;
  if (/[。!?:的]/.test(bare)) return false;
  if (PERSON_END.test(bare)) return false;
  if (/^各/.test(bare)) return true;
  return UNIT_END.test(bare);
}

export function isPersonLike(view: string): boolean {
  return PERSON_END.test(stripParenthesized(view).trim());
}

interface RawItem {
  start: number; // offsets in the view/text given to splitUnitList
  end: number;
}

function trimRange(view: string, start: number, end: number): [number, number] {
  while (start < end && /[\s,、;:.。]/.test(view[start]!)) start++;
  while (end > start && /[\s,、;:.。]/.test(view[end - 1]!)) end--;
  return [start, end];
}

/** Split at separators outside parentheses. */
function splitTopLevel(view: string, start: number, end: number): RawItem[] {
  const items: RawItem[] = [];
  let depth = 0;
  let itemStart = start;
  const push = (s: number, e: number) => {
    const [a, b] = trimRange(view, s, e);
    if (b > a) items.push({ start: a, end: b });
  };
  for (let i = start; i < end; i++) {
    const c = view[i]!;
    if (c === '(' || c === '[' || c === '〔' || c === '【') depth++;
    else if ((c === ')' || c === ']' || c === '〕' || c === '】') && depth > 0) depth--;
    else if (depth === 0) {
      let cut = 0;
      if (c === '、' || c === ',' || c === ';' || c === '/' || /\s/.test(c)) cut = 1;
      else if (c === '及') cut = 1;
      // A会同B: two units (the roles are read by the clause: A leads, B supports).
      else if (c === '会' && view[i + 1] === '同' && i > itemStart) cut = 2;
      else if ((c === '与' || c === '和') && i > itemStart && i - itemStart <= MAX_ITEM) {
        // Only between two names: the left part already ends like a unit.
        const left = view.slice(itemStart, i).trim();
        const right = view.slice(i + 1, Math.min(end, i + 40));
        if (isUnitLike(left) && /^(各|省|市|县|区|州|镇|乡|[^\s,、;]{2,})/.test(right)) cut = 1;
      }
      if (cut) {
        push(itemStart, i);
        itemStart = i + cut;
      }
    }
  }
  push(itemStart, end);
  return items;
}

/** 县财政局县审计局 → 县财政局 + 县审计局. */
function splitGlued(view: string, item: RawItem): RawItem[] {
  if (item.end - item.start > MAX_ITEM) return [item];
  const out: RawItem[] = [];
  let from = item.start;
  let depth = 0;
  for (let i = item.start + 2; i < item.end - 2; i++) {
    const c = view[i - 1]!;
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    if (depth > 0 || !GLUE_AFTER.test(c)) continue;
    const rest = view.slice(i, item.end);
    const left = view.slice(from, i);
    if (left.length < 3 || rest.length < 3) continue;
    if (c === '办' && rest.startsWith('公')) continue;
    if (c === '部' && rest.startsWith('门')) continue;
    if (c === '会' && rest.startsWith('同')) continue;
    // 机关 ends a name; 有关/相关 only qualify the next one (各有关乡镇人民政府).
    if (c === '关' && !left.endsWith('机关')) continue;
    if (c === '委' && !ADMIN_START.test(rest)) continue;
    // 县安委会各成员单位: a qualifier and a group word, not a second unit.
    if (/^(各|全体)?(有关|相关)?(成员)?(单位|部门)/.test(rest.replace(/^各/, '')) && /^(各|有关|相关|成员|全体)/.test(rest)) continue;
    const restHead = rest.match(/^[^,、;]*/)![0];
    // Without a place name the second unit must be a peer (财政局审计局), not a part of the first
    // (县公安局交警大队 is one unit).
    if (!ADMIN_START.test(rest) && !(/[局厅]$/.test(left) && restHead.length >= 3 && /(局|厅|委|办)$/.test(restHead) && !/分局$/.test(restHead))) continue;
    if (!isUnitLike(left) || !isUnitLike(rest)) continue;
    out.push({ start: from, end: i });
    from = i;
  }
  out.push({ start: from, end: item.end });
  return out;
}

/** `A等G` where G names a group: both; `A等部门`: A alone. */
function splitEtc(view: string, item: RawItem): RawItem[] {
  if (item.end - item.start > MAX_ITEM) return [item];
  const text = view.slice(item.start, item.end);
  let depth = 0;
  for (let i = text.length - 2; i > 0; i--) {
    const c = text[i]!;
    if (c === ')') depth++;
    else if (c === '(') depth--;
    if (depth !== 0 || c !== '等') continue;
    const right = text.slice(i + 1);
    // 县禁毒办等12个部门 counts units, it names none.
    if (/^(有关|相关)?(部门|单位)$/.test(right) || /^[\d一二三四五六七八九十两几多]+个/.test(right) || right.length < 4 || !isUnitLike(right)) continue;
    return [
      { start: item.start, end: item.start + i },
      { start: item.start + i + 1, end: item.end },
    ];
  }
  return [item];
}

function stripFiller(view: string, item: RawItem): RawItem {
  let { start, end } = item;
  for (;;) {
    const m = TRAILING_FILLER.exec(view.slice(start, end));
    if (!m || m.index === 0) break;
    end = start + m.index;
    [start, end] = trimRange(view, start, end);
  }
  // (含西岭新区管委会) after a name says what it covers; it is not part of the name.
  const covers = /\((含|包括|不含)[^()]{0,200}\)$/.exec(view.slice(start, end));
  if (covers && covers.index > 0) [start, end] = trimRange(view, start, start + covers.index);
  // Leading words that belong to the sentence, not the name.
  const lead = /^((?:以上|上述|此项|该项|本项)?工作由|由|请|经|会同|组织|为)/.exec(view.slice(start, end));
  if (lead && end - start - lead[0].length >= 2) start += lead[0].length;
  return { start, end };
}

/** The administrative prefix a following elided item inherits. */
function adminPrefix(name: string): string | undefined {
  const m = /^(各(?:乡镇|镇|乡|街道|区|县|市|县区|县市区)?(?:\([^()]*\))?|省|市(?!场)|县|区|州|自治区|自治州)/.exec(matchView(name));
  if (!m) return undefined;
  // 各区、县级市: the whole of 各区 is no prefix; its 各 is.
  if (m[0] === name) return name.startsWith('各') ? name.slice(0, 1) : undefined;
  return name.slice(0, m[0].length);
}

function completeElision(previous: Span | undefined, view: string, text: string): string {
  if (!previous) return text;
  const prefix = adminPrefix(previous.text);
  if (!prefix) return text;
  if (GENERIC_ALONE.test(view)) return prefix + text;
  // Names that carry their own place stay as written.
  if (ADMIN_START.test(view) || /^[\u4e00-\u9fff]{1,6}?(省|市|县|区|州|镇|乡)/.test(view)) return text;
  // A department named without its place after one that has it: 省财政厅、工业和信息化厅.
  // Branches of higher offices (…分局, …大队) are named without the county, so they stay as written.
  if (prefix === '各' || !/(厅|局|委|办|支队|大队)$/.test(view) || /(分局|公司)$/.test(view)) return text;
  return /(厅|局|委|办|部|队)$/.test(previous.text) ? prefix + text : text;
}

export interface UnitListResult {
  units: Span[];
  persons: Span[];
  /** Pieces that are neither a unit nor a person (kept for diagnostics). */
  rejected: Span[];
}

/**
 * Split `text[start, end)` (with its match view `view`; both whole-source strings) into unit
 * mentions; offsets are absolute.
 */
export function splitUnitList(view: string, text: string, start: number, end: number): UnitListResult {
  const result: UnitListResult = { units: [], persons: [], rejected: [] };
  let previous: Span | undefined;
  for (const top of splitTopLevel(view, start, end)) {
    for (const etc of splitEtc(view, stripFiller(view, top))) {
      for (const raw of splitGlued(view, stripFiller(view, etc))) {
        const item = stripFiller(view, raw);
        if (item.end <= item.start) continue;
        const itemView = view.slice(item.start, item.end);
        const itemText = text.slice(item.start, item.end);
        if (isPersonLike(itemView)) {
          result.persons.push({ start: item.start, end: item.end, text: itemText });
          continue;
        }
        if (!isUnitLike(itemView) && !GENERIC_ALONE.test(itemView)) {
          result.rejected.push({ start: item.start, end: item.end, text: itemText });
          continue;
        }
        const span: Span = { start: item.start, end: item.end, text: completeElision(previous, itemView, itemText) };
        result.units.push(span);
        previous = span;
      }
    }
  }
  return result;
}
