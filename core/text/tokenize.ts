import { foldText } from '../conditions/text';
import { wordLengthAt } from './word-chars';
import { Words } from './words';

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
/** Words before "if" that make it a comparison: "as if", "como si", "comme si". */
const SIMILE_BEFORE = new Set(['as', 'como', 'comme']);
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
 * German puts "nicht" last when the verb or participle comes first: "gehackt wurden wir übrigens nicht", "gelöscht
 * haben wir es nie". Ending its clause, it denies what came before it there, as the pronoun negators do.
 */
const CLAUSE_FINAL_DENIERS = new Set(['nicht', 'nie', 'niemals', 'keineswegs']);

/** The word lists above as one lookup per word: most words are in none of them. */
const NEGATOR = 1;
const CONDITIONAL = 2;
const CONDITIONAL_SECOND = 4;
const CLAUSE_WORD = 8;
const DENIER = 16;
const ROLES = new Map<string, number>();
for (const [words, role] of [[NEGATORS, NEGATOR], [CONDITIONALS, CONDITIONAL], [CONDITIONAL_SECONDS, CONDITIONAL_SECOND], [CLAUSE_WORDS, CLAUSE_WORD], [DENIERS, DENIER]] as const) {
  for (const word of words) ROLES.set(word, (ROLES.get(word) ?? 0) | role);
}

/**
 * A question about what would happen ("will any data be lost if we downgrade?", "in the event of a breach, how fast do
 * you notify us?", "est-ce que vous supprimez les anciens tickets ?") reports nothing: its words count as denied. A
 * polite request ("could a real person help?", "würden Sie …?", "est-ce que quelqu'un de chez vous pourrait
 * m'appeler ?") is not hypothetical.
 */
const HYPOTHETICAL_QUESTION =
  /\b(if|whether|any|in case|in the event|what happens|how do we|how can we|how should we|how do you handle|what is your process|is it possible|do you offer|do you support|kann man|ist es moglich|bieten sie|unterstutzen sie|es posible|ofrecen|peut-on|est-il possible|proposez-vous|do you have a|how do you notify|tienen un|tienen una|como notifican|avez-vous un|avez-vous une|comment notifiez|haben sie ein|wie informieren sie|wenn|falls|ob|irgend\w*|passiert|bei einem|bei einer|wie gehen sie|si|algun\w*|pasa\w*|que pasa|en caso|como gestionan|est-ce(?! qu(?:e |')(?:[^ ?]+ ){0,4}(?:pourr|pouv|peu[tx]\b|voudr))|arrive\w*|en cas de|comment gerez)\b/;

/** Abbreviations whose dot ends no sentence before a number: "Art. 33", "No. 5", "ca. 40". */
const NUMBER_ABBREVIATIONS = new Set(['art', 'nr', 'no', 'abs', 'ca', 'approx', 'aprox', 'p', 'pp', 'fig', 'tel', 'min', 'max', 'num', 'pag']);
/** Abbreviations whose dot ends no sentence before a lower-case word either: "e.g. the", "bzw. die", "Dr. med". */
const WORD_ABBREVIATIONS = new Set(['g', 'e', 'b', 'z', 'etc', 'vs', 'bzw', 'usw', 'ggf', 'vgl', 'inkl', 'incl', 'evtl', 'cf', 'sr', 'sra', 'dr', 'mr', 'mrs', 'ms', 'st']);

const SENTENCE_END = /[.!?\n\r]/;
const CLAUSE_END = /[,;:()\u2013\u2014]|\s-\s/;

/** The words as one object each: for callers that read a few words (the policy lint, topics). */
export function tokenize(text: string): Token[] {
  const words = readWords(text);
  const tokens = new Array<Token>(words.count);
  for (let i = 0; i < words.count; i++) {
    const negatedBy = words.negatedBy(i);
    tokens[i] = { folded: words.folded[i] as string, start: words.start(i), end: words.end(i), sentence: words.sentence(i), clause: words.clause(i), negated: negatedBy !== -1, negatedBy };
  }
  return tokens;
}

/**
 * The numbers of the words being read, a column of `capacity` cells per property (start, end, sentence, clause,
 * negatedBy): reused from text to text, so reading allocates only the final columns.
 */
let scratch = new Int32Array(0);
let capacity = 0;
const START = 0;
const END = 1;
const SENTENCE = 2;
const CLAUSE = 3;
const NEGATED_BY = 4;
/** A longer text reads into a buffer of its own, not kept afterwards (2 MB of cells). */
const SCRATCH_LIMIT = 100_000;

/**
 * `tokenize`'s words as columns, what a document keeps.
 *
 * @example readWords('Still broken.').folded // ['still', 'broken']
 */
export function readWords(text: string): Words {
  const folded = foldText(text);
  // Folding keeps offsets for Latin text (one code unit per letter); other scripts fall back to folding each word.
  const sameLength = folded.length === text.length;
  const words: string[] = [];
  // A word takes at least one character and the next needs a separator: never more words than this.
  const most = Math.ceil(text.length / 2) + 1;
  if (most > capacity && most <= SCRATCH_LIMIT) {
    capacity = Math.max(most, 2 * capacity, 256);
    scratch = new Int32Array(5 * capacity);
  }
  const cap = Math.max(most, capacity);
  const cells = most > capacity ? new Int32Array(5 * cap) : scratch;
  let sentence = 0;
  let clause = 0;
  let clauseStart = 0;
  let negateLeft = 0;
  let negator = -1;
  let last = 0;
  /** A clause ends: a German "nicht" that ended it denies the words before it in the clause. */
  const closeClause = () => {
    const at = words.length - 1;
    if (at <= clauseStart || !CLAUSE_FINAL_DENIERS.has(words[at] as string)) return;
    for (let i = NEGATED_BY * cap + clauseStart; i < NEGATED_BY * cap + at; i++) if (cells[i] === -1) cells[i] = at;
  };
  /** A new clause (or sentence) starts at the next word: a negation does not reach into it. */
  const startClause = () => {
    closeClause();
    clause++;
    negateLeft = 0;
    clauseStart = words.length;
  };
  for (let start = 0; start < text.length; ) {
    const length = wordLengthAt(text, start);
    if (length === 0) {
      start++;
      continue;
    }
    const end = start + length;
    // Most words follow one space, which ends nothing: no slice, no pattern.
    const plain = start - last === 1 && text.charCodeAt(last) === 32;
    const between = plain ? ' ' : text.slice(last, start);
    // "$2,400", "v4.12" and "02:47" are one number, not two clauses or sentences.
    const insideNumber = !plain && /^[.,:'\u2019]$/.test(between) && /\d/.test(text.charAt(last - 1)) && /\d/.test(text.charAt(start));
    // "Art. 33", "e.g. the", "approx. 40": an abbreviation's dot before a number or a lower-case word ends no sentence.
    const before = words.length > 0 ? (words[words.length - 1] as string) : '';
    const abbreviation =
      !plain &&
      /^\.[ \t]+$/.test(between) && ((NUMBER_ABBREVIATIONS.has(before) && /\d/.test(text.charAt(start))) || (WORD_ABBREVIATIONS.has(before) && /[\p{Ll}\d]/u.test(text.charAt(start))));
    if (plain || insideNumber) {
      // nothing ends here
    } else if (abbreviation) {
      startClause();
    } else if (last > 0 && SENTENCE_END.test(between)) {
      sentence++;
      startClause();
    } else if (CLAUSE_END.test(between)) {
      startClause();
    }
    last = end;
    const word = sameLength ? folded.slice(start, end) : foldText(text.slice(start, end));
    const role = ROLES.get(word) ?? 0;
    // "didn't", "can't", "won't": the "t" after an apostrophe negates.
    if (word === 't' && /['\u2019]$/.test(between) && words.length > 0) {
      negateLeft = NEGATION_REACH;
      negator = words.length - 1;
      start = end;
      continue;
    }
    if ((role & CLAUSE_WORD) !== 0) {
      startClause();
    }
    const at = words.length;
    words.push(word);
    cells[START * cap + at] = start;
    cells[END * cap + at] = end;
    cells[SENTENCE * cap + at] = sentence;
    cells[CLAUSE * cap + at] = clause;
    cells[NEGATED_BY * cap + at] = negateLeft > 0 ? negator : -1;
    if (negateLeft > 0) negateLeft--;
    const elided = word === 'n' && (text.charCodeAt(end) === 0x27 || text.charCodeAt(end) === 0x2019);
    if ((role & NEGATOR) !== 0 || elided) {
      negateLeft = NEGATION_REACH;
      negator = at;
    }
    const previous = at > 0 ? words[at - 1] : undefined;
    // "as if it was wiped", "como si", "comme si": a comparison, not a condition.
    if (((role & CONDITIONAL) !== 0 && text.slice(start, end).toLowerCase() === word && !SIMILE_BEFORE.has(previous ?? '')) || ((role & CONDITIONAL_SECOND) !== 0 && CONDITIONAL_PAIRS.has(`${previous} ${word}`))) {
      negateLeft = CONDITION_REACH;
      negator = at;
    }
    if ((role & DENIER) !== 0) {
      for (let i = NEGATED_BY * cap + clauseStart; i < NEGATED_BY * cap + at; i++) if (cells[i] === -1) cells[i] = at;
    }
    start = end;
  }
  closeClause();
  const count = words.length;
  const column = (k: number) => cells.subarray(k * cap, k * cap + count);
  denyHypotheticalQuestions(text, folded, column(START), column(END), column(SENTENCE), column(NEGATED_BY));
  // One buffer for the five columns of this text, in the order Words reads them.
  const numbers = new Int32Array(5 * count);
  for (let k = 0; k < 5; k++) numbers.set(column(k), k * count);
  return new Words(words, numbers);
}

/** A hypothetical question's words count as denied: `negatedBy` of each is HYPOTHETICAL. */
function denyHypotheticalQuestions(text: string, folded: string, start: Int32Array, end: Int32Array, sentence: Int32Array, negatedBy: Int32Array): void {
  const count = start.length;
  let first = 0;
  for (let i = 0; i <= count; i++) {
    if (i < count && sentence[i] === sentence[first]) continue;
    if (i > 0) {
      const lastEnd = end[i - 1] as number;
      const mark = text.slice(lastEnd).search(/[.!?\n]|$/);
      if (text.charAt(lastEnd + mark) === '?' && HYPOTHETICAL_QUESTION.test(folded.slice(start[first] as number, lastEnd))) negatedBy.fill(HYPOTHETICAL, first, i);
    }
    first = i;
  }
}
