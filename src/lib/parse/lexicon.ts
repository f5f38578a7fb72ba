/**
 * The vocabulary of plans, as data. Every pattern of the parser that looks for a role word, a
 * clause label, a unit-name ending, a person, a deadline or a table header is built from these
 * lists (see `alt()`), so that a new form of a real plan is one entry here, in one place.
 *
 * All words are Simplified and half-width: patterns run on the match view (normalize.ts), where
 * 牽頭 is 牵头 and （ is (.
 */
import type { Role } from '../schema.ts';

// ── Roles ───────────────────────────────────────────────────────────────────

/**
 * A role word after a group of units: `A牵头`, `B配合`, `C按职责分工负责`. `负责` is the one word whose
 * role depends on the clause: lead when the same clause names a support group (`A负责,B配合`),
 * else responsible (`lead-with-support`).
 */
export type WordRole = Role | 'lead-with-support';

const BASE_ROLE_WORDS: readonly { word: string; role: WordRole }[] = [
  { word: '牵头负责', role: 'lead' },
  { word: '牵头抓总', role: 'lead' },
  { word: '牵头落实', role: 'lead' },
  { word: '牵头实施', role: 'lead' },
  { word: '总牵头', role: 'lead' },
  { word: '负总责', role: 'lead' },
  { word: '分别牵头', role: 'lead' },
  { word: '牵头', role: 'lead' },
  { word: '主办', role: 'lead' },
  { word: '承办', role: 'lead' },
  { word: '主责', role: 'lead' },
  // 积极配合, 密切配合, 全力配合 …: an adverb before 配合 leaves it 配合.
  ...['积极', '密切', '全力', '主动', '协同', '大力'].map((adverb) => ({ word: `${adverb}配合`, role: 'support' as const })),
  { word: '按职责配合', role: 'support' },
  { word: '按照职责配合', role: 'support' },
  { word: '按职责分工配合', role: 'support' },
  { word: '配合落实', role: 'support' },
  { word: '共同参与', role: 'support' },
  { word: '配合', role: 'support' },
  { word: '协办', role: 'support' },
  { word: '协助', role: 'support' },
  { word: '协同', role: 'support' },
  { word: '参与', role: 'support' },
  { word: '参加', role: 'support' },
  { word: '按职责分工负责', role: 'responsible' },
  { word: '按职责分工落实', role: 'responsible' },
  { word: '按职能分工负责', role: 'responsible' },
  { word: '按照职责分工负责', role: 'responsible' },
  { word: '按各自职责负责', role: 'responsible' },
  { word: '按职责负责', role: 'responsible' },
  { word: '根据职责分工负责', role: 'responsible' },
  { word: '分别负责', role: 'responsible' },
  { word: '共同负责', role: 'responsible' },
  // 具体负责, 具体落实, 具体实施: the unit that does the work answers for it.
  ...['负责', '落实', '实施'].map((word) => ({ word: `具体${word}`, role: 'responsible' as const })),
  // 各乡镇人民政府落实属地责任: a place's government answers for what lies in its bounds.
  { word: '落实属地责任', role: 'responsible' },
  { word: '落实属地管理责任', role: 'responsible' },
  { word: '履行属地责任', role: 'responsible' },
  { word: '属地负责', role: 'responsible' },
  { word: '组织实施', role: 'responsible' },
  { word: '负责实施', role: 'responsible' },
  { word: '抓好落实', role: 'responsible' },
  { word: '组织', role: 'responsible' },
  { word: '落实', role: 'responsible' },
  { word: '实施', role: 'responsible' },
  { word: '负责落实', role: 'lead-with-support' },
  { word: '负责', role: 'lead-with-support' },
];

/**
 * Words a republishing site's synonym spinner writes for a role word (负责 → 卖力): the role word
 * they stand for. Unit names stay as the mirror spells them.
 */
export const SPUN_ROLE_WORDS: readonly { spun: string; word: string }[] = [{ spun: '卖力', word: '负责' }];

export const ROLE_WORDS: readonly { word: string; role: WordRole }[] = [
  ...BASE_ROLE_WORDS,
  ...SPUN_ROLE_WORDS.flatMap(({ spun, word }) =>
    BASE_ROLE_WORDS.filter((w) => w.word.includes(word)).map((w) => ({ word: w.word.replace(word, spun), role: w.role })),
  ),
];

/** `A会同B负责`: A leads, B supports. */
export const PARTNER_WORDS = ['会同', '联合'] as const;
/** Names that hold a partner word and are one unit (市妇女联合会, 供销合作联合社). */
export const PARTNER_IN_NAMES = ['联合会', '联合社', '联合体'] as const;
/**
 * 会 alone for 会同 in a terse cell (宣传处会办公室: 宣传处 leads, 办公室 supports): only after an
 * ending that never forms a word with 会 (a 委 does: 管委会, 居委会), and never before a character it
 * forms a word with (会计, 会议, 会展) or a 同 on the next line.
 */
export const TERSE_PARTNER_AFTER = ['局', '处', '厅', '部', '室', '科', '署', '府', '院', '所', '站', '办', '中心'] as const;
/** Words 会 opens (会计, 会议, 会展 …): after them a 会 is no partner word. */
export const WORDS_OPENED_BY_HUI = ['会计', '会议', '会展', '会所', '会馆', '会务', '会员'] as const;
const TERSE_PARTNER = `(?<=${alt(TERSE_PARTNER_AFTER)})(?!${alt(WORDS_OPENED_BY_HUI)})会(?!\\s*同)`;
/** A partner word that is no part of a name, as a regex source. */
export const PARTNER_PATTERN = `(?!${alt(PARTNER_IN_NAMES)})(?:${alt(PARTNER_WORDS)}|${TERSE_PARTNER})`;

/** Words that open a unit list in a sentence: `由A负责`, `此项工作由A主办`. */
export const AGENT_OPENERS = ['以上工作由', '上述工作由', '此项工作由', '该项工作由', '本项工作由', '工作由', '分别由', '由'] as const;

/**
 * Labels of a clause (`牵头单位:A`, `(责任单位:A、B)`, `责任单位为A`). `role: undefined` reads the
 * body's own role words (`部门分工:A牵头,B配合`), responsible where it has none.
 */
export type LabelKind = 'units' | 'deadline' | 'person' | 'note';

export interface ClauseLabel {
  word: string;
  kind: LabelKind;
  role?: Role;
  /** The role when the task names no support unit (承办单位 alone answers for the task: responsible). */
  alone?: Role;
}

/** What a label names the units as: 单位, 部门, or the offices inside one (科室, 处室, 股室, 站所, a town's 办所). */
export const LABEL_NOUNS = ['单位', '部门', '科室', '处室', '股室', '站所', '办所'] as const;
/** The role words a label opens with, by the role they give (牵头单位, 配合股室, 责任站所 …). */
const LABEL_ROLE_WORDS = {
  lead: ['牵头', '主办', '主责'],
  host: ['承办'],
  support: ['配合', '协办', '会办', '协助', '协作', '参与', '参加', '协同'],
  responsible: ['责任', '分办'],
} as const;
/** Every role word a label opens with. */
export const LABEL_ROLES: readonly string[] = Object.values(LABEL_ROLE_WORDS).flat();
/** Each role word of a label with every noun, and the words that take no noun. */
const withNouns = (roles: readonly string[], extra: readonly string[]): string[] => [...roles.flatMap((r) => LABEL_NOUNS.map((n) => r + n)), ...extra];

export const UNIT_LABELS: readonly ClauseLabel[] = [
  ...withNouns(LABEL_ROLE_WORDS.lead, ['牵头责任单位', '主要责任单位', '责任牵头单位', '总牵头单位', '牵头验收单位']).map((word) => ({
    word,
    kind: 'units' as const,
    role: 'lead' as const,
  })),
  // 承办 leads where a 协办 or 配合 unit is named beside it; alone it answers for the task.
  ...withNouns(LABEL_ROLE_WORDS.host, []).map((word) => ({ word, kind: 'units' as const, role: 'lead' as const, alone: 'responsible' as const })),
  ...withNouns(LABEL_ROLE_WORDS.support, ['协同责任单位', '配合责任单位', '配合验收单位', '主要协作单位', '主要配合单位']).map((word) => ({
    word,
    kind: 'units' as const,
    role: 'support' as const,
  })),
  ...withNouns(LABEL_ROLE_WORDS.responsible, [
    '责任主体',
    '主体责任单位',
    '实施主体',
    '整改实施主体',
    '整改责任单位',
    '实施单位',
    '完成单位',
    '落实单位',
    '承担单位',
    '执行单位',
    '主管单位',
    '主管部门',
  ]).map((word) => ({ word, kind: 'units' as const, role: 'responsible' as const })),
  ...['部门分工', '职责分工', '任务分工', '责任分工', '单位分工'].map((word) => ({ word, kind: 'units' as const })),
];

/** Role words used as labels, with a colon only: `牵头:A;配合:B`. */
export const SHORT_LABELS: readonly ClauseLabel[] = [
  { word: '牵头', kind: 'units', role: 'lead' },
  { word: '主办', kind: 'units', role: 'lead' },
  { word: '承办', kind: 'units', role: 'lead', alone: 'responsible' },
  { word: '配合', kind: 'units', role: 'support' },
  { word: '协办', kind: 'units', role: 'support' },
  { word: '参与', kind: 'units', role: 'support' },
  { word: '责任', kind: 'units', role: 'responsible' },
];

export const DEADLINE_LABELS = [
  '完成时限',
  '完成时间',
  '完成时间节点',
  '时间节点',
  '时限要求',
  '时间要求',
  '完成期限',
  '办结时限',
  '整改期限',
  '整改时限',
  '时间安排',
  '进度安排',
  '时限',
] as const;

/** Labels of a task's own fields on lines after it (a rectification list): they belong to the task. */
export const TASK_FIELD_LABELS = [
  '整改目标',
  '整改要求',
  '整改措施',
  '整改任务',
  '工作目标',
  '目标任务',
  '具体措施',
  '主要措施',
  '工作措施',
  '存在问题',
  '反馈问题',
  '问题表现',
  '问题描述',
  '工作要求',
] as const;

/** Labels that name people or notes: their part of a clause names no unit. */
export const OTHER_LABELS = [
  '牵头领导',
  '责任领导',
  '分管领导',
  '牵头县领导',
  '牵头市领导',
  '牵头区领导',
  '项目责任人',
  '项目负责人',
  '责任人',
  '联系人',
  '备注',
  // A progress report's fields after the units (实际完成情况:…): what was done, no units.
  '实际完成情况',
  '完成情况',
  '进展情况',
  '推进情况',
] as const;

export const ALL_LABELS: readonly ClauseLabel[] = [
  ...UNIT_LABELS,
  ...DEADLINE_LABELS.map((word) => ({ word, kind: 'deadline' as const })),
  ...OTHER_LABELS.map((word) => ({ word, kind: /领导|人$/.test(word) ? ('person' as const) : ('note' as const) })),
];

/**
 * Notes about a list, inside a clause or in a line of their own: not units. `first-leads`: the first
 * unit named leads (`列第一位者为牵头单位`); the others keep their role, or support when the note says
 * so (`其余为配合单位`). With `下同`, or outside a clause, the note holds for every later list that
 * names no roles of its own. `none`: no effect (`下同` alone).
 */
/** `县政府部门中列在首位的为牵头部门`: the note speaks of the government's departments only. */
const GOVERNMENT_SCOPE = '(?:县|市|区|省)?政府部门中';
export const FIRST_LEADS_NOTE = `(?:${GOVERNMENT_SCOPE})?(?:列|排)(?:在)?(?:第一位|首位|第一|最前|前面)(?:者|的)?(?:责任单位|单位|部门)?(?:为|是)(?:牵头|主办|主责)(?:或(?:汇总|统筹))?(?:单位|部门)?(?:\\s*[,]\\s*(?:其他|其余|有关)(?:的)?(?:单位|部门)(?:(?:和|及|、)(?:单位|部门))?按职责分工负责)?|(?:第一|首个)(?:个)?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)`;
/** `县政府部门中列在首位的为牵头部门`: the first government department leads, not a 镇 or a party body before it. */
export const GOVERNMENT_FIRST_NOTE = `${GOVERNMENT_SCOPE}(?:列|排)`;
/** `责任单位有多个的,列第一位的为牵头单位`: the note speaks of lists of several units only. */
export const SEVERAL_ONLY_NOTE = '(?:有|为)?(?:多个|两个及以上|两个以上|2个以上|多家)(?:单位|部门)?的';
export const OTHERS_SUPPORT_NOTE = '(?:其余|其他|其它)(?:的)?(?:责任)?(?:单位|部门)?(?:为|是)(?:配合|协办|协助|协同|参与)(?:责任)?(?:单位|部门)?';
/** `无牵头单位的,责任单位即为牵头单位`: where a list names no lead, its units all lead. */
export const ALL_LEAD_NOTE = '(?:无|没有|未明确|未列)牵头单位的?\\s*[,,]?\\s*(?:其)?责任单位(?:即|就)?(?:为|是|作为)牵头单位';
/**
 * `以下政策措施均需各县区人民政府落实,不再单独列出` / `具体任务均涉及相关市(州)人民政府,不再做分工`: the
 * governments a note says every task concerns are named once for all, as no task's units.
 */
export const NOT_LISTED_NOTE =
  '(?:以下|下列|具体|各项|所有|上述|已明确[^。;,]{0,12}?的)[^。;]{0,60}?不再(?:一一|单独|逐一|逐项|另行|重复)?(?:列出|列明|列举|标注|做分工|分工)';
/** `除标注为“牵头”单位外`: the units marked lead by their own word keep it; the rest of the note says who else leads. */
export const EXCEPT_MARKED_NOTE = '除(?:已|已经)?(?:标注|注明|标明|标有)(?:为)?[“”"‘’]?(?:分别)?牵头[“”"‘’]?(?:的)?(?:单位)?外';
/**
 * Signs a list sets beside some of its units (`县农业农村局*`, `★县住建局`): stripped from the name, and
 * read by a note that says what they mean.
 */
export const UNIT_MARKS = ['*', '＊', '★', '☆', '▲', '△', '※'] as const;
/** `加*号为牵头部门`, `带★的为牵头单位`, `标注▲者为牵头单位`: the marked units lead. */
export const MARKED_LEADS_NOTE = `(?:(?:加|标|带|标注|标有|注有|打|有)(?:有)?)?[“”"‘’]?[${UNIT_MARKS.join('')}]+[“”"‘’]?(?:号|符号)?(?:的|者)?(?:单位|部门)?(?:为|是)(?:牵头|主办|主责)(?:单位|部门)?`;
export const CLAUSE_NOTES: readonly { pattern: string; effect: 'first-leads' | 'marked-leads' | 'others-support' | 'none' }[] = [
  { pattern: FIRST_LEADS_NOTE, effect: 'first-leads' },
  { pattern: MARKED_LEADS_NOTE, effect: 'marked-leads' },
  { pattern: OTHERS_SUPPORT_NOTE, effect: 'others-support' },
  { pattern: NOT_LISTED_NOTE, effect: 'none' },
  { pattern: EXCEPT_MARKED_NOTE, effect: 'none' },
  { pattern: '下同', effect: 'none' },
];

// ── People ──────────────────────────────────────────────────────────────────

/** Titles that make a name a person, never a unit: `张三县长`, `分管副县长`. */
export const PERSON_TITLES = [
  '县长',
  '区长',
  '市长',
  '镇长',
  '乡长',
  '省长',
  '州长',
  '旗长',
  '书记',
  '主任',
  '局长',
  '厅长',
  '部长',
  '主席',
  '同志',
  '领导',
  '秘书长',
  '队长',
  '组长',
  '院长',
  '所长',
  '站长',
  '负责人',
  '责任人',
  '联系人',
  '调研员',
  '主任科员',
  // Staff on a post (护林员, 网格员, 安全员): people, never a unit.
  '护林员',
  '网格员',
  '信息员',
  '联络员',
  '安全员',
  '巡查员',
  '管理员',
  '专干',
] as const;

/** A person line: `分管区领导:张三`, `牵头县领导:…`, `责任人:…`. */
export const PERSON_LINE_PARTS = {
  duty: ['分管', '牵头', '责任', '包抓', '包联', '联系', '主管', '挂帅', '督导', '协调', '包保'],
  level: ['县', '区', '市', '省', '州', '镇', '乡', '旗'],
  who: ['领导', '负责人', '责任人', '联系人'],
} as const;

// ── Unit names ──────────────────────────────────────────────────────────────

/** Endings of unit names, longest first where one contains another. */
export const UNIT_ENDINGS = [
  '指挥部办公室',
  '领导小组办公室',
  '人民政府',
  '办事处',
  '管委会',
  '委员会',
  '办公室',
  '指挥部',
  '领导小组',
  '工作专班',
  '专班',
  '中心',
  '政府',
  '党委',
  '党组',
  // 各村党组织, 局属各单位党组织.
  '党组织',
  '党工委',
  '工委',
  '纪委',
  '监委',
  '人大',
  '政协',
  '武装部',
  '机关',
  '公司',
  '集团',
  '单位',
  '部门',
  '医院',
  '银行',
  '海关',
  '企业',
  '机构',
  '园区',
  '景区',
  '分局',
  '大队',
  '支队',
  '中队',
  '总站',
  '片区',
  // 各无障碍设施所有权人或管理人: the owners and keepers of what a task names.
  '所有权人',
  '管理人',
  '产权人',
  '经营者',
  '报社',
  '中学',
  '小学',
  '学校',
  '林场',
  '农场',
  '各地',
  '各级',
  '社区',
  '街道',
  '小组',
  '局',
  '厅',
  '委',
  '办',
  '部',
  '院',
  '室',
  '队',
  '站',
  '所',
  '镇',
  '乡',
  '村',
  '区',
  '县',
  '市',
  '州',
  '旗',
  '盟',
  '社',
  '会',
  '处',
  '科',
  '股',
  '银行',
  '分行',
  '支行',
  '馆',
  '署',
  '团',
  // 共青团中央, 民建中央: a national body of a party or mass organisation.
  '中央',
  '联',
  '协',
  '组',
  '庭',
  '园',
  '校',
  '台',
  '网',
  '场',
  '段',
] as const;

/** Words that end in a unit ending but end no name: the stem of 县农业农村局, 县住房和城乡建设局. */
export const FALSE_ENDINGS = [
  '农业农村',
  '农村',
  '乡村',
  '城乡',
  '城镇',
  '城市',
  '社会',
  '机关事务',
  '人社',
  '控股',
  '持股',
  '参股',
  '布局',
  '格局',
  '大局',
  '全局',
  '场所',
  '住所',
  '厕所',
] as const;

/**
 * Endings of a department that a place prefix belongs to: a name with one, written after a name of
 * a place with one, is of that place (省财政厅、工业和信息化厅 → 省工业和信息化厅).
 */
export const DEPARTMENT_ENDINGS = ['厅', '局', '委', '办', '科协', '残联', '妇联', '总工会', '团委', '中心'] as const;
/**
 * …and the endings only the name taking the prefix has (支队, 法院) or only the name giving it has
 * (部, 供销社, 委员会: 市发展和改革委员会、粮食和物资储备局 → 市粮食和物资储备局).
 */
export const DEPARTMENT_TAKER_ENDINGS = [...DEPARTMENT_ENDINGS, '支队', '大队', '法院', '检察院', '研究院', '医院', '设计院'] as const;
export const DEPARTMENT_GIVER_ENDINGS = [...DEPARTMENT_ENDINGS, '部', '队', '供销社', '供销合作社', '委员会'] as const;
/**
 * A township's stations (财政所, 自然资源所, 农技站): of the place of the station listed before them when
 * they open with a government department's stem (镇财政所、自然资源所 → 镇自然资源所); not 派出所 or 加油站,
 * and not after an office (镇安监办、市场监管所 stays as written).
 */
export const STATION_ENDINGS = ['所', '站'] as const;

/**
 * A national organ's words (金融监管总局, 国家税务总局, 海关总署, 人民银行总行): a name glued after one is its local
 * branch, one unit with it (金融监管总局江屿监管局), and neither takes the place prefix of a department before it.
 */
export const HEAD_OFFICES = ['总局', '总署', '总行', '总公司'] as const;

/**
 * Organs that only a named zone has (开发区管委会, 产业集聚区党工委): a level word with one and no name
 * before it (区管委会) is the end of the name it is glued to (商务中心区管委会), never a unit of its own.
 */
export const ZONE_ORGANS = ['管委会', '管理委员会', '党工委'] as const;

/** Words that end a zone's name (产业集聚区, 商务中心区, 经济开发区): a zone of the place that names it. */
export const ZONE_ENDINGS = ['开发区', '新区', '集聚区', '中心区', '园区', '示范区', '试验区', '保税区', '功能区', '合作区'] as const;

/** Endings after which a second name may start when two are written with no separator. */
export const GLUE_AFTER = '局厅委办部院队府会所站心司团社行处科关股';

/**
 * Endings of the lowest offices, with none under them (a bureau's 股): a name glued after one is a
 * peer of it (公共服务股文化馆 → 公共服务股, 文化馆), never a part of it.
 */
export const LOWEST_OFFICE_ENDINGS = ['股'] as const;

/**
 * An organ's own offices, named after the organ's one-character name (局计划统筹处, 厅办公室): the organ
 * words, and the endings of its offices. A list's next office written without it is the same
 * organ's (局计划统筹处、建设管理处 → 局建设管理处).
 */
export const OWN_ORGANS = ['局', '厅', '委', '院', '校'] as const;
export const INTERNAL_OFFICE_ENDINGS = ['处', '科', '股', '室', '中心', '站', '所'] as const;

/**
 * What a unit's `各` names inside it (局机关各股室, 县安委会各成员单位, 局属各单位党组织): one group with its
 * owner, never a second unit glued to the first.
 */
export const GROUP_WORDS = ['成员单位', '单位', '部门', '科室', '股室', '处室', '站所', '二级机构', '直属单位', '党组织', '党支部'] as const;

/** Words an ending opens, never cut between their two characters (办公室, 部门, 会同, 花园社区居委会). */
export const UNCUT_WORDS = ['办公', '部门', '会同', '社区', '股份', '股权'] as const;

/** Places and levels that open a name: `县`, `省`, `各`, `自治州`. */
export const PLACE_WORDS = ['自治区', '自治州', '自治县', '省', '市', '县', '区', '州', '镇', '乡', '旗', '盟', '街道'] as const;

/** Pinyin that a mirror's converter writes after a character (`鎮(zhèn)`, `負責(zé)`): no part of a name or a word. */
export const PINYIN_RESIDUE_PATTERN = '[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]';

/** Words that start with a place word but name no place (乡村振兴办, 市场监管所, 区域协调办): no prefix a later name takes. */
export const NOT_PLACE_STARTS = ['乡村', '市场', '区域', '县域', '市域', '镇域', '乡镇', '县区', '县市', '区县', '镇村', '镇街'] as const;

/** Administrative levels that stand for every place of that level: `各乡、镇人民政府`. */
export const LEVEL_WORDS = ['乡镇', '街道', '县区', '县市区', '市县', '县市', '乡', '镇', '县', '区', '市', '州', '村', '社区'] as const;

/** Qualifiers of an aggregate: `各乡镇`, `有关单位`, `各有关部门`. */
export const QUALIFIERS = ['各有关', '各相关', '其他有关', '有关', '相关', '全体', '各'] as const;

/** Endings of a government of a place: `各镇政府`, `有关县、区政府` (shared by an elided list). */
export const GOVERNMENT_ENDINGS = ['人民政府', '党委政府', '党委', '政府', '党工委', '办事处', '管委会'] as const;

/** Party organs named after their committee: `县委宣传部、网信办` = 县委网信办, never 县网信办. */
export const PARTY_ORGAN_ENDINGS = ['部', '办', '委', '室'] as const;

/** Words that say nothing about who: dropped from the end of a mention. */
/** Kinds of unit a list may end with after 等 (`A、B等业务科室`, `等职能部门`): the units named stand for them. */
export const UNIT_KINDS = ['业务', '职能', '执法', '成员', '监管', '主管', '行业主管'] as const;
export const TRAILING_FILLERS = [
  // 等有关部门, 等相关单位, 等有关科室, 等股室, 等业务科室 …: the units named before stand for the rest.
  ...['有关', '相关', '', ...UNIT_KINDS].flatMap((q) => LABEL_NOUNS.map((n) => `等${q}${n}`)),
  '等',
  '按职责分工负责',
  '按职责负责',
  '分别负责',
  '共同负责',
  '负责',
] as const;

/** A unit's people after its name (`县林业局主要负责人`): the unit is meant; the words go. */
export const UNIT_PEOPLE = ['主要负责人', '主要领导', '负责同志', '分管领导', '主要负责同志'] as const;

/** A count after 等 (`等12个部门`): the clause counts units, it names none. */
/** `A、B等负有安全生产监管职责的部门`: a group described after the units named, who stand for it. */
export const DESCRIBED_FILLER = `等[^、,;。()]{1,24}的(?:有关|相关)?(?:${alt(LABEL_NOUNS)})`;
export const COUNT_FILLER = '等[\\d一二三四五六七八九十两几多]+个(?:有关|相关)?(?:部门|单位|成员单位)';

/** Words of the sentence, not of the name, at the start of a mention. */
export const LEADING_WORDS = [
  '以上工作由',
  '上述工作由',
  '此项工作由',
  '该项工作由',
  '本项工作由',
  '工作由',
  '分别由',
  '由',
  '请',
  '会同',
  '组织',
  '等',
] as const;

/**
 * Nouns of a duty written before the unit that holds it (由包片单位县档案馆负责, 由滨河路沿线包片单位县职教中心负责):
 * they and the words before them are the sentence's, the unit's name starts after them.
 */
export const DUTY_NOUNS = ['包片单位', '包联单位', '包保单位', '帮扶单位', '挂钩单位', '结对单位', '责任单位', '牵头单位', '主管部门', '属地单位'] as const;

/** An ordinal that opens a duty in a list of them (一是A牵头…,二是B落实…): the sentence's, no part of a name. */
export const DUTY_ORDINAL = '[一二三四五六七八九十]{1,3}是';

/** Words that open an item's title run into the text (…不得外排。关于砖瓦行业问题。县自然资源局负责…). */
export const ITEM_TITLE_OPENERS = ['关于'] as const;

/** Leading words that also open a name (组织人事科, 组织科): cut off only before a name with a place or 各 of its own (组织县教育局…). */
export const LEADING_WORDS_IN_NAMES = ['组织'] as const;

/** Words that open a sentence, never a unit's name: `按国家统一部署`, `推进…处`. */
export const SENTENCE_STARTS = [
  '按照',
  '按',
  '根据',
  '依据',
  '依照',
  '对',
  '在',
  '将',
  '把',
  '通过',
  '加强',
  '加快',
  '推进',
  '推动',
  '开展',
  '落实',
  '完成',
  '实施',
  '建立',
  '健全',
  '做好',
  '组织',
  '强化',
  '深化',
  '持续',
  '确保',
  '新增',
  '新建',
  '新开工',
  '建设',
  '完善',
  '提升',
  '打造',
  '培育',
  '引进',
  '实现',
  '优化',
  '规范',
  '开工',
  '改造',
  '创建',
  '举办',
  '指导',
  '督促',
  '引导',
  '鼓励',
  '办好',
  '抓好',
  '搞好',
  '用好',
  '管好',
  '召开',
  '制定',
  '出台',
  '印发',
  '争取',
  '力争',
  '全面',
  '积极',
  '着力',
  '支持',
  '鼓励',
  '严格',
  '严厉',
] as const;

/** The stems of a party committee's own departments (县委宣传部, 县委网信办): of the committee, never of the government. */
export const PARTY_STEMS = ['宣传', '组织', '统战', '政法', '网信', '编办'] as const;

/**
 * Stems that a department's name opens with when it is written without its place (民政局, 教育局,
 * 住建局): where a person's name run together with a unit ends (张菁|民政局, not 张菁民|政局).
 */
export const DEPARTMENT_STEMS = [
  '发展和改革',
  '发展改革',
  '发改',
  '教育',
  '教体',
  '科技',
  '工信',
  '经信',
  '公安',
  '民政',
  '司法',
  '财政',
  '人社',
  '人力资源',
  '自然资源',
  '生态环境',
  '环保',
  '住建',
  '住房',
  '交通',
  '水利',
  '水务',
  '农业农村',
  '农业',
  '商务',
  '文旅',
  '文化',
  '文体',
  '文广',
  '卫健',
  '卫生健康',
  '退役军人',
  '应急',
  '审计',
  '市场监管',
  '市场监督',
  '统计',
  '医保',
  '医疗保障',
  '林业',
  '园林',
  '城管',
  '城市管理',
  '税务',
  '信访',
  '体育',
  '气象',
  '消防',
  '国资',
  '金融',
  '大数据',
  '数据',
  '政务服务',
  '行政审批',
  '人防',
  '供销',
  '残联',
  '妇联',
  '团委',
  '总工会',
  '科协',
  '侨联',
  ...PARTY_STEMS,
  '机关事务',
  '档案',
  '粮食',
  '能源',
  '民宗',
  '外事',
  '融媒体',
] as const;

/** Parentheses that qualify a text, not units: `(以下简称“X”)`, `(含X)`, `(门店)`. */
export const NON_UNIT_PARENTHESES = [
  '以下简称',
  '下称',
  '简称',
  '含',
  '包括',
  '其中',
  '不含',
  '即',
  '如',
  '试行',
  '暂行',
  '草案',
  '征求意见稿',
  '下同',
] as const;

/** Names that are a unit only with the place before them: `各镇党委、政府` → 各镇政府. */
export const GENERIC_UNITS = [
  '政府',
  '党委',
  '人大',
  '政协',
  '党工委',
  '管委会',
  '街道',
  '县级市',
  '区',
  '县',
  '乡镇',
  '镇',
  '乡',
  '部门',
  '单位',
  '纪委',
  '监委',
  '人民政府',
  '办事处',
  // 各科室、二级机构 / 各县区人民政府、园区管委会: kinds of unit a list's 各 goes on to.
  '科室',
  '二级机构',
  '直属单位',
  '园区管委会',
] as const;

// ── Deadlines ───────────────────────────────────────────────────────────────

/** Words after a date that make it a deadline: `6月底前`, `9月30日完成`. */
export const DEADLINE_CUES = [
  '前',
  '之前',
  '以前',
  '底前',
  '完成',
  '全面完成',
  '基本完成',
  '到位',
  '见效',
  '止',
  '结束',
  '为止',
  // A project's milestones: 2024年9月开工建设, 力争12月开工.
  '开工',
  '竣工',
  '完工',
  '建成',
  '投用',
  '投产',
] as const;
/** Words that open a note under a table or after the last task (`注:1.…`, `说明:`). */
export const NOTE_LABELS = ['注', '说明', '填表说明'] as const;

/** The heading of a table of contents (`目录`, `目  录`). */
export const CONTENTS_HEADINGS = ['目录'] as const;

/** Periods that are deadlines by themselves. */
export const DEADLINE_PERIODS = ['年底', '年末', '年内', '上半年', '下半年', '全年'] as const;
/** A deadline at the end of a table cell that ran into the next (`…完成验收。县教育局2024年10月底`). */
export const DEADLINE_CELL_END =
  /((\d{4}\s*年\s*)?\d{1,2}\s*月(\s*\d{1,2}\s*日|\s*底|\s*末|\s*份|\s*中旬|\s*下旬)?(前|之前)?|(\d{4}\s*年?)?(年底|年末|年内|上半年|下半年|全年)(前)?|长期坚持|持续推进|长期)\s*$/;
/** Deadlines with no date: kept as text. */
export const UNDATED_DEADLINES = ['长期坚持', '持续推进', '常态化推进', '长期推进', '持续开展', '按时序推进', '逐年推进', '立行立改'] as const;

// ── Tables ──────────────────────────────────────────────────────────────────

/** `assessor`: a column of units that score or check the task (评分部门), never assigned it. */
export type ColumnRole = 'number' | 'text' | 'category' | 'lead' | 'support' | 'responsible' | 'deadline' | 'person' | 'note' | 'assessor';

/**
 * What a header cell says its column holds, by the words it contains, first match wins:
 * `牵头县领导` is a person column before it is a lead column; `责任单位` a unit column.
 */
export const HEADER_WORDS: readonly { words: readonly string[]; role: ColumnRole }[] = [
  { words: ['领导', '责任人', '联系人', '负责人', '包抓', '包联'], role: 'person' },
  { words: ['序号', '编号', '序'], role: 'number' },
  { words: ['评分部门', '评分单位', '考核部门', '考核单位', '考核责任单位', '督办单位', '督查单位', '评价单位'], role: 'assessor' },
  {
    words: [
      '备注',
      '进展',
      '完成情况',
      '落实情况',
      '评分',
      '考核',
      '督办',
      '分值',
      '权重',
      '说明',
      '地点',
      '地址',
      '位置',
      '投资',
      '金额',
      '数量',
      '计量单位',
      '增幅',
      '目标值',
      // 实施步骤, 监督方式: how a task is paced or checked (实施 alone names a unit column).
      '方式',
      '步骤',
    ],
    role: 'note',
  },
  { words: ['时限', '时间', '节点', '期限', '进度'], role: 'deadline' },
  { words: ['牵头', '主办', '主责'], role: 'lead' },
  { words: ['配合', '协办', '参与', '协助', '协同', '协作', '其他责任', '其他单位', '其余'], role: 'support' },
  { words: ['责任', '承办', '实施', '单位', '部门', '科室', '处室', '办所', '主体'], role: 'responsible' },
  { words: ['类别', '分类', '领域', '板块', '方面', '类型', '行业'], role: 'category' },
  { words: ['任务', '措施', '内容', '目标', '事项', '项目', '名称', '工作', '举措', '要求', '标准', '指标', '实事', '问题'], role: 'text' },
];

/**
 * A notice that says its table's main column leads (`主要责任单位要…牵头抓总`): that column's units are
 * leads, not only responsible. Group 1 is the column's header word.
 */
export const MAIN_COLUMN_LEADS_NOTE = '(主要责任单位|主责单位|主要单位)[^。;]{0,24}(?:牵头抓总|牵头负责|负总责)';

/** Header cells as tables print them, for a header whose cells ran together (序号项目名称主要内容…). */
export const GLUED_HEADER_CELLS = [
  '序号',
  '编号',
  '项目名称',
  '主要内容',
  '建设内容',
  '重点任务',
  '工作任务',
  '主要任务',
  '具体任务',
  '任务内容',
  '工作内容',
  '工作措施',
  '具体措施',
  '整改措施',
  '整改目标',
  '问题表现',
  '存在问题',
  '反馈问题',
  '目标任务',
  '工作目标',
  '牵头单位',
  '牵头部门',
  '配合单位',
  '配合部门',
  '责任单位',
  '责任部门',
  '责任科室',
  '责任领导',
  '牵头领导',
  '分管领导',
  '区政府分管领导',
  '县政府分管领导',
  '市政府分管领导',
  '牵头县领导',
  '完成时限',
  '完成时间',
  '时间节点',
  '时限要求',
  '整改时限',
  '备注',
  '类别',
  '总投资',
  '计划投资',
  '年度计划投资',
  '牵头区领导',
  '牵头市领导',
  '责任区领导',
  '责任县领导',
] as const;

/** Longest first, so that an alternation prefers 牵头负责 to 牵头. */
export function byLength(words: readonly string[]): string[] {
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

/** A regex alternation of words (escaped), longest first. */
export function alt(words: readonly string[]): string {
  return byLength(words)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

/**
 * Like `alt`, but a line break may fall between any two characters of a word: a PDF's hard-wrapped
 * lines break labels too (`配合⏎单位:`), and so does a site's watermark, blanked in the view (`牵⋯头单位:`).
 */
export function loose(words: readonly string[]): string {
  return byLength(words)
    .map((w) => [...w].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(`(?:\\r?\\n\\s*| {6,}|${PINYIN_RESIDUE_PATTERN})?`))
    .join('|');
}

const PINYIN_RESIDUE_TEST = new RegExp(PINYIN_RESIDUE_PATTERN);
/**
 * Whether a text needs the `loose` patterns: a line break may fall inside a word (配合⏎单位), or a
 * mirror's pinyin after a character (责(zé)任单位).
 */
export function readsLoose(text: string): boolean {
  return text.includes('\n') || text.includes('      ') || ((text.includes('(') || text.includes('（')) && PINYIN_RESIDUE_TEST.test(text));
}

// ── Issuance: the plan's 文号, issuer and date (read by src/lib/issuance.ts) ──────

/** Endings of an issuing office's name (落款, 版记, 红头): a unit name that can sign a notice. */
export const ISSUER_ENDINGS = [
  '委员会办公室',
  '领导小组办公室',
  '指挥部办公室',
  '人民政府办公室',
  '人民政府',
  '委员会',
  '办公室',
  '领导小组',
  '指挥部',
  '管委会',
  '办事处',
  '党工委',
  '党委',
  '党组',
  '政府',
  '中心',
  '局',
  '厅',
  '委',
  '办',
  '部',
] as const;

/**
 * Endings of a name that is surely a unit: an office that can sign a notice, a court, a mass organisation, a company,
 * a branch, a group of members (a list of duties names its units before a full stop: 一、市委宣传部。…).
 */
export const ORGAN_ENDINGS = [...ISSUER_ENDINGS, '院', '联合会', '总工会', '妇联', '残联', '科协', '团委', '公司', '大队', '支队', '成员单位'] as const;

/** Opening and closing brackets of the year in a 文号: 〔2026〕 as the standard writes it, and its stand-ins. */
export const DOC_NUMBER_BRACKETS = [
  ['〔', '〕'],
  ['[', ']'],
  ['［', '］'],
  ['(', ')'],
  ['（', '）'],
  ['【', '】'],
  ['〖', '〗'],
] as const;

/** Labels of the fields a publishing portal prints above a notice (发文字号:…), each list in the order of trust. */
export const ISSUANCE_LABELS = {
  docNumber: ['发文字号', '发文文号', '文件编号', '文号'],
  issuer: ['发文机关', '发文单位', '发布机关', '发布单位', '发布机构'],
  date: ['成文日期', '成文时间', '发文日期', '发文时间', '印发日期', '发布日期', '发布时间'],
} as const;

/** The portal's other fields, which end a value on a line of fields (索引号: … 发布机构: …). */
export const PORTAL_LABELS = [
  '索引号',
  '组配分类',
  '主题分类',
  '体裁分类',
  '服务对象',
  '公开方式',
  '公开范围',
  '公开日期',
  '公开时限',
  '公开责任部门',
  '信息来源',
  '有效性',
  '公文时效',
  '关键词',
  '标题',
  '名称',
] as const;

/** What follows the date of the 版记's 印发 line (某县安委办 2026年3月2日印发). */
export const PRINTED_WORDS = ['印发', '发布'] as const;

/** A portal's footer naming the website's owner and operator on one line: `主办:X 承办:Y`. */
export const SITE_FOOTER_LABELS = { owner: ['主办单位', '主办'], operator: ['承办单位', '承办'] } as const;

/** How a note of the closing opens, in brackets: （此件公开发布）, （联系人:…）. */
export const CLOSING_NOTE_WORDS = ['此件', '本件', '此文件', '本文', '联系人'] as const;

/** Labels of the lines after the 落款 (contact lines and the 版记): 抄送:…, 联系电话:…. */
export const CLOSING_LABELS = ['联系人', '联系电话', '抄送', '印发', '附件'] as const;

/** The 版记's count of copies, the words before and after the number: 共印30份. */
export const COPIES_WORDS = { before: ['共印'], after: ['份'] } as const;

/** What follows the issuer on a red-headed notice's first line (某县安全生产委员会文件). */
export const RED_HEAD_WORDS = ['文件'] as const;

/** Digits of a year written in Chinese (二〇二六年, 二○二六年, 二零二六年). */
export const YEAR_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  '○': 0,
  零: 0,
  Ｏ: 0,
  O: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
