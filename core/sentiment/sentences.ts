import { characterClass } from '../text/char-class';

/**
 * The sentences and words of one customer text as the frustration score reads them, in one pass over its characters.
 *
 * A sentence ends after ".", "!", "?" or a line break not followed by another of ".", "!", "?" (so "now!!!" keeps its
 * marks); the white space after it belongs to neither sentence. A word is a run of letters, digits and apostrophes,
 * folded (lower case, accents and apostrophes dropped: "Don’t" → "dont"). A clause ends at a comma, semicolon, colon,
 * en or em dash, a hyphen between spaces, or the word "but": negation never reaches across one.
 *
 * This is what splitting on `/(?<=[.!?\n])(?![.!?])\s*\/u` and matching `/[\p{L}\p{N}'’]+/gu` in each sentence reads,
 * without a string and a match per word: a 20,000-character message is a few thousand words, and building each twice
 * was most of the cost of scoring it.
 *
 * @example
 * forEachSentence('Not happy, thanks. FED UP!!!', (s) => console.log(s.text, s.folded.slice(0, s.count), s.bangs))
 * // 'Not happy, thanks.' ['not', 'happy', 'thanks'] 0, then 'FED UP!!!' ['fed', 'up'] 3
 */
export interface Sentence {
  /** The sentence as written. */
  text: string;
  /** How many words; the columns below are reused from sentence to sentence and hold `count` cells of this one. */
  count: number;
  folded: string[];
  /** Each word as written. */
  raw: string[];
  /** Each word's clause: equal numbers share a clause. */
  clause: number[];
  /** Each word is in capitals and at least three letters long: "UNACCEPTABLE", not "OK" or "HTTP2". */
  shouted: boolean[];
  /** Exclamation marks in the sentence. */
  bangs: number;
  /** The longest run of "!" and "?". */
  longestMarks: number;
}

const sentence: Sentence = { text: '', count: 0, folded: [], raw: [], clause: [], shouted: [], bangs: 0, longestMarks: 0 };

const FULL_STOP = 0x2e;
const BANG = 0x21;
const QUESTION = 0x3f;
const LINE_FEED = 0x0a;
const APOSTROPHE = 0x27;
const HYPHEN = 0x2d;

/** A letter, digit or apostrophe (../text/char-class.ts). */
const isWordCode = characterClass(/^[\p{L}\p{N}'’]$/u);

/** JavaScript's `\s`. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const isClauseMark = (c: number) => c === 0x2c || c === 0x3b || c === 0x3a || c === 0x2013 || c === 0x2014;
const endsSentence = (c: number) => c === FULL_STOP || c === BANG || c === QUESTION || c === LINE_FEED;
const isMark = (c: number) => c === FULL_STOP || c === BANG || c === QUESTION;

/** Case and accents dropped, apostrophes too: "Don’t" → "dont". ASCII needs no decomposition, which is several times cheaper. */
export const fold = (s: string) => (/^[\t\n\r\x20-\x7e]*$/.test(s) ? s : s.normalize('NFKD').replace(/\p{M}+/gu, '')).toLowerCase().replace(/['’`]/g, '');

const SHOUTED = /^\p{Lu}+$/u;

/** Calls `read` with each sentence of `text` in turn; the sentence object and its columns are reused, so read them before returning. */
export function forEachSentence(text: string, read: (sentence: Sentence) => void): void {
  const length = text.length;
  let start = 0;
  let i = 0;
  let count = 0;
  let clause = 0;
  let bangs = 0;
  let marks = 0;
  let longestMarks = 0;
  // What the gap since the last word (or the sentence's start) holds: a clause mark, or a space-hyphen-space so far.
  let gapBreaks = false;
  let afterSpace = false;
  let afterSpaceHyphen = false;
  const flush = (end: number) => {
    sentence.text = text.slice(start, end);
    sentence.count = count;
    sentence.bangs = bangs;
    sentence.longestMarks = longestMarks;
    read(sentence);
    count = 0;
    clause = 0;
    bangs = 0;
    marks = 0;
    longestMarks = 0;
    gapBreaks = false;
    afterSpace = false;
    afterSpaceHyphen = false;
  };
  while (i < length) {
    const c = text.charCodeAt(i);
    if (i > start && endsSentence(text.charCodeAt(i - 1)) && !isMark(c)) {
      flush(i);
      while (i < length && isSpace(text.charCodeAt(i))) i++;
      start = i;
      continue;
    }
    const cp = c >= 0xd800 && c <= 0xdbff ? (text.codePointAt(i) as number) : c;
    if (!isWordCode(cp)) {
      if (c === BANG) bangs++;
      if (c === BANG || c === QUESTION) {
        marks++;
        if (marks > longestMarks) longestMarks = marks;
      } else marks = 0;
      if (isClauseMark(c)) gapBreaks = true;
      if (isSpace(c)) {
        if (afterSpaceHyphen) gapBreaks = true;
        afterSpace = true;
        afterSpaceHyphen = false;
      } else {
        afterSpaceHyphen = c === HYPHEN && afterSpace;
        afterSpace = false;
      }
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const wordStart = i;
    let ascii = true;
    let plain = true;
    let capitals = true;
    while (i < length) {
      const w = text.charCodeAt(i);
      const wcp = w >= 0xd800 && w <= 0xdbff ? (text.codePointAt(i) as number) : w;
      if (!isWordCode(wcp)) break;
      if (wcp >= 128) ascii = false;
      else if (w === APOSTROPHE || (w >= 0x41 && w <= 0x5a)) plain = false;
      if (w < 0x41 || w > 0x5a) capitals = false;
      i += wcp > 0xffff ? 2 : 1;
    }
    const raw = text.slice(wordStart, i);
    const folded = !ascii ? fold(raw) : plain ? raw : raw.toLowerCase().replace(/'/g, '');
    if (gapBreaks || folded === 'but') clause++;
    sentence.folded[count] = folded;
    sentence.raw[count] = raw;
    sentence.clause[count] = clause;
    sentence.shouted[count] = raw.length >= 3 && (ascii ? capitals : SHOUTED.test(raw));
    count++;
    marks = 0;
    gapBreaks = false;
    afterSpace = false;
    afterSpaceHyphen = false;
  }
  flush(length);
}
