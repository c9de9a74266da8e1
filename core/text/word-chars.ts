/**
 * Where words are: runs of letters, marks and digits (`[\p{L}\p{M}\p{N}]+`
 * with the `u` flag), found by a scan over character codes instead of a
 * pattern match per word, which allocated a match array for every word of a
 * ticket. Each code unit is classified once per process (a 64 KB table filled
 * on first sight); characters beyond the Basic Multilingual Plane, once each.
 *
 * @example wordLengthAt('Straße 5', 0) // 6
 */
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;

/** Per UTF-16 code unit: 0 not classified yet, 1 a word character, 2 not one (lone surrogates included). */
const BMP = new Uint8Array(0x10000);
/** Code points beyond U+FFFF: whether each is a word character. */
const ASTRAL = new Map<number, boolean>();

function isWordCodeUnit(c: number): boolean {
  let kind = BMP[c] as number;
  if (kind === 0) {
    // A surrogate alone is no letter; pairs are read as code points below.
    kind = c >= 0xd800 && c <= 0xdfff ? 2 : WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    BMP[c] = kind;
  }
  return kind === 1;
}

function isWordCodePoint(cp: number): boolean {
  let is = ASTRAL.get(cp);
  if (is === undefined) {
    is = WORD_CHAR.test(String.fromCodePoint(cp));
    ASTRAL.set(cp, is);
  }
  return is;
}

/** How many code units the word character at `i` takes: 0 (none there), 1, or 2 (a surrogate pair). */
export function wordCharWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return isWordCodePoint((c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000) ? 2 : 0;
  }
  return isWordCodeUnit(c) ? 1 : 0;
}

/** The length of the word starting at `i` (0 when none starts there). */
export function wordLengthAt(text: string, i: number): number {
  let end = i;
  for (let w = wordCharWidth(text, end); w > 0; w = wordCharWidth(text, end)) end += w;
  return end - i;
}
