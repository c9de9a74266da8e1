import { boundedText } from './bounded';
import { type Language, stemWord } from './stem';
import { readWords } from './tokenize';
import type { Words } from './words';

/**
 * One analysed text: its words, their stems in the ticket's language, and an
 * index from word and stem to positions, so a phrase is found by a lookup
 * rather than a scan. Built once per text and language (cached), whatever
 * the number of decisions that read it.
 *
 * The index is kept as chains rather than a list per word: `keys` gives each
 * word or stem a slot; `links` holds each slot's first position, and for each
 * position the next one with the same word and the next with the same stem.
 * Numbers sit in typed arrays, which the garbage collector does not walk: a
 * cached long ticket is a handful of objects, not several per word.
 */
export interface TextDocument {
  readonly text: string;
  readonly language: Language;
  readonly words: Words;
  /** Each word's stem (the word itself when it has none). */
  readonly stems: readonly string[];
  /** Folded word or stem → its slot, in the order the words first appear. */
  readonly keys: ReadonlyMap<string, number>;
  /**
   * Per position the next position with the same word, then per position the next with the same stem (when the stem
   * is not the word itself), then per slot its first position; -1 ends a chain. Read through `positionsOf`.
   */
  readonly links: Int32Array;
}

/**
 * @example positionsOf(analyzeText('They charged, then charged again', 'en'), 'charg') // [1, 3]
 */
export function analyzeText(whole: string, language: Language): TextDocument {
  // A field read on its own (not through readTicketText) is bounded the same way as a message.
  const text = boundedText(whole);
  const entry = entryOf(text);
  const hit = entry.docs.find((d) => d.language === language);
  if (hit) return hit;
  const { words } = entry;
  const { count, folded } = words;
  const stems = new Array<string>(count);
  const keys = new Map<string, number>();
  // Built in a reused buffer: the next positions by word and by stem, and per slot (at most two a word) its first
  // and last positions so far; the document keeps a copy sized to it.
  const work = workspace(6 * count);
  work.fill(-1, 0, 2 * count);
  const firstAt = 2 * count;
  const lastAt = 4 * count;
  const add = (key: string, slot: number | undefined, at: number) => {
    if (slot === undefined) {
      work[firstAt + keys.size] = at;
      work[lastAt + keys.size] = at;
      keys.set(key, keys.size);
      return;
    }
    const last = work[lastAt + slot] as number;
    // The last position joined the chain by its word or by its stem, and links on by the same.
    work[folded[last] === key ? last : count + last] = at;
    work[lastAt + slot] = at;
  };
  for (let i = 0; i < count; i++) {
    const word = folded[i] as string;
    const slot = keys.get(word);
    // A word seen before in this text has the stem it had then: one map lookup instead of the stemmer's cache.
    const seen = slot === undefined ? -1 : (work[firstAt + slot] as number);
    const stem = seen >= 0 && folded[seen] === word ? (stems[seen] as string) : stemWord(language, word);
    stems[i] = stem;
    add(word, slot, i);
    if (stem !== word) add(stem, keys.get(stem), i);
  }
  const links = new Int32Array(2 * count + keys.size);
  links.set(work.subarray(0, 2 * count));
  links.set(work.subarray(firstAt, firstAt + keys.size), 2 * count);
  const doc: TextDocument = { text, language, words, stems, keys, links };
  entry.docs.push(doc);
  return doc;
}

/** The positions of a folded word or stem in the document, ascending: where the word stands or where its stem does. */
export function positionsOf(doc: TextDocument, key: string): number[] {
  const out: number[] = [];
  const slot = doc.keys.get(key);
  if (slot === undefined) return out;
  const { folded, count } = doc.words;
  const { links } = doc;
  // A position joined the chain by its word or by its stem, and links on by the same.
  for (let at = links[2 * count + slot] as number; at !== -1; at = links[folded[at] === key ? at : count + at] as number) out.push(at);
  return out;
}

let buffer = new Int32Array(0);
/** A reused buffer of at least `size` cells (a text too long for the reused one gets its own). */
function workspace(size: number): Int32Array {
  if (size > WORKSPACE_LIMIT) return new Int32Array(size);
  if (buffer.length < size) buffer = new Int32Array(Math.max(size, 2 * buffer.length, 1024));
  return buffer;
}
const WORKSPACE_LIMIT = 600_000;

/**
 * The words of a text, read once whatever the language (cached with its
 * analyses): language detection reads them before the stems are chosen.
 *
 * @example wordsOf('Still broken.').folded // ['still', 'broken']
 */
export function wordsOf(text: string): Words {
  return entryOf(text).words;
}

function entryOf(text: string): CacheEntry {
  let entry = cache.get(text);
  if (entry) return entry;
  entry = { words: readWords(text), docs: [] };
  cachedWords += entry.words.count;
  // Bounded by words, not texts: a worker holding a few 10,000-word threads must not grow without limit.
  while (cache.size > 0 && (cache.size >= CACHE_LIMIT || cachedWords > WORD_BUDGET)) {
    const oldest = cache.keys().next().value as string;
    cachedWords -= (cache.get(oldest) as CacheEntry).words.count;
    cache.delete(oldest);
  }
  cache.set(text, entry);
  return entry;
}

/** The worker re-decides every open ticket each minute: its texts are analysed once, not every minute. */
const CACHE_LIMIT = 4096;
/** About 25 MB of words, stems and index at most. */
const WORD_BUDGET = 400_000;
let cachedWords = 0;
interface CacheEntry {
  words: Words;
  /** By language; almost always one: a ticket's texts are read in the ticket's language. */
  docs: TextDocument[];
}
const cache = new Map<string, CacheEntry>();

/** Forgets every analysed text (for measurements of a first reading). */
export function forgetDocuments(): void {
  cache.clear();
  cachedWords = 0;
}

/** Up to `radius` characters either side of [start, end), cut at word boundaries, with ellipses. */
export function excerpt(text: string, start: number, end: number, radius = 40): string {
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > end ? text.lastIndexOf(' ', to) : to;
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}
