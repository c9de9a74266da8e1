import type { TextDocument } from './document';
import type { CompiledPhrase, PhraseTerm } from './phrase';
import { type Language, stemWord } from './stem';

/**
 * Stage 4b: which of many phrases can match a document, by lookup rather than
 * by trying each. A phrase matches only where its first word (or that word's
 * stem) stands, and a document indexes its words and stems; so the phrases
 * worth trying are those whose first word the document holds, found by
 * walking whichever is smaller, the document's words or the phrases' first
 * words. A `mentions` list of the default policy holds up to 2,490 phrases
 * (data loss in four languages); a ticket's message, a few dozen distinct words.
 *
 * @example
 * const index = indexPhrases(['chargeback', 'charged … twice', 'refund'].map(compilePhrase));
 * someCandidate(analyzeText('You charged my card twice', 'en'), index, (i) => i === 1) // true
 */
export interface PhraseIndex {
  phrases: readonly CompiledPhrase[];
  /** Per language: a folded first word or its stem → positions in `phrases`, ascending. */
  byHead: Map<Language, Map<string, number[]>>;
  /** Positions of the phrases whose first word is a wildcard (`hack*`, `*verlust`): candidates in every document. */
  wildcardHeads: readonly number[];
}

export function indexPhrases(phrases: readonly CompiledPhrase[]): PhraseIndex {
  const wildcardHeads: number[] = [];
  phrases.forEach((p, i) => {
    if (p.terms[0]?.prefix || p.terms[0]?.suffix) wildcardHeads.push(i);
  });
  return { phrases, byHead: new Map(), wildcardHeads };
}

/** A phrase word's stem in a language, computed once per word and language. */
export function stemOf(term: PhraseTerm, language: Language): string {
  let stem = term.stems[language];
  if (stem === undefined) {
    stem = stemWord(language, term.folded);
    term.stems[language] = stem;
  }
  return stem;
}

/** The index's first words for tickets in one language (built on first use): a phrase tagged `fr:` is not among the German ones. */
export function headsFor(index: PhraseIndex, language: Language): ReadonlyMap<string, readonly number[]> {
  let heads = index.byHead.get(language);
  if (heads) return heads;
  heads = new Map();
  index.phrases.forEach((p, i) => {
    const head = p.terms[0];
    if (!head || head.prefix || head.suffix || (p.language !== undefined && p.language !== language)) return;
    const stem = head.exact ? head.folded : stemOf(head, language);
    for (const key of stem === head.folded ? [head.folded] : [head.folded, stem]) {
      const list = (heads as Map<string, number[]>).get(key);
      if (list === undefined) (heads as Map<string, number[]>).set(key, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  index.byHead.set(language, heads);
  return heads;
}

/**
 * Calls `visit` with the position in `index.phrases` of every phrase that can match in the document, ascending and
 * each once, until it returns true: the phrases whose first word or its stem the document holds, and those with a
 * wildcard first word. Whether a visit returned true. The positions are gathered in a reused buffer: a decision asks
 * this for every `mentions` list and message, and new arrays were a tenth of what a decision allocated.
 */
export function someCandidate(doc: TextDocument, index: PhraseIndex, visit: (position: number) => boolean): boolean {
  const heads = headsFor(index, doc.language);
  gathered = 0;
  for (const i of index.wildcardHeads) gather(i);
  if (heads.size < doc.keys.size) {
    heads.forEach((list, key) => {
      if (doc.keys.has(key)) for (const i of list) gather(i);
    });
  } else {
    for (const key of doc.keys.keys()) {
      const list = heads.get(key);
      if (list !== undefined) for (const i of list) gather(i);
    }
  }
  const count = gathered;
  sortAscending(found, count);
  for (let k = 0; k < count; k++) {
    const i = found[k] as number;
    // A phrase found by its word and by its stem is visited once.
    if (k > 0 && i === found[k - 1]) continue;
    if (visit(i)) return true;
  }
  return false;
}

let found = new Int32Array(256);
let gathered = 0;
function gather(i: number): void {
  if (gathered === found.length) {
    const grown = new Int32Array(2 * found.length);
    grown.set(found);
    found = grown;
  }
  found[gathered++] = i;
}

/** Sorts the first `count` numbers in place: by insertion when few (the usual case), else by the engine. */
function sortAscending(numbers: Int32Array, count: number): void {
  if (count > 32) {
    numbers.subarray(0, count).sort();
    return;
  }
  for (let i = 1; i < count; i++) {
    const x = numbers[i] as number;
    let j = i - 1;
    for (; j >= 0 && (numbers[j] as number) > x; j--) numbers[j + 1] = numbers[j] as number;
    numbers[j + 1] = x;
  }
}
