/** Patterns for the `matches` benchmarks and tests: the ones that stall backtracking engines, and RE2's own worst. */

/**
 * Catastrophic-backtracking patterns (those that pass the nested-quantifier rule, which never protected against
 * them), each with a text that makes a backtracking engine stall, put through `decide` on 50,000-character tickets.
 * Native RegExp took 2.4 s on 50 characters for the first and over 20 s on 200 for the second; on RE2 each decision
 * stays under 5 ms.
 */
export const CATASTROPHIC: readonly { pattern: string; text: (n: number) => string }[] = [
  { pattern: 'a*a*a*a*a*a*b', text: (n) => 'a'.repeat(n) },
  { pattern: '\\w*\\w*\\w*\\w*!', text: (n) => 'a'.repeat(n) },
  { pattern: '.*.*.*x', text: (n) => 'y'.repeat(n) },
  { pattern: '\\w{2,}\\d', text: (n) => 'ab '.repeat(Math.ceil(n / 3)).slice(0, n) },
  { pattern: '^\\w+\\s?\\w+\\s?\\w+\\s?\\w+$', text: (n) => `${'a'.repeat(n - 1)}!` },
  { pattern: '\\d*\\d*\\d*\\d*\\d*x', text: (n) => '1'.repeat(n) },
  { pattern: '(x+x+)y', text: (n) => 'x'.repeat(n) },
  { pattern: '.*a.*b.*c.*d.*e!', text: (n) => 'abcde'.repeat(n / 5) },
  { pattern: '[a-z]*[a-z]*[a-z]*[a-z]*[0-9]', text: (n) => 'abc'.repeat(Math.ceil(n / 3)).slice(0, n) },
];

/**
 * Patterns built to make RE2's automaton work hardest within MAX_PROGRAM_SIZE (many positions alive at once over a
 * small alphabet), with texts that visit new automaton states at every character: RE2's worst case, not its usual.
 */
export const AUTOMATON_HEAVY: readonly { pattern: string; alphabet: string; end: string }[] = [
  { pattern: 'a.{96}#', alphabet: 'ab', end: '#' },
  { pattern: '[ab]*a[ab]{60}[#!]', alphabet: 'ab', end: '#' },
  { pattern: 'a[ab]{96}[^ab]', alphabet: 'ab', end: '!' },
  { pattern: 'a.{0,45}#', alphabet: 'ab', end: '#' },
  { pattern: '\\w+b+[^#]{0,8}.{28}$', alphabet: 'abc ', end: '' },
];
