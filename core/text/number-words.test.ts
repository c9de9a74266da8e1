import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from '../conditions/text';
import { findAmounts } from './amounts';
import { findHeadcounts } from './headcounts';
import { parseSpelledNumber } from './number-words';

const UNITS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** English words for 1–999,999, the way a customer would write them ("two thousand five hundred and forty-one"). */
function english(n: number): string {
  const below100 = (x: number) => (x < 20 ? UNITS[x] : `${TENS[Math.floor(x / 10)]}${x % 10 ? `-${UNITS[x % 10]}` : ''}`) as string;
  const below1000 = (x: number) => [x >= 100 ? `${UNITS[Math.floor(x / 100)]} hundred` : '', x % 100 ? `${x >= 100 ? 'and ' : ''}${below100(x % 100)}` : ''].filter(Boolean).join(' ');
  return [n >= 1000 ? `${below1000(Math.floor(n / 1000))} thousand` : '', n % 1000 ? below1000(n % 1000) : ''].filter(Boolean).join(' ');
}

describe('parseSpelledNumber', () => {
  it.each([
    ['a hundred and fifty', 150],
    ['fifteen hundred', 1500],
    ['two thousand five hundred', 2500],
    ['a dozen', 12],
    ['zweihundertfünfzig', 250],
    ['fünfundzwanzig', 25],
    ['eintausendzweihundert', 1200],
    ['achtzehn', 18],
    ['doscientos cincuenta', 250],
    ['dos mil quinientos', 2500],
    ['veinticinco', 25],
    ['ciento veinte', 120],
    ['deux cents', 200],
    ['cent cinquante', 150],
    ['mille deux cents', 1200],
    ['quatre-vingt-dix', 90],
    ['soixante-dix', 70],
    ['vingt et un', 21],
  ])('reads "%s" as %d', (written, value) => {
    expect(parseSpelledNumber(foldText(written))).toBe(value);
  });

  it('reads nothing from words that are not a number', () => {
    for (const written of ['and', 'hundreds', 'einen', 'users', 'tent', '']) expect(parseSpelledNumber(written)).toBeUndefined();
  });

  it('reads back every English number from 1 to 999,999 as written in words', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 999_999 }), (n) => parseSpelledNumber(english(n)) === n));
  });
});

describe('head-counts written in words', () => {
  it('finds them in each language, at their offset, as written', () => {
    expect(findHeadcounts('we onboarded a hundred and fifty new hires on Friday')).toEqual([{ count: 150, written: 'a hundred and fifty new hires', start: 13 }]);
    expect(findHeadcounts('Seit heute können zweihundertfünfzig Mitarbeiter nicht arbeiten')).toEqual([{ count: 250, written: 'zweihundertfünfzig Mitarbeiter', start: 18 }]);
    expect(findHeadcounts('los doscientos empleados no pueden fichar')).toEqual([{ count: 200, written: 'doscientos empleados', start: 4 }]);
    expect(findHeadcounts('décalés pour nos deux cents salariés')).toEqual([{ count: 200, written: 'deux cents salariés', start: 17 }]);
  });

  it('keeps the rules of written digits: the part, not the whole; a size that is only context counts nothing', () => {
    expect(findHeadcounts('three of our two hundred users cannot log in')).toEqual([{ count: 3, written: 'three of our two hundred users', start: 0 }]);
    expect(findHeadcounts('We have two hundred users and the export fails')).toEqual([]);
    expect(findHeadcounts('one user cannot log in')).toEqual([]);
  });

  it('finds any English head-count written in words, within a sentence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 99_999 }), fc.constantFrom('users', 'employees', 'agents', 'new hires'), (n, unit) => {
        const text = `Since this morning ${english(n)} ${unit} cannot log in.`;
        return findHeadcounts(text)[0]?.count === n;
      }),
    );
  });
});

describe('amounts written in words', () => {
  it('reads a number in words before a currency name, in each language', () => {
    expect(findAmounts("that's roughly two thousand dollars more than we owe")).toEqual([{ value: 2000, currency: 'USD', written: 'two thousand dollars', start: 15 }]);
    expect(findAmounts('dos cargos iguales de mil quinientos euros')).toEqual([{ value: 1500, currency: 'EUR', written: 'mil quinientos euros', start: 22 }]);
    expect(findAmounts('Sie haben zweitausendfünfhundert Euro abgebucht')).toEqual([{ value: 2500, currency: 'EUR', written: 'zweitausendfünfhundert Euro', start: 10 }]);
    expect(findAmounts('deux mille euros prélevés')).toEqual([{ value: 2000, currency: 'EUR', written: 'deux mille euros', start: 0 }]);
  });

  it('reads digits as before, once', () => {
    expect(findAmounts('charged us $2,400 twice')).toEqual([{ value: 2400, currency: 'USD', written: '$2,400', start: 11 }]);
  });
});
