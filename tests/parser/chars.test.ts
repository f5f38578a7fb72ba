import { describe, expect, it } from 'vitest';
import { charClass, isSpaceAt, SPACE } from '../../src/lib/parse/chars.ts';

describe('character classes', () => {
  it('SPACE is exactly what \\s matches, over every code unit', () => {
    for (let code = 0; code < 0x10000; code++) expect(SPACE.has(code), `U+${code.toString(16)}`).toBe(/\s/.test(String.fromCharCode(code)));
  });

  it('a class holds its characters and, when asked, white space', () => {
    const stops = charClass('。;!—');
    expect([...'。;!—'].every((c) => stops.has(c.charCodeAt(0)))).toBe(true);
    expect(stops.has(','.charCodeAt(0))).toBe(false);
    expect(stops.has(' '.charCodeAt(0))).toBe(false);
    expect(charClass(',', { space: true }).has('\u3000'.charCodeAt(0))).toBe(true);
  });

  it('isSpaceAt is false past the ends of a text', () => {
    expect(isSpaceAt(' a', 0)).toBe(true);
    expect(isSpaceAt(' a', 1)).toBe(false);
    expect(isSpaceAt(' a', 2)).toBe(false);
    expect(isSpaceAt(' a', -1)).toBe(false);
  });
});
