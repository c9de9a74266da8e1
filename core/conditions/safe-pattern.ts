/**
 * Safe patterns for the `matches` operator. Policies come from admins and
 * managed storage, ticket text from anyone: a pattern must not be able to
 * hang the worker (catastrophic backtracking). We accept a subset of
 * JavaScript regular expressions that cannot backtrack exponentially:
 * no backreferences, no lookaround, no repeated group that itself contains
 * a repetition or alternatives ("(a+)+", "(a*b)*", "(a|ab)*"), bounded
 * length and repetition counts.
 */

export const MAX_PATTERN_LENGTH = 200;
const MAX_REPEAT = 1000;

export type PatternCheck = { ok: true; regex: RegExp } | { ok: false; message: string; fix: string };

interface Group {
  /** The group contains a quantifier that repeats (*, +, {n,m} with m > 1). */
  repeats: boolean;
  /** The group has alternatives ("a|b"), which may overlap. */
  alternates: boolean;
}

/**
 * Checks a pattern and compiles it (case-insensitive, Unicode).
 *
 * @example checkPattern('^INV-\\d{4,8}$') // { ok: true, regex: /^INV-\d{4,8}$/iu }
 * @example checkPattern('(a+)+$')         // { ok: false, message: 'nested quantifier …', fix: … }
 */
export function checkPattern(pattern: string): PatternCheck {
  if (pattern.length === 0) return fail('the pattern is empty', 'write a pattern such as "^INV-\\d+$"');
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return fail(`the pattern is ${pattern.length} characters long (at most ${MAX_PATTERN_LENGTH})`, 'shorten the pattern or use "contains" with a list of phrases');
  }
  const stack: Group[] = [{ repeats: false, alternates: false }];
  // When the last atom was a group: whether repeating it could backtrack exponentially.
  let lastGroupRepeats: boolean | undefined;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) return fail('the pattern ends with a lone backslash', 'escape it as "\\\\"');
      if (/[1-9]/.test(next) || next === 'k') return fail('backreferences ("\\1", "\\k<name>") are not allowed', 'match the text without referring back to an earlier group');
      lastGroupRepeats = undefined;
      i += 2;
      continue;
    }
    if (c === '[') {
      const end = endOfClass(pattern, i);
      if (end < 0) return fail('a character class "[" is never closed', 'close it with "]"');
      lastGroupRepeats = undefined;
      i = end + 1;
      continue;
    }
    if (c === '(') {
      if (pattern[i + 1] === '?') {
        if (pattern[i + 2] !== ':') return fail('lookaround and named groups ("(?=", "(?!", "(?<=", "(?<name>") are not allowed', 'use a plain group "( )" or a non-capturing group "(?: )"');
        i += 3;
      } else {
        i += 1;
      }
      stack.push({ repeats: false, alternates: false });
      lastGroupRepeats = undefined;
      continue;
    }
    if (c === ')') {
      const group = stack.pop();
      if (!group || stack.length === 0) return fail('a ")" has no matching "("', 'remove it or escape it as "\\)"');
      // Overlapping alternatives under a repeat ("(a|a)*") backtrack like nested quantifiers.
      lastGroupRepeats = group.repeats || group.alternates;
      // A repeat inside a group makes the enclosing group repeat-containing too.
      if (group.repeats) (stack[stack.length - 1] as Group).repeats = true;
      i += 1;
      continue;
    }
    if (c === '|') {
      (stack[stack.length - 1] as Group).alternates = true;
      lastGroupRepeats = undefined;
      i += 1;
      continue;
    }
    const quantifier = readQuantifier(pattern, i);
    if (quantifier) {
      if (quantifier.min > MAX_REPEAT || (quantifier.max > MAX_REPEAT && quantifier.max !== Number.POSITIVE_INFINITY)) {
        return fail(`a repetition count above ${MAX_REPEAT}`, `use at most {0,${MAX_REPEAT}}`);
      }
      const repeats = quantifier.max > 1;
      if (repeats && lastGroupRepeats) {
        return fail('nested quantifier: a repeated group that itself contains a repetition or alternatives, such as "(a+)+" or "(a|ab)*"', 'repeat only the inner part ("a+"), use a character class ("[ab]+"), or list phrases with "contains"');
      }
      if (repeats) (stack[stack.length - 1] as Group).repeats = true;
      lastGroupRepeats = undefined;
      i = quantifier.end;
      // A lazy or possessive marker after the quantifier.
      if (pattern[i] === '?') i += 1;
      continue;
    }
    lastGroupRepeats = undefined;
    i += 1;
  }
  if (stack.length !== 1) return fail('a "(" is never closed', 'close it with ")"');
  try {
    return { ok: true, regex: new RegExp(pattern, 'iu') };
  } catch (error) {
    return fail(`not a valid regular expression (${error instanceof Error ? error.message : String(error)})`, 'check the escaping: in JSON a backslash is written "\\\\"');
  }
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

function endOfClass(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '^') i += 1;
  if (pattern[i] === ']') i += 1;
  while (i < pattern.length) {
    if (pattern[i] === '\\') i += 2;
    else if (pattern[i] === ']') return i;
    else i += 1;
  }
  return -1;
}

function readQuantifier(pattern: string, i: number): { min: number; max: number; end: number } | undefined {
  const c = pattern[i];
  if (c === '*') return { min: 0, max: Number.POSITIVE_INFINITY, end: i + 1 };
  if (c === '+') return { min: 1, max: Number.POSITIVE_INFINITY, end: i + 1 };
  if (c === '?') return { min: 0, max: 1, end: i + 1 };
  if (c !== '{') return undefined;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
  if (!m) return undefined;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : m[3] === '' || m[3] === undefined ? Number.POSITIVE_INFINITY : Number(m[3]);
  return { min, max: Math.max(min, max), end: i + m[0].length };
}
