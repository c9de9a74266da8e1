import { foldText } from '../conditions/text';

/**
 * Stage 1 of reading ticket text: split a text into words, folded (case and
 * accents), with where each sits: its sentence (a gap in a phrase never
 * crosses one) and whether a negator ("no", "nicht", "aucun", "didn't")
 * earlier in the same clause governs it.
 *
 * @example
 * tokenize('No data was lost, but the view is wrong.').map((t) => `${t.folded}${t.negated ? '!' : ''}`)
 * // ['no', 'data!', 'was!', 'lost!', 'but', 'the', 'view', 'is', 'wrong']
 */
export interface Token {
  /** Lower case, accents dropped: "Gelöscht" → "geloscht". */
  folded: string;
  /** Offsets in the text that was tokenized. */
  start: number;
  end: number;
  /** Sentence number within the text (., !, ?, line breaks end one). */
  sentence: number;
  /** A negator earlier in the same clause, at most NEGATION_REACH words back, governs this word. */
  negated: boolean;
  /** The position of that negator (-1: none), so a phrase that contains its own negator ("not working") still matches. */
  negatedBy: number;
}

/** How many words after a negator it governs (its clause ends it sooner). */
export const NEGATION_REACH = 5;

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Negators of the supported languages, folded. "n" is French elision ("n'a"), handled below. */
const NEGATORS = new Set([
  // English
  'no', 'not', 'never', 'nobody', 'none', 'nothing', 'neither', 'nor', 'without', 'cannot',
  // German
  'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nicht', 'nie', 'niemals', 'niemand', 'nichts', 'ohne', 'weder',
  // Spanish
  'ni', 'nunca', 'nadie', 'ningun', 'ninguna', 'ninguno', 'nada', 'sin', 'jamas',
  // French
  'ne', 'pas', 'aucun', 'aucune', 'jamais', 'rien', 'sans', 'nul', 'nulle',
  // Portuguese, Italian, Dutch
  'nao', 'nenhum', 'nenhuma', 'nem', 'non', 'nessun', 'nessuno', 'nessuna', 'niente', 'mai', 'geen', 'niet', 'nooit', 'niemand', 'niets', 'zonder',
]);

/** Words that start a new clause: a negation before them does not reach past them. */
const CLAUSE_WORDS = new Set([
  'but', 'and', 'however', 'although', 'though', 'because', 'while', 'whereas', 'so', 'yet', 'then',
  'aber', 'und', 'sondern', 'doch', 'jedoch', 'weil', 'obwohl', 'dann',
  'pero', 'y', 'sino', 'porque', 'aunque', 'luego',
  'mais', 'et', 'car', 'parce', 'puis', 'donc',
  'mas', 'porem', 'ma', 'perche', 'maar', 'omdat',
]);

const SENTENCE_END = /[.!?\n\r]/;
const CLAUSE_END = /[,;:()\u2013\u2014]|\s-\s/;

export function tokenize(text: string): Token[] {
  const folded = foldText(text);
  // Folding keeps offsets for Latin text (one code unit per letter); other scripts fall back to folding each word.
  const sameLength = folded.length === text.length;
  const tokens: Token[] = [];
  let sentence = 0;
  let negateLeft = 0;
  let negator = -1;
  let last = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const between = text.slice(last, start);
    if (last > 0 && SENTENCE_END.test(between)) {
      sentence++;
      negateLeft = 0;
    } else if (CLAUSE_END.test(between)) {
      negateLeft = 0;
    }
    last = end;
    const word = sameLength ? folded.slice(start, end) : foldText(m[0]);
    // "didn't", "can't", "won't": the "t" after an apostrophe negates.
    if (word === 't' && /['\u2019]$/.test(between) && tokens.length > 0) {
      negateLeft = NEGATION_REACH;
      negator = tokens.length - 1;
      continue;
    }
    if (CLAUSE_WORDS.has(word)) negateLeft = 0;
    const negated = negateLeft > 0;
    tokens.push({ folded: word, start, end, sentence, negated, negatedBy: negated ? negator : -1 });
    if (negated) negateLeft--;
    const elided = word === 'n' && /^['\u2019]/.test(text.slice(end, end + 1));
    if (NEGATORS.has(word) || elided) {
      negateLeft = NEGATION_REACH;
      negator = tokens.length - 1;
    }
  }
  return tokens;
}
