import { foldText } from '../conditions/text';
import { type TextDocument, excerpt } from './document';
import { type Language, stemWord } from './stem';

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

function stemOf(term: PhraseTerm, language: Language): string {
  let stem = term.stems[language];
  if (stem === undefined) {
    stem = stemWord(language, term.folded);
    term.stems[language] = stem;
  }
  return stem;
}

function termMatches(doc: TextDocument, term: PhraseTerm, at: number): boolean {
  const word = doc.tokens[at]?.folded;
  if (word === undefined) return false;
  if (term.prefix) return word.startsWith(term.folded);
  if (term.suffix) return word.endsWith(term.folded);
  if (term.exact) return word === term.folded;
  return word === term.folded || doc.stems[at] === stemOf(term, doc.language);
}

/** Where `term` matches from position `from` up to `from + gap`: right after the previous word, or after a gap within its clause. */
function nextMatch(doc: TextDocument, term: PhraseTerm, from: number, sentence: number, clause: number): number {
  for (let at = from; at <= from + term.gapBefore && at < doc.tokens.length; at++) {
    const token = doc.tokens[at] as { sentence: number; clause: number };
    if (token.sentence !== sentence || (term.gapBefore > 0 && token.clause !== clause)) return -1;
    if (termMatches(doc, term, at)) return at;
  }
  return -1;
}

/** Candidate start positions for the first term: an index lookup, or a scan for a wildcard. */
function starts(doc: TextDocument, term: PhraseTerm): readonly number[] {
  if (term.prefix || term.suffix) {
    const all: number[] = [];
    for (let i = 0; i < doc.tokens.length; i++) if (termMatches(doc, term, i)) all.push(i);
    return all;
  }
  const byWord = doc.index.get(term.folded);
  if (term.exact) return (byWord ?? NONE).filter((i) => doc.tokens[i]?.folded === term.folded);
  const stem = stemOf(term, doc.language);
  const byStem = stem === term.folded ? undefined : doc.index.get(stem);
  if (!byStem) return byWord ?? NONE;
  if (!byWord) return byStem;
  return [...new Set([...byWord, ...byStem])].sort((a, b) => a - b);
}
const NONE: readonly number[] = [];

export interface FindOptions {
  /** Count matches inside a negated clause too: topic words ("can't log in" is about logging in). */
  ignoreNegation?: boolean;
}

/** The first occurrence of the phrase in the document that no negator outside it governs. */
export function findPhrase(doc: TextDocument, phrase: CompiledPhrase, options: FindOptions = {}): PhraseMatch | undefined {
  const [head, ...rest] = phrase.terms;
  if (!head || (phrase.language !== undefined && phrase.language !== doc.language)) return undefined;
  for (const start of starts(doc, head)) {
    const { sentence } = doc.tokens[start] as { sentence: number };
    const positions = [start];
    let at = start;
    let ok = true;
    for (const term of rest) {
      at = nextMatch(doc, term, at + 1, sentence, (doc.tokens[at] as { clause: number }).clause);
      if (at < 0) {
        ok = false;
        break;
      }
      positions.push(at);
    }
    if (!ok) continue;
    let negated = false;
    if (!options.ignoreNegation || phrase.keepsDenial) {
      // A negator that is one of the phrase's own words ("not working", "acceso no autorizado") is part of what it
      // says; one elsewhere, even in a gap ("the data could not be restored"), denies it.
      for (let i = start; i <= at; i++) {
        const by = (doc.tokens[i] as { negatedBy: number }).negatedBy;
        if (by !== -1 && !positions.includes(by)) negated = true;
      }
    }
    if (negated) continue;
    const first = doc.tokens[start] as { start: number };
    const last = doc.tokens[at] as { end: number };
    return { phrase: phrase.raw, excerpt: excerpt(doc.text, first.start, last.end), first: start, last: at };
  }
  return undefined;
}

/** A list of phrases compiled once; results cached per document (a document is immutable and cached itself). */
export interface PhraseSet {
  phrases: readonly CompiledPhrase[];
  results: WeakMap<TextDocument, PhraseMatch | null>;
}

export function compilePhraseSet(raw: readonly string[]): PhraseSet {
  return { phrases: raw.map(compilePhrase), results: new WeakMap() };
}

/** The first phrase of the set found in the document, or undefined. */
export function findAny(doc: TextDocument, set: PhraseSet): PhraseMatch | undefined {
  const cached = set.results.get(doc);
  if (cached !== undefined) return cached ?? undefined;
  let found: PhraseMatch | undefined;
  for (const p of set.phrases) {
    found = findPhrase(doc, p);
    if (found) break;
  }
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
 * Many phrases indexed by their first word (and its stem per language), so a
 * document is matched by walking its own words once instead of trying every
 * phrase: the issue-type keywords of a policy in four languages are ~1,000 phrases.
 */
export interface PhraseIndex {
  phrases: readonly CompiledPhrase[];
  byHead: Map<string, Map<string, CompiledPhrase[]>>;
  wildcardHeads: readonly CompiledPhrase[];
}

export function indexPhrases(phrases: readonly CompiledPhrase[]): PhraseIndex {
  return { phrases, byHead: new Map(), wildcardHeads: phrases.filter((p) => p.terms[0]?.prefix || p.terms[0]?.suffix) };
}

function headsFor(index: PhraseIndex, language: Language): Map<string, CompiledPhrase[]> {
  let heads = index.byHead.get(language);
  if (heads) return heads;
  heads = new Map();
  for (const p of index.phrases) {
    const head = p.terms[0];
    if (!head || head.prefix || head.suffix || (p.language !== undefined && p.language !== language)) continue;
    for (const key of head.exact ? [head.folded] : new Set([head.folded, stemOf(head, language)])) {
      const list = heads.get(key);
      if (list) list.push(p);
      else heads.set(key, [p]);
    }
  }
  index.byHead.set(language, heads);
  return heads;
}

/** Every phrase of the index found in the document, each once. */
export function findIndexed(doc: TextDocument, index: PhraseIndex, options: FindOptions = {}): PhraseMatch[] {
  const heads = headsFor(index, doc.language);
  const tried = new Set<CompiledPhrase>();
  const out: PhraseMatch[] = [];
  const attempt = (p: CompiledPhrase) => {
    if (tried.has(p)) return;
    tried.add(p);
    const m = findPhrase(doc, p, options);
    if (m) out.push(m);
  };
  for (const key of doc.index.keys()) {
    const candidates = heads.get(key);
    if (candidates) for (const p of candidates) attempt(p);
  }
  for (const p of index.wildcardHeads) attempt(p);
  return out;
}
