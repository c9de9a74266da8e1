/**
 * `npm run bench patterns`: `matches` patterns through `decide` on 50,000-character tickets, beside what JavaScript's
 * backtracking RegExp needs for the same pattern (the engine `matches` ran on before issue 12).
 *
 * - Catastrophic-backtracking patterns (core/fuzz/patterns.ts): native RegExp on growing texts until one test takes
 *   over a second (the length it reached and its time), then the full decision with RE2 on 50,000 characters.
 * - RE2's own worst: patterns at the program-size bound that keep its automaton building new states on random text.
 *   "Cold" is the first text a freshly compiled pattern sees, then the worst of five more new texts, then one of
 *   them decided again (the worker's minute-by-minute case: the answer for a long text is remembered).
 * Every decision reads a ticket whose text was analysed before (a baseline decision), so the figures are the
 * pattern's, not the text pipeline's. Wall time, best of three for the catastrophic rows.
 */
import { checkPattern } from '../core/conditions/safe-pattern';
import type { Condition } from '../core/conditions/schema';
import { AUTOMATON_HEAVY, CATASTROPHIC } from '../core/fuzz/patterns';
import { defaultPolicyInput } from '../core/policy/default-policy';
import { parsePolicy } from '../core/policy/parse';
import type { Policy } from '../core/policy/schema';
import { decide } from '../core/route/decide';
import { ticketSchema } from '../core/ticket';
import { createPrng } from '../core/triage/prng';

const LENGTH = 50_000;
const NOW = '2026-03-10T10:16:00+01:00';
const NATIVE_LIMIT_MS = 1000;

function policyWith(pattern: string): Policy {
  const when: Condition = { field: 'description', op: 'matches', value: pattern };
  const trigger = { id: 'pattern', kind: 'functional', description: 'The description matches a pattern.', when, route: { tier: 'T2' }, action: 'Look at it.' };
  const parsed = parsePolicy({ ...structuredClone(defaultPolicyInput), triggers: [trigger] });
  if (!parsed.ok) throw new Error(`${pattern}: ${parsed.errors[0]?.message}`);
  return parsed.policy;
}

const baseline = policyWith('^zzzz$');

function decisionMs(policy: Policy, description: string): number {
  const ticket = ticketSchema.parse({ id: 'P-1', subject: 'Pattern', description, createdAt: '2026-03-09T09:00:00+01:00' });
  decide(baseline, ticket, { now: NOW });
  const start = performance.now();
  decide(policy, ticket, { now: NOW });
  return performance.now() - start;
}

/** The longest text (doubling from 8) on which one native test stays under the limit, and the time of the last test. */
function nativeReach(pattern: string, text: (n: number) => string): { length: number; ms: number } {
  const native = new RegExp(pattern, 'iu');
  let length = 8;
  let ms = 0;
  while (length < LENGTH) {
    const start = performance.now();
    native.test(text(length));
    ms = performance.now() - start;
    if (ms > NATIVE_LIMIT_MS) break;
    length *= 2;
  }
  return { length: Math.min(length, LENGTH), ms };
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(2));
console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; wall time\n`);
decisionMs(policyWith('q+r'), 'q'.repeat(LENGTH)); // the engine's first use compiles its code paths

console.log('### Catastrophic-backtracking patterns, 50,000 characters\n');
console.log('| pattern | native RegExp (backtracking) | decide with RE2, best of 3 (ms) |');
console.log('| --- | --- | ---: |');
for (const { pattern, text } of CATASTROPHIC) {
  const reach = nativeReach(pattern, text);
  const native = reach.ms > NATIVE_LIMIT_MS ? `${fmt(reach.ms)} ms on ${reach.length.toLocaleString('en')} characters (stopped)` : `${fmt(reach.ms)} ms on 50,000 characters`;
  const policy = policyWith(pattern);
  const ms = Math.min(...[0, 1, 2].map((k) => decisionMs(policy, text(LENGTH - k))));
  console.log(`| \`${pattern.replaceAll('|', '\\|')}\` | ${native} | ${fmt(ms)} |`);
}

console.log('\n### RE2\'s worst: automaton-heavy patterns at the size bound, random text, 50,000 characters\n');
console.log('| pattern | program size | decide, cold (ms) | decide, new text, worst of 5 (ms) | the same text again (ms) |');
console.log('| --- | ---: | ---: | ---: | ---: |');
const random = createPrng(20261201);
for (const { pattern, alphabet, end } of AUTOMATON_HEAVY) {
  const check = checkPattern(pattern);
  if (!check.ok) {
    console.log(`| \`${pattern}\` | refused: ${check.message} | | |`);
    continue;
  }
  const text = () => Array.from({ length: LENGTH - end.length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('') + end;
  const policy = policyWith(pattern);
  const cold = decisionMs(policy, text());
  const texts = Array.from({ length: 5 }, text);
  const warm = Math.max(...texts.map((t) => decisionMs(policy, t)));
  const again = decisionMs(policy, texts[4] as string);
  console.log(`| \`${pattern}\` | ${check.size} | ${fmt(cold)} | ${fmt(warm)} | ${fmt(again)} |`);
}
