/**
 * Character classes tested by code unit. The parser scans a plan character by character in many
 * places; `view[i]` makes a string of each CJK character and a regex test of it runs the regex
 * engine once per character, both far slower than a table lookup on `view.charCodeAt(i)`.
 */

/** A class of characters: `has(code)` for a UTF-16 code unit. */
export interface CharClass {
  has(code: number): boolean;
}

/** White space as `\s` matches it in a regex. */
const SPACES = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/** The characters of `chars`, and white space too when `space` is set. */
export function charClass(chars: string, options: { space?: boolean } = {}): CharClass {
  const table = new Uint8Array(0x10000);
  for (let k = 0; k < chars.length; k++) table[chars.charCodeAt(k)] = 1;
  if (options.space) for (let k = 0; k < SPACES.length; k++) table[SPACES.charCodeAt(k)] = 1;
  return { has: (code) => table[code] === 1 };
}

/** `\s`. */
export const SPACE = charClass('', { space: true });

/** Whether the code unit at `i` of `text` is white space (`\s`); false past either end. */
export function isSpaceAt(text: string, i: number): boolean {
  return SPACE.has(text.charCodeAt(i));
}
