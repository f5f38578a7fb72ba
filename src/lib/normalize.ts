/**
 * A "match view" of a text: the same length, code unit for code unit, so that an offset found in
 * the view is an offset in the source. Full-width ASCII becomes ASCII, the ideographic space a
 * space, angle brackets 〈〉 parentheses, and Traditional characters their Simplified form (牽頭 → 牵头), so that one set of patterns
 * reads every copy of a plan.
 */
import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
/**
 * What each code unit from U+3000 up maps to in the view (0: not asked yet). Filled as characters
 * are met: OpenCC is asked once per character.
 */
const mapped = new Uint16Array(0x10000 - 0x3000);

function mapCode(code: number): number {
  const known = mapped[code - 0x3000]!;
  if (known !== 0) return known;
  let to = code;
  // Full-width ASCII variants (！ to ～).
  if (code >= 0xff01 && code <= 0xff5e) to = code - 0xfee0;
  else if (code === 0x3000) to = 0x20;
  // Angle brackets used as a second level of parentheses (各区人民政府〈含…,下同〉).
  else if (code === 0x3008) to = 0x28;
  else if (code === 0x3009) to = 0x29;
  // Only CJK ideographs can be Traditional.
  else if (code >= 0x3400 && code <= 0x9fff) {
    const converted = toSimplified(String.fromCharCode(code));
    if (converted.length === 1) to = converted.charCodeAt(0);
  }
  mapped[code - 0x3000] = to;
  return to;
}

/** Same length as `text`; see the module comment. */
export function matchView(text: string): string {
  // Most texts (and most names) need no change: find the first code unit that does.
  let i = 0;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x3000 && mapCode(code) !== code) break;
  }
  if (i === text.length) return text;
  const out = new Uint16Array(text.length);
  for (let k = 0; k < i; k++) out[k] = text.charCodeAt(k);
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[i] = code < 0x3000 ? code : mapCode(code);
  }
  // In chunks (an argument list has a limit), code unit for code unit: a lone surrogate stays.
  // Joined, not added up: a string made by `+=` is a rope, slower to read for every later slice.
  const chunks: string[] = [];
  for (let k = 0; k < out.length; k += 8192) chunks.push(String.fromCharCode(...out.subarray(k, k + 8192)));
  return chunks.join('');
}

/** A key for comparing unit names: match view without any whitespace. */
export function nameKey(name: string): string {
  return viewKey(matchView(name));
}

/**
 * The key of a text already in match view (a slice of a source's view): its white space dropped.
 * The view is not made a second time, so a key is always one application of it.
 */
export function viewKey(view: string): string {
  return /\s/.test(view) ? view.replace(/\s+/g, '') : view;
}
