/**
 * Numbers written in words, as customers write head-counts: "a hundred and
 * fifty new hires", "zweihundertfünfzig Mitarbeiter", "doscientos cincuenta
 * empleados", "deux cents salariés", "fifteen hundred users". Text is read
 * folded (lower case, accents dropped: ./../conditions/text.ts `foldText`).
 *
 * A written number is a run of number words (German and Spanish write some as
 * one word: "zweihundertfünfzig", "veinticinco"), read the usual way: units and
 * tens add up, a hundred multiplies what came before it (or one), a thousand
 * closes a group ("two thousand five hundred" is 2,500). French "quatre-vingt"
 * is 80.
 *
 * @example parseSpelledNumber('a hundred and fifty') // 150
 * @example parseSpelledNumber('zweihundertfunfzig') // 250
 */

type Morpheme = { value: number; kind: 'add' | 'hundred' | 'thousand' | 'dozen' } | { kind: 'and' };

const add = (value: number): Morpheme => ({ value, kind: 'add' });
const HUNDRED: Morpheme = { value: 100, kind: 'hundred' };
const THOUSAND: Morpheme = { value: 1000, kind: 'thousand' };
const AND: Morpheme = { kind: 'and' };

const MORPHEMES: Record<string, Morpheme> = {
  // English
  one: add(1), two: add(2), three: add(3), four: add(4), five: add(5), six: add(6), seven: add(7), eight: add(8), nine: add(9),
  ten: add(10), eleven: add(11), twelve: add(12), thirteen: add(13), fourteen: add(14), fifteen: add(15), sixteen: add(16), seventeen: add(17), eighteen: add(18), nineteen: add(19),
  twenty: add(20), thirty: add(30), forty: add(40), fifty: add(50), sixty: add(60), seventy: add(70), eighty: add(80), ninety: add(90),
  hundred: HUNDRED, thousand: THOUSAND, dozen: { value: 12, kind: 'dozen' }, and: AND,
  // German (folded: "fünf" is "funf", "zwölf" "zwolf")
  ein: add(1), eins: add(1), eine: add(1), zwei: add(2), drei: add(3), vier: add(4), funf: add(5), sechs: add(6), sieben: add(7), acht: add(8), neun: add(9),
  zehn: add(10), elf: add(11), zwolf: add(12), dreizehn: add(13), vierzehn: add(14), funfzehn: add(15), sechzehn: add(16), siebzehn: add(17), achtzehn: add(18), neunzehn: add(19),
  zwanzig: add(20), dreissig: add(30), 'dreißig': add(30), vierzig: add(40), funfzig: add(50), sechzig: add(60), siebzig: add(70), achtzig: add(80), neunzig: add(90),
  hundert: HUNDRED, tausend: THOUSAND, und: AND,
  // Spanish (folded: "dieciséis" is "dieciseis")
  uno: add(1), un: add(1), una: add(1), dos: add(2), tres: add(3), cuatro: add(4), cinco: add(5), seis: add(6), siete: add(7), ocho: add(8), nueve: add(9),
  diez: add(10), once: add(11), doce: add(12), trece: add(13), catorce: add(14), quince: add(15), dieciseis: add(16), diecisiete: add(17), dieciocho: add(18), diecinueve: add(19),
  veinte: add(20), veinti: add(20), treinta: add(30), cuarenta: add(40), cincuenta: add(50), sesenta: add(60), setenta: add(70), ochenta: add(80), noventa: add(90),
  cien: add(100), ciento: add(100), doscientos: add(200), doscientas: add(200), trescientos: add(300), trescientas: add(300), cuatrocientos: add(400), cuatrocientas: add(400),
  quinientos: add(500), quinientas: add(500), seiscientos: add(600), seiscientas: add(600), setecientos: add(700), setecientas: add(700), ochocientos: add(800), ochocientas: add(800),
  novecientos: add(900), novecientas: add(900), mil: THOUSAND, y: AND,
  // French ("un" and "six" are above)
  deux: add(2), trois: add(3), quatre: add(4), cinq: add(5), sept: add(7), huit: add(8), neuf: add(9),
  dix: add(10), onze: add(11), douze: add(12), treize: add(13), quatorze: add(14), quinze: add(15), seize: add(16),
  vingt: add(20), vingts: add(20), trente: add(30), quarante: add(40), cinquante: add(50), soixante: add(60),
  cent: HUNDRED, cents: HUNDRED, mille: THOUSAND, et: AND,
};

/** The morphemes, longest first, so a compound is split the long way: "achtzehn" is 18, not "acht" + "zehn". */
const BY_LENGTH = Object.keys(MORPHEMES).sort((a, b) => b.length - a.length);
const MORPHEME = BY_LENGTH.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const CONNECTORS = ['and', 'und', 'y', 'et'].join('|');
const SCALES = 'hundred|thousand|dozen';

/** One word made of number morphemes: "fifty", "zweihundertfunfzig", "veinticinco". */
const WORD = `(?:${MORPHEME}){1,10}`;
/** A run of up to eight number words: a leading "a" ("a hundred"), then words joined by spaces or hyphens; never a connector alone, first or last. */
export const SPELLED_NUMBER_SOURCE = String.raw`(?:a\s+(?=(?:${SCALES})\b))?(?<![\p{L}-])(?!(?:${CONNECTORS})(?!\p{L}))${WORD}(?:[\s-]+(?:(?:${CONNECTORS})[\s-]+)?${WORD}){0,7}(?![\p{L}-])`;

/** Splits one folded word into morphemes (longest first), or undefined when some part is not one. */
function morphemesOf(word: string): string[] | undefined {
  const parts: string[] = [];
  for (let at = 0; at < word.length; ) {
    const found = BY_LENGTH.find((m) => word.startsWith(m, at));
    if (found === undefined) return undefined;
    parts.push(found);
    at += found.length;
  }
  return parts;
}

/**
 * The value of a folded run of number words, or undefined when it holds a word that is not one.
 *
 * @example parseSpelledNumber('a hundred and fifty') // 150
 * @example parseSpelledNumber('quatre-vingt-dix') // 90
 * @example parseSpelledNumber('dos mil quinientos') // 2500
 */
export function parseSpelledNumber(written: string): number | undefined {
  const words = written.trim().split(/[\s-]+/);
  let total = 0;
  let current = 0;
  let previous = '';
  let any = false;
  for (const [i, word] of words.entries()) {
    if (i === 0 && word === 'a' && words.length > 1) continue;
    const parts = morphemesOf(word);
    if (!parts) return undefined;
    for (const part of parts) {
      const m = MORPHEMES[part] as Morpheme;
      if (m.kind === 'and') continue;
      any = true;
      if (m.kind === 'add') {
        // "quatre-vingt(s)" is four twenties.
        current += (part === 'vingt' || part === 'vingts') && previous === 'quatre' ? 80 - 4 : m.value;
      } else if (m.kind === 'hundred' || m.kind === 'dozen') {
        current = (current || 1) * m.value;
      } else {
        total += (current || 1) * m.value;
        current = 0;
      }
      previous = part;
    }
  }
  return any ? total + current : undefined;
}
