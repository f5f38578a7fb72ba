/**
 * A "match view" of a text: the same length, code unit for code unit, so that an offset found in
 * the view is an offset in the source. Full-width ASCII becomes ASCII, the ideographic space a
 * space, and Traditional characters their Simplified form (牽頭 → 牵头), so that one set of patterns
 * reads every copy of a plan.
 */
import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
const cache = new Map<number, string>();

function mapCodeUnit(code: number, char: string): string {
  // Full-width ASCII variants (！ to ～).
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000) return ' ';
  // Only CJK ideographs can be Traditional.
  if (code < 0x3400 || code > 0x9fff) return char;
  let mapped = cache.get(code);
  if (mapped === undefined) {
    const converted = toSimplified(char);
    mapped = converted.length === 1 ? converted : char;
    cache.set(code, mapped);
  }
  return mapped;
}

/** Same length as `text`; see the module comment. */
export function matchView(text: string): string {
  let out = '';
  let changed = false;
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x3000) continue;
    const char = text[i]!;
    const mapped = mapCodeUnit(code, char);
    if (mapped !== char) {
      if (!changed) changed = true;
      parts.push(text.slice(runStart, i), mapped);
      runStart = i + 1;
    }
  }
  if (!changed) return text;
  parts.push(text.slice(runStart));
  out = parts.join('');
  return out;
}

/** A key for comparing unit names: match view without any whitespace. */
export function nameKey(name: string): string {
  return matchView(name).replace(/\s+/g, '');
}
