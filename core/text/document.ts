import { type Language, stemWord } from './stem';
import { type Token, tokenize } from './tokenize';

/**
 * One analysed text: its words, their stems in the ticket's language, and an
 * index from word and stem to positions, so a phrase is found by a lookup
 * rather than a scan. Built once per text and language (cached), whatever
 * the number of decisions that read it.
 */
export interface TextDocument {
  readonly text: string;
  readonly language: Language;
  readonly tokens: readonly Token[];
  readonly stems: readonly string[];
  /** Folded word or stem → positions in `tokens`, ascending. */
  readonly index: ReadonlyMap<string, readonly number[]>;
}

export function analyzeText(text: string, language: Language): TextDocument {
  const entry = entryOf(text);
  const hit = entry.docs.get(language);
  if (hit) return hit;
  const { tokens } = entry;
  const stems = new Array<string>(tokens.length);
  const index = new Map<string, number[]>();
  for (let i = 0; i < tokens.length; i++) {
    const folded = (tokens[i] as Token).folded;
    // A word seen before in this text has the stem it had then: one map lookup instead of the stemmer's cache.
    const byWord = index.get(folded);
    let stem: string;
    if (byWord === undefined) {
      stem = stemWord(language, folded);
      index.set(folded, [i]);
    } else {
      const seen = byWord[0] as number;
      stem = (tokens[seen] as Token).folded === folded ? (stems[seen] as string) : stemWord(language, folded);
      byWord.push(i);
    }
    stems[i] = stem;
    if (stem === folded) continue;
    const byStem = index.get(stem);
    if (byStem === undefined) index.set(stem, [i]);
    else if (byStem[byStem.length - 1] !== i) byStem.push(i);
  }
  const doc: TextDocument = { text, language, tokens, stems, index };
  entry.docs.set(language, doc);
  return doc;
}

/**
 * The words of a text, tokenized once whatever the language (cached with its
 * analyses): language detection reads them before the stems are chosen.
 *
 * @example tokenizeCached('Still broken.').map((t) => t.folded) // ['still', 'broken']
 */
export function tokenizeCached(text: string): readonly Token[] {
  return entryOf(text).tokens;
}

function entryOf(text: string): CacheEntry {
  let entry = cache.get(text);
  if (entry) return entry;
  entry = { tokens: tokenize(text), docs: new Map() };
  cachedTokens += entry.tokens.length;
  // Bounded by words, not texts: a worker holding a few 10,000-word threads must not grow without limit.
  while (cache.size > 0 && (cache.size >= CACHE_LIMIT || cachedTokens > TOKEN_BUDGET)) {
    const oldest = cache.keys().next().value as string;
    cachedTokens -= (cache.get(oldest) as CacheEntry).tokens.length;
    cache.delete(oldest);
  }
  cache.set(text, entry);
  return entry;
}

/** The worker re-decides every open ticket each minute: its texts are analysed once, not every minute. */
const CACHE_LIMIT = 4096;
/** About 50 MB of words, stems and index at most. */
const TOKEN_BUDGET = 400_000;
let cachedTokens = 0;
interface CacheEntry {
  tokens: readonly Token[];
  /** Almost always one: a ticket's texts are read in the ticket's language. */
  docs: Map<Language, TextDocument>;
}
const cache = new Map<string, CacheEntry>();

/** Up to `radius` characters either side of [start, end), cut at word boundaries, with ellipses. */
export function excerpt(text: string, start: number, end: number, radius = 40): string {
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > end ? text.lastIndexOf(' ', to) : to;
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}
