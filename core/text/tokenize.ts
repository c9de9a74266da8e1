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
  /** Clause number within the text (commas, semicolons, "but", "and" end one): a gap in a phrase never crosses one. */
  clause: number;
  /** A negator earlier in the same clause, at most NEGATION_REACH words back, governs this word. */
  negated: boolean;
  /**
   * The position of that negator (-1: none; -2: the whole sentence is a hypothetical question), so a phrase that
   * contains its own negator ("not working") still matches.
   */
  negatedBy: number;
}

/** How many words after a negator it governs (its clause ends it sooner). */
export const NEGATION_REACH = 5;

/** `negatedBy` of a word in a hypothetical question: no word of a phrase can lift it. */
export const HYPOTHETICAL = -2;

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

/**
 * A condition makes the rest of its clause hypothetical: "if our account was compromised, …", "falls es zu einem
 * Datenleck kommt", "si se pierden datos". Unaccented "si" only: "sí" is yes.
 */
const CONDITIONALS = new Set(['if', 'whether', 'unless', 'falls', 'sofern', 'si']);
/** Two-word conditions: "in case", "in the event", "en caso", "au cas", "im Falle". */
const CONDITIONAL_PAIRS = new Set(['in case', 'the event', 'en caso', 'au cas', 'im falle', 'im fall']);
const CONDITIONAL_SECONDS = new Set([...CONDITIONAL_PAIRS].map((p) => p.split(' ')[1] as string));
/** How far a condition reaches: its clause. */
const CONDITION_REACH = 12;

/** Words that start a new clause: a negation before them does not reach past them. */
const CLAUSE_WORDS = new Set([
  'but', 'and', 'however', 'although', 'though', 'because', 'while', 'whereas', 'so', 'yet', 'then',
  'aber', 'und', 'sondern', 'doch', 'jedoch', 'weil', 'obwohl', 'dann',
  'pero', 'y', 'sino', 'porque', 'aunque', 'luego',
  'mais', 'et', 'car', 'parce', 'puis', 'donc',
  'mas', 'porem', 'ma', 'perche', 'maar', 'omdat',
]);

/**
 * Pronoun negators also deny what came before them in their clause: "kompromittiert ist da nichts", "gelöscht wurde
 * nichts", "hacked? nothing of the sort".
 */
const DENIERS = new Set(['nothing', 'nobody', 'nichts', 'niemand', 'nada', 'nadie', 'rien', 'niets']);

/**
 * A question about what would happen ("will any data be lost if we downgrade?", "in the event of a breach, how fast do
 * you notify us?", "est-ce que vous supprimez les anciens tickets ?") reports nothing: its words count as denied. A
 * polite request ("could a real person help?", "würden Sie …?") is not hypothetical.
 */
const HYPOTHETICAL_QUESTION =
  /\b(if|whether|any|in case|in the event|what happens|how do we|how can we|how should we|how do you handle|what is your process|is it possible|do you offer|do you support|kann man|ist es moglich|bieten sie|unterstutzen sie|es posible|ofrecen|peut-on|est-il possible|proposez-vous|wenn|falls|ob|irgend\w*|passiert|bei einem|bei einer|wie gehen sie|si|algun\w*|pasa\w*|que pasa|en caso|como gestionan|est-ce|arrive\w*|en cas de|comment gerez)\b/;

/** Abbreviations whose dot ends no sentence before a number: "Art. 33", "No. 5", "ca. 40". */
const NUMBER_ABBREVIATIONS = new Set(['art', 'nr', 'no', 'abs', 'ca', 'approx', 'aprox', 'p', 'pp', 'fig', 'tel', 'min', 'max', 'num', 'pag']);
/** Abbreviations whose dot ends no sentence before a lower-case word either: "e.g. the", "bzw. die", "Dr. med". */
const WORD_ABBREVIATIONS = new Set(['g', 'e', 'b', 'z', 'etc', 'vs', 'bzw', 'usw', 'ggf', 'vgl', 'inkl', 'incl', 'evtl', 'cf', 'sr', 'sra', 'dr', 'mr', 'mrs', 'ms', 'st']);

const SENTENCE_END = /[.!?\n\r]/;
const CLAUSE_END = /[,;:()\u2013\u2014]|\s-\s/;

export function tokenize(text: string): Token[] {
  const folded = foldText(text);
  // Folding keeps offsets for Latin text (one code unit per letter); other scripts fall back to folding each word.
  const sameLength = folded.length === text.length;
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  let clauseStart = 0;
  let negateLeft = 0;
  let negator = -1;
  let last = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // Most words follow one space, which ends nothing: no slice, no pattern.
    const plain = start - last === 1 && text.charCodeAt(last) === 32;
    const between = plain ? ' ' : text.slice(last, start);
    // "$2,400" and "v4.12" are one number, not two clauses or sentences.
    const insideNumber = !plain && /^[.,'\u2019]$/.test(between) && /\d/.test(text.charAt(last - 1)) && /\d/.test(text.charAt(start));
    // "Art. 33", "e.g. the", "approx. 40": an abbreviation's dot before a number or a lower-case word ends no sentence.
    const before = tokens[tokens.length - 1]?.folded ?? '';
    const abbreviation =
      !plain &&
      /^\.[ \t]+$/.test(between) && ((NUMBER_ABBREVIATIONS.has(before) && /\d/.test(text.charAt(start))) || (WORD_ABBREVIATIONS.has(before) && /[\p{Ll}\d]/u.test(text.charAt(start))));
    if (plain || insideNumber) {
      // nothing ends here
    } else if (abbreviation) {
      clause++;
      negateLeft = 0;
      clauseStart = tokens.length;
    } else if (last > 0 && SENTENCE_END.test(between)) {
      sentence++;
      clause++;
      negateLeft = 0;
      clauseStart = tokens.length;
    } else if (CLAUSE_END.test(between)) {
      clause++;
      negateLeft = 0;
      clauseStart = tokens.length;
    }
    last = end;
    const word = sameLength ? folded.slice(start, end) : foldText(m[0]);
    // "didn't", "can't", "won't": the "t" after an apostrophe negates.
    if (word === 't' && /['\u2019]$/.test(between) && tokens.length > 0) {
      negateLeft = NEGATION_REACH;
      negator = tokens.length - 1;
      continue;
    }
    if (CLAUSE_WORDS.has(word)) {
      clause++;
      negateLeft = 0;
      clauseStart = tokens.length;
    }
    const negated = negateLeft > 0;
    tokens.push({ folded: word, start, end, sentence, clause, negated, negatedBy: negated ? negator : -1 });
    if (negated) negateLeft--;
    const elided = word === 'n' && /^['\u2019]/.test(text.slice(end, end + 1));
    if (NEGATORS.has(word) || elided) {
      negateLeft = NEGATION_REACH;
      negator = tokens.length - 1;
    }
    const previous = tokens[tokens.length - 2]?.folded;
    if ((CONDITIONALS.has(word) && m[0].toLowerCase() === word) || (CONDITIONAL_SECONDS.has(word) && CONDITIONAL_PAIRS.has(`${previous} ${word}`))) {
      negateLeft = CONDITION_REACH;
      negator = tokens.length - 1;
    }
    if (DENIERS.has(word)) {
      const at = tokens.length - 1;
      for (let i = clauseStart; i < at; i++) {
        const t = tokens[i] as Token;
        if (!t.negated) {
          t.negated = true;
          t.negatedBy = at;
        }
      }
    }
  }
  denyHypotheticalQuestions(text, folded, tokens);
  return tokens;
}

function denyHypotheticalQuestions(text: string, folded: string, tokens: Token[]): void {
  let first = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    if (t && t.sentence === (tokens[first] as Token).sentence) continue;
    const last = tokens[i - 1];
    if (last) {
      const end = text.slice(last.end).search(/[.!?\n]|$/);
      const isQuestion = text.charAt(last.end + end) === '?';
      const sentence = folded.slice((tokens[first] as Token).start, last.end);
      if (isQuestion && HYPOTHETICAL_QUESTION.test(sentence)) {
        for (let k = first; k < i; k++) {
          const token = tokens[k] as Token;
          token.negated = true;
          token.negatedBy = HYPOTHETICAL;
        }
      }
    }
    first = i;
  }
}
