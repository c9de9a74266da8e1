import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CHARS } from './bounded';
import { analyzeText, positionsOf } from './document';
import { tokenize } from './tokenize';

/** Every word and stem of the document with where it stands, the slow way. */
function naiveIndex(text: string): Map<string, number[]> {
  const doc = analyzeText(text, 'en');
  const index = new Map<string, number[]>();
  doc.words.folded.forEach((word, i) => {
    for (const key of new Set([word, doc.stems[i] as string])) index.set(key, [...(index.get(key) ?? []), i]);
  });
  return index;
}

describe('analyzeText', () => {
  it('finds "charg" where "charged" and "charges" stand, and "charged" where only it does', () => {
    const doc = analyzeText('They charged us, then charged again: two charges.', 'en');
    expect(positionsOf(doc, 'charg')).toEqual([1, 4, 7]);
    expect(positionsOf(doc, 'charged')).toEqual([1, 4]);
    expect(positionsOf(doc, 'refund')).toEqual([]);
  });

  it('indexes every word and stem at every place it stands, in the order the words first appear', () => {
    const word = fc.constantFrom('charge', 'charged', 'charges', 'charg', 'data', 'lost', 'loss', 'the', 'no', 'Rechnung', 'e-mail', '😀', '500', ',', '.', '\n');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), (words) => {
        const text = words.join(' ');
        const doc = analyzeText(text, 'en');
        const naive = naiveIndex(text);
        expect([...doc.keys.keys()]).toEqual([...naive.keys()]);
        for (const [key, positions] of naive) expect(positionsOf(doc, key)).toEqual(positions);
      }),
    );
  });

  it('keeps the words tokenize reads, as columns', () => {
    const text = 'No data was lost, but the view is wrong. Will any data be lost if we downgrade?';
    const { words } = analyzeText(text, 'en');
    const columns = Array.from({ length: words.count }, (_, i) => ({
      folded: words.folded[i],
      start: words.start(i),
      end: words.end(i),
      sentence: words.sentence(i),
      clause: words.clause(i),
      negated: words.negatedBy(i) !== -1,
      negatedBy: words.negatedBy(i),
    }));
    expect(columns).toEqual(tokenize(text));
  });

  it(`reads a text over ${MAX_CHARS.toLocaleString('en')} characters at its start and end only`, () => {
    const text = `Our data was lost. ${'filler '.repeat(10_000)}Please restore it.`;
    const doc = analyzeText(text, 'en');
    expect(doc.text.length).toBeLessThanOrEqual(MAX_CHARS);
    expect(doc.words.folded.slice(0, 4)).toEqual(['our', 'data', 'was', 'lost']);
    expect(doc.words.folded.slice(-3)).toEqual(['please', 'restore', 'it']);
  });
});
