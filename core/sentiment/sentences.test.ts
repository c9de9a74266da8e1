import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, forEachSentence } from './sentences';

/** The definition the scanner follows, as the patterns it replaced: sentences split after marks, words matched in each. */
function byPatterns(text: string) {
  return text.split(/(?<=[.!?\n])(?![.!?])\s*/u).map((sentence) => {
    let clause = 0;
    let last = 0;
    const words = [...sentence.matchAll(/[\p{L}\p{N}'’]+/gu)].map((m) => {
      const folded = fold(m[0]);
      if (/[,;:–—]|\s-\s/u.test(sentence.slice(last, m.index)) || folded === 'but') clause++;
      last = m.index + m[0].length;
      return { folded, raw: m[0], clause, shouted: m[0].length >= 3 && /^\p{Lu}+$/u.test(m[0]) };
    });
    return { text: sentence, words, bangs: (sentence.match(/!/g) ?? []).length, threeMarks: /[!?]{3,}/.test(sentence) };
  });
}

function byScanner(text: string) {
  const out: ReturnType<typeof byPatterns> = [];
  forEachSentence(text, (s) => {
    const words = Array.from({ length: s.count }, (_, i) => ({ folded: s.folded[i] as string, raw: s.raw[i] as string, clause: s.clause[i] as number, shouted: s.shouted[i] as boolean }));
    out.push({ text: s.text, words, bangs: s.bangs, threeMarks: s.longestMarks >= 3 });
  });
  return out;
}

describe('forEachSentence', () => {
  it('splits a ticket into sentences after marks and line breaks, keeping runs of marks together', () => {
    expect(byScanner('Not happy, thanks. FED UP!!! Really?\nYes').map((s) => s.text)).toEqual(['Not happy, thanks.', 'FED UP!!!', 'Really?', 'Yes']);
  });

  it('folds words, starts a clause at commas, dashes and "but", and marks words in capitals', () => {
    const [sentence] = byScanner('Don’t worry - it is BAD, but OK');
    expect(sentence?.words.map((w) => `${w.folded}:${w.clause}${w.shouted ? '!' : ''}`)).toEqual(['dont:0', 'worry:0', 'it:1', 'is:1', 'bad:1!', 'but:2', 'ok:2']);
  });

  it('reads every text as the split-and-match patterns do, in any script and with any marks', () => {
    const piece = fc.constantFrom('a', 'A', 'not', ' ', '!', '?', '.', '\n', ',', ' - ', '—', 'UNACCEPTABLE', 'but', "'", '’', 'é', 'ß', 'Σ', '😀', '\u0301', '\u00a0', '\t', ':', 'ÄRGER', 'İ', '1', '$', '\ud800');
    fc.assert(
      fc.property(fc.oneof(fc.array(piece, { maxLength: 60 }).map((p) => p.join('')), fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 })), (text) => {
        // An empty last sentence (after a final mark and spaces) has no words either way.
        const expected = byPatterns(text).filter((s) => s.text !== '');
        expect(byScanner(text).filter((s) => s.text !== '')).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
