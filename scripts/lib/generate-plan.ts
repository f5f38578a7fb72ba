/**
 * Deterministic synthetic plans for benchmarks: parts, sections, tasks with every clause form,
 * drawn from a fixed pool of units with a seeded generator, so that runs compare.
 */

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export function chinese(n: number): string {
  if (n <= 10) return CN[n]!;
  if (n < 20) return `十${CN[n - 10]}`;
  if (n < 100) return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;
  return String(n);
}

const WORDS = [
  '统筹推进',
  '安全生产',
  '专项整治',
  '隐患排查',
  '监督检查',
  '责任落实',
  '宣传教育',
  '应急处置',
  '风险防控',
  '长效机制',
  '信息共享',
  '联合执法',
  '基层治理',
  '数字化转型',
  '标准化建设',
];
const BASE = [
  '发展和改革局',
  '财政局',
  '住房和城乡建设局',
  '交通运输局',
  '水务局',
  '农业农村局',
  '市场监督管理局',
  '应急管理局',
  '卫生健康局',
  '教育局',
  '公安局',
  '自然资源局',
  '生态环境局',
  '文化和旅游局',
  '商务局',
];

export function unitPool(count: number): string[] {
  // Each name once: a bureau (BASE), numbered 第一…第九十九 after the first round, under 县, then 市,
  // 区 and 镇 when a pool needs more: names the parser reads as units, none of them in a registry.
  const places = ['县', '市', '区', '镇'];
  const perPlace = BASE.length * 100;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const ordinal = Math.floor(i / BASE.length) % 100;
    const place = places[Math.floor(i / perPlace) % places.length]!;
    const round = Math.floor(i / (perPlace * places.length));
    out.push(`${place}${round > 0 ? chinese(round) : ''}${ordinal > 0 ? `第${chinese(ordinal)}` : ''}${BASE[i % BASE.length]}`);
  }
  return out;
}

export function generatePlan(tasks: number, units = 300, seed = 1): string {
  const random = rng(seed);
  const pool = unitPool(units);
  const pick = (n: number) => Array.from({ length: n }, () => pool[Math.floor(random() * pool.length)]!);
  const sentence = () => `${Array.from({ length: 3 + Math.floor(random() * 6) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(',')}。`;
  const parts = Math.max(1, Math.round(Math.sqrt(tasks / 10)));
  const perPart = Math.ceil(tasks / parts);
  const lines = [`全县${2024}年重点工作任务分工方案`, '', '为做好全年工作,制定本方案。'];
  let n = 0;
  let section = 0;
  for (let p = 1; p <= parts && n < tasks; p++) {
    lines.push(`${chinese(p)}、${WORDS[p % WORDS.length]}工作`);
    for (let k = 0; k < perPart && n < tasks; k++) {
      if (k % 8 === 0) lines.push(`(${chinese((++section % 99) + 1)})${WORDS[section % WORDS.length]}`);
      n++;
      const body = Array.from({ length: 1 + Math.floor(random() * 4) }, sentence).join('');
      const form = n % 5;
      if (form === 0) lines.push(`${n}.${body}(责任单位:${pick(3).join('、')})`);
      else if (form === 1) lines.push(`${n}.${body}(责任单位:${pick(1)[0]}牵头,${pick(3).join('、')}配合)`);
      else if (form === 2) lines.push(`${n}.${body}${(n % 12) + 1}月底前完成。(牵头单位:${pick(1)[0]};配合单位:${pick(2).join('、')})`);
      else if (form === 3) lines.push(`${n}.由${pick(1)[0]}负责,${pick(2).join('、')}配合,${body}`);
      else lines.push(`${n}.${body}`, `牵头单位:${pick(1)[0]}`, `责任单位:${pick(2).join(',')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
