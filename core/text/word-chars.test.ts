import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordLengthAt } from './word-chars';

/** The words as the pattern the scan replaces finds them: [start, end) of each. */
const byPattern = (text: string) => [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => [m.index, m.index + m[0].length]);

function byScan(text: string): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < text.length; ) {
    const length = wordLengthAt(text, i);
    if (length === 0) i++;
    else {
      out.push([i, i + length]);
      i += length;
    }
  }
  return out;
}

describe('wordLengthAt', () => {
  it('finds the words of "Straße 5, l’export e-mail" at the same places as [\\p{L}\\p{M}\\p{N}]+', () => {
    const text = 'Straße 5, l’export e-mail';
    expect(byScan(text)).toEqual(byPattern(text));
    expect(byScan(text).map(([s, e]) => text.slice(s, e))).toEqual(['Straße', '5', 'l', 'export', 'e', 'mail']);
  });

  it('reads letters beyond U+FFFF as letters, emoji and lone surrogates as separators', () => {
    const text = '𝝔𝝕 x😀y \ud800z \udc00 𠀋';
    expect(byScan(text)).toEqual(byPattern(text));
    expect(byScan(text).map(([s, e]) => text.slice(s, e))).toEqual(['𝝔𝝕', 'x', 'y', 'z', '𠀋']);
  });

  it('agrees with the pattern on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: fc.constantFrom('a', 'é', 'e\u0301', '1', '٣', ' ', '-', '😀', '\ud800', '\udc00', '𝝔', 'ß', '\u200b'), maxLength: 60 })), (text) => {
        expect(byScan(text)).toEqual(byPattern(text));
      }),
      { numRuns: 1000 },
    );
  });
});
