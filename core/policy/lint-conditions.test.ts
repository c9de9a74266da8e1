import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../conditions/evaluate';
import type { Condition, LeafCondition } from '../conditions/schema';
import { conditionImplies, mentionsPhraseProblem, neverTrue, toDnf } from './lint-conditions';

/**
 * The linter's claims are checked against the real evaluator: a condition it
 * calls impossible must never match, and a condition it says implies another
 * must never match without the other.
 */

const mentionsLeaf = fc.record({
  field: fc.constant('text'),
  op: fc.constant('mentions'),
  value: fc.constantFrom('breach', 'data breach', 'data breach reported', 'data', 'not working', 'working', 'hack*', 'hack', '=hacked', 'breach … contract', ['breach', 'hack*'], ['data breach', 'pass'], 'password', 'data lost', 'data lost nothing', 'data … lost'),
}) as fc.Arbitrary<LeafCondition>;

const leaf: fc.Arbitrary<LeafCondition> = fc.oneof(
  fc.record({ field: fc.constant('priority'), op: fc.constantFrom('eq', 'ne'), value: fc.constantFrom('low', 'urgent', null) }),
  fc.record({ field: fc.constant('priority'), op: fc.constantFrom('in', 'notIn'), value: fc.subarray(['low', 'normal', 'urgent'] as string[], { minLength: 1 }) }),
  fc.record({ field: fc.constant('tags'), op: fc.constantFrom('eq', 'ne'), value: fc.constantFrom('vip', 'outage') }),
  fc.record({ field: fc.constant('tags'), op: fc.constantFrom('in', 'notIn'), value: fc.subarray(['vip', 'outage', 'sev1'] as string[], { minLength: 1 }) }),
  fc.record({ field: fc.constant('impactedUsers'), op: fc.constantFrom('gt', 'gte', 'lt', 'lte'), value: fc.constantFrom(0, 5, 10, 100) }),
  fc.record({ field: fc.constant('impactedUsers'), op: fc.constant('eq'), value: fc.constantFrom(5, 10) }),
  fc.record({ field: fc.constant('timeInQueue'), op: fc.constantFrom('longerThan', 'shorterThan'), value: fc.constantFrom('15m', '1h', 30) }),
  fc.record({ field: fc.constant('text'), op: fc.constant('contains'), value: fc.constantFrom('breach', 'data breach', ['breach', 'hack']) }),
  mentionsLeaf,
  fc.record({ field: fc.constantFrom('priority', 'impactedUsers', 'tags', 'text'), op: fc.constant('exists'), value: fc.boolean() }),
) as fc.Arbitrary<LeafCondition>;

const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('c') }),
  ),
})).c;

const facts = fc.record(
  {
    priority: fc.constantFrom('low', 'normal', 'urgent', null, undefined),
    tags: fc.subarray(['vip', 'outage', 'sev1']),
    impactedUsers: fc.constantFrom(0, 5, 7, 10, 50, 100, 500),
    timeInQueue: fc.constantFrom(0, 15, 16, 30, 45, 60, 61),
    text: fc.constantFrom('', 'a data breach', 'we were hacked', 'breach of contract', 'no data breach reported', 'a data breach was reported', 'the export is not working', 'working fine', 'hackers got in', 'my password expired', 'data breaches reported'),
  },
  { requiredKeys: [] },
);

describe('condition analysis', () => {
  it('never calls a condition impossible when some ticket matches it', () => {
    fc.assert(
      fc.property(condition, fc.array(facts, { minLength: 20, maxLength: 20 }), (c, samples) => {
        const dnf = toDnf(c);
        if (!dnf || neverTrue(dnf) === null) return;
        for (const f of samples) expect(evaluate(c, f).match).toBe(false);
      }),
      { numRuns: Number(process.env.LINT_RUNS ?? 400) },
    );
  });

  it('never claims one condition implies another when a ticket matches only the first', () => {
    fc.assert(
      fc.property(condition, condition, fc.array(facts, { minLength: 20, maxLength: 20 }), (specific, general, samples) => {
        const a = toDnf(specific);
        const b = toDnf(general);
        if (!a || !b || !conditionImplies(a, b)) return;
        for (const f of samples) if (evaluate(specific, f).match) expect(evaluate(general, f).match).toBe(true);
      }),
      { numRuns: Number(process.env.LINT_RUNS ?? 400) },
    );
  });

  it('recognises a condition implied by itself inside a narrower one', () => {
    const wide: Condition = { field: 'impactedUsers', op: 'gte', value: 100 };
    const narrow: Condition = { all: [{ field: 'impactedUsers', op: 'gt', value: 1000 }, { field: 'tags', op: 'eq', value: 'outage' }] };
    expect(conditionImplies(toDnf(narrow)!, toDnf(wide)!)).toBe(true);
    expect(conditionImplies(toDnf(wide)!, toDnf(narrow)!)).toBe(false);
  });

  it('never claims one mentions test implies another when a text mentions only the first', () => {
    const texts = ['', 'a data breach', 'we were hacked', 'breach of contract', 'no data breach reported', 'a data breach was reported', 'the export is not working', 'working fine', 'hackers got in', 'my password expired', 'data breaches reported', 'data lost nothing', 'data nothing lost', 'data was lost'];
    const test = fc.oneof(mentionsLeaf, fc.record({ not: mentionsLeaf }), fc.record({ any: fc.array(mentionsLeaf, { minLength: 1, maxLength: 2 }) }));
    fc.assert(
      fc.property(test, test, (specific, general) => {
        const a = toDnf(specific);
        const b = toDnf(general);
        if (!a || !b || !conditionImplies(a, b)) return;
        for (const text of texts) if (evaluate(specific, { text }).match) expect(evaluate(general, { text }).match).toBe(true);
      }),
      { numRuns: Number(process.env.LINT_RUNS ?? 400) },
    );
  });

  it('reads mentions as words: a longer phrase implies the words that open it, not a word inside a longer one', () => {
    const mentions = (value: string | string[]): Condition => ({ field: 'text', op: 'mentions', value });
    const implies = (a: Condition, b: Condition) => conditionImplies(toDnf(a)!, toDnf(b)!);
    expect(implies(mentions('data breach reported'), mentions(['hacked', 'data breach']))).toBe(true);
    expect(implies(mentions(['data breach', 'hack*']), mentions(['data', 'hack*']))).toBe(true);
    // "contains" would say yes: "password" holds "pass"; but the word "pass" is not in "my password expired".
    expect(implies(mentions('password'), mentions('pass'))).toBe(false);
    // "not working" matches where the lone "working" counts as negated.
    expect(implies(mentions('not working'), mentions('working'))).toBe(false);
    expect(implies(mentions('hack*'), mentions('hack'))).toBe(false);
    expect(implies(mentions('data'), mentions('data breach'))).toBe(false);
    // "nothing" denies the words before it; a gap may hold it.
    expect(implies(mentions('data lost nothing'), mentions('data lost'))).toBe(false);
    expect(implies(mentions('data … lost'), mentions('data'))).toBe(false);
  });

  it('calls a mentions test impossible only beside its own negation or an absent field', () => {
    const breach: Condition = { field: 'text', op: 'mentions', value: 'data breach' };
    expect(neverTrue(toDnf({ all: [breach, { not: breach }] })!)).not.toBeNull();
    expect(neverTrue(toDnf({ all: [breach, { field: 'text', op: 'exists', value: false }] })!)).not.toBeNull();
    expect(neverTrue(toDnf({ all: [breach, { not: { field: 'text', op: 'mentions', value: 'breach … contract' } }] })!)).toBeNull();
    expect(neverTrue(toDnf({ all: [breach, { field: 'text', op: 'contains', value: 'hack' }, { field: 'text', op: 'eq', value: 'x' }] })!)).toBeNull();
  });
});

describe('mentions phrases', () => {
  it('finds a phrase with no words, more than eight words, or only a stop word', () => {
    expect(mentionsPhraseProblem('… * =')?.code).toBe('empty-phrase');
    expect(mentionsPhraseProblem('*')?.code).toBe('empty-phrase');
    expect(mentionsPhraseProblem('we have been charged twice for the same invoice')?.code).toBe('long-phrase');
    expect(mentionsPhraseProblem('The')?.code).toBe('stop-word-phrase');
    expect(mentionsPhraseProblem('=nicht')?.code).toBe('stop-word-phrase');
    expect(mentionsPhraseProblem('des*')?.code).toBe('stop-word-phrase');
  });

  it('accepts the phrases policies are written with', () => {
    for (const phrase of ['charged … twice', 'hack*', '=wiped', '*verlust', 'again', 'still not', 'no data was lost', 'we have been charged twice for the invoice', "quelqu'un … connecté", 'not working']) {
      expect(mentionsPhraseProblem(phrase), phrase).toBeNull();
    }
  });
});
