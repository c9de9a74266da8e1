import { RE2JS } from 're2js';
import { translatePattern } from './pattern-syntax';

/**
 * Patterns for the `matches` operator. Policies come from admins and managed storage, ticket text from anyone: no
 * pattern may hang the worker. Patterns run on RE2 (the `re2js` port), which matches in time linear in the text
 * instead of backtracking, so `a*a*a*a*a*a*b`, `(\w+\s?)+$` or `.*.*.*x` cost what any other pattern costs. They are
 * written in JavaScript syntax and matched case-insensitively with Unicode semantics, as `new RegExp(p, 'iu')`
 * would (see `pattern-syntax.ts` for the translation and its two small differences).
 *
 * Linear is not free: RE2 runs each pattern as a lazily built automaton whose states are sets of positions in the
 * pattern. The classic catastrophic patterns cost under 2 ms on 50,000 characters. A pattern with a wide window
 * (`a.{40}#`) meeting random-looking text (encoded data) builds a new state at nearly every character: 100–400 ms
 * on 50,000 characters, once per text (answers for long texts are remembered, see `remembering`). A pattern of many
 * positions alive at once on a plain text (`\p{L}{1000}9` on a long word) outgrows the automaton's memory and falls
 * back to a simulation that took 2.4 s; the bound on the compiled program keeps patterns off that path. Measured
 * in `core/conditions/catastrophic.test.ts` and `npm run bench patterns`.
 */

export const MAX_PATTERN_LENGTH = 200;
/** RE2 instructions in a compiled pattern: `^INV-\d{4,8}$` is 20, `a.{100}#` 104, 150 dots in a row 152. */
export const MAX_PROGRAM_SIZE = 100;

/** A compiled pattern: `test` says whether it matches anywhere in a text. */
export interface Pattern {
  test(text: string): boolean;
}

/** `size`: RE2 instructions, at most MAX_PROGRAM_SIZE. */
export type PatternCheck = { ok: true; regex: Pattern; size: number } | { ok: false; message: string; fix: string };

const FLAGS = RE2JS.CASE_INSENSITIVE;

/**
 * Checks a pattern and compiles it for RE2 (case-insensitive, Unicode). Never throws.
 *
 * @example checkPattern('^INV-\\d{4,8}$').ok // true
 * @example checkPattern('foo(?=bar)')       // { ok: false, message: 'lookaround (…) is not supported …', fix: … }
 */
export function checkPattern(pattern: string): PatternCheck {
  if (pattern.length === 0) return fail('the pattern is empty', 'write a pattern such as "^INV-\\d+$"');
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return fail(`the pattern is ${pattern.length} characters long (at most ${MAX_PATTERN_LENGTH})`, 'shorten the pattern or use "contains" with a list of phrases');
  }
  const translated = translatePattern(pattern);
  if (!translated.ok) return translated;
  // The syntax is JavaScript's: what a browser refuses is refused here too, whatever RE2 would make of it.
  try {
    new RegExp(pattern, 'iu');
  } catch (error) {
    return fail(`not a valid regular expression (${error instanceof Error ? error.message : String(error)})`, 'check the escaping: in JSON a backslash is written "\\\\"');
  }
  try {
    const re = RE2JS.compile(translated.re2, FLAGS);
    const size = re.programSize();
    if (size > MAX_PROGRAM_SIZE) {
      return fail(
        `the pattern is too large for the linear-time engine (${size} steps, at most ${MAX_PROGRAM_SIZE})`,
        'use smaller repetition counts such as ".{0,40}", fewer wildcards in a row, or split it into several conditions joined with "any"; lists of words belong in "contains" or "mentions"',
      );
    }
    return { ok: true, regex: remembering((text) => re.test(text)), size };
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    return fail(`not supported by the linear-time pattern engine (${reason})`, 'write it with plain characters, classes, groups, alternatives and quantifiers');
  }
}

/** Texts from this length on are remembered per pattern, with their answer. */
const REMEMBER_FROM = 2_000;
const REMEMBERED = 16;

/**
 * The worker decides every open ticket again each minute, mostly on the same text. A long text costs RE2 up to
 * ~10 µs a character when it keeps the automaton building new states (random or encoded data against a pattern
 * with a wide window such as `a.{40}#`: 100–400 ms on 50,000 characters); its answer is kept instead of recomputed.
 */
function remembering(test: (text: string) => boolean): Pattern {
  const answers = new Map<string, boolean>();
  return {
    test(text) {
      if (text.length < REMEMBER_FROM) return test(text);
      let answer = answers.get(text);
      if (answer === undefined) {
        answer = test(text);
        if (answers.size >= REMEMBERED) answers.delete(answers.keys().next().value as string);
        answers.set(text, answer);
      }
      return answer;
    },
  };
}

const compiled = new Map<string, PatternCheck>();

/** `checkPattern`, compiled once per distinct pattern. */
export function compilePattern(pattern: string): PatternCheck {
  let hit = compiled.get(pattern);
  if (!hit) {
    hit = checkPattern(pattern);
    if (compiled.size > 2048) compiled.clear();
    compiled.set(pattern, hit);
  }
  return hit;
}

function fail(message: string, fix: string): PatternCheck {
  return { ok: false, message, fix };
}
