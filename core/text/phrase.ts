import { foldText } from '../conditions/text';
import { excerpt, positionsOf, type TextDocument } from './document';
import { headsFor, indexPhrases, type PhraseIndex, someCandidate, stemOf } from './phrase-index';
import type { Language } from './stem';
import type { Words } from './words';

export { indexPhrases, type PhraseIndex };

/**
 * Stage 4: policy phrases matched on words and stems, not substrings.
 * "dispute" finds "disputing" and "disputed" but not "indisputable"; "sso"
 * finds "SSO" but not "lesson". Syntax:
 * - words in a row match words in a row: `was compromised`;
 * - `…` (or `...`) lets up to six words sit between two parts, within one clause: `charged … twice`;
 * - a trailing `*` matches a word's start, a leading `*` its end (compounds): `hack*`, `*verlust`;
 * - a leading `=` matches the word exactly, without stemming: `=wiped` (not "wipe"), `=syncing` (not "sync");
 * - a trailing `^n` weighs the phrase as evidence for an issue type (default 1): `is there^0.5`, `status page^2`;
 * - a trailing `!` keeps a denial even where topic words ignore negation: `status page!` is not "nothing on your status page";
 * - a leading language code applies the phrase to tickets in that language only: `fr:page de statut`, `de:abrechnung`
 *   (without one, a phrase applies to every ticket: English loanwords such as "phishing" or "webhook" travel).
 * A match inside a negated clause ("no data was lost", "nobody hacked us") does not count.
 *
 * @example
 * const p = compilePhrase('charged … twice');
 * findPhrase(analyzeText('They charged my card twice!', 'en'), p)?.excerpt // 'They charged my card twice!'
 */
export interface PhraseTerm {
  folded: string;
  /** `hack*`: the word starts with `folded`. */
  prefix: boolean;
  /** `*verlust`: the word ends with `folded`. */
  suffix: boolean;
  /** `=wiped`: this exact word, no stem. */
  exact: boolean;
  /** Up to this many words may come between the previous term and this one. */
  gapBefore: number;
  stems: Partial<Record<Language, string>>;
}

export interface CompiledPhrase {
  raw: string;
  terms: PhraseTerm[];
  /** How much the phrase counts as evidence (`^n`), 1 by default. */
  weight: number;
  /** `!`: a denial counts even where negation is otherwise ignored. */
  keepsDenial: boolean;
  /** `fr:`: only tickets in this language. */
  language?: Language;
}

export interface PhraseMatch {
  phrase: string;
  /** The words around the match as written. */
  excerpt: string;
  /** Where the match sits in its document (token positions). */
  first: number;
  last: number;
}

export const MAX_GAP = 6;

export function compilePhrase(raw: string): CompiledPhrase {
  const terms: PhraseTerm[] = [];
  let gap = 0;
  const tagged = /^\s*(en|de|es|fr|pt|it|nl):/.exec(raw);
  let text = tagged ? raw.slice(tagged[0].length) : raw;
  // The trailing marks, in either order: "status page^1.5!", "status page!^1.5".
  let keepsDenial = false;
  let weighted: RegExpExecArray | null = null;
  for (let more = true; more; ) {
    more = false;
    if (/!\s*$/.test(text)) {
      keepsDenial = true;
      text = text.replace(/!\s*$/, '');
      more = true;
    }
    const w = /\^(\d+(?:\.\d+)?)\s*$/.exec(text);
    if (w) {
      weighted = w;
      text = text.slice(0, w.index);
      more = true;
    }
  }
  for (const part of text.trim().split(/\s+|(?=…)|(?<=…)/)) {
    if (part === '…' || part === '...') {
      gap = MAX_GAP;
      continue;
    }
    const prefix = part.endsWith('*');
    const suffix = part.startsWith('*');
    const exact = part.startsWith('=');
    // The same word splitting as the text: "e-mail" is two words on both sides; "didn't" is "didn" (the "t" only negates).
    const words = foldText(part.replace(/[*=]/g, ''))
      .split(/[^\p{L}\p{M}\p{N}]+/u)
      .filter((w, i, all) => w !== '' && !(w === 't' && i > 0 && (all[i - 1] ?? '').endsWith('n')));
    words.forEach((folded, i) => {
      terms.push({ folded, prefix: prefix && i === words.length - 1, suffix: suffix && i === 0, exact: exact && i === 0, gapBefore: i === 0 ? gap : 0, stems: {} });
    });
    gap = 0;
  }
  return { raw, terms, weight: weighted ? Number(weighted[1]) : 1, keepsDenial, ...(tagged ? { language: tagged[1] as Language } : {}) };
}

function termMatches(doc: TextDocument, term: PhraseTerm, at: number): boolean {
  const word = doc.words.folded[at];
  if (word === undefined) return false;
  if (term.prefix) return word.startsWith(term.folded);
  if (term.suffix) return word.endsWith(term.folded);
  if (term.exact) return word === term.folded;
  return word === term.folded || doc.stems[at] === stemOf(term, doc.language);
}

/** Whether the term can match somewhere in the document: the document holds its word or its stem (wildcards: maybe). */
function mayStand(doc: TextDocument, term: PhraseTerm): boolean {
  if (term.prefix || term.suffix || doc.keys.has(term.folded)) return true;
  return !term.exact && doc.keys.has(stemOf(term, doc.language));
}

/** Where `term` matches from position `from` up to `from + gap`: right after the previous word, or after a gap within its clause. */
function nextMatch(doc: TextDocument, term: PhraseTerm, from: number, sentence: number, clause: number): number {
  const { words } = doc;
  for (let at = from; at <= from + term.gapBefore && at < words.count; at++) {
    if (words.sentence(at) !== sentence || (term.gapBefore > 0 && words.clause(at) !== clause)) return -1;
    if (termMatches(doc, term, at)) return at;
  }
  return -1;
}

/** Candidate start positions for the first term, ascending: index lookups, for a wildcard over the distinct words. */
function starts(doc: TextDocument, term: PhraseTerm): readonly number[] {
  const { folded } = doc.words;
  if (term.prefix || term.suffix) {
    const all: number[] = [];
    for (const key of doc.keys.keys()) {
      if (!(term.prefix ? key.startsWith(term.folded) : key.endsWith(term.folded))) continue;
      for (const at of positionsOf(doc, key)) if (folded[at] === key) all.push(at);
    }
    return all.sort((a, b) => a - b);
  }
  const byWord = positionsOf(doc, term.folded);
  if (term.exact) return byWord.filter((i) => folded[i] === term.folded);
  const stem = stemOf(term, doc.language);
  if (stem === term.folded) return byWord;
  const byStem = positionsOf(doc, stem);
  if (byStem.length === 0) return byWord;
  if (byWord.length === 0) return byStem;
  return mergeAscending(byWord, byStem);
}

/** Two ascending lists as one, each position once. */
function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? (a[i] as number) : Number.POSITIVE_INFINITY;
    const y = j < b.length ? (b[j] as number) : Number.POSITIVE_INFINITY;
    out.push(Math.min(x, y));
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return out;
}

export interface FindOptions {
  /** Count matches inside a negated clause too: topic words ("can't log in" is about logging in). */
  ignoreNegation?: boolean;
}

/** The positions of the phrase's words in the match being tried (reused: findPhrase is the hot path). */
let matched = new Int32Array(16);

/** The first occurrence of the phrase in the document that no negator outside it governs. */
export function findPhrase(doc: TextDocument, phrase: CompiledPhrase, options: FindOptions = {}): PhraseMatch | undefined {
  const { terms } = phrase;
  const head = terms[0];
  if (!head || (phrase.language !== undefined && phrase.language !== doc.language)) return undefined;
  // A word of the phrase that the document lacks rules it out by a lookup, before any position is tried.
  for (const term of terms) if (!mayStand(doc, term)) return undefined;
  if (matched.length < terms.length) matched = new Int32Array(terms.length);
  const { words } = doc;
  const checkDenial = !options.ignoreNegation || phrase.keepsDenial;
  for (const start of starts(doc, head)) {
    const sentence = words.sentence(start);
    matched[0] = start;
    let at = start;
    for (let t = 1; t < terms.length && at >= 0; t++) {
      at = nextMatch(doc, terms[t] as PhraseTerm, at + 1, sentence, words.clause(at));
      matched[t] = at;
    }
    if (at < 0) continue;
    // A negator that is one of the phrase's own words ("not working", "acceso no autorizado") is part of what it
    // says; one elsewhere, even in a gap ("the data could not be restored"), denies it.
    if (checkDenial && isDenied(words, start, at, terms.length)) continue;
    return { phrase: phrase.raw, excerpt: excerpt(doc.text, words.start(start), words.end(at)), first: start, last: at };
  }
  return undefined;
}

/** Whether a negator other than the phrase's own words (the first `own` of `matched`) governs a word in [from, to]. */
function isDenied(words: Words, from: number, to: number, own: number): boolean {
  for (let i = from; i <= to; i++) {
    const by = words.negatedBy(i);
    if (by === -1) continue;
    let isOwn = false;
    for (let k = 0; k < own && !isOwn; k++) isOwn = matched[k] === by;
    if (!isOwn) return true;
  }
  return false;
}

/**
 * A list of phrases, compiled and indexed on first use, with its results cached per document (a document is immutable
 * and cached itself). A worker builds its router when it starts, on the path of the first ticket it is asked about:
 * the default policy's lists hold ~7,000 phrases, and a list behind a condition that fails first is never compiled.
 */
export interface PhraseSet {
  readonly raw: readonly string[];
  results: WeakMap<TextDocument, PhraseMatch | null>;
}

interface CompiledSet {
  phrases: readonly CompiledPhrase[];
  index: PhraseIndex;
}

const compiledSets = new WeakMap<PhraseSet, CompiledSet>();

/** The set's phrases compiled and indexed, once. */
function compiledOf(set: PhraseSet): CompiledSet {
  let compiled = compiledSets.get(set);
  if (!compiled) {
    const phrases = set.raw.map(compilePhrase);
    compiled = { phrases, index: indexPhrases(phrases) };
    compiledSets.set(set, compiled);
  }
  return compiled;
}

/** Sets by their phrases: a policy names one list in several conditions ("the customer or an agent's note reported a breach"). */
const setsByContent = new Map<string, PhraseSet>();
/** Enough for every list of a few policies; a worker that met more starts over rather than grow. */
const SHARED_SETS = 256;

/**
 * The set of these phrases. Lists with the same phrases in the same order share one set, so they are compiled once
 * and a document is searched for them once.
 *
 * @example
 * const breach = compilePhraseSet(['data breach', 'was hacked']);
 * findAny(analyzeText('We were hacked', 'en'), breach)?.phrase // 'was hacked'
 */
export function compilePhraseSet(raw: readonly string[]): PhraseSet {
  const key = JSON.stringify(raw);
  let set = setsByContent.get(key);
  if (!set) {
    if (setsByContent.size >= SHARED_SETS) setsByContent.clear();
    set = { raw: [...raw], results: new WeakMap() };
    setsByContent.set(key, set);
  }
  return set;
}

/** The first phrase of the set (in the set's order) found in the document, or undefined. */
export function findAny(doc: TextDocument, set: PhraseSet): PhraseMatch | undefined {
  const cached = set.results.get(doc);
  if (cached !== undefined) return cached ?? undefined;
  const { phrases, index } = compiledOf(set);
  let found: PhraseMatch | undefined;
  // A phrase that is not a candidate cannot match: the candidates tried in the set's order find what every phrase
  // tried in that order would.
  someCandidate(doc, index, (i) => {
    found = findPhrase(doc, phrases[i] as CompiledPhrase);
    return found !== undefined;
  });
  set.results.set(doc, found ?? null);
  return found;
}

/** Every phrase of the set found in the document (for weighing evidence). */
export function findAll(doc: TextDocument, phrases: readonly CompiledPhrase[]): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  for (const p of phrases) {
    const m = findPhrase(doc, p);
    if (m) out.push(m);
  }
  return out;
}

/**
 * Every phrase of the index found in the document, each once, in the order of the document's words that start them,
 * then the wildcard ones: the issue-type keywords of a policy in four languages are ~1,000 phrases.
 */
export function findIndexed(doc: TextDocument, index: PhraseIndex, options: FindOptions = {}): PhraseMatch[] {
  const heads = headsFor(index, doc.language);
  const tried = new Set<number>();
  const out: PhraseMatch[] = [];
  const attempt = (i: number) => {
    if (tried.has(i)) return;
    tried.add(i);
    const m = findPhrase(doc, index.phrases[i] as CompiledPhrase, options);
    if (m) out.push(m);
  };
  for (const key of doc.keys.keys()) {
    const list = heads.get(key);
    if (list !== undefined) for (const i of list) attempt(i);
  }
  for (const i of index.wildcardHeads) attempt(i);
  return out;
}
