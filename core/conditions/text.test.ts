import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, foldUnicode, hasPhrase, indexText, preparePhrase } from './text';

const latinish = fc.string({ unit: fc.oneof(fc.constantFrom(...'aZ ,.é'), fc.integer({ min: 0x20, max: 0x17f }).map((c) => String.fromCharCode(c)), fc.integer({ min: 0x180, max: 0x2fff }).map((c) => String.fromCharCode(c))), maxLength: 40 });

describe('foldText', () => {
  it('drops case and accents: "Café DÉJÀ Ærø" folds to "cafe deja ærø"', () => {
    expect(foldText('Café DÉJÀ Ærø')).toBe('cafe deja ærø');
  });

  it('gives the same result on its Latin fast path as NFD on any text', () => {
    fc.assert(fc.property(latinish, (s) => {
      expect(foldText(s)).toBe(foldUnicode(s));
    }));
  });
});

describe('hasPhrase', () => {
  it('finds exactly what a plain search of the folded text finds', () => {
    fc.assert(fc.property(latinish, latinish, (text, phrase) => {
      const p = preparePhrase(phrase);
      expect(hasPhrase(indexText(text), p)).toBe(foldText(text).includes(p.folded));
    }));
    expect(hasPhrase(indexText('We were HACKED last night'), preparePhrase('hacked'))).toBe(true);
  });
});
