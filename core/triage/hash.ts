/**
 * 32-bit string hashing for feature hashing: FNV-1a over UTF-16 code units of
 * a slice, finished with murmur3's fmix32 so nearby strings spread over every
 * bit (FNV alone leaves the low bits poorly mixed for short n-grams).
 * Hashing a slice avoids building a string per character n-gram.
 *
 * @example hashSlice('refund', 0, 6, 0x9747b28c) // → a 32-bit unsigned integer
 */
export function hashSlice(text: string, start: number, end: number, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** murmur3's finaliser: every input bit affects every output bit. */
export function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines two hashes (a word bigram from its two word hashes) without concatenating strings. */
export function combineHashes(a: number, b: number): number {
  return fmix32((Math.imul(a, 0x9e3779b1) ^ (b + 0x7f4a7c15)) >>> 0);
}
