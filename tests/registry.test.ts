import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { guessUnitKind, tonelessPinyin, UnitRegistry } from '../src/lib/registry.ts';
import { UnitSchema } from '../src/lib/schema.ts';

const unitsYaml = readFileSync(new URL('../content/units.yaml', import.meta.url), 'utf8');
const seed = readFileSync(new URL('../content/plans/2022-work-safety.txt', import.meta.url), 'utf8');

function loadReal(): UnitRegistry {
  const { registry, problems } = UnitRegistry.fromYaml(unitsYaml);
  expect(problems).toEqual([]);
  return registry;
}

/**
 * The unit mentions of the seed's responsibility clauses, split the simple way the seed allows:
 * every task line ends in a parenthetical clause; units are separated by 、 , ; 及 等, with 牵头 / 配合
 * role words and a trailing 等部门; 各镇党委、政府 elides 各镇 before 政府.
 */
function seedMentions(): { clauses: number; mentions: string[] } {
  const clauses = [...seed.matchAll(/[((]([^()()]*)[))]\s*$/gm)].map((match) => match[1]!);
  const mentions = new Set<string>();
  for (const clause of clauses) {
    const body = clause.replace(/^\s*责任单位[::]/, '');
    for (const piece of body.split(/[、,,;;]|及/)) {
      const item = piece
        .trim()
        .replace(/(牵头|配合)$/, '')
        .replace(/等部门$/, '');
      for (const part of item.split('等')) {
        if (part === '') continue;
        mentions.add(part === '政府' ? '各镇政府' : part);
      }
    }
  }
  return { clauses: clauses.length, mentions: [...mentions] };
}

describe('content/units.yaml', () => {
  it('loads without problems and every unit satisfies UnitSchema', () => {
    const registry = loadReal();
    expect(registry.units.length).toBe(21);
    for (const unit of registry.units) expect(UnitSchema.parse(unit)).toEqual(unit);
    const ids = registry.units.map((unit) => unit.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('knows every unit the seed names, and names no unit the seed does not', () => {
    const registry = loadReal();
    const { clauses, mentions } = seedMentions();
    expect(clauses).toBe(30);
    const resolved = new Set<string>();
    for (const mention of mentions) {
      const resolution = registry.resolve(mention);
      expect(resolution.known, mention).toBe(true);
      resolved.add(resolution.unit.id);
    }
    expect(registry.unknownUnits).toEqual([]);
    expect([...resolved].sort()).toEqual(registry.units.map((unit) => unit.id).sort());
  });

  it.each([
    ['各镇党委', '各镇党委', '镇/街道'],
    ['各镇政府', '各镇政府', '镇/街道'],
    ['县安委会办公室', '县安全生产委员会办公室', '议事协调机构'],
    ['县发改局', '县发展和改革局', '政府部门'],
    ['县市场监管局', '县市场监督管理局', '政府部门'],
    ['县交通运输局', '县交通运输局', '政府部门'],
    ['县商务局', '县商务局', '政府部门'],
    ['县自然资源局', '县自然资源局', '政府部门'],
    ['县应急管理局', '县应急管理局', '政府部门'],
    ['生态环境分局', '生态环境分局', '垂直管理'],
    ['县住建局', '县住房和城乡建设局', '政府部门'],
    ['县公安局', '县公安局', '政府部门'],
    ['县工信局', '县工业和信息化局', '政府部门'],
    ['县委组织部', '县委组织部', '党委部门'],
    ['县委编办', '县委机构编制委员会办公室', '党委部门'],
    ['县水务局', '县水务局', '政府部门'],
    ['县消防救援大队', '县消防救援大队', '垂直管理'],
    ['县委政法委', '县委政法委员会', '党委部门'],
    ['县教育局', '县教育局', '政府部门'],
    ['县卫健局', '县卫生健康局', '政府部门'],
    ['县安委会成员单位', '县安委会成员单位', '群体'],
  ])('resolves the seed mention %s to %s', (mention, name, kind) => {
    const { unit, known, qualifier } = loadReal().resolve(mention);
    expect({ name: unit.name, kind: unit.kind, known, qualifier }).toEqual({ name, kind, known: true, qualifier: undefined });
  });

  it('resolves canonical names, short names and aliases to the same unit', () => {
    const registry = loadReal();
    const zhujian = registry.resolve('县住房和城乡建设局').unit;
    expect(zhujian.id).toBe('zhujian');
    expect(zhujian.aliases).toEqual(expect.arrayContaining(['县住建局', '住建局']));
    for (const spelling of ['县住建局', '住建局', '县住建部门']) expect(registry.resolve(spelling).unit).toBe(zhujian);
  });

  it('resolves the 安委会 member variants to one group, with their qualifiers', () => {
    const registry = loadReal();
    const variants = {
      县安委会各成员单位: '各',
      县安委会有关成员单位: '有关',
      县安委会各有关成员单位: '各有关',
      县安委会各相关成员单位: '各相关',
      县安委会相关成员单位: '相关',
      县安委会全体成员单位: '全体',
    };
    for (const [mention, qualifier] of Object.entries(variants)) {
      const resolution = registry.resolve(mention);
      expect(resolution, mention).toMatchObject({ known: true, qualifier });
      expect(resolution.unit.id).toBe('anweihui-members');
    }
    // Resolved by stripping, not by listing the variants.
    expect(registry.resolve('县安委会成员单位').unit.aliases).not.toContain('县安委会各成员单位');
    expect(registry.unknownUnits).toEqual([]);
  });

  it('lists as members only units the seed shows to be members, all of them registered', () => {
    const registry = loadReal();
    const group = registry.resolve('县安委会成员单位').unit;
    expect(group.members).toEqual(['gongxin', 'shichang-jianguan', 'fagai', 'zhujian', 'jiaotong', 'gongan', 'yingji']);
    for (const id of group.members!) expect(registry.byId(id)?.id).toBe(id);
  });

  it('resolves Traditional, full-width and spaced spellings', () => {
    const registry = loadReal();
    expect(registry.resolve('縣住建局').unit.id).toBe('zhujian');
    expect(registry.resolve('縣消防救援大隊').unit.id).toBe('xiaofang');
    expect(registry.resolve('縣安委會辦公室').unit.id).toBe('anweihui-office');
    expect(registry.resolve('縣安委會各有關成員單位')).toMatchObject({ known: true, qualifier: '各有关' });
    expect(registry.resolve('县　住建局').unit.id).toBe('zhujian'); // ideographic space
    expect(registry.resolve(' 县市场\n监管局 ').unit.id).toBe('shichang-jianguan'); // a name wrapped across lines
    expect(registry.unknownUnits).toEqual([]);
  });

  it('resolves full-width punctuation inside a registered name', () => {
    const { registry, problems } = UnitRegistry.fromYaml('- name: 各乡镇(街道)\n  slug: xiangzhen\n  kind: 镇/街道\n');
    expect(problems).toEqual([]);
    expect(registry.resolve('各乡镇（街道）')).toMatchObject({ known: true, unit: { id: 'xiangzhen' } });
  });
});

describe('UnitRegistry.resolve, unknown mentions', () => {
  it('makes a unit with a pinyin slug, a guessed kind and known: false', () => {
    const registry = loadReal();
    const resolution = registry.resolve('县林草局');
    expect(resolution).toEqual({
      unit: { id: 'xian-lin-cao-ju', name: '县林草局', kind: '政府部门', aliases: [] },
      known: false,
    });
    expect(UnitSchema.parse(resolution.unit)).toEqual(resolution.unit);
    expect(registry.resolve('县防汛抗旱指挥部办公室').unit).toMatchObject({
      id: 'xian-fang-xun-kang-han-zhi-hui-bu-ban-gong-shi',
      kind: '议事协调机构',
    });
  });

  it('yields the same unit for the same mention after folding, adding later spellings as aliases', () => {
    const registry = loadReal();
    const first = registry.resolve('县林草局').unit;
    expect(registry.resolve('县林草局').unit).toBe(first);
    expect(registry.resolve('縣林草局').unit).toBe(first);
    expect(registry.resolve('县 林草局').unit).toBe(first);
    expect(first.aliases).toEqual(['縣林草局']);
    expect(registry.unknownUnits).toEqual([first]);
  });

  it('strips qualifiers from unknown groups too, so their variants are one unit', () => {
    const registry = loadReal();
    const each = registry.resolve('县防指各成员单位');
    const some = registry.resolve('县防指有关成员单位');
    expect(each).toMatchObject({ known: false, qualifier: '各', unit: { name: '县防指成员单位', kind: '群体' } });
    expect(some).toMatchObject({ known: false, qualifier: '有关' });
    expect(some.unit).toBe(each.unit);
  });

  it('gives colliding slugs -2, -3, also against known slugs', () => {
    const registry = loadReal();
    expect(registry.resolve('县城建局').unit.id).toBe('xian-cheng-jian-ju');
    expect(registry.resolve('县成建局').unit.id).toBe('xian-cheng-jian-ju-2');
    expect(registry.resolve('县程建局').unit.id).toBe('xian-cheng-jian-ju-3');

    const { registry: taken } = UnitRegistry.fromYaml('- name: 林草局\n  slug: xian-lin-cao-ju\n  kind: 政府部门\n');
    expect(taken.resolve('县林草局').unit.id).toBe('xian-lin-cao-ju-2');
  });

  it('lists unknown units in first-seen order, and a fork starts without them', () => {
    const registry = loadReal();
    const names = ['县林草局', '县税务局', '城关镇', '县林草局'];
    for (const name of names) registry.resolve(name);
    expect(registry.unknownUnits.map((unit) => unit.name)).toEqual(['县林草局', '县税务局', '城关镇']);

    const fork = registry.fork();
    expect(fork.unknownUnits).toEqual([]);
    expect(fork.units).toEqual(registry.units);
    expect(fork.resolve('县住建局').unit).toBe(registry.resolve('县住建局').unit);
    // Stable: the same mention gets the same slug in every plan.
    expect(fork.resolve('县税务局').unit.id).toBe(registry.resolve('县税务局').unit.id);
    expect(registry.unknownUnits).toHaveLength(3);
  });

  it('works on an empty registry', () => {
    const registry = UnitRegistry.empty();
    expect(registry.units).toEqual([]);
    expect(registry.resolve('县住建局')).toMatchObject({ known: false, unit: { id: 'xian-zhu-jian-ju' } });
  });

  it('refuses a mention with no visible character', () => {
    expect(() => loadReal().resolve(' \u3000')).toThrow(RangeError);
  });
});

describe('tonelessPinyin', () => {
  const reference = (text: string) => pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });

  it('reads every CJK ideograph as pinyin-pro does without tones, in runs that segment into words', () => {
    // Runs of six neighbouring ideographs (a word can span them) and the same run reversed.
    const mismatches: string[] = [];
    for (let code = 0x4e00; code <= 0x9fff; code += 6) {
      const run = String.fromCodePoint(...Array.from({ length: 6 }, (_, k) => Math.min(code + k, 0x9fff)));
      for (const text of [run, [...run].reverse().join('')]) {
        if (JSON.stringify(tonelessPinyin(text)) !== JSON.stringify(reference(text))) mismatches.push(text);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('keeps what surrounds the names as pinyin-pro does: digits, Latin letters, 一/不/了, toned letters written in the name', () => {
    for (const text of [
      '县第九十七生态环境局',
      '5G基站建设办',
      '县一中',
      '不动产登记中心',
      '了解情况',
      '说一说',
      'ETC服务站',
      '绿色lǜ',
      'mn县ń',
      'ê̄站',
      '女儿',
      '县长',
      '银行',
    ])
      expect(tonelessPinyin(text), text).toEqual(reference(text));
  });

  it('makes slugs of plain letters: ü as v', () => {
    expect(UnitRegistry.empty().resolve('县绿化局').unit.id).toBe('xian-lv-hua-ju');
    expect(UnitRegistry.empty().resolve('县女联').unit.id).toBe('xian-nv-lian');
  });
});

describe('guessUnitKind', () => {
  it.each([
    ['县委宣传部', '党委部门'],
    ['县委办', '党委部门'],
    ['县委全面深化改革委员会办公室', '党委部门'],
    ['县纪委监委', '党委部门'],
    ['县林草局', '政府部门'],
    ['县发展和改革委员会', '政府部门'],
    ['县卫健委', '政府部门'],
    ['县政府办', '政府部门'],
    ['县融媒体中心', '政府部门'],
    ['城关镇', '镇/街道'],
    ['东关街道办事处', '镇/街道'],
    ['各镇政府', '镇/街道'],
    ['各乡镇(街道)', '镇/街道'],
    ['县安委会', '议事协调机构'],
    ['县安委会办公室', '议事协调机构'],
    ['县森林防火领导小组', '议事协调机构'],
    ['县防汛抗旱指挥部', '议事协调机构'],
    ['县消防安全委员会', '议事协调机构'],
    ['各部门', '群体'],
    ['各县(市、区)人民政府', '群体'],
    ['市直各有关单位', '群体'],
    ['县安委会成员单位', '群体'],
    ['县直有关单位', '群体'],
    ['县税务局', '垂直管理'],
    ['县气象局', '垂直管理'],
    ['国网某县供电公司', '垂直管理'],
    ['县消防救援大队', '垂直管理'],
    ['生态环境分局', '垂直管理'],
    ['某某公司', '其他'],
    ['縣稅務局', '垂直管理'],
  ])('%s → %s', (name, kind) => {
    expect(guessUnitKind(name)).toBe(kind);
  });
});

describe('UnitRegistry.fromYaml, bad content', () => {
  it('reports a duplicate slug at the second slug and keeps the first unit', () => {
    const text = [
      '- name: 县住房和城乡建设局', // 1
      '  slug: zhujian', // 2
      '  kind: 政府部门', // 3
      '- name: 县水务局', // 4
      '  slug: zhujian', // 5
      '  kind: 政府部门', // 6
      '- name: 县公安局', // 7
      '  slug: gongan', // 8
      '  kind: 政府部门', // 9
    ].join('\n');
    const { registry, problems } = UnitRegistry.fromYaml(text);
    expect(problems).toMatchObject([{ line: 5, column: 9, ruleId: 'bad-registry' }]);
    expect(problems[0]!.message).toContain('zhujian');
    expect(problems[0]!.message).toContain('line 2');
    expect(registry.units.map((unit) => unit.name)).toEqual(['县住房和城乡建设局', '县公安局']);
    expect(registry.resolve('县水务局').known).toBe(false);
  });

  it('reports an unknown key at the key and still loads the unit', () => {
    const text = ['- name: 县水务局', '  slug: shuiwu', '  kind: 政府部门', '  alias: [水务局]', '- name: 县公安局', '  slug: gongan', '  kind: 政府部门'].join(
      '\n',
    );
    const { registry, problems } = UnitRegistry.fromYaml(text);
    expect(problems).toMatchObject([{ line: 4, column: 3 }]);
    expect(problems[0]!.message).toContain('alias');
    expect(registry.units.map((unit) => unit.id)).toEqual(['shuiwu', 'gongan']);
    expect(registry.resolve('水务局').known).toBe(false);
  });

  it('reports a member that does not exist at the member and keeps the others', () => {
    const text = [
      '- name: 县公安局', // 1
      '  slug: gongan', // 2
      '  kind: 政府部门', // 3
      '- name: 县安委会成员单位', // 4
      '  slug: anweihui-members', // 5
      '  kind: 群体', // 6
      '  members:', // 7
      '    - gongan', // 8
      '    - nosuchunit', // 9
    ].join('\n');
    const { registry, problems } = UnitRegistry.fromYaml(text);
    expect(problems).toMatchObject([{ line: 9, column: 7 }]);
    expect(problems[0]!.message).toContain('nosuchunit');
    expect(registry.resolve('县安委会各成员单位').unit.members).toEqual(['gongan']);
  });

  it('reports a missing name, a bad kind and a bad slug, and loads the rest', () => {
    const text = [
      '- slug: nameless', // 1
      '  kind: 政府部门', // 2
      '- name: 县水务局', // 3
      '  slug: Shui Wu', // 4
      '  kind: 局', // 5
      '- name: 县公安局', // 6
      '  slug: gongan', // 7
      '  kind: 政府部门', // 8
    ].join('\n');
    const { registry, problems } = UnitRegistry.fromYaml(text);
    expect(problems.map((problem) => [problem.line, problem.column])).toEqual([
      [1, 3],
      [4, 9],
      [5, 9],
    ]);
    expect(problems[0]!.message).toBe('Missing `name`');
    expect(registry.units.map((unit) => unit.id)).toEqual(['gongan']);
  });

  it('reports an alias that another unit already uses, also after folding', () => {
    const text = [
      '- name: 县住房和城乡建设局', // 1
      '  short: 县住建局', // 2
      '  slug: zhujian', // 3
      '  kind: 政府部门', // 4
      '- name: 县城乡建设局', // 5
      '  slug: chengjian', // 6
      '  kind: 政府部门', // 7
      '  aliases: [城建局, 縣住建局]', // 8
    ].join('\n');
    const { registry, problems } = UnitRegistry.fromYaml(text);
    expect(problems).toMatchObject([{ line: 8, column: 18 }]);
    expect(problems[0]!.message).toContain('line 2');
    expect(registry.resolve('县住建局').unit.id).toBe('zhujian');
    expect(registry.resolve('城建局').unit.id).toBe('chengjian');
    expect(registry.resolve('县城乡建设局').unit.aliases).toEqual(['城建局']);
  });

  it('reports malformed YAML with its line and does not throw', () => {
    const text = ['- name: 县水务局', '  slug: shuiwu', '  kind: 政府部门', '- name: 县公安局', '  slug: gongan: x', '  kind: 政府部门'].join('\n');
    const { registry, problems } = UnitRegistry.fromYaml(text);
    // Only the syntax error; the broken entry adds no schema noise, the intact one loads.
    expect(problems).toMatchObject([{ line: 5, column: 9, ruleId: 'bad-registry' }]);
    expect(registry.units.map((unit) => unit.id)).toEqual(['shuiwu']);
  });

  it('reports an unclosed flow sequence at the line where it breaks', () => {
    const text = ['- name: 县水务局', '  slug: shuiwu', '  kind: 政府部门', '- name: [县公安局', '  slug: gongan'].join('\n');
    const { registry, problems } = UnitRegistry.fromYaml(text);
    expect(problems).toMatchObject([{ line: 5, column: 3 }]);
    expect(registry.units.map((unit) => unit.id)).toEqual(['shuiwu']);
  });

  it('reports a top level that is not a list', () => {
    const { registry, problems } = UnitRegistry.fromYaml('\nname: 县水务局\nslug: shuiwu\n');
    expect(problems).toMatchObject([{ line: 2, column: 1 }]);
    expect(registry.units).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['comment only', '# nothing yet\n'],
    ['unclosed flow', '- [name: 县水务局'],
    ['unclosed quote', '- name: "县水务局\n  slug: shuiwu'],
    ['scalars', '- 1\n- null\n-\n- [a, b]'],
    ['tab indent', '- name: 县水务局\n\tslug: shuiwu'],
    ['wrong types', '- name: 1\n  slug: 2\n  kind: [群体]\n  aliases: 住建局\n  members: {a: 1}'],
    ['binary', '\u0000\u0001\uFFFD: ]['],
    ['duplicate key', '- name: 县水务局\n  name: 县公安局\n  slug: x\n  kind: 其他'],
    ['anchors', '- &a {name: 县水务局, slug: shuiwu, kind: 政府部门}\n- *a'],
  ])('never throws (%s)', (_label, text) => {
    const { registry, problems } = UnitRegistry.fromYaml(text);
    for (const problem of problems) {
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.column).toBeGreaterThanOrEqual(1);
      expect(problem.ruleId).toBe('bad-registry');
    }
    for (const unit of registry.units) expect(UnitSchema.safeParse(unit).success).toBe(true);
  });
});
