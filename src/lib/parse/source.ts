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
  /**
   * What the unit recognizer read in an item of a list (units.ts `namesOf`), by the item's match
   * view: it depends on these names, so it is kept with them. Bounded: emptied when full.
   */
  readonly splits = new Map<string, readonly { start: number; end: number; before: string }[]>();
  remember(key: string, cuts: readonly { start: number; end: number; before: string }[]): void {
    if (this.splits.size >= 50_000) this.splits.clear();
    this.splits.set(key, cuts);
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

/**
 * A text made of several pieces of the source, joined by line breaks (or `separator`): a table cell
 * that wraps between the cells of other columns (a PDF's aligned columns), or a hard-wrapped one. `toSource` maps an offset of the
 * joined text back to the source.
 */
export function joinedSource(
  src: Source,
  pieces: readonly { start: number; end: number }[],
  separator = '\n',
): { src: Source; toSource(offset: number): number } {
  const starts: number[] = [];
  let text = '';
  let view = '';
  for (const [k, p] of pieces.entries()) {
    if (k > 0) {
      text += separator;
      view += separator;
    }
    starts.push(text.length);
    text += src.text.slice(p.start, p.end);
    view += src.view.slice(p.start, p.end);
  }
  const joined: Source = { text, view, known: src.known, ...(src.year !== undefined ? { year: src.year } : {}) };
  const toSource = (offset: number): number => {
    let k = starts.length - 1;
    while (k > 0 && starts[k]! > offset) k--;
    const piece = pieces[k]!;
    return Math.min(piece.end, piece.start + (offset - starts[k]!));
  };
  return { src: joined, toSource };
}
