/**
 * Folding for case- and accent-insensitive text comparison: NFD splits "é"
 * into "e" plus a combining accent, which is then dropped.
 *
 * @example foldText('Café DÉJÀ') // 'cafe deja'
 */
export function foldText(text: string): string {
  // ASCII needs no decomposition; skipping NFD keeps long ticket texts cheap.
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

const ASCII = /^[\x00-\x7f]*$/;
const COMBINING_MARKS = /\p{M}+/gu;

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
