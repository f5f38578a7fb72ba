/**
 * What every stage of the parser reads: the source text, its match view (same length; see
 * normalize.ts), the plan's year and the unit names the registry knows.
 */
import { matchView, nameKey } from '../normalize.ts';

/** Registered unit names and aliases, folded by `nameKey()`: the unit recognizer tries them first. */
export class KnownNames {
  readonly #keys: Set<string>;
  readonly maxLength: number;
  constructor(names: Iterable<string> = []) {
    this.#keys = new Set();
    let max = 0;
    for (const name of names) {
      const key = nameKey(name);
      if (key.length < 2) continue;
      this.#keys.add(key);
      if (key.length > max) max = key.length;
    }
    this.maxLength = max;
  }
  get size(): number {
    return this.#keys.size;
  }
  /** `key` is already folded (match view, no spaces). */
  has(key: string): boolean {
    return this.#keys.has(key);
  }
}

export interface Source {
  text: string;
  view: string;
  year?: number;
  known: KnownNames;
}

export function makeSource(text: string, options: { year?: number; knownUnits?: Iterable<string> } = {}): Source {
  return { text, view: matchView(text), known: new KnownNames(options.knownUnits), ...(options.year !== undefined ? { year: options.year } : {}) };
}
