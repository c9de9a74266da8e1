import { characterClass } from './char-class';

/**
 * Where words are: runs of letters, marks and digits (`[\p{L}\p{M}\p{N}]+`
 * with the `u` flag), found by a scan over character codes instead of a
 * pattern match per word, which allocated a match array for every word of a
 * ticket. Each character is classified once per process (./char-class.ts).
 *
 * @example wordLengthAt('Straße 5', 0) // 6
 */
/** A letter, mark or digit (./char-class.ts). */
const isWordChar = characterClass(/^[\p{L}\p{M}\p{N}]$/u);

/** How many code units the word character at `i` takes: 0 (none there), 1, or 2 (a surrogate pair). */
export function wordCharWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return isWordChar((c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000) ? 2 : 0;
  }
  return isWordChar(c) ? 1 : 0;
}

/** The length of the word starting at `i` (0 when none starts there). */
export function wordLengthAt(text: string, i: number): number {
  let end = i;
  for (let w = wordCharWidth(text, end); w > 0; w = wordCharWidth(text, end)) end += w;
  return end - i;
}
