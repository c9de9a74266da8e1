import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterClass } from './char-class';

describe('characterClass', () => {
  const letter = characterClass(/^\p{L}$/u);

  it('answers as the pattern does for every code point, remembered or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x10ffff }), (cp) => {
        const expected = cp >= 0xd800 && cp <= 0xdfff ? false : /^\p{L}$/u.test(String.fromCodePoint(cp));
        expect(letter(cp)).toBe(expected);
        expect(letter(cp)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('counts what is not a code point, as charCodeAt past the end of a text gives, as no member', () => {
    expect(letter(Number.NaN)).toBe(false);
    expect(letter(-1)).toBe(false);
    expect(letter(0x110000)).toBe(false);
  });
});
