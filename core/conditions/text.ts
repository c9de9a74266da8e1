/**
 * Folding for case- and accent-insensitive text comparison: NFD splits "é"
 * into "e" plus a combining accent, which is then dropped.
 *
 * @example foldText('Café DÉJÀ') // 'cafe deja'
 */
export function foldText(text: string): string {
  let latin = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x7f) continue;
    // Outside Latin-1 and Latin Extended-A: the general (slower) Unicode path.
    if (c > LATIN_END) return foldUnicode(text);
    latin = true;
  }
  if (!latin) return text.toLowerCase();
  return text.replace(LATIN, (ch) => LATIN_FOLD[ch.charCodeAt(0) - LATIN_START] as string).toLowerCase();
}

/** NFD, then drop the combining marks: the definition `foldText` follows. */
export function foldUnicode(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

const COMBINING_MARKS = /\p{M}+/gu;
const LATIN_START = 0x80;
const LATIN_END = 0x17f;
const LATIN = /[\u0080-\u017f]/g;
/** U+0080–U+017F folded once with NFD at load, so most European text skips normalize() per ticket. */
const LATIN_FOLD = Array.from({ length: LATIN_END - LATIN_START + 1 }, (_, i) => String.fromCharCode(LATIN_START + i).normalize('NFD').replace(COMBINING_MARKS, ''));

/**
 * `foldText` with a small cache: the same ticket text is folded once per
 * decision even when many conditions look at it. Bounded so a long-running
 * worker does not grow without limit.
 */
export function foldTextCached(text: string): string {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const folded = foldText(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, folded);
  return folded;
}

const CACHE_LIMIT = 512;
const cache = new Map<string, string>();

/**
 * A short excerpt of `text` around `phrase`, so a reason can show what it saw
 * without copying a whole ticket.
 */
export function excerptAround(text: string, foldedText: string, foldedPhrase: string, radius = 40): string {
  const at = foldedText.indexOf(foldedPhrase);
  if (at < 0 || text.length <= radius * 2 + foldedPhrase.length) return text;
  // Folding can change lengths (NFD), so the excerpt is cut from the folded text.
  const start = Math.max(0, at - radius);
  const end = Math.min(foldedText.length, at + foldedPhrase.length + radius);
  return `${start > 0 ? '…' : ''}${foldedText.slice(start, end)}${end < foldedText.length ? '…' : ''}`;
}

/**
 * A folded text with a bitmap of the character pairs it contains. Looking for
 * many phrases in one ticket text (issue-type keywords, `contains` lists) is
 * the routing hot path; a phrase with a pair the text lacks cannot be in it,
 * so most phrases are ruled out by a few bit tests instead of a string search.
 */
export interface IndexedText {
  folded: string;
  pairs: Int32Array;
}

// 2048 bits: sparse enough for ticket-length texts, small enough to build per ticket.
const PAIR_BITS = 2048;

function pairBit(a: number, b: number): number {
  return ((a * 31) ^ b) & (PAIR_BITS - 1);
}

/**
 * The folded, pair-indexed form of a text, cached by the text as given. The
 * cache is a ring of reused slots: typed arrays are costly to allocate and
 * collect, and the router indexes two texts per ticket. A returned index is
 * valid until CACHE_LIMIT more texts have been indexed, so callers use it at
 * once and never keep it.
 */
export function indexText(text: string): IndexedText {
  const hit = indexCache.get(text);
  if (hit) return hit;
  const slot = ring[ringNext] ?? { key: undefined, indexed: { folded: '', pairs: new Int32Array(PAIR_BITS / 32) } };
  ring[ringNext] = slot;
  ringNext = (ringNext + 1) % CACHE_LIMIT;
  if (slot.key !== undefined) indexCache.delete(slot.key);
  const folded = foldText(text);
  const { pairs } = slot.indexed;
  pairs.fill(0);
  // Int32 words: "1 << 31" stays a small integer, where Uint32 stores would box numbers.
  let previous = folded.charCodeAt(0);
  for (let i = 1; i < folded.length; i++) {
    const current = folded.charCodeAt(i);
    const bit = pairBit(previous, current);
    pairs[bit >> 5] = (pairs[bit >> 5] as number) | (1 << (bit & 31));
    previous = current;
  }
  slot.key = text;
  slot.indexed.folded = folded;
  indexCache.set(text, slot.indexed);
  return slot.indexed;
}

const indexCache = new Map<string, IndexedText>();
const ring: { key: string | undefined; indexed: IndexedText }[] = [];
let ringNext = 0;

/** A phrase prepared for `hasPhrase`: folded, with four of its character pairs to probe (-1: none). */
export interface Phrase {
  raw: string;
  folded: string;
  // Four fields rather than an array: this check runs for every keyword of every ticket.
  p0: number;
  p1: number;
  p2: number;
  p3: number;
}

export function preparePhrase(raw: string): Phrase {
  const folded = foldText(raw);
  const n = folded.length - 1;
  // Pairs spread over the phrase: the start, the end and two in between.
  const at = (i: number) => (n > 0 ? pairBit(folded.charCodeAt(i - 1), folded.charCodeAt(i)) : -1);
  return { raw, folded, p0: at(1), p1: at(Math.max(1, n)), p2: at(Math.max(1, Math.ceil(n / 3))), p3: at(Math.max(1, Math.ceil((2 * n) / 3))) };
}

/** Whether a (folded) phrase occurs in an indexed text. */
export function hasPhrase(text: IndexedText, phrase: Phrase): boolean {
  const { pairs } = text;
  const { p0, p1, p2, p3 } = phrase;
  if (p0 >= 0) {
    if (((pairs[p0 >> 5] as number) & (1 << (p0 & 31))) === 0) return false;
    if (((pairs[p1 >> 5] as number) & (1 << (p1 & 31))) === 0) return false;
    if (((pairs[p2 >> 5] as number) & (1 << (p2 & 31))) === 0) return false;
    if (((pairs[p3 >> 5] as number) & (1 << (p3 & 31))) === 0) return false;
  }
  return text.folded.includes(phrase.folded);
}
