import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NUMBER_SOURCE, parseWrittenNumber } from './numbers';

/** `digits` grouped by threes with `separator`: group('2400', '.') is '2.400'. */
function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, separator);
}

describe('parseWrittenNumber', () => {
  it('reads "2,400" as two thousand four hundred', () => {
    expect(parseWrittenNumber('2,400')).toBe(2400);
  });

  it('reads "1.500" as fifteen hundred: three digits after one separator make it a thousands separator', () => {
    expect(parseWrittenNumber('1.500')).toBe(1500);
  });

  it('reads "12,50" as twelve and a half: two digits after one separator make it a decimal mark', () => {
    expect(parseWrittenNumber('12,50')).toBe(12.5);
  });

  it('reads "2.400,00" and "2,400.00" alike: with both separators the last one is the decimal mark', () => {
    expect(parseWrittenNumber('2.400,00')).toBe(2400);
    expect(parseWrittenNumber('2,400.00')).toBe(2400);
    expect(parseWrittenNumber('1.234.567,89')).toBe(1234567.89);
    expect(parseWrittenNumber('1,234,567.89')).toBe(1234567.89);
  });

  it("reads the Swiss \"2'400.50\" and the typographic \"2’400.50\"", () => {
    expect(parseWrittenNumber("2'400.50")).toBe(2400.5);
    expect(parseWrittenNumber('2\u2019400.50')).toBe(2400.5);
  });

  it('reads thousands grouped with a space, a no-break space or a French narrow no-break space', () => {
    expect(parseWrittenNumber('2 400,50')).toBe(2400.5);
    expect(parseWrittenNumber('2\u00a0400,50')).toBe(2400.5);
    expect(parseWrittenNumber('1\u202f250,00')).toBe(1250);
  });

  it('reads "0.500" as one half, not five hundred: a lone zero never leads a thousands group', () => {
    expect(parseWrittenNumber('0.500')).toBe(0.5);
    expect(parseWrittenNumber('0,500')).toBe(0.5);
  });

  it('reads "1500.000" as fifteen hundred: a thousands separator follows at most three digits', () => {
    expect(parseWrittenNumber('1500.000')).toBe(1500);
  });

  it('multiplies by a thousand for a "k" suffix: "1.5" with thousands is 1500', () => {
    expect(parseWrittenNumber('1.5', true)).toBe(1500);
    expect(parseWrittenNumber('2,4', true)).toBe(2400);
  });

  it('gives whole cents for "2.01k", not 2009.9999999999998', () => {
    expect(parseWrittenNumber('2.01', true)).toBe(2010);
    expect(parseWrittenNumber('4.35', true)).toBe(4350);
  });

  it('returns undefined for text that is not a written number: "", "n/a", "1e3", "0x1f"', () => {
    expect(parseWrittenNumber('')).toBeUndefined();
    expect(parseWrittenNumber('n/a')).toBeUndefined();
    expect(parseWrittenNumber('1e3')).toBeUndefined();
    expect(parseWrittenNumber('0x1f')).toBeUndefined();
  });

  it('reads back any whole number grouped by threes with a comma, a dot, an apostrophe or a space', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.constantFrom(',', '.', "'", ' ', '\u00a0', '\u202f'), (n, separator) => {
        expect(parseWrittenNumber(group(String(n), separator))).toBe(n);
      }),
    );
  });

  it('reads back any amount in cents written the US, European, Swiss or French way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), fc.constantFrom(['', '.'], [',', '.'], ['.', ','], ["'", '.'], [' ', ','], ['\u202f', ',']), (cents, [thousands, decimal]) => {
        const whole = String(Math.floor(cents / 100));
        const fraction = String(cents % 100).padStart(2, '0');
        expect(parseWrittenNumber(`${group(whole, thousands)}${decimal}${fraction}`)).toBe(cents / 100);
      }),
    );
  });

  it('reads any "k" amount with up to two decimals as an exact number of units', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.constantFrom('.', ','), (hundredths, decimal) => {
        const written = `${Math.floor(hundredths / 100)}${decimal}${String(hundredths % 100).padStart(2, '0')}`;
        expect(parseWrittenNumber(written, true)).toBe(hundredths * 10);
      }),
    );
  });
});

describe('NUMBER_SOURCE', () => {
  const firstNumber = (text: string) => new RegExp(NUMBER_SOURCE, 'u').exec(text)?.[0];

  it('takes "2,400.50" whole out of "we paid 2,400.50 on 3 March"', () => {
    expect(firstNumber('we paid 2,400.50 on 3 March')).toBe('2,400.50');
  });

  it('takes "1 250,00" whole out of "prélevé 1 250,00 € deux fois", grouped by a space', () => {
    expect(firstNumber('prélevé 1 250,00 € deux fois')).toBe('1 250,00');
  });

  it('takes "12,50" out of "12,50 € zu viel" and leaves the currency', () => {
    expect(firstNumber('12,50 € zu viel')).toBe('12,50');
  });
});
