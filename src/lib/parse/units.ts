/**
 * The unit recognizer: a list of units as plans write it → one mention per unit. Every reader of
 * the parser (clauses, table cells, glued names, sentences) goes through `recognizeUnits`.
 *
 * - Separators: 、 , ; / 及, 与/和 between two names (never inside one: 县住房和城乡建设局), spaces and
 *   line breaks (a name broken across two lines is read whole), or nothing at all (县财政局县审计局:
 *   the registry's names first, then the name grammar). Parentheses inside a name are kept
 *   (各县(市、区)人民政府).
 * - Tails that name nobody go: 等, 等部门, 按职责分工负责; `A、B等县安委会有关成员单位` names A, B
 *   and the group; `等12个部门` counts units and names none.
 * - Elision is completed both ways. A shared ending: 县发改、财政局 → 县发改局 + 县财政局;
 *   有关县、区政府 → 有关县政府 + 有关区政府. A shared prefix: 省财政厅、人力资源社会保障厅 →
 *   省人力资源社会保障厅; 各镇党委、政府 → 各镇政府; 县委宣传部、网信办 → 县委网信办 (a party organ
 *   keeps the committee), 县委组织部、人社局 → 县人社局.
 * - A piece that is neither a unit nor a person is returned as `rejected`, never dropped: the
 *   caller reports it.
 * All matching runs on the match view; mentions are sliced from the source as written.
 */
import { matchView, nameKey, viewKey } from '../normalize.ts';
import { charClass, SPACE } from './chars.ts';
import {
  DEPARTMENT_GIVER_ENDINGS,
  DEPARTMENT_STEMS,
  DEPARTMENT_TAKER_ENDINGS,
  STATION_ENDINGS,
  PARTY_STEMS,
  alt,
  COUNT_FILLER,
  DESCRIBED_FILLER,
  FALSE_ENDINGS,
  GENERIC_UNITS,
  GLUE_AFTER,
  UNCUT_WORDS,
  LOWEST_OFFICE_ENDINGS,
  ZONE_ORGANS,
  ZONE_ENDINGS,
  NOT_PLACE_STARTS,
  PINYIN_RESIDUE_PATTERN,
  GOVERNMENT_ENDINGS,
  GROUP_WORDS,
  HEAD_OFFICES,
  LEADING_WORDS,
  ROLE_WORDS,
  DUTY_NOUNS,
  DUTY_ORDINAL,
  LEADING_WORDS_IN_NAMES,
  LEVEL_WORDS,
  PERSON_TITLES,
  PLACE_WORDS,
  QUALIFIERS,
  SENTENCE_STARTS,
  TRAILING_FILLERS,
  UNIT_PEOPLE,
  UNIT_ENDINGS,
  UNIT_MARKS,
  OWN_ORGANS,
  INTERNAL_OFFICE_ENDINGS,
} from './lexicon.ts';
import type { Source } from './source.ts';

export interface Span {
  /** Offsets in the source. */
  start: number;
  end: number;
  /** As written (source slice), with an elided part completed and line breaks removed. */
  text: string;
  /** Written with a sign beside it (`县农业农村局*`): the sign is no part of the name; a note may say it leads. */
  marked?: boolean;
}

export interface UnitListResult {
  units: Span[];
  persons: Span[];
  /** Pieces that are neither a unit nor a person: the caller reports them. */
  rejected: Span[];
}

const UNIT_END = new RegExp(`(?:${alt(UNIT_ENDINGS)})$`);
const GOVERNMENT_STEM = new RegExp(`^(?:${alt(DEPARTMENT_STEMS.filter((w) => !(PARTY_STEMS as readonly string[]).includes(w)))})`);
const DEPARTMENT_STEM_START = new RegExp(`^(?:${alt(DEPARTMENT_STEMS)})`);
const DEPARTMENT_TAKER_END = new RegExp(`(?:${alt(DEPARTMENT_TAKER_ENDINGS)})$`);
const DEPARTMENT_GIVER_END = new RegExp(`(?:${alt(DEPARTMENT_GIVER_ENDINGS)})$`);
const STATION_END = new RegExp(`(?:${alt(STATION_ENDINGS)})$`);
const PERSON_END = new RegExp(`(?:${alt(PERSON_TITLES)}|委员(?!会))$`);
const GLUE_CHAR = new RegExp(`[${GLUE_AFTER}]`);
const UNCUT = new Set<string>(UNCUT_WORDS);
const ZONE = new RegExp(`(?:${alt(ZONE_ENDINGS)})(?:${alt(ZONE_ORGANS)})?$`);
const ZONE_ORGAN_ALONE = new RegExp(`^(?:${alt(LEVEL_WORDS)})(?:${alt(ZONE_ORGANS)})$`);
const LOWEST_OFFICE_END = new RegExp(`(?:${alt(LOWEST_OFFICE_ENDINGS)})$`);
const PLACE_START = new RegExp(`^(?:各|${alt(PLACE_WORDS.filter((p) => p !== '市'))}|市(?!场))`);
const GENERIC = new RegExp(`^(?:${alt(GENERIC_UNITS)})$`);
const FILLER_END = new RegExp(`(?:${COUNT_FILLER}|${DESCRIBED_FILLER}|${alt(TRAILING_FILLERS)})$`);
/** Leading words, and the ordinals that open a duty in a list of them (一是, 二是). */
const LEADING = new RegExp(`^(?:${alt(LEADING_WORDS)}|${DUTY_ORDINAL})`);
const NAME_LEADING: ReadonlySet<string> = new Set(LEADING_WORDS_IN_NAMES);
const DUTY_BEFORE = new RegExp(`^[^、,;()]{0,12}?(?:${alt(DUTY_NOUNS)})`);
const QUALIFIER = `(?:${alt(QUALIFIERS)})`;
const QUALIFIER_AT_START = new RegExp(`^${QUALIFIER}`);
const LEVEL = `(?:${alt(LEVEL_WORDS)})`;
const GOV_ENDING = `(?:${alt(GOVERNMENT_ENDINGS)})`;
/** `各乡`, `有关县`: a level of places waiting for the ending its neighbour gives. */
const BARE_LEVEL = new RegExp(`^(${QUALIFIER})?(${LEVEL})(\\([^()]*\\))?$`);
/** `区政府`, `各镇人民政府`: the government of a level of places. */
const LEVEL_GOVERNMENT = new RegExp(`^(${QUALIFIER})?(${LEVEL})(\\([^()]*\\))?(${GOV_ENDING})$`);
/** `县发改`, `财政`: a department's stem waiting for its ending (局, 委, 办, 厅). */
const STEM = new RegExp(`^(?:${alt(PLACE_WORDS)})?(?:委)?[\\u4e00-\\u9fff]{2,5}$`);
const STEM_ENDING = /[\u4e00-\u9fff]{2,}?(局|委|办|厅|部)$/;
const PARTY_PREFIX = new RegExp(`^((?:${alt(PLACE_WORDS)})委)(?!员|会)`);
/** A name that opens with its place (`县`, `市`, `各`), not with a word that only starts like one (市场, 乡村 …). */
/** A word that starts like a place and names none (市场, 县市); 县市场… is the county's 市场…. */
const NOT_PLACE = `(?:${alt(NOT_PLACE_STARTS)})(?!场)`;
const PLACE_OPENS = new RegExp(`^(?:各|(?!${NOT_PLACE})(?:${alt(PLACE_WORDS)}))`);
export function opensWithPlace(view: string): boolean {
  return PLACE_OPENS.test(view);
}
const ADMIN_PREFIX = new RegExp(`^(各(?:${LEVEL})?(?:\\([^()]*\\))?|(?!${NOT_PLACE})(?:${alt(PLACE_WORDS)}))`);
/** A name that starts with a place of its own (澜州市…); 城乡, 乡村, 城市, 市场, 城镇, 社区 are words, not places. */
const OWN_PLACE = /^(?:(?!城乡|乡村|城市|市场|城镇|社区|小区|园区|景区|片区)[\u4e00-\u9fff]){1,6}?(?<!城)(省|市(?!场)|县|区|州|镇|乡(?!村))/;
const COUNT = /\d+(?:\.\d+)?\s*(?:处|个|家|所|座|条|项|万|亿|人|户|次|名|公里|亩|%|期|场|批|类|吨)/;
const SENTENCE_START = new RegExp(`^(?:${alt(SENTENCE_STARTS)})`);
const FALSE_END = new RegExp(`(?:${alt(FALSE_ENDINGS)})$`);
const ENDING_ONLY = new RegExp(`^(?:${alt(UNIT_ENDINGS)})$`);
/** Two-character words of places and levels (乡镇, 县区, 社区 …): a line break between their characters is inside the name (各乡⏎镇人民政府). */
const PLACE_WORD_PAIRS: ReadonlySet<string> = new Set([...LEVEL_WORDS, ...NOT_PLACE_STARTS].filter((w) => w.length === 2));
const ROLE_TAIL = new RegExp(`(?:${alt(ROLE_WORDS.map((w) => w.word))})$`);
const ROLE_IN_PHRASE = new RegExp(`(?:${alt(ROLE_WORDS.map((w) => w.word).filter((w) => w.length >= 2))})`);
/** A place of a level and the start of a role word after it (配, 具体负): a line break cut the word. */
const ROLE_CUT_OFF = new RegExp(
  `^各(?:${alt([...LEVEL_WORDS, ...GROUP_WORDS])})(?:${alt([...new Set(ROLE_WORDS.flatMap((w) => [...w.word].slice(1).map((_, k) => w.word.slice(0, k + 1))))])})$`,
);
/** The rest of a 科室's name after a word that opens sentences too (组织 + 人事科): two characters and a desk's ending (科, 处, 股, 室; not a station's). */
const SHORT_OFFICE = new RegExp(
  `^[\\u4e00-\\u9fff]{2}(?:${alt(INTERNAL_OFFICE_ENDINGS.filter((e) => e.length === 1 && !(STATION_ENDINGS as readonly string[]).includes(e)))})$`,
);
const BARE_ENDING = new RegExp(`^(?:${alt(UNIT_ENDINGS.filter((e) => e.length >= 2))})$`);
const NAMED_PLACE = /^[\u4e00-\u9fff]{1,6}(区|县|镇|乡|街道|市)$/;
const ORGAN_AFTER_PLACE = /^[\u4e00-\u9fff]{1,6}(区|县|镇|乡|街道|市)(管委会|党工委|人民政府|政府|党委|办事处)$/;
const ORGAN_END = /(党委|党工委|人民政府|政府|管委会|人大常委会|人大|政协|纪委)$/;
/** Words of deadlines and actions: 长期坚持, 立行立改, 持续推进 are no names. */
const NOT_A_NAME = /坚持|推进|完成|立改|长期|持续|常态|落实|开展|实施|到位|以上|以内|以下|之前|前$|后$|期间|每[年月季周]/;
const PINYIN_RESIDUE = new RegExp(PINYIN_RESIDUE_PATTERN, 'g');
const LEVEL_ALONE = new RegExp(`^(?:${alt(LEVEL_WORDS)})$`);
const UNIT_PEOPLE_END = new RegExp(`(?:${alt(UNIT_PEOPLE)})$`);
const NAMEISH = /^[\u4e00-\u9fff()“”"]{2,24}$/;

/**
 * No unit name is this long: longer pieces are not split further, which keeps a 1 MB run of text
 * without separators linear.
 */
const MAX_ITEM = 200;

export function stripParenthesized(name: string): string {
  return name.replace(/\([^()]*\)/g, '');
}

/** The name ends like a unit (局, 委, 中心, 人民政府 …), not in a word that only looks so (农业农村). */
/** How many characters of the name's end are its unit ending (局属各单位党组织 → 3), 0 without one. */
export function unitEndingLength(view: string): number {
  return UNIT_END.exec(view)?.[0].length ?? 0;
}

export function hasUnitEnding(view: string): boolean {
  return hasEnding(view);
}

function hasEnding(view: string): boolean {
  const bare = stripParenthesized(view).trim();
  return UNIT_END.test(bare) && !FALSE_END.test(bare);
}

/**
 * A pure function of a string, remembered: a plan names the same units thousands of times, and the
 * recognizer asks of each piece several times. The memory is bounded (emptied when full).
 */
function remembered<T>(read: (key: string) => T, limit = 20_000): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    let answer = seen.get(key);
    if (answer === undefined) {
      if (seen.size >= limit) seen.clear();
      answer = read(key);
      seen.set(key, answer);
    }
    return answer;
  };
}

/** A name the grammar reads as a unit: a place-word or 各 start, or a unit ending. */
export const isUnitLike: (view: string) => boolean = remembered(unitLike);

function unitLike(view: string): boolean {
  const bare = stripParenthesized(view).trim();
  // 村(社区), 镇(街道): every place of a level.
  if (LEVEL_ALONE.test(bare) && bare !== view.trim()) return true;
  if (bare.length < 2 || bare.length > 40) return false;
  if (/[。!?:的]/.test(bare)) return false;
  // 改造项目8处: a count, not a name; 按国家统一部署: a sentence.
  if (COUNT.test(bare)) return false;
  // …unless the word is all of the name but its ending (组织办, 宣传部: the office of that work), or
  // opens a 科室's short name (组织人事科).
  const opening = SENTENCE_START.exec(bare);
  if (opening && !ENDING_ONLY.test(bare.slice(opening[0].length)) && !SHORT_OFFICE.test(bare.slice(opening[0].length))) return false;
  if (PERSON_END.test(bare)) return false;
  if (UNIT_END.test(bare)) return true;
  // 各镇街, 各宾馆酒店: a short 各 phrase names every one of them; a long one is a sentence, and so is one
  // that holds a role word or the start of one a line break cut (各乡镇落实属⏎地责任, 各乡镇配⏎合).
  return bare.startsWith('各') && bare.length <= 6 && !ROLE_IN_PHRASE.test(bare) && !ROLE_CUT_OFF.test(bare);
}

export const isPersonLike: (view: string) => boolean = remembered((view) => PERSON_END.test(stripParenthesized(view).trim()));

/** A piece that reads like a name even though no ending says so (县水务, 有关企业主体). */
export function isNameLike(view: string): boolean {
  const compact = view.replace(/\s+/g, '');
  return NAMEISH.test(compact) && !SENTENCE_START.test(compact) && !NOT_A_NAME.test(compact) && !isPersonLike(compact);
}

interface Item {
  start: number;
  end: number;
  /** The separator before this item ('' at the start or for glued names). */
  before: string;
}

/** `text` without the characters its view shows as white space. */
function withoutBlanks(text: string, view: string): string {
  let out = '';
  for (let k = 0; k < text.length; k++) if (!/\s/.test(view[k]!)) out += text[k];
  return out;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0' || c === '\u3000';
}

/** Separators and white space that an item's ends lose. */
const TRIMMED = charClass(',、;:.。|—', { space: true });
/** What `splitTopLevel` looks at: brackets, separators, white space, `<br>`, 及, 会同, 与, 和. */
const LIST_SPECIAL = charClass('([〔【)]〕】、,;/|<及会与和', { space: true });
/** What `splitGlued` looks at: parentheses and the last characters of names. */
const GLUE_SPECIAL = charClass(`()${GLUE_AFTER}`);

/** The start of `[start, end)` without separators and white space before it. */
function trimmedStart(view: string, start: number, end: number): number {
  while (start < end && TRIMMED.has(view.charCodeAt(start))) start++;
  return start;
}

/** The end of `[start, end)` without separators and white space after it. */
function trimmedEnd(view: string, start: number, end: number): number {
  while (end > start && TRIMMED.has(view.charCodeAt(end - 1))) end--;
  return end;
}

const CLOSERS: ReadonlySet<string> = new Set([')', ']', '〕', '】']);

/** Whether every closing bracket of `text` closes one it opens. */
function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '(' || c === '[' || c === '〔' || c === '【') depth++;
    else if (CLOSERS.has(c) && --depth < 0) return false;
  }
  return true;
}

/** Split at separators outside parentheses. */
function splitTopLevel(src: Source, start: number, end: number): Item[] {
  const view = src.view;
  const items: Item[] = [];
  let depth = 0;
  let itemStart = start;
  let before = '';
  const push = (s: number, e: number, next: string) => {
    const a = trimmedStart(view, s, e);
    let b = trimmedEnd(view, a, e);
    // A bracket that closes what opened before the list (a clause's `(` at the end of the line
    // above): no part of the last name.
    while (b > a && CLOSERS.has(view[b - 1]!) && !balanced(view.slice(a, b))) b = trimmedEnd(view, a, b - 1);
    if (b > a) {
      items.push({ start: a, end: b, before });
      before = next;
    } else if (next !== ' ' || before === '') before = next || before;
  };
  for (let i = start; i < end; i++) {
    if (!LIST_SPECIAL.has(view.charCodeAt(i))) continue;
    const c = view[i]!;
    if (c === '(' || c === '[' || c === '〔' || c === '【') depth++;
    else if ((c === ')' || c === ']' || c === '〕' || c === '】') && depth > 0) depth--;
    else if (depth === 0) {
      let cut = 0;
      let sep = c;
      if (c === '、' || c === ',' || c === ';' || c === '/' || c === '|') cut = 1;
      // A Markdown cell's line break: <br>, <br/>, <br />.
      else if (c === '<' && /^<br\s*\/?>/i.test(view.slice(i, i + 6))) {
        cut = /^<br\s*\/?>/i.exec(view.slice(i, i + 6))![0].length;
        sep = ' ';
      } else if (isSpace(c)) {
        // What the view alone blanks (a site's watermark inside a name) separates nothing.
        if (!isSpace(src.text[i]!)) continue;
        cut = 1;
        sep = ' ';
        // A name spaced out letter by letter (a PDF's justified cell: 市 工 业 和信 息化局): a piece
        // of one or two characters that is no name goes on with the next.
        if (c === ' ' || c === '\u3000') {
          let f = i;
          while (f > itemStart && !isSpace(view[f - 1]!)) f--;
          const fragment = view.slice(f, i);
          if (/^[\u4e00-\u9fff]{1,2}$/.test(fragment) && !isUnitLike(fragment) && !isPersonLike(fragment) && /^\s*[\u4e00-\u9fff]/.test(view.slice(i, i + 3)))
            continue;
          // A name wrapped in a narrow cell (自然资源和规划分 局, 安商工 作部): one or two characters after
          // the space finish a piece that is no name into one.
          let j = i;
          while (j < end && isSpace(view[j]!)) j++;
          let r = j;
          while (r < end && !LIST_SPECIAL.has(view.charCodeAt(r))) r++;
          const rest = view.slice(j, r);
          if (
            /^[\u4e00-\u9fff]{1,2}$/.test(rest) &&
            /^[\u4e00-\u9fff]{2,}$/.test(fragment) &&
            !isUnitLike(fragment) &&
            !isPersonLike(fragment) &&
            isUnitLike(fragment + rest)
          )
            continue;
        }
        // A name broken across two lines (县发展和改革⏎局): the line break is no separator.
        if ((c === '\n' || c === '\r') && i - itemStart <= MAX_ITEM) {
          const left = view.slice(itemStart, i).trim();
          let j = i;
          while (j < end && isSpace(view[j]!)) j++;
          // (Its role word after it is no part of the name: 各乡镇⏎人民政府配合.)
          const right = /^[^\s,、;/)\]】〕]*/.exec(view.slice(j, Math.min(end, j + 40)))![0].replace(ROLE_TAIL, '');
          const whole = left + right;
          // 各县(市、区)⏎人民政府: a generic ending alone on the next line finishes the name.
          // …管委⏎会: the ending of the whole name begins before the break.
          const ending = UNIT_END.exec(stripParenthesized(whole));
          const finishes =
            (GENERIC.test(right) && isUnitLike(whole)) ||
            (!!ending && ending.index < stripParenthesized(left).length && right.length <= 2 && isUnitLike(whole));
          if (
            left &&
            right &&
            /^[\u4e00-\u9fff]/.test(left) &&
            !/\d/.test(left) &&
            (finishes || !(isUnitLike(left) && hasEnding(left)) || cutsWord(left + right, left.length)) &&
            !isPersonLike(left) &&
            hasEnding(whole) &&
            isUnitLike(whole) &&
            (!PLACE_START.test(right) || !isUnitLike(left) || PLACE_WORD_PAIRS.has(left.slice(-1) + right.slice(0, 1)))
          ) {
            i = j - 1;
            continue;
          }
        }
      } else if (c === '及') cut = 1;
      // A会同B: two units (the clause reads the roles: A leads, B supports).
      else if (c === '会' && view[i + 1] === '同' && i > itemStart) {
        cut = 2;
        sep = '会同';
      } else if ((c === '与' || c === '和') && i > itemStart && i - itemStart <= MAX_ITEM) {
        // Only between two names: the left part already ends like a unit.
        const left = view.slice(itemStart, i).trim();
        const right = view.slice(i + 1, Math.min(end, i + 40));
        if (isUnitLike(left) && /^(各|省|市|县|区|州|镇|乡|[^\s,、;]{2,})/.test(right)) cut = 1;
      }
      if (cut) {
        push(itemStart, i, sep);
        itemStart = i + cut;
        i += cut - 1;
      }
    }
  }
  push(itemStart, end, '');
  return items;
}

/**
 * Level words of two characters or more (乡镇, 县市区) and departments' stems (市场监管, 园林): a name
 * never ends inside one (各乡|镇, 区市场|监管局), and a line break inside one is none (区园⏎林绿化局).
 */
const WHOLE_WORDS = [...LEVEL_WORDS, ...DEPARTMENT_STEMS].filter((w) => w.length > 1);
/** Whether a name opens with a department's stem (民政局, 教育局 written without their place). */
export function opensWithStem(view: string): boolean {
  return DEPARTMENT_STEM_START.test(view);
}

export function cutsWord(view: string, at: number): boolean {
  return WHOLE_WORDS.some((w) => {
    for (let k = 1; k < w.length; k++) if (view.startsWith(w, at - k)) return true;
    return false;
  });
}

/** The offsets of the best cover of `key` by registered names, or undefined. */
function knownCover(src: Source, key: string): number[] | undefined {
  const { known } = src;
  if (known.size === 0 || key.length > MAX_ITEM || key.length < 4) return undefined;
  // best[i]: fewest names covering key[0, i); cut[i]: where the last one starts.
  const best = new Array<number>(key.length + 1).fill(Infinity);
  const cut = new Array<number>(key.length + 1).fill(-1);
  best[0] = 0;
  for (let i = 0; i < key.length; i++) {
    if (best[i] === Infinity) continue;
    for (let len = 2; len <= known.maxLength && i + len <= key.length; len++) {
      if (known.has(key.slice(i, i + len)) && best[i]! + 1 < best[i + len]!) {
        best[i + len] = best[i]! + 1;
        cut[i + len] = i;
      }
    }
  }
  if (best[key.length] === Infinity || best[key.length]! < 2) return undefined;
  const starts: number[] = [];
  for (let at = key.length; at > 0; at = cut[at]!) starts.unshift(cut[at]!);
  return starts;
}

const HEAD_OFFICE_END = new RegExp(`(?:${alt(HEAD_OFFICES)})$`);
/** …分局, …公司 and a national organ's branches: named without the county. */
const BRANCH = new RegExp(`(?:分局|公司)$|${alt(HEAD_OFFICES)}`);

const GROUP_AFTER_QUALIFIER = new RegExp(`^(?:${alt(QUALIFIERS)}|成员)(?:有关|相关)?(?:${alt(GROUP_WORDS)})`);

/** 县财政局县审计局 → 县财政局 + 县审计局: the registry's names, else the name grammar. */
function splitGlued(src: Source, item: Item): Item[] {
  const view = src.view;
  if (item.end - item.start > MAX_ITEM) return [item];
  const raw = view.slice(item.start, item.end);
  if (!/\s/.test(raw)) {
    const cover = knownCover(src, raw);
    if (cover)
      return cover.map((s, k) => ({
        start: item.start + s,
        end: k + 1 < cover.length ? item.start + cover[k + 1]! : item.end,
        before: k === 0 ? item.before : '',
      }));
    if (src.known.has(raw)) return [item];
  }
  const out: Item[] = [];
  let from = item.start;
  let depth = 0;
  for (let i = item.start + 2; i < item.end - 2; i++) {
    if (!GLUE_SPECIAL.has(view.charCodeAt(i - 1))) continue;
    const c = view[i - 1]!;
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    if (depth > 0 || !GLUE_CHAR.test(c)) continue;
    const rest = view.slice(i, item.end);
    const left = view.slice(from, i);
    if (left.length < 3 || rest.length < 3) continue;
    if (UNCUT.has(view.slice(i - 1, i + 1))) continue;
    // 机关 ends a name; 有关/相关 only qualify the next one (各有关乡镇人民政府).
    if (c === '关' && !left.endsWith('机关')) continue;
    if (c === '委' && !PLACE_START.test(rest)) continue;
    // 商务中心区管委会: a zone's organ after a bare level word ends the zone's name, no second unit.
    if (ZONE_ORGAN_ALONE.test(rest)) continue;
    // 县安委会各成员单位, 局机关各股室: a qualifier and a group word, not a second unit.
    if (GROUP_AFTER_QUALIFIER.test(rest)) continue;
    // 金融监管总局江屿监管局: a national organ's branch, one unit.
    if (HEAD_OFFICE_END.test(left) && !PLACE_START.test(rest)) continue;
    const restHead = nextName(rest);
    // Without a place name the second unit must be a peer (财政局审计局), not a part of the first
    // (县公安局交警大队 is one unit).
    const peer =
      (/[局厅]$/.test(left) && restHead.length >= 3 && /(局|厅|委|办)$/.test(restHead) && !/分局$/.test(restHead)) ||
      (LOWEST_OFFICE_END.test(left) && !FALSE_END.test(left));
    if (!PLACE_START.test(rest) && !peer) continue;
    if (!isUnitLike(left) || !isUnitLike(rest)) continue;
    // 国家税务总局槐川县税务局, 国网槐川县供电公司: a national organ's local branch is one unit.
    if (/^(国家|国网|中国|人行|中国人民银行)/.test(view.slice(from, i)) && OWN_PLACE.test(rest) && !PLACE_START.test(rest)) continue;
    out.push({ start: from, end: i, before: out.length === 0 ? item.before : '' });
    from = i;
  }
  out.push({ start: from, end: item.end, before: out.length === 0 ? item.before : '' });
  return out;
}

/**
 * The name that opens `rest`: up to a separator, or up to the place word that opens the name after
 * it (交警大队|县城市管理局).
 */
function nextName(rest: string): string {
  const head = rest.match(/^[^,、;]*/)![0];
  for (let j = 2; j < head.length - 1; j++) if (PLACE_START.test(head.slice(j)) && hasUnitEnding(head.slice(0, j))) return head.slice(0, j);
  return head;
}

/** `A等G` where G names a group: both; `A等部门`: A alone. */
function splitEtc(view: string, item: Item): Item[] {
  if (item.end - item.start > MAX_ITEM) return [item];
  const text = view.slice(item.start, item.end);
  let depth = 0;
  for (let i = text.length - 2; i > 0; i--) {
    const c = text[i]!;
    if (c === ')') depth++;
    else if (c === '(') depth--;
    if (depth !== 0 || c !== '等') continue;
    const right = text.slice(i + 1);
    if (/^(有关|相关)?(部门|单位)$/.test(right) || /^[\d一二三四五六七八九十两几多]+个/.test(right) || right.length < 4 || !isUnitLike(right)) continue;
    return [
      { start: item.start, end: item.start + i, before: item.before },
      { start: item.start + i + 1, end: item.end, before: '等' },
    ];
  }
  return [item];
}

const HEADING_AGENT = /^([\u4e00-\u9fff]{2,16}?[^自\s])由(?=[\u4e00-\u9fff]{2})/;

function stripFiller(view: string, item: Item): Item {
  let { start, end } = item;
  if (end - start > MAX_ITEM) return item;
  for (;;) {
    const m = FILLER_END.exec(view.slice(start, end));
    if (!m || m.index === 0) break;
    end = start + m.index;
    start = trimmedStart(view, start, end);
    end = trimmedEnd(view, start, end);
  }
  // (含西岭新区管委会) after a name says what it covers; it is not part of the name.
  const covers = /\((含|包括|不含|以下简称|简称|下称)[^()]{0,200}\)$/.exec(view.slice(start, end));
  if (covers && covers.index > 0) {
    end = trimmedEnd(view, start, start + covers.index);
    start = trimmedStart(view, start, end);
  }
  // 县林业局主要负责人: the unit, its people left out.
  const people = UNIT_PEOPLE_END.exec(view.slice(start, end));
  if (people && people.index >= 2 && isUnitLike(view.slice(start, start + people.index))) end = start + people.index;
  // Leading words that belong to the sentence, not the name.
  const lead = LEADING.exec(view.slice(start, end));
  if (lead && end - start - lead[0].length >= 2 && (!NAME_LEADING.has(lead[0]) || ADMIN_PREFIX.test(matchView(view.slice(start + lead[0].length, end)))))
    start += lead[0].length;
  // 包片单位县档案馆 / 滨河路沿线包片单位县职教中心: the duty's noun, and what goes before it, are the sentence's.
  const duty = DUTY_BEFORE.exec(view.slice(start, end));
  if (duty && ADMIN_PREFIX.test(matchView(view.slice(start + duty[0].length, end))) && isUnitLike(view.slice(start + duty[0].length, end)))
    start += duty[0].length;
  // A heading run into its text (编制改造计划由区住建局…): the name starts after 由.
  const agent = HEADING_AGENT.exec(view.slice(start, end));
  if (agent && !isUnitLike(agent[1]!) && isUnitLike(view.slice(start + agent[0].length, end))) start += agent[0].length;
  return { start, end, before: item.before };
}

/** The administrative prefix a following elided name inherits. */
function adminPrefix(name: string): string | undefined {
  const m = ADMIN_PREFIX.exec(matchView(name));
  if (!m) return undefined;
  // 各区、县级市: the whole of 各区 is no prefix; its 各 is.
  if (m[0] === name) return name.startsWith('各') ? name.slice(0, 1) : undefined;
  return name.slice(0, m[0].length);
}

interface Piece {
  start: number;
  end: number;
  before: string;
  view: string;
  text: string;
  /** Completed by the ending of the name after it (县发改 → 县发改局). */
  completed?: 'ending';
  marked?: boolean;
}

/** Tiers of places: 村 < 乡镇街道 < 县区 < 市州. */
function tier(level: string): number {
  if (/^(村|社区)$/.test(level)) return 0;
  if (/^(乡|镇|街道|乡镇)$/.test(level)) return 1;
  if (/^(县|区|县区|县市区|县市)$/.test(level)) return 2;
  return 3;
}

/**
 * What the elision rules ask of a name, read once per name: a plan writes the same names again and
 * again, and each list asks these of every name in it (remembered, like the unit tests of a name).
 */
interface NameFacts {
  levelGovernment: RegExpExecArray | null;
  bareLevel: RegExpExecArray | null;
  namedPlace: RegExpExecArray | null;
  organAfterPlace: RegExpExecArray | null;
  falseEnd: boolean;
  stem: boolean;
  stemEnding: RegExpExecArray | null;
  generic: boolean;
  bareEnding: boolean;
  /** Starts with a place word or a place of its own (澜州市…). */
  ownPlace: boolean;
  partyPrefix: RegExpExecArray | null;
  /** Ends like a party or government organ (部, 办, 委, 室). */
  organEnding: boolean;
  /** Starts with 政府, 人大, 政协, 人民 or 纪委. */
  stateOrgan: boolean;
  /** Opens with a government department's stem (卫健, 教育), not a party committee's (宣传). */
  governmentStem: boolean;
  /** Ends like a department that a place prefix belongs to. */
  department: boolean;
  /** A station of a place (财政所, 自然资源所): a government department's stem and 所 or 站. */
  station: boolean;
  /** …分局, …公司: named without the county. */
  branch: boolean;
}

/** The same of a name as written (its match view read): what the name after it inherits. */
interface TextFacts {
  organEnd: RegExpExecArray | null;
  group: RegExpExecArray | null;
  prefix: string | undefined;
  /** Ends like a department (厅, 局, 委, 办, 部, 队 …). */
  department: boolean;
  /** The organ an office of its own is named after (局 of 局计划统筹处). */
  ownOrgan: string | undefined;
}

const factsOf = remembered(
  (view: string): NameFacts => ({
    levelGovernment: LEVEL_GOVERNMENT.exec(view),
    bareLevel: BARE_LEVEL.exec(view),
    namedPlace: NAMED_PLACE.exec(view),
    organAfterPlace: ORGAN_AFTER_PLACE.exec(view),
    falseEnd: FALSE_END.test(view),
    stem: STEM.test(view),
    stemEnding: STEM_ENDING.exec(view),
    generic: GENERIC.test(view),
    bareEnding: BARE_ENDING.test(view),
    ownPlace: PLACE_START.test(view) || OWN_PLACE.test(view),
    partyPrefix: PARTY_PREFIX.exec(view),
    organEnding: /[部办委室]$/.test(view),
    stateOrgan: /^(政府|人大|政协|人民|纪委)/.test(view),
    governmentStem: GOVERNMENT_STEM.test(view),
    department: DEPARTMENT_TAKER_END.test(view),
    station: GOVERNMENT_STEM.test(view) && STATION_END.test(view),
    branch: BRANCH.test(view),
  }),
);

const textFactsOf = remembered((text: string): TextFacts => {
  const view = matchView(text);
  return {
    organEnd: ORGAN_END.exec(view),
    group: /^(.{0,8}?各(?:有关|相关)?)/.exec(view),
    prefix: adminPrefix(text),
    department: DEPARTMENT_GIVER_END.test(view),
    ownOrgan: OWN_ORGAN_OFFICE.exec(view) ? text.slice(0, 1) : undefined,
  };
});

/** A shared ending: 县发改、财政局 → 县发改局; 有关县、区政府 → 有关县政府; 各乡、镇人民政府. */
function completeEndings(pieces: Piece[]): void {
  for (let i = pieces.length - 2; i >= 0; i--) {
    const piece = pieces[i]!;
    const next = pieces[i + 1]!;
    if (next.before !== '、' && next.before !== ',') continue;
    const nextView = next.view;
    const nextFacts = factsOf(nextView);
    const facts = factsOf(piece.view);
    const government = nextFacts.levelGovernment;
    // 岚东区、岚西区管委会: a place named before a place of the same level with its organ.
    const named = facts.namedPlace;
    const organ = nextFacts.organAfterPlace;
    if (named && organ && organ[1] === named[1] && !government) {
      piece.view += organ[2]!;
      piece.text += organ[2]!;
      piece.completed = 'ending';
      continue;
    }
    // 东湖、南塘、北岸区政府: a place's bare name before a place of a level and its organ takes both.
    if (!named && organ && piece.view.length <= 4 && !PLACE_START.test(piece.view) && !opensWithStem(piece.view) && !isUnitLike(piece.view)) {
      piece.view += organ[1]! + organ[2]!;
      piece.text += organ[1]! + organ[2]!;
      piece.completed = 'ending';
      continue;
    }
    if (government && facts.bareLevel) {
      const ending = government[4]!;
      piece.view += ending;
      piece.text += ending;
      piece.completed = 'ending';
      continue;
    }
    if ((isUnitLike(piece.view) && !facts.falseEnd) || !facts.stem) continue;
    // 沙坪、大桥镇 / 城东、城西街道: a place's name before a place of a level shares its level.
    const place = nextFacts.namedPlace;
    if (place && piece.view.length <= 4 && !PLACE_START.test(piece.view) && !opensWithStem(piece.view)) {
      piece.view += place[1]!;
      piece.text += next.text.slice(-place[1]!.length);
      piece.completed = 'ending';
      continue;
    }
    const ending = nextFacts.stemEnding;
    if (!ending || !isUnitLike(nextView) || nextFacts.generic) continue;
    piece.view += ending[1]!;
    piece.text += ending[1]!;
    piece.completed = 'ending';
  }
}

/** A shared prefix: the name before gives its place, committee or qualifier. */
function completePrefix(previous: Piece | undefined, piece: Piece): string {
  const { view, text } = piece;
  if (!previous) return text;
  const facts = factsOf(view);
  const before = factsOf(previous.view);
  const written = textFactsOf(previous.text);
  // 有关县、区政府 / 各街道办事处、镇人民政府: the qualifier goes on to the next level of the
  // same tier (有关区政府, 各镇人民政府), never to a higher one (各乡镇政府、县政府 stays 县政府); a 市
  // listed after 县 is a county-level city (各县、市、区政府).
  const here = facts.levelGovernment;
  const there = before.levelGovernment ?? (previous.completed === 'ending' ? before.bareLevel : null);
  if (here && !here[1] && there?.[1] && (tier(here[2]!) <= tier(there[2]!) || (here[2] === '市' && tier(there[2]!) === 2))) return there[1] + text;
  // 各乡镇党委、政府 / 县工业园区党工委和管委会: a generic organ belongs to the owner of the organ
  // before it (各乡镇, 县工业园区).
  // 各县区人民政府、园区管委会: a kind of place of its own takes the qualifier only (各园区管委会).
  // 各开发区、镇(街道): every place of a level, with its alternative in brackets, takes the qualifier too.
  if ((facts.generic && /^(?:园区|乡镇|街道|社区)/.test(view)) || (view.includes('(') && LEVEL_ALONE.test(stripParenthesized(view).trim()))) {
    const qualifier = QUALIFIER_AT_START.exec(previous.text)?.[0];
    return qualifier ? qualifier + text : text;
  }
  if (facts.generic) {
    const organ = written.organEnd;
    if (organ && organ.index >= 2) return previous.text.slice(0, organ.index) + text;
  }
  // 局属各科室、中心: a bare ending names more of the same group (局属各中心).
  const group = written.group;
  if (facts.bareEnding && group) return previous.text.slice(0, group[1]!.length) + text;
  if (previous.before !== OUTSIDE && ownOffice(previous, piece)) return written.ownOrgan + text;
  const prefix = written.prefix;
  if (!prefix) return text;
  if (facts.generic) return prefix + text;
  // A zone after a zone of a place (县产业集聚区、商务中心区管委会): of the same place.
  if (ZONE.test(view) && ZONE.test(previous.view) && !PLACE_START.test(view)) return prefix + text;
  // Names that carry their own place stay as written.
  if (facts.ownPlace) return text;
  // 县委宣传部、网信办: a party organ after a party organ keeps the committee (县委网信办).
  const party = before.partyPrefix;
  // …but a government department after one (县委宣传部、卫健委) is the place's (县卫健委).
  if (party && facts.organEnding && before.organEnding && !facts.stateOrgan && !facts.governmentStem) return party[1] + text;
  // A department named without its place after one that has it: 省财政厅、工业和信息化厅.
  // Branches of higher offices (…分局, …大队) are named without the county, so they stay as written.
  // 镇财政所、自然资源所: a station after a station of the place.
  if (facts.station && prefix !== '各' && STATION_END.test(previous.view)) return prefix + text;
  if (prefix === '各' || !facts.department || facts.branch) return text;
  return written.department ? prefix + text : text;
}

const MARK = charClass(UNIT_MARKS.join(''));
/** Stands for the separator before the unit another group of the clause named (`after`). */
const OUTSIDE = '\u0002';
/** An office of the organ a list named first (局计划统筹处), and an office written without it (建设管理处, 办公室). */
const OWN_ORGAN_OFFICE = new RegExp(`^(?:${alt(OWN_ORGANS)})(?!长)[\u4e00-\u9fff]{2,12}(?:${alt(INTERNAL_OFFICE_ENDINGS)})$`);
const INTERNAL_OFFICE = new RegExp(`^[\u4e00-\u9fff]{2,12}(?:${alt(INTERNAL_OFFICE_ENDINGS)})$`);

/** 局计划统筹处、建设管理处: the office after an organ's own office is the organ's (局建设管理处). */
function ownOffice(previous: Piece | undefined, piece: Piece): boolean {
  return (
    !!previous &&
    INTERNAL_OFFICE.test(piece.view) &&
    !factsOf(piece.view).ownPlace &&
    !!textFactsOf(previous.text).ownOrgan &&
    !OWN_ORGAN_OFFICE.test(piece.view)
  );
}

/** Stands for the separator before an item in what `namesOf` remembers. */
const OWN_SEPARATOR = '\u0001';

/**
 * One item between separators → the names it holds (tails stripped, `等` and glued names split).
 * What an item holds depends on its text and the registry alone, and a plan writes the same names
 * again and again: the answer is remembered per registry, relative to the item's start.
 */
function namesOf(src: Source, top: Item): Item[] {
  const { view } = src;
  const key = view.slice(top.start, top.end);
  let cuts = src.known.splits.get(key);
  if (cuts === undefined) {
    const found: Item[] = [];
    const own: Item = { start: top.start, end: top.end, before: OWN_SEPARATOR };
    for (const etc of splitEtc(view, stripFiller(view, own))) {
      for (const raw of splitGlued(src, stripFiller(view, etc))) {
        const item = stripFiller(view, raw);
        if (item.end > item.start) found.push({ start: item.start - top.start, end: item.end - top.start, before: item.before });
      }
    }
    src.known.remember(key, found);
    cuts = found;
  }
  return cuts.map((c) => ({ start: top.start + c.start, end: top.start + c.end, before: c.before === OWN_SEPARATOR ? top.before : c.before }));
}

/**
 * Split `src.text[start, end)` into unit mentions, persons and rejected pieces; offsets are
 * absolute. `after` is the unit that the same clause names just before the list, whose place a
 * name written without one takes.
 */
export function recognizeUnits(src: Source, start: number, end: number, after?: { text: string }): UnitListResult {
  const { view, text } = src;
  const result: UnitListResult = { units: [], persons: [], rejected: [] };
  const pieces: Piece[] = [];
  for (const top of splitTopLevel(src, start, end)) {
    for (const named of namesOf(src, top)) {
      // A sign beside the name (县农业农村局*, ★县住建局) is no part of it.
      let item = named;
      let marked = false;
      if (MARK.has(view.charCodeAt(item.start)) || MARK.has(view.charCodeAt(item.end - 1))) {
        let { start: from, end: to } = item;
        while (from < to && (MARK.has(view.charCodeAt(from)) || SPACE.has(view.charCodeAt(from)))) from++;
        while (to > from && (MARK.has(view.charCodeAt(to - 1)) || SPACE.has(view.charCodeAt(to - 1)))) to--;
        // Signs alone (★★) are no name: the piece stays as written, to be reported.
        if (to - from >= 2) {
          item = { ...item, start: from, end: to };
          marked = true;
        }
      }
      const itemView = view.slice(item.start, item.end);
      const itemText = text.slice(item.start, item.end);
      // White space in the view: the text's own, or what the view blanks (a site's watermark).
      const broken = /\s/.test(itemView);
      let pieceView = broken ? itemView.replace(/\s+/g, '') : itemView;
      // What the view blanks (white space, a site's chunk marker) is no part of the name.
      let pieceText = broken ? withoutBlanks(itemText, itemView) : itemText;
      // Nor is a mirror's pinyin (涪安區(qū)): the name is read, and completed, without it.
      if (pieceView.includes('(')) {
        PINYIN_RESIDUE.lastIndex = 0;
        if (PINYIN_RESIDUE.test(pieceView)) {
          pieceView = pieceView.replace(PINYIN_RESIDUE, '');
          pieceText = pieceText.replace(PINYIN_RESIDUE, '');
        }
      }
      pieces.push({ start: item.start, end: item.end, before: item.before, view: pieceView, text: pieceText, ...(marked ? { marked } : {}) });
    }
  }
  if (pieces.length > 1 && pieces.length <= 5000) completeEndings(pieces);
  // The unit before the list in the same clause (A、B牵头,C配合): C is of A's place as a list's next name is.
  let previous: Piece | undefined = after && { start, end: start, before: OUTSIDE, view: nameKey(after.text), text: after.text };
  for (const piece of pieces) {
    const span: Span = { start: piece.start, end: piece.end, text: piece.text, ...(piece.marked ? { marked: true } : {}) };
    if (isPersonLike(piece.view)) {
      result.persons.push(span);
      continue;
    }
    const known = piece.view.length <= 40 && src.known.size > 0 && src.known.has(viewKey(piece.view));
    // A place alone (责任单位:区, where an excerpt stops) names no unit.
    if (
      (!known && !isUnitLike(piece.view) && !factsOf(piece.view).generic && !(previous?.before !== OUTSIDE && ownOffice(previous, piece))) ||
      piece.view.length < 2
    ) {
      result.rejected.push(span);
      continue;
    }
    // A mirror's converter leaves pinyin after some characters (經(jīng)開區(qū)): no part of the name.
    const completed = completePrefix(previous, piece);
    span.text = completed.includes('(') || completed.includes('（') ? completed.replace(PINYIN_RESIDUE, '') : completed;
    result.units.push(span);
    const view = piece.completed && span.text === piece.text ? piece.view : nameKey(span.text);
    previous = { start: piece.start, end: piece.end, before: piece.before, view, text: span.text };
    if (piece.completed) previous.completed = piece.completed;
  }
  return result;
}
