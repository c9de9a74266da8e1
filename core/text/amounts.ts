import { foldText } from '../conditions/text';
import { parseSpelledNumber, SPELLED_NUMBER_SOURCE } from './number-words';
import { NUMBER_SOURCE, parseWrittenNumber } from './numbers';

/**
 * Money written in a ticket's text: "$2,400", "USD 3,150.00", "1200 dollars",
 * "EUR 1.500,00", "1.500,00 €", "CHF 2'400", "£1,800", "2.5k EUR", and in words before a currency word:
 * "two thousand dollars", "mil quinientos euros", "zweitausend Euro".
 *
 * @example
 * findAmounts('They charged us 1.500,00 € twice') // [{ value: 1500, currency: 'EUR', written: '1.500,00 €', start: 16 }]
 */
export interface WrittenAmount {
  value: number;
  /** ISO 4217. */
  currency: string;
  /** The amount as written. */
  written: string;
  start: number;
  /** Written as a total ("invoice total $12,400", "insgesamt 4.800 €"): rarely the amount in dispute. */
  total?: boolean;
}

// Codes are bounded by letters, not \b, so a code written against its number counts: "USD2400", "2400EUR".
const CODES = 'USD|EUR|GBP|CHF|CAD|AUD';
const CODE = String.raw`(?<!\p{L})(?:${CODES})(?!\p{L})`;
const SYMBOL_BEFORE = String.raw`US\$|\$|€|£|${CODE}|\bS?Fr\.`;
// After the number (or its "k") a code needs no boundary before it.
const WORD_AFTER = String.raw`€|\$|£|(?:${CODES})(?!\p{L})|\b(?:dollars?|bucks|euros?|pounds?|francs?|franken|d[oó]lares|libras|francos|livres|pfund)\b`;
/** "2.5k", "2.5 k€", "2.5kEUR": a "k" that does not start a word ("2 km", "3 kg"). */
const K = String.raw`(?:\s?[kK](?:\b|(?=(?:${CODES})(?!\p{L}))))?`;
const AMOUNT = new RegExp(
  String.raw`(?<cb>${SYMBOL_BEFORE})\s?(?<nb>${NUMBER_SOURCE})(?<kb>${K})|(?<![\w.,])(?<na>${NUMBER_SOURCE})(?<ka>${K})\s?(?<ca>${WORD_AFTER})`,
  'giu',
);

/** A number in words, then the currency's name (read on folded text): "two thousand dollars", "deux mille euros". */
const SPELLED_AMOUNT = new RegExp(String.raw`(?<ns>${SPELLED_NUMBER_SOURCE})\s+(?<cs>dollars?|bucks|euros?|pounds?|francs?|franken|dolares|libras|francos|livres|pfund)\b`, 'gu');

/** The codes of currencies written with a "$", after the number: "$18,500 MXN" (not "$2,400 AND …"). */
const DOLLAR_CODE_AFTER = /^\s?(?<code>USD|CAD|AUD|NZD|SGD|HKD|MXN|ARS|COP|CLP|UYU|BRL)(?!\p{L})/u;

const CURRENCY: Record<string, string> = {
  $: 'USD', us$: 'USD', usd: 'USD', dollar: 'USD', dollars: 'USD', bucks: 'USD', dolares: 'USD', dólares: 'USD',
  '€': 'EUR', eur: 'EUR', euro: 'EUR', euros: 'EUR',
  '£': 'GBP', gbp: 'GBP', pound: 'GBP', pounds: 'GBP', libras: 'GBP', livres: 'GBP', pfund: 'GBP',
  chf: 'CHF', 'fr.': 'CHF', 'sfr.': 'CHF', franc: 'CHF', francs: 'CHF', franken: 'CHF', francos: 'CHF',
  cad: 'CAD', aud: 'AUD',
};

/** "total $12,400", "(INV-88, total $12,400.00)", "Gesamtbetrag 4.800 €", "importe total de", "au total". */
const TOTAL_BEFORE = /\b(?:total|totals|in total|grand total|gesamt\w*|insgesamt|summe|importe total|en total|au total|montant total)\b[^.!?\n]{0,12}$/i;

/** Where money can be: a currency sign, code or word. The full pattern runs only around these. */
const MARKER = /[$€£]|(?:USD|EUR|GBP|CHF|CAD|AUD)|dollar|buck|euro|pound|franc|franken|d[oó]lar|libra|livre|pfund|fr\./gi;
/** How far before and after a marker an amount can start or end: the longest written number and a "k". */
const REACH = 40;

export function findAmounts(text: string): WrittenAmount[] {
  const found: WrittenAmount[] = [];
  // The pattern is costly to try at every position of a long ticket; money only stands near its marker.
  for (const [from, to] of windowsAroundMarkers(text)) scan(text.slice(from, to), from, found);
  return found;
}

function windowsAroundMarkers(text: string): [number, number][] {
  const windows: [number, number][] = [];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m !== null; m = MARKER.exec(text)) {
    // Start at a space, so the pattern's look-behinds see what really stands before the number.
    let from = Math.max(0, m.index - REACH);
    while (from > 0 && !/\s/.test(text.charAt(from - 1))) from--;
    const to = Math.min(text.length, m.index + m[0].length + REACH);
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  return windows;
}

function scan(window: string, offset: number, found: WrittenAmount[]): void {
  AMOUNT.lastIndex = 0;
  for (let m = AMOUNT.exec(window); m !== null; m = AMOUNT.exec(window)) {
    const g = m.groups ?? {};
    const symbol = (g.cb ?? g.ca ?? '').toLowerCase();
    const number = g.nb ?? g.na;
    // "$18,500 MXN": a code after the number says whose dollars (or pesos) they are.
    const codeAfter = g.cb === undefined ? undefined : DOLLAR_CODE_AFTER.exec(window.slice(m.index + m[0].length))?.groups?.code;
    const currency = codeAfter ?? CURRENCY[symbol];
    if (!currency || number === undefined) continue;
    const value = parseWrittenNumber(number, Boolean((g.kb ?? g.ka ?? '').trim()));
    if (value === undefined) continue;
    record(found, window, offset, m.index, { value, currency, written: m[0].trim() });
  }
  scanSpelled(window, offset, found);
}

function scanSpelled(window: string, offset: number, found: WrittenAmount[]): void {
  const folded = foldText(window);
  // Folding keeps offsets for Latin text; elsewhere there are no number words to read.
  if (folded.length !== window.length) return;
  SPELLED_AMOUNT.lastIndex = 0;
  for (let m = SPELLED_AMOUNT.exec(folded); m !== null; m = SPELLED_AMOUNT.exec(folded)) {
    const value = parseSpelledNumber(m.groups?.ns ?? '');
    const currency = CURRENCY[m.groups?.cs ?? ''];
    if (value === undefined || !currency) continue;
    record(found, window, offset, m.index, { value, currency, written: window.slice(m.index, m.index + m[0].length) });
  }
}

/** Keeps an amount found at `at` in the window once, marked when it is written as a total. */
function record(found: WrittenAmount[], window: string, offset: number, at: number, amount: Pick<WrittenAmount, 'value' | 'currency' | 'written'>): void {
  const start = offset + at;
  if (found.some((f) => f.start === start)) return;
  const total = TOTAL_BEFORE.test(window.slice(Math.max(0, at - 30), at));
  found.push({ ...amount, start, ...(total ? { total } : {}) });
}
