/**
 * Membership of a one-character pattern, by code point, looked up instead of matched: each code unit of the Basic
 * Multilingual Plane is classified once per process (a 64 KB table filled on first sight), characters beyond it once
 * each up to ASTRAL_LIMIT of them (hostile text cannot grow the cache without bound; past it they are matched).
 * The word scanners of the router (./word-chars.ts) and of the frustration score (../sentiment/sentences.ts) read
 * every character of a ticket through one of these.
 *
 * @example characterClass(/^[\p{L}\p{N}]$/u)(0x00e9) // true ("é")
 */
export function characterClass(pattern: RegExp): (codePoint: number) => boolean {
  /** Per code unit: 0 not classified yet, 1 a member, 2 not one (lone surrogates included: pairs are code points). */
  const bmp = new Uint8Array(0x10000);
  const astral = new Map<number, boolean>();
  return (cp) => {
    // Not a code point (charCodeAt past the end of a text gives NaN): a member of no class.
    if (!(cp >= 0 && cp <= 0x10ffff)) return false;
    if (cp <= 0xffff) {
      let kind = bmp[cp] as number;
      if (kind === 0) {
        kind = cp >= 0xd800 && cp <= 0xdfff ? 2 : pattern.test(String.fromCharCode(cp)) ? 1 : 2;
        bmp[cp] = kind;
      }
      return kind === 1;
    }
    const known = astral.get(cp);
    if (known !== undefined) return known;
    const is = pattern.test(String.fromCodePoint(cp));
    if (astral.size < ASTRAL_LIMIT) astral.set(cp, is);
    return is;
  };
}

/** Characters beyond the Basic Multilingual Plane remembered per class. */
const ASTRAL_LIMIT = 8192;
