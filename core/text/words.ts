/**
 * The words of one text as the tokenizer read them (./tokenize.ts), kept as
 * columns: the folded words in one array, their numbers (where each stands,
 * its sentence and clause, what negates it) in one typed array, which the
 * garbage collector does not walk. A cached ticket keeps thousands of words;
 * one object per word was most of what a collection had to visit.
 *
 * @example
 * const words = readWords('No data was lost.');
 * words.folded[1]; words.negatedBy(1) // 'data', 0 (the "no")
 */
export class Words {
  /** How many words. */
  readonly count: number;

  constructor(
    /** Lower case, accents dropped: "Gelöscht" → "geloscht". */
    readonly folded: readonly string[],
    /** `count` starts, then ends, sentences, clauses and negators. */
    private readonly numbers: Int32Array,
  ) {
    this.count = folded.length;
  }

  /** Offset of word `i` in the text it was read from. */
  start(i: number): number {
    return this.numbers[i] as number;
  }

  end(i: number): number {
    return this.numbers[this.count + i] as number;
  }

  /** Sentence number within the text (., !, ?, line breaks end one). */
  sentence(i: number): number {
    return this.numbers[2 * this.count + i] as number;
  }

  /** Clause number within the text (commas, semicolons, "but", "and" end one). */
  clause(i: number): number {
    return this.numbers[3 * this.count + i] as number;
  }

  /** The position of the negator that governs word `i` (-1: none; HYPOTHETICAL: a hypothetical question). */
  negatedBy(i: number): number {
    return this.numbers[4 * this.count + i] as number;
  }
}
