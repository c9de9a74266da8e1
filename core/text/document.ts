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
  const key = `${language}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const tokens = tokenize(text);
  const stems = new Array<string>(tokens.length);
  const index = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const list = index.get(key);
    if (!list) index.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  for (let i = 0; i < tokens.length; i++) {
    const folded = (tokens[i] as Token).folded;
    const stem = stemWord(language, folded);
    stems[i] = stem;
    add(folded, i);
    add(stem, i);
  }
  const doc: TextDocument = { text, language, tokens, stems, index };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, doc);
  return doc;
}

/** The worker re-decides every open ticket each minute: its texts are analysed once, not every minute. */
const CACHE_LIMIT = 4096;
const cache = new Map<string, TextDocument>();

/** Up to `radius` characters either side of [start, end), cut at word boundaries, with ellipses. */
export function excerpt(text: string, start: number, end: number, radius = 40): string {
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > end ? text.lastIndexOf(' ', to) : to;
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}
