/**
 * How alike two tasks' texts are, to carry a task over from one year's plan to the next: TF-IDF
 * weighted character bigrams (Chinese has no spaces; bigrams are what Chinese text retrieval
 * indexes by) compared by cosine. Weights come from both plans' tasks together, so that what every
 * task says (安全生产, 推进, 加强) counts for little and what a task is about (燃气, 隐患, 起重机械)
 * counts for much. Years, dates, numbers and punctuation are left out: "2023年6月30日前" and
 * "2024年6月30日前" say the same.
 */

/** A task's text as compared: Han characters and Latin letters, without dates and numbers. */
export function comparableText(text: string): string {
  return text
    .replace(/[((][^()()]*(单位|牵头|配合|负责)[^()()]*[))]/g, '')
    .replace(/\d{4}\s*年(\d{1,2}\s*月(\d{1,2}\s*日)?)?(底|前|以前|之前)?/g, '')
    .replace(/\d{1,2}\s*月(\d{1,2}\s*日)?(底|前|以前|之前)?/g, '')
    .replace(/[^\p{Script=Han}A-Za-z]+/gu, ' ')
    .trim();
}

/** Character bigrams of each run of text (no bigram across a gap), with their counts. */
export function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const run of comparableText(text).split(' ')) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) {
      const gram = chars[i]! + chars[i + 1]!;
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
  }
  return counts;
}

type Vector = Map<string, number>;

/** TF-IDF vectors of texts, weighted over all of them (smoothed IDF: ln((1 + N) / (1 + df)) + 1), unit length. */
export function tfidfVectors(texts: string[]): Vector[] {
  const grams = texts.map(bigrams);
  const df = new Map<string, number>();
  for (const g of grams) for (const key of g.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const n = texts.length;
  return grams.map((g) => {
    const v: Vector = new Map();
    let norm = 0;
    for (const [key, tf] of g) {
      const w = (1 + Math.log(tf)) * (Math.log((1 + n) / (1 + df.get(key)!)) + 1);
      v.set(key, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [key, w] of v) v.set(key, w / norm);
    return v;
  });
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [key, w] of small) dot += w * (large.get(key) ?? 0);
  return dot;
}

/**
 * At or above this, a task continues the earlier task most like it (延续); below, it is new (新增).
 * Measured on the example (an 8-task plan against a 30-task plan of long paragraphs): the right
 * links score 0.13–0.19, the best wrong ones at most 0.10; tests/similarity.test.ts holds pairs
 * on both sides of it.
 */
export const CONTINUATION_THRESHOLD = 0.12;

export interface TaskText {
  id: string;
  text: string;
}

export interface TaskLink {
  id: string;
  /** The most similar task of the earlier plan, when as similar as the threshold. */
  previous?: { id: string; score: number };
}

/** Each task of `current` linked to its most similar task of `previous`, when similar enough. */
export function linkTasks(current: TaskText[], previous: TaskText[], threshold = CONTINUATION_THRESHOLD): TaskLink[] {
  const vectors = tfidfVectors([...current, ...previous].map((t) => t.text));
  const now = vectors.slice(0, current.length);
  const before = vectors.slice(current.length);
  return current.map((task, i) => {
    let best: { id: string; score: number } | undefined;
    before.forEach((v, j) => {
      const score = cosine(now[i]!, v);
      if (!best || score > best.score) best = { id: previous[j]!.id, score };
    });
    return { id: task.id, ...(best && best.score >= threshold ? { previous: best } : {}) };
  });
}
