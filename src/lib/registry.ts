/**
 * The unit registry (`content/units.yaml`): canonical names, short names, aliases, kinds, URL slugs
 * and group members; and the resolver that turns a mention in a plan into a unit.
 *
 * A mention is compared by `nameKey()` (Traditional → Simplified, full-width → half-width, no
 * spaces). Group mentions carry a qualifier (县安委会各成员单位, …有关成员单位, …各有关成员单位) that
 * is stripped before the lookup and returned beside the unit. A mention nobody registered still
 * becomes a unit (known: false), so a plan from elsewhere builds without editing the registry.
 */
import { pinyin } from 'pinyin-pro';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { z } from 'zod';
import { nameKey } from './normalize.ts';
import { UnitKindSchema, type Unit, type UnitKind } from './schema.ts';

export interface RegistryProblem {
  message: string;
  line: number;
  column: number;
  ruleId: 'bad-registry';
}

export interface Resolution {
  unit: Unit;
  /** False when the registry does not know the mention and the unit was made up from it. */
  known: boolean;
  /** 各 / 有关 / 各有关 / 各相关 / 相关 / 全体, as stripped from a group mention (Simplified). */
  qualifier?: string;
}

/** One entry of units.yaml. */
const UnitEntrySchema = z.strictObject({
  name: z.string().trim().min(1),
  short: z.string().trim().min(1).optional(),
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Expected a slug of a-z, 0-9 and single hyphens'),
  kind: UnitKindSchema,
  aliases: z.array(z.string().trim().min(1)).optional(),
  members: z.array(z.string().min(1)).optional(),
});
type UnitEntry = z.infer<typeof UnitEntrySchema>;
/** The same keys, unknown ones dropped: an entry whose only fault is a stray key still loads. */
const LenientEntrySchema = z.object(UnitEntrySchema.shape);
const entryKeys = Object.keys(UnitEntrySchema.shape);

/** Longest first, so that 各有关 wins over 各. */
const QUALIFIERS = ['各有关', '各相关', '有关', '相关', '全体', '各'] as const;
const QUALIFIED_GROUP = new RegExp(`^(.+?)(${QUALIFIERS.join('|')})(成员单位|成员部门|单位|部门)$`);

const MAX_SLUG_LENGTH = 60;

interface KnownIndex {
  units: readonly Unit[];
  byKey: ReadonlyMap<string, Unit>;
  byId: ReadonlyMap<string, Unit>;
}

/** What one plan adds: the units made up for its unknown mentions, and a cache of its mentions. */
interface PlanState {
  units: Unit[];
  /** Folded (and qualifier-stripped) key → unit. */
  byKey: Map<string, Unit>;
  byId: Map<string, Unit>;
  /** Spellings already on each unit (its name and aliases), to add later spellings once. */
  spellings: Map<Unit, Set<string>>;
  /** Known and made-up slugs, for collision suffixes. */
  usedIds: Set<string>;
  /** Raw mention → resolution: most mentions of a plan repeat, and this skips even the folding. */
  cache: Map<string, Resolution>;
}

export class UnitRegistry {
  readonly #known: KnownIndex;
  readonly #plan: PlanState;

  private constructor(known: KnownIndex) {
    this.#known = known;
    this.#plan = {
      units: [],
      byKey: new Map(),
      byId: new Map(),
      spellings: new Map(),
      usedIds: new Set(known.byId.keys()),
      cache: new Map(),
    };
  }

  static empty(): UnitRegistry {
    return new UnitRegistry({ units: [], byKey: new Map(), byId: new Map() });
  }

  /** Parse units.yaml; never throws for bad content: problems are returned with line/column. */
  static fromYaml(text: string): { registry: UnitRegistry; problems: RegistryProblem[] } {
    const { units, problems } = loadUnits(text);
    const byKey = new Map<string, Unit>();
    const byId = new Map<string, Unit>();
    for (const { unit, keys } of units) {
      byId.set(unit.id, unit);
      for (const key of keys) byKey.set(key, unit);
    }
    const registry = new UnitRegistry({ units: units.map((entry) => entry.unit), byKey, byId });
    return { registry, problems };
  }

  /** Known units, registry order. */
  get units(): Unit[] {
    return [...this.#known.units];
  }

  /** Units that resolve() created for unknown mentions, in first-seen order. */
  get unknownUnits(): Unit[] {
    return [...this.#plan.units];
  }

  /** Every name, short name and alias the registry knows: the parser's unit recognizer tries them first. */
  spellings(): string[] {
    return this.#known.units.flatMap((unit) => [unit.name, ...unit.aliases]);
  }

  /** A unit by id (slug), known or made up by this instance. */
  byId(id: string): Unit | undefined {
    return this.#known.byId.get(id) ?? this.#plan.byId.get(id);
  }

  /** A fresh copy that shares the known units but has no unknown units yet (one per plan). */
  fork(): UnitRegistry {
    return new UnitRegistry(this.#known);
  }

  /**
   * The unit a mention names, by canonical name, short name or alias after `nameKey()` folding,
   * and after stripping a qualifier (各 / 有关 / 各有关 / 各相关 / 相关 / 全体) before 成员单位,
   * 成员部门, 单位 or 部门. Throws a RangeError for a mention with no visible character.
   */
  resolve(mention: string): Resolution {
    const cached = this.#plan.cache.get(mention);
    if (cached) return cached;

    const key = nameKey(mention);
    if (key === '') throw new RangeError(`Cannot resolve an empty unit mention (${JSON.stringify(mention)})`);

    let resolution: Resolution;
    const exact = this.#known.byKey.get(key);
    if (exact) {
      resolution = { unit: exact, known: true };
    } else {
      const group = stripQualifier(key);
      const base = group && this.#known.byKey.get(group.baseKey);
      if (group && base) resolution = { unit: base, known: true, qualifier: group.qualifier };
      else resolution = this.#resolveUnknown(mention, key, group);
    }
    this.#plan.cache.set(mention, resolution);
    return resolution;
  }

  #resolveUnknown(mention: string, key: string, group: QualifiedGroup | undefined): Resolution {
    const state = this.#plan;
    // The spelling as written, without spaces and qualifier. nameKey() maps code unit to code unit
    // once spaces are gone, so offsets in the key are offsets in `compact`.
    const compact = mention.replace(/\s+/g, '');
    const spelling = group ? compact.slice(0, group.start) + compact.slice(group.start + group.qualifier.length) : compact;
    const identity = group ? group.baseKey : key;

    let unit = state.byKey.get(identity);
    if (unit) {
      const spellings = state.spellings.get(unit)!;
      if (!spellings.has(spelling)) {
        spellings.add(spelling);
        unit.aliases.push(spelling);
      }
    } else {
      unit = { id: this.#newId(identity), name: spelling, kind: guessUnitKind(spelling), aliases: [] };
      state.units.push(unit);
      state.byKey.set(identity, unit);
      state.byId.set(unit.id, unit);
      state.spellings.set(unit, new Set([spelling]));
    }
    return group ? { unit, known: false, qualifier: group.qualifier } : { unit, known: false };
  }

  /** A pinyin slug, unique among known and made-up units (collisions get -2, -3, …). */
  #newId(key: string): string {
    const base = slugify(key);
    let id = base;
    for (let n = 2; this.#plan.usedIds.has(id); n++) id = `${base}-${n}`;
    this.#plan.usedIds.add(id);
    return id;
  }
}

interface QualifiedGroup {
  /** Folded key without the qualifier. */
  baseKey: string;
  qualifier: string;
  /** Offset of the qualifier in the folded key. */
  start: number;
}

/** "县安委会各有关成员单位" → base "县安委会成员单位", qualifier "各有关"; undefined if none. */
function stripQualifier(key: string): QualifiedGroup | undefined {
  const match = QUALIFIED_GROUP.exec(key);
  if (!match) return undefined;
  const [, owner, qualifier, tail] = match as unknown as [string, string, string, string];
  return { baseKey: owner + tail, qualifier, start: owner.length };
}

/**
 * Tone marks of pinyin-pro's readings and the letter each stands on, as its `toneType: 'none'`
 * removes them (ü and toned ü become v, as its `v: true` writes them). Some marks are combining
 * characters after their letter (n̄, m̀, ê̄).
 */
const TONELESS: Record<string, string> = {
  ...Object.fromEntries([...'āáǎà'].map((c) => [c, 'a'])),
  ...Object.fromEntries([...'ōóǒò'].map((c) => [c, 'o'])),
  ...Object.fromEntries([...'ēéěè'].map((c) => [c, 'e'])),
  ...Object.fromEntries([...'īíǐì'].map((c) => [c, 'i'])),
  ...Object.fromEntries([...'ūúǔù'].map((c) => [c, 'u'])),
  ...Object.fromEntries([...'ǖǘǚǜü'].map((c) => [c, 'v'])),
  ...Object.fromEntries(['n\u0304', 'ń', 'ň', 'ǹ'].map((c) => [c, 'n'])),
  ...Object.fromEntries(['m\u0304', 'ḿ', 'm\u030c', 'm\u0300'].map((c) => [c, 'm'])),
  ...Object.fromEntries(['ê\u0304', 'ế', 'ê\u030c', 'ề'].map((c) => [c, 'ê'])),
};
const TONED = new RegExp(
  Object.keys(TONELESS)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);
/** A name that holds such a letter itself: its non-Chinese runs must keep it, so pinyin-pro strips the tones. */
const TONED_IN_NAME = new RegExp(
  `[${Object.keys(TONELESS)
    .filter((k) => k.length === 1)
    .join('')}\u0300-\u030c]`,
);

/**
 * The toneless pinyin of a name, one syllable (or non-Chinese run) per item. Read with tone marks
 * and stripped here in one pass: pinyin-pro's own `toneType: 'none'` runs nine regular expressions
 * per syllable, most of the cost of a slug (the same output; a test compares the two).
 */
export function tonelessPinyin(key: string): string[] {
  if (TONED_IN_NAME.test(key)) return pinyin(key, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const syllables = pinyin(key, { type: 'array', nonZh: 'consecutive' });
  for (let i = 0; i < syllables.length; i++) {
    const toned = syllables[i]!;
    let plain = TONELESS_SYLLABLE.get(toned);
    if (plain === undefined) {
      plain = toned.replace(TONED, (c) => TONELESS[c]!);
      // Syllables are a closed set of about 1 500; a non-Chinese run is kept out of the memo.
      if (toned.length <= 6) TONELESS_SYLLABLE.set(toned, plain);
    }
    syllables[i] = plain;
  }
  return syllables;
}

/** Each toned syllable met so far and its toneless form: one regular expression run per syllable, not per use. */
const TONELESS_SYLLABLE = new Map<string, string>();

/** ASCII slug from the toneless pinyin of a name: "县林草局" → "xian-lin-cao-ju". */
function slugify(key: string): string {
  const syllables = tonelessPinyin(key);
  let slug = '';
  for (const syllable of syllables) {
    const part = syllable
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    if (part === '') continue;
    if (slug.length + part.length + 1 > MAX_SLUG_LENGTH && slug !== '') break;
    slug = slug === '' ? part : `${slug}-${part}`;
  }
  return slug.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '') || 'unit';
}

// ── Kind guessing ───────────────────────────────────────────────────────────

/** 各镇政府, 各乡镇(街道), 各街道办事处: every town, as one addressee. */
const TOWN_AGGREGATE = /^各(乡镇|镇|乡|街道|镇街|乡镇街道|镇街道)(人民政府|政府|党委|党委政府|党工委|办事处)?$/;
/** 城关镇, 城关镇人民政府, 东关街道办事处. */
const TOWN = /.(镇|乡|街道)(人民政府|政府|党委|党工委|办事处|办)?$/;
const GROUP = /^各|^全体|成员单位$|成员部门$|有关单位$|相关单位$|有关部门$|相关部门$|等部门$|等单位$|各部门|各单位/;
/** 县委组织部, 县委办, 市委政法委, 中共…; (?!员|会) keeps 社区委员会 and 县安委会 out. */
const PARTY = /^中共|[省市县区州旗盟]委(?!员|会)|纪委|监委|工委/;
const VERTICAL = /税务|气象|海关|供电|消防救援|调查队|人民银行|烟草|分局$/;
/** Government departments that are named 委员会. */
const GOVERNMENT_COMMITTEE =
  /(发展和改革|发展改革|卫生健康|卫生和计划生育|教育|民族宗教事务|民族事务|经济和信息化|工业和信息化|科学技术|住房和城乡建设|管理)委员会$/;
const COORDINATION = /(安委会|安委|安委办|领导小组|指挥部|委员会|减灾委|联席会议)(办公室|办)?$/;
const GOVERNMENT = /(局|委|办|办公室|中心|政府|管委会|厅)$/;

/**
 * Guess a kind for an unregistered name: 县委X部/县委办/县委…委员会办公室 → 党委部门;
 * …局/…委/…办/…中心 → 政府部门; …镇/…乡/…街道/各镇政府 → 镇/街道;
 * …安委会/…领导小组/…指挥部/…委员会 → 议事协调机构; 各…/…成员单位/…有关单位/各部门 → 群体;
 * 税务/气象/海关/供电公司/消防救援/…分局 → 垂直管理; otherwise 其他.
 */
export function guessUnitKind(name: string): UnitKind {
  const key = nameKey(name);
  // Parenthesised parts qualify rather than name: 各乡镇(街道), 各县(市、区)人民政府.
  const bare = key.replace(/\([^()]*\)/g, '') || key;
  if (TOWN_AGGREGATE.test(bare)) return '镇/街道';
  if (GROUP.test(bare)) return '群体';
  if (PARTY.test(bare)) return '党委部门';
  if (VERTICAL.test(bare)) return '垂直管理';
  if (GOVERNMENT_COMMITTEE.test(bare)) return '政府部门';
  if (COORDINATION.test(bare)) return '议事协调机构';
  if (TOWN.test(bare)) return '镇/街道';
  if (GOVERNMENT.test(bare)) return '政府部门';
  return '其他';
}

// ── Loading units.yaml ──────────────────────────────────────────────────────

interface LoadedUnit {
  unit: Unit;
  /** Lookup keys this unit owns (folded name, short name, aliases). */
  keys: string[];
}

function loadUnits(text: string): { units: LoadedUnit[]; problems: RegistryProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: RegistryProblem[] = [];
  const at = (offset: number | undefined): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line: Math.max(line, 1), column: Math.max(col, 1) };
  };
  const report = (message: string, node: Node | null | undefined, fallback?: Node | null): void => {
    const range = node?.range ?? fallback?.range;
    problems.push({ message, ...at(range?.[0]), ruleId: 'bad-registry' });
  };

  for (const error of [...doc.errors, ...doc.warnings]) {
    problems.push({ message: `${error.message} (${error.code})`, ...at(error.pos[0]), ruleId: 'bad-registry' });
  }

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { units: [], problems: sorted(problems) };
  if (!isSeq(root)) {
    report('Expected a list of units (`- name: …`) at the top level', root);
    return { units: [], problems: sorted(problems) };
  }

  // 1. Each entry on its own: schema. An entry that a syntax error runs through is skipped, its
  // error already reported: what the parser made of it would only add noise.
  const errorOffsets = doc.errors.map((error) => error.pos[0]);
  const broken = (node: Node | null): boolean => {
    const range = node?.range;
    return range !== undefined && range !== null && errorOffsets.some((offset) => offset >= range[0] && offset <= range[2]);
  };
  const entries: { entry: UnitEntry; node: YAMLMap }[] = [];
  for (const item of root.items) {
    if (broken(item as Node | null)) continue;
    if (!isMap(item)) {
      report('Expected a unit (a mapping with `name`, `slug` and `kind`)', item as Node | null, root);
      continue;
    }
    const entry = checkEntry(item, item.toJS(doc) as unknown, report);
    if (entry) entries.push({ entry, node: item });
  }

  // 2. Across entries: slugs, then spellings (first one wins), then members.
  const units: LoadedUnit[] = [];
  const slugNodes = new Map<string, Node>();
  const keyOwners = new Map<string, { unit: Unit; node: Node }>();
  const pending: { unit: Unit; entry: UnitEntry; node: YAMLMap }[] = [];
  for (const { entry, node } of entries) {
    const slugNode = nodeAt(node, ['slug']);
    const first = slugNodes.get(entry.slug);
    if (first) {
      report(`Duplicate slug \`${entry.slug}\`, first used at line ${at(first.range?.[0]).line}`, slugNode, node);
      continue;
    }
    slugNodes.set(entry.slug, slugNode ?? node);

    const unit: Unit = { id: entry.slug, name: entry.name, kind: entry.kind, aliases: [] };
    const keys: string[] = [];
    const spellings: [string, (string | number)[]][] = [
      [entry.name, ['name']],
      ...(entry.short === undefined ? [] : [[entry.short, ['short']] as [string, (string | number)[]]]),
      ...(entry.aliases ?? []).map((alias, i): [string, (string | number)[]] => [alias, ['aliases', i]]),
    ];
    for (const [spelling, path] of spellings) {
      const key = nameKey(spelling);
      const spellingNode = nodeAt(node, path) ?? node;
      const owner = keyOwners.get(key);
      if (owner && owner.unit !== unit) {
        const where = at(owner.node.range?.[0]).line;
        report(`Duplicate name or alias \`${spelling}\`: \`${owner.unit.name}\` (line ${where}) already uses it`, spellingNode);
        continue;
      }
      if (owner) continue; // the same unit spells it twice (e.g. short = name): harmless
      keyOwners.set(key, { unit, node: spellingNode });
      keys.push(key);
      if (path[0] !== 'name') unit.aliases.push(spelling);
    }
    units.push({ unit, keys });
    pending.push({ unit, entry, node });
  }

  for (const { unit, entry, node } of pending) {
    if (!entry.members) continue;
    const members: string[] = [];
    entry.members.forEach((member, i) => {
      const memberNode = nodeAt(node, ['members', i]);
      if (member === unit.id) report(`Unit \`${unit.id}\` cannot be a member of itself`, memberNode, node);
      else if (!slugNodes.has(member)) report(`Unknown member \`${member}\` of \`${unit.name}\`, expected the slug of a unit in this file`, memberNode, node);
      else if (!members.includes(member)) members.push(member);
    });
    unit.members = members;
  }

  return { units, problems: sorted(problems) };
}

/** Validate one entry; report each issue at its node. Unknown keys alone do not drop the entry. */
function checkEntry(
  node: YAMLMap,
  value: unknown,
  report: (message: string, node: Node | null | undefined, fallback?: Node | null) => void,
): UnitEntry | undefined {
  const result = UnitEntrySchema.safeParse(value);
  if (result.success) return result.data;
  let fatal = false;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        report(`Unknown key \`${key}\`, expected one of ${entryKeys.join(', ')}`, keyNodeAt(node, key), node);
      }
      continue;
    }
    fatal = true;
    const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
    const target = nodeAt(node, path);
    const missing = path.length === 1 && typeof path[0] === 'string' && keyNodeAt(node, path[0]) === undefined;
    const field = path.join('.');
    report(missing ? `Missing \`${field}\`` : `Invalid \`${field}\`: ${issue.message}`, target, node);
  }
  if (fatal) return undefined;
  // Only unknown keys: load the unit from the keys it has.
  const known = LenientEntrySchema.safeParse(value);
  return known.success ? known.data : undefined;
}

/** The value node at a path inside an entry, or undefined when a segment is missing. */
function nodeAt(node: Node, path: readonly (string | number)[]): Node | undefined {
  let current: unknown = node;
  for (const segment of path) {
    if (isMap(current)) {
      const pair = current.items.find((item) => isScalar(item.key) && item.key.value === segment);
      if (!pair) return undefined;
      current = pair.value;
    } else if (isSeq(current) && typeof segment === 'number') {
      current = current.items[segment];
    } else {
      return undefined;
    }
  }
  return (current ?? undefined) as Node | undefined;
}

function keyNodeAt(node: YAMLMap, key: string): Node | undefined {
  const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
  return pair?.key as Node | undefined;
}

function sorted(problems: RegistryProblem[]): RegistryProblem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
