import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAmounts } from './amounts';

describe('findAmounts', () => {
  it('finds "1.500,00 €" in "They charged us 1.500,00 € twice" as 1500 EUR at offset 16', () => {
    expect(findAmounts('They charged us 1.500,00 € twice')).toEqual([{ value: 1500, currency: 'EUR', written: '1.500,00 €', start: 16 }]);
  });

  it('takes a currency code after a dollar sign as the currency: "$18,500 MXN" is pesos', () => {
    expect(findAmounts('dos cargos de $18,500 MXN')).toEqual([{ value: 18500, currency: 'MXN', written: '$18,500', start: 14 }]);
    expect(findAmounts('charged $2,400 USD twice')).toEqual([{ value: 2400, currency: 'USD', written: '$2,400', start: 8 }]);
    // Capitals after the number that are no currency leave it in dollars.
    expect(findAmounts('charged $2,400 AND refused the refund')).toEqual([{ value: 2400, currency: 'USD', written: '$2,400', start: 8 }]);
  });

  it('finds a dollar sign before the number: "$2,400" is 2400 USD', () => {
    expect(findAmounts('Your system billed us $2,400 for seats we cancelled.')).toEqual([{ value: 2400, currency: 'USD', written: '$2,400', start: 22 }]);
  });

  it('marks an amount written as a total: "total $12,400" but not "the $640 line"', () => {
    const found = findAmounts('Our annual invoice (INV-88213, total $12,400.00) is fine apart from the $640 line. Gesamtbetrag 4.800 €.');
    expect(found.map((a) => [a.value, a.total ?? false])).toEqual([
      [12400, true],
      [640, false],
      [4800, true],
    ]);
  });

  it('finds an ISO code before the number: "USD 3,150.00" is 3150 USD', () => {
    expect(findAmounts('Invoice total: USD 3,150.00')).toEqual([{ value: 3150, currency: 'USD', written: 'USD 3,150.00', start: 15, total: true }]);
  });

  it('finds an ISO code written against the number: "USD2400" and "2400EUR"', () => {
    expect(findAmounts('Charged USD2400 instead of USD240')).toEqual([
      { value: 2400, currency: 'USD', written: 'USD2400', start: 8 },
      { value: 240, currency: 'USD', written: 'USD240', start: 27 },
    ]);
    expect(findAmounts('Abbuchung 2400EUR')).toEqual([{ value: 2400, currency: 'EUR', written: '2400EUR', start: 10 }]);
  });

  it('finds a currency word after the number: "1200 dollars", "30 euros", "300 bucks"', () => {
    expect(findAmounts('We lost 1200 dollars on this')[0]).toMatchObject({ value: 1200, currency: 'USD', written: '1200 dollars' });
    expect(findAmounts('a fee of 30 euros')[0]).toMatchObject({ value: 30, currency: 'EUR', written: '30 euros' });
    expect(findAmounts('refund the 300 bucks please')[0]).toMatchObject({ value: 300, currency: 'USD', written: '300 bucks' });
  });

  it('finds pounds and Swiss francs: "£1,800", "CHF 2\'400", "Fr. 200", "500 Franken"', () => {
    expect(findAmounts('£1,800 was taken twice')[0]).toMatchObject({ value: 1800, currency: 'GBP' });
    expect(findAmounts("Rechnung über CHF 2'400")[0]).toMatchObject({ value: 2400, currency: 'CHF', written: "CHF 2'400" });
    expect(findAmounts('Fr. 200 zu viel')[0]).toMatchObject({ value: 200, currency: 'CHF', written: 'Fr. 200' });
    expect(findAmounts('500 Franken zu viel abgebucht')[0]).toMatchObject({ value: 500, currency: 'CHF', written: '500 Franken' });
  });

  it('multiplies a "k" suffix: "2.5k EUR" is 2500 EUR and "$1.2k" is 1200 USD', () => {
    expect(findAmounts('about 2.5k EUR lost')[0]).toMatchObject({ value: 2500, currency: 'EUR', written: '2.5k EUR' });
    expect(findAmounts('a $1.2k overcharge')[0]).toMatchObject({ value: 1200, currency: 'USD', written: '$1.2k' });
  });

  it('reads German customers\' amounts: "Uns wurden 1.500,00 € doppelt abgebucht"', () => {
    expect(findAmounts('Uns wurden 1.500,00 € doppelt abgebucht.')).toEqual([{ value: 1500, currency: 'EUR', written: '1.500,00 €', start: 11 }]);
  });

  it('reads Spanish customers\' amounts: "Nos cobraron 2.400,50 € dos veces" and "200 dólares"', () => {
    expect(findAmounts('Nos cobraron 2.400,50 € dos veces.')).toEqual([{ value: 2400.5, currency: 'EUR', written: '2.400,50 €', start: 13 }]);
    expect(findAmounts('Nos devolvieron solo 200 dólares')[0]).toMatchObject({ value: 200, currency: 'USD', written: '200 dólares' });
  });

  it('reads French customers\' amounts with a narrow no-break space: "1 250,00 €"', () => {
    expect(findAmounts('Vous avez prélevé 1\u202f250,00\u00a0€ deux fois.')).toEqual([{ value: 1250, currency: 'EUR', written: '1\u202f250,00\u00a0€', start: 18 }]);
  });

  it('finds every amount in order: "billed $99 instead of $49"', () => {
    expect(findAmounts('We were billed $99 instead of $49.').map((a) => [a.value, a.currency, a.written])).toEqual([
      [99, 'USD', '$99'],
      [49, 'USD', '$49'],
    ]);
  });

  it('finds no amount in numbers without a currency: "Error 502 since 9:30, 40 users, order 4471"', () => {
    expect(findAmounts('Error 502 since 9:30, 40 users, order 4471')).toEqual([]);
  });

  it('does not read a currency code inside a word: "EURO 500" and "USDT 400" are not amounts', () => {
    expect(findAmounts('EURO 500 and USDT 400')).toEqual([]);
  });

  describe('any supported way of writing 2,400.50 dollars, euros, pounds or francs', () => {
    /** `digits` grouped by threes with `separator`. */
    const group = (digits: string, separator: string) => digits.replace(/\B(?=(\d{3})+$)/g, separator);

    const numberStyles = fc.constantFrom(
      ['', '.'], // 2400.50
      [',', '.'], // US 2,400.50
      ['.', ','], // European 2.400,50
      ["'", '.'], // Swiss 2'400.50
      [' ', ','], // 2 400,50
      ['\u202f', ','], // French typography
    );
    const CURRENCIES: Record<string, { before: string[]; after: string[] }> = {
      USD: { before: ['$', '$ ', 'US$', 'USD ', 'USD'], after: ['$', ' $', ' USD', ' dollars'] },
      EUR: { before: ['€', '€ ', 'EUR ', 'EUR'], after: ['€', ' €', ' EUR', 'EUR', ' euros'] },
      GBP: { before: ['£', 'GBP '], after: [' GBP', ' pounds'] },
      CHF: { before: ['CHF ', 'Fr. '], after: [' CHF', ' francs', ' Franken'] },
    };
    const currencyForm = fc.constantFrom(...Object.keys(CURRENCIES)).chain((currency) => {
      const { before, after } = CURRENCIES[currency] as { before: string[]; after: string[] };
      return fc.oneof(
        fc.constantFrom(...before).map((symbol) => ({ currency, write: (n: string) => `${symbol}${n}` })),
        fc.constantFrom(...after).map((word) => ({ currency, write: (n: string) => `${n}${word}` })),
      );
    });

    it('parses to the same value and currency, written whole, at its offset', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 9_999_999_999 }), numberStyles, currencyForm, (cents, [thousands, decimal], { currency, write }) => {
          const whole = group(String(Math.floor(cents / 100)), thousands as string);
          const written = write(`${whole}${decimal}${String(cents % 100).padStart(2, '0')}`);
          expect(findAmounts(`They charged us ${written} twice.`)).toEqual([{ value: cents / 100, currency, written, start: 16 }]);
        }),
      );
    });

    it('parses a whole amount without cents the same way', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 99_999_999 }), numberStyles, currencyForm, (units, [thousands], { currency, write }) => {
          const written = write(group(String(units), thousands as string));
          expect(findAmounts(`Wir wurden mit ${written} belastet.`)).toEqual([{ value: units, currency, written, start: 15 }]);
        }),
      );
    });

    it('parses a "k" amount to the same value as the amount written out', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 99_999 }), fc.constantFrom('.', ','), fc.constantFrom('k', 'K', ' k'), currencyForm, (hundredths, decimal, k, { currency, write }) => {
          const written = write(`${Math.floor(hundredths / 100)}${decimal}${String(hundredths % 100).padStart(2, '0')}${k}`);
          expect(findAmounts(`Nos cobraron ${written} de más.`)).toEqual([{ value: hundredths * 10, currency, written: written.trim(), start: 13 }]);
        }),
      );
    });
  });
});
