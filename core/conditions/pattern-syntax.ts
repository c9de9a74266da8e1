/**
 * Policy patterns are written in JavaScript's regular-expression syntax (flags "iu"): what an admin tries in a
 * browser console or on regex101's ECMAScript flavour. They run on RE2 (linear time), whose syntax differs in
 * places, so each pattern is translated once, keeping JavaScript's meaning:
 * - `\s` / `\S` are Unicode white space as in JavaScript (RE2's `\s` is ASCII only), `.` stops at the four
 *   JavaScript line terminators (RE2's only at "\n");
 * - `\uXXXX`, `\u{X}`, `\xXX`, `\cX`, `\0` and literal punctuation become RE2 `\x{…}` escapes;
 * - `[]` matches nothing and `[^]` anything, as in JavaScript (RE2 reads "]" first in a class as a literal);
 * - groups become non-capturing (a condition only asks whether the pattern matches);
 * - `\p{…}` takes JavaScript's long names (`\p{Letter}`, `\p{Script=Greek}`).
 * What RE2 cannot run at all — backreferences, lookaround, inline flags — is refused with a fix. `\w` and `\b` are
 * ASCII in both; under "i" JavaScript also lets `\w` match "ſ" and the Kelvin sign, RE2 does not.
 */

export interface Refusal {
  ok: false;
  message: string;
  fix: string;
}

export type Translation = { ok: true; re2: string } | Refusal;

/** Largest count in `{n,m}`: a repetition is compiled into that many copies of its body. */
export const MAX_REPEAT = 100;

/** JavaScript's WhiteSpace and LineTerminator code points, as ranges. */
const WHITE_SPACE: readonly (readonly [number, number])[] = [
  [0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
];
const NOT_WHITE_SPACE = complement(WHITE_SPACE);
const LINE_TERMINATORS = '\\x{A}\\x{D}\\x{2028}\\x{2029}';

/** General-category long names (JavaScript) → the short names RE2 knows. */
const CATEGORIES: Readonly<Record<string, string>> = {
  Letter: 'L', Uppercase_Letter: 'Lu', Lowercase_Letter: 'Ll', Titlecase_Letter: 'Lt', Modifier_Letter: 'Lm', Other_Letter: 'Lo',
  Mark: 'M', Nonspacing_Mark: 'Mn', Spacing_Mark: 'Mc', Enclosing_Mark: 'Me',
  Number: 'N', Decimal_Number: 'Nd', Letter_Number: 'Nl', Other_Number: 'No',
  Punctuation: 'P', Connector_Punctuation: 'Pc', Dash_Punctuation: 'Pd', Open_Punctuation: 'Ps', Close_Punctuation: 'Pe', Initial_Punctuation: 'Pi', Final_Punctuation: 'Pf', Other_Punctuation: 'Po',
  Symbol: 'S', Math_Symbol: 'Sm', Currency_Symbol: 'Sc', Modifier_Symbol: 'Sk', Other_Symbol: 'So',
  Separator: 'Z', Space_Separator: 'Zs', Line_Separator: 'Zl', Paragraph_Separator: 'Zp',
  Other: 'C', Control: 'Cc', Format: 'Cf', Surrogate: 'Cs', Private_Use: 'Co', Unassigned: 'Cn',
};

interface Group {
  /** The group contains a quantifier that repeats (*, +, {n,m} with m > 1). */
  repeats: boolean;
  /** The group has alternatives ("a|b"). */
  alternates: boolean;
}

const fail = (message: string, fix: string): Refusal => ({ ok: false, message, fix });
const hex = (code: number) => `\\x{${code.toString(16).toUpperCase()}}`;

/**
 * A JavaScript pattern in RE2 syntax. Never throws; a pattern JavaScript itself refuses may still translate (the
 * caller also compiles it natively).
 *
 * @example translatePattern('^INV-\\d{4}\\s') // { ok: true, re2: '^INV\\x{2D}\\d{4}[\\x{9}-\\x{D}…]', … }
 */
export function translatePattern(pattern: string): Translation {
  const out: string[] = [];
  const emit = (text: string) => out.push(text);
  const stack: Group[] = [{ repeats: false, alternates: false }];
  // When the last atom was a group: whether repeating it nests quantifiers.
  let lastGroupRepeats: boolean | undefined;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const escaped = readEscape(pattern, i, false);
      if (!escaped.ok) return escaped;
      emit(escaped.re2);
      lastGroupRepeats = undefined;
      i = escaped.end;
      continue;
    }
    if (c === '[') {
      const cls = readClass(pattern, i);
      if (!cls.ok) return cls;
      emit(cls.re2);
      lastGroupRepeats = undefined;
      i = cls.end;
      continue;
    }
    if (c === '(') {
      if (pattern[i + 1] === '?') {
        const kind = pattern[i + 2];
        if (kind === ':') i += 3;
        else if (kind === '<' && pattern[i + 3] !== '=' && pattern[i + 3] !== '!') {
          const close = pattern.indexOf('>', i);
          if (close < 0) return fail('a group name "(?<" is never closed', 'write a named group as "(?<name>…)" or use "(?:…)"');
          i = close + 1;
        } else if (kind === '=' || kind === '!' || kind === '<') {
          return fail('lookaround ("(?=", "(?!", "(?<=", "(?<!") is not supported by the linear-time pattern engine', 'match the text itself, or combine two conditions with "all" / "not"');
        } else {
          return fail('inline flags such as "(?i:" are not supported', 'patterns are always case-insensitive; use a plain group "(?:…)"');
        }
      } else {
        i += 1;
      }
      emit('(?:');
      stack.push({ repeats: false, alternates: false });
      lastGroupRepeats = undefined;
      continue;
    }
    if (c === ')') {
      const group = stack.pop();
      if (!group || stack.length === 0) return fail('a ")" has no matching "("', 'remove it or escape it as "\\)"');
      lastGroupRepeats = group.repeats || group.alternates;
      if (group.repeats) (stack[stack.length - 1] as Group).repeats = true;
      emit(')');
      i += 1;
      continue;
    }
    if (c === '|') {
      (stack[stack.length - 1] as Group).alternates = true;
      emit('|');
      lastGroupRepeats = undefined;
      i += 1;
      continue;
    }
    const quantifier = readQuantifier(pattern, i);
    if (quantifier) {
      if (quantifier.min > MAX_REPEAT || (quantifier.max > MAX_REPEAT && quantifier.max !== Number.POSITIVE_INFINITY)) {
        return fail(`a repetition count above ${MAX_REPEAT}`, `use at most {0,${MAX_REPEAT}}, or "+" / "*" for "any number"`);
      }
      const repeats = quantifier.max > 1;
      // Harmless on a linear-time engine, but refused by every release that ran patterns natively: kept so a policy
      // written today still loads there, and because such a pattern always has a simpler form.
      if (repeats && lastGroupRepeats) {
        return fail('nested quantifier: a repeated group that itself contains a repetition or alternatives, such as "(a+)+" or "(a|ab)*"', 'repeat only the inner part ("a+"), use a character class ("[ab]+"), or list phrases with "contains"');
      }
      if (repeats) (stack[stack.length - 1] as Group).repeats = true;
      lastGroupRepeats = undefined;
      emit(pattern.slice(i, quantifier.end));
      i = quantifier.end;
      // A lazy marker after the quantifier.
      if (pattern[i] === '?') {
        emit('?');
        i += 1;
      }
      continue;
    }
    if (c === '.') emit(`[^${LINE_TERMINATORS}]`);
    else if (c === '^' || c === '$') emit(c);
    else {
      const code = pattern.codePointAt(i) as number;
      emit(literal(code));
      i += code > 0xffff ? 2 : 1;
      lastGroupRepeats = undefined;
      continue;
    }
    lastGroupRepeats = undefined;
    i += 1;
  }
  if (stack.length !== 1) return fail('a "(" is never closed', 'close it with ")"');
  return { ok: true, re2: out.join('') };
}

/** Letters, digits and spaces as they are; everything else as an unambiguous `\x{…}`. */
function literal(code: number): string {
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x20) return String.fromCharCode(code);
  if (code > 0x7f && !(code >= 0xd800 && code <= 0xdfff)) return String.fromCodePoint(code);
  return hex(code);
}

type Escape = { ok: true; re2: string; end: number; code?: number } | Refusal;

/** One escape at `i` (a backslash). In a class, `\b` is a backspace and `\s` / `\S` expand to ranges. */
function readEscape(pattern: string, i: number, inClass: boolean): Escape {
  const next = pattern[i + 1];
  if (next === undefined) return fail('the pattern ends with a lone backslash', 'escape it as "\\\\"');
  if (/[1-9]/.test(next) || next === 'k') {
    return fail('backreferences ("\\1", "\\k<name>") are not supported by the linear-time pattern engine', 'match the text without referring back to an earlier group');
  }
  const char = (code: number, end: number): Escape => ({ ok: true, re2: hex(code), end, code });
  switch (next) {
    case 'd': case 'D': case 'w': case 'W':
      return { ok: true, re2: `\\${next}`, end: i + 2 };
    case 'b': case 'B':
      return inClass ? char(8, i + 2) : { ok: true, re2: `\\${next}`, end: i + 2 };
    case 's': case 'S': {
      const ranges = next === 's' ? WHITE_SPACE : NOT_WHITE_SPACE;
      const inner = ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('');
      return { ok: true, re2: inClass ? inner : `[${inner}]`, end: i + 2 };
    }
    case 't': return char(9, i + 2);
    case 'n': return char(10, i + 2);
    case 'v': return char(11, i + 2);
    case 'f': return char(12, i + 2);
    case 'r': return char(13, i + 2);
    case '0': return char(0, i + 2);
    case 'c': {
      const letter = pattern.charCodeAt(i + 2);
      return Number.isNaN(letter) ? fail('"\\c" needs a letter', 'write a control character as "\\cJ"') : char(letter % 32, i + 3);
    }
    case 'x': {
      const m = /^[0-9a-fA-F]{2}/.exec(pattern.slice(i + 2));
      return m ? char(Number.parseInt(m[0], 16), i + 4) : fail('"\\x" needs two hex digits', 'write a character as "\\x41"');
    }
    case 'u': return readUnicodeEscape(pattern, i);
    case 'p': case 'P': return readProperty(pattern, i);
    default: {
      const code = pattern.codePointAt(i + 1) as number;
      return char(code, i + 1 + (code > 0xffff ? 2 : 1));
    }
  }
}

function readUnicodeEscape(pattern: string, i: number): Escape {
  const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(pattern.slice(i + 2));
  if (braced) {
    const code = Number.parseInt(braced[1] as string, 16);
    return code > 0x10ffff ? fail('a code point above \\u{10FFFF}', 'write a code point up to \\u{10FFFF}') : { ok: true, re2: hex(code), end: i + 2 + braced[0].length, code };
  }
  const m = /^[0-9a-fA-F]{4}/.exec(pattern.slice(i + 2));
  if (!m) return fail('"\\u" needs four hex digits or braces', 'write a character as "\\u00E9" or "\\u{1F600}"');
  let code = Number.parseInt(m[0], 16);
  let end = i + 6;
  // A surrogate pair written as two escapes is one character, as in JavaScript with "u".
  const low = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(pattern.slice(end));
  if (code >= 0xd800 && code <= 0xdbff && low) {
    code = 0x10000 + ((code - 0xd800) << 10) + (Number.parseInt(low[1] as string, 16) - 0xdc00);
    end += 6;
  }
  return { ok: true, re2: hex(code), end, code };
}

function readProperty(pattern: string, i: number): Escape {
  const m = /^\{([A-Za-z_]+)(?:=([A-Za-z_]+))?\}/.exec(pattern.slice(i + 2));
  const unsupported = fail(`the Unicode property "${pattern.slice(i, i + 2 + (m?.[0].length ?? 0))}" is not supported by the linear-time pattern engine`, 'use a general category such as \\p{L} or \\p{Lu}, or a script such as \\p{Script=Greek}');
  if (!m) return unsupported;
  const [, name, value] = m as unknown as [string, string, string | undefined];
  let re2Name: string | undefined;
  if (value === undefined) re2Name = CATEGORIES[name] !== undefined && Object.hasOwn(CATEGORIES, name) ? CATEGORIES[name] : /^[A-Z][a-z&]?$/.test(name) || name === 'Any' ? name : undefined;
  else if (name === 'General_Category' || name === 'gc') re2Name = Object.hasOwn(CATEGORIES, value) ? CATEGORIES[value] : value;
  // Script extensions are read as the script itself: RE2 knows scripts only.
  else if (name === 'Script' || name === 'sc' || name === 'Script_Extensions' || name === 'scx') re2Name = value;
  if (re2Name === undefined || re2Name.includes('&')) return unsupported;
  return { ok: true, re2: `\\${pattern[i + 1]}{${re2Name}}`, end: i + 2 + m[0].length };
}

/** A JavaScript character class from `[` at `i` to its `]`, as an RE2 class of explicit code points and ranges. */
function readClass(pattern: string, start: number): { ok: true; re2: string; end: number } | Refusal {
  let i = start + 1;
  const negated = pattern[i] === '^';
  if (negated) i += 1;
  const items: string[] = [];
  while (i < pattern.length && pattern[i] !== ']') {
    const atom = readClassAtom(pattern, i);
    if (!atom.ok) return atom;
    i = atom.end;
    // A range "a-z" between two single characters; "-" anywhere else is itself.
    if (pattern[i] === '-' && pattern[i + 1] !== ']' && i + 1 < pattern.length && atom.code !== undefined) {
      const to = readClassAtom(pattern, i + 1);
      if (!to.ok) return to;
      if (to.code !== undefined) {
        if (to.code < atom.code) return fail('a character range is out of order, such as "[z-a]"', 'write the lower character first: "[a-z]"');
        items.push(`${hex(atom.code)}-${hex(to.code)}`);
        i = to.end;
        continue;
      }
    }
    items.push(atom.re2);
  }
  if (i >= pattern.length) return fail('a character class "[" is never closed', 'close it with "]"');
  const end = i + 1;
  // JavaScript's "[]" matches nothing and "[^]" any character; RE2 would read that "]" as a literal.
  if (items.length === 0) return { ok: true, re2: negated ? '[\\x{0}-\\x{10FFFF}]' : '[^\\x{0}-\\x{10FFFF}]', end };
  return { ok: true, re2: `[${negated ? '^' : ''}${items.join('')}]`, end };
}

function readClassAtom(pattern: string, i: number): Escape {
  if (pattern[i] === '\\') return readEscape(pattern, i, true);
  const code = pattern.codePointAt(i) as number;
  return { ok: true, re2: hex(code), end: i + (code > 0xffff ? 2 : 1), code };
}

function readQuantifier(pattern: string, i: number): { min: number; max: number; end: number } | undefined {
  const c = pattern[i];
  if (c === '*') return { min: 0, max: Number.POSITIVE_INFINITY, end: i + 1 };
  if (c === '+') return { min: 1, max: Number.POSITIVE_INFINITY, end: i + 1 };
  if (c === '?') return { min: 0, max: 1, end: i + 1 };
  if (c !== '{') return undefined;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i, i + 24));
  if (!m) return undefined;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : m[3] === '' || m[3] === undefined ? Number.POSITIVE_INFINITY : Number(m[3]);
  return { min, max: Math.max(min, max), end: i + m[0].length };
}

function complement(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const out: [number, number][] = [];
  let next = 0;
  for (const [a, b] of ranges) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= 0x10ffff) out.push([next, 0x10ffff]);
  return out;
}
