/** A plan is read line by line; every line keeps its exact place in the source. */
import { matchView } from '../normalize.ts';

export interface Line {
  /** 0-based index. */
  index: number;
  /** Offset of the first character. */
  start: number;
  /** Offset after the last character before the line ending. */
  end: number;
  /** Offset after the line ending (\r\n, \n or \r). */
  next: number;
  /** Source text without the line ending. */
  text: string;
  /** Match view of `text` (same length; see normalize.ts). */
  view: string;
}

export function splitLines(source: string, view: string = matchView(source)): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = source.length;
  while (start < n || (start === n && lines.length === 0)) {
    let end = start;
    while (end < n) {
      const c = source.charCodeAt(end);
      if (c === 0x0a || c === 0x0d) break;
      end++;
    }
    let next = end;
    if (next < n) next += source.charCodeAt(next) === 0x0d && source.charCodeAt(next + 1) === 0x0a ? 2 : 1;
    lines.push({ index: lines.length, start, end, next, text: source.slice(start, end), view: view.slice(start, end) });
    if (next === start) break;
    start = next;
  }
  return lines;
}

/** Maps offsets to unist points; one instance per source. */
export class Locator {
  private readonly starts: number[];
  constructor(lines: Line[]) {
    this.starts = lines.map((line) => line.start);
  }
  point(offset: number): { line: number; column: number; offset: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1, offset };
  }
}
