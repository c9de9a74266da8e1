import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedText, MAX_CHARS } from './bounded';

describe('boundedText', () => {
  it(`reads any text of up to ${MAX_CHARS.toLocaleString('en')} characters whole`, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.integer({ min: 0, max: MAX_CHARS - 200 }), (tail, filler) => {
        const text = 'x'.repeat(filler) + tail;
        expect(boundedText(text)).toBe(text);
      }),
      { numRuns: 50 },
    );
    const longest = 'word '.repeat(MAX_CHARS / 5).slice(0, MAX_CHARS);
    expect(boundedText(longest)).toBe(longest);
  });

  it('reads a longer text as its first 15,000 and its last 5,000 characters, cut at line breaks', () => {
    // 1,000 lines of 100 characters: the start ends with line 149, the end starts with the first whole line after the
    // last 5,000 characters (line 951).
    const lines = Array.from({ length: 1000 }, (_, i) => `line ${String(i).padStart(5, '0')} ${'.'.repeat(88)}\n`);
    expect(boundedText(lines.join(''))).toBe(`${lines.slice(0, 150).join('')}\n\n${lines.slice(951).join('')}`);
  });

  it('cuts a text without line breaks at spaces, and one without spaces anywhere but inside a character', () => {
    // The end starts after the first space in its last 5,000 characters.
    expect(boundedText('word '.repeat(10_000)).split('\n\n').map((part) => part.length)).toEqual([15_000, 4_995]);
    const emoji = '😀'.repeat(20_000);
    for (const part of boundedText(emoji).split('\n\n')) expect(part).toMatch(/^(?:😀)+$/u);
  });

  it('changes nothing when applied twice', () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_CHARS - 10, max: 3 * MAX_CHARS }), fc.constantFrom('a', 'a ', 'ab\n', '😀', 'é '), (length, unit) => {
        const once = boundedText(unit.repeat(Math.ceil(length / unit.length)));
        expect(once.length).toBeLessThanOrEqual(MAX_CHARS);
        expect(boundedText(once)).toBe(once);
      }),
      { numRuns: 30 },
    );
  });
});
