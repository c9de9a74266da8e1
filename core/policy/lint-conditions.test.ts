import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../conditions/evaluate';
import type { Condition, LeafCondition } from '../conditions/schema';
import { conditionImplies, neverTrue, toDnf } from './lint-conditions';

/**
 * The linter's claims are checked against the real evaluator: a condition it
 * calls impossible must never match, and a condition it says implies another
 * must never match without the other.
 */

const leaf: fc.Arbitrary<LeafCondition> = fc.oneof(
  fc.record({ field: fc.constant('priority'), op: fc.constantFrom('eq', 'ne'), value: fc.constantFrom('low', 'urgent', null) }),
  fc.record({ field: fc.constant('priority'), op: fc.constantFrom('in', 'notIn'), value: fc.subarray(['low', 'normal', 'urgent'] as string[], { minLength: 1 }) }),
  fc.record({ field: fc.constant('tags'), op: fc.constantFrom('eq', 'ne'), value: fc.constantFrom('vip', 'outage') }),
  fc.record({ field: fc.constant('tags'), op: fc.constantFrom('in', 'notIn'), value: fc.subarray(['vip', 'outage', 'sev1'] as string[], { minLength: 1 }) }),
  fc.record({ field: fc.constant('impactedUsers'), op: fc.constantFrom('gt', 'gte', 'lt', 'lte'), value: fc.constantFrom(0, 5, 10, 100) }),
  fc.record({ field: fc.constant('impactedUsers'), op: fc.constant('eq'), value: fc.constantFrom(5, 10) }),
  fc.record({ field: fc.constant('timeInQueue'), op: fc.constantFrom('longerThan', 'shorterThan'), value: fc.constantFrom('15m', '1h', 30) }),
  fc.record({ field: fc.constant('text'), op: fc.constant('contains'), value: fc.constantFrom('breach', 'data breach', ['breach', 'hack']) }),
  fc.record({ field: fc.constantFrom('priority', 'impactedUsers', 'tags'), op: fc.constant('exists'), value: fc.boolean() }),
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
    text: fc.constantFrom('', 'a data breach', 'we were hacked', 'breach of contract'),
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
});
