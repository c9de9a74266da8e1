import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration';
import { compileCondition, evaluate } from './evaluate';
import type { Condition } from './schema';

const ticket = {
  priority: 'urgent',
  tags: ['vip', 'Billing_Dispute'],
  requester: { customerTier: 'enterprise', contractValue: 250000 },
  amount: { value: 1500, currency: 'USD' },
  fields: { Plan: 'Enterprise', 'Seats.count': '1200', Region: null },
  text: 'Bonjour, la facture est erronée et nous sommes très déçus. Our CAFÉ integration broke.',
  timeInQueue: 16,
  subject: '',
};

const check = (c: Condition) => {
  const compiled = compileCondition(c)(ticket);
  const explained = evaluate(c, ticket);
  // The fast path and the explaining path must always agree.
  expect(explained.match).toBe(compiled);
  return compiled;
};

describe('evaluate and compileCondition', () => {
  it('compares equality on nested fields by dotted path', () => {
    expect(check({ field: 'requester.customerTier', op: 'eq', value: 'enterprise' })).toBe(true);
    expect(check({ field: 'requester.customerTier', op: 'ne', value: 'enterprise' })).toBe(false);
    expect(check({ field: 'requester.missing', op: 'ne', value: 'x' })).toBe(true);
  });

  it('treats eq null as absent and in/notIn as sets', () => {
    expect(check({ field: 'channel', op: 'eq', value: null })).toBe(true);
    expect(check({ field: 'priority', op: 'in', value: ['high', 'urgent'] })).toBe(true);
    expect(check({ field: 'priority', op: 'notIn', value: ['high', 'urgent'] })).toBe(false);
  });

  it('matches a list field such as tags when any element matches', () => {
    expect(check({ field: 'tags', op: 'in', value: ['vip'] })).toBe(true);
    expect(check({ field: 'tags', op: 'eq', value: 'vip' })).toBe(true);
    expect(check({ field: 'tags', op: 'contains', value: 'billing_dispute' })).toBe(true);
    expect(check({ field: 'tags', op: 'notIn', value: ['vip'] })).toBe(false);
  });

  it('compares numbers, including numeric custom fields, and never matches a missing number', () => {
    expect(check({ field: 'amount.value', op: 'gt', value: 1000 })).toBe(true);
    expect(check({ field: 'amount.value', op: 'lte', value: 1000 })).toBe(false);
    expect(check({ field: 'fields.Seats.count', op: 'gte', value: 1200 })).toBe(true);
    expect(check({ field: 'impactedUsers', op: 'lt', value: 5 })).toBe(false);
  });

  it('finds phrases case- and accent-insensitively', () => {
    expect(check({ field: 'text', op: 'contains', value: 'FACTURE EST ERRONEE' })).toBe(true);
    expect(check({ field: 'text', op: 'contains', value: 'cafe integration' })).toBe(true);
    expect(check({ field: 'text', op: 'contains', value: ['refund', 'tres decus'] })).toBe(true);
    expect(check({ field: 'text', op: 'contains', value: ['refund', 'chargeback'] })).toBe(false);
  });

  it('matches a safe pattern and never matches an unsafe one', () => {
    expect(check({ field: 'fields.Plan', op: 'matches', value: '^enter' })).toBe(true);
    expect(check({ field: 'text', op: 'matches', value: '(a+)+$' })).toBe(false);
  });

  it('reports presence with exists, treating null, empty strings and empty lists as absent', () => {
    expect(check({ field: 'amount', op: 'exists', value: true })).toBe(true);
    expect(check({ field: 'fields.Region', op: 'exists', value: false })).toBe(true);
    expect(check({ field: 'subject', op: 'exists', value: true })).toBe(false);
  });

  it('compares durations in minutes with longerThan and shorterThan', () => {
    expect(check({ field: 'timeInQueue', op: 'longerThan', value: '15m' })).toBe(true);
    expect(check({ field: 'timeInQueue', op: 'longerThan', value: 16 })).toBe(false);
    expect(check({ field: 'timeInQueue', op: 'shorterThan', value: '1h' })).toBe(true);
  });

  it('nests all, any and not', () => {
    const c: Condition = {
      all: [
        { any: [{ field: 'priority', op: 'eq', value: 'low' }, { field: 'tags', op: 'in', value: ['vip'] }] },
        { not: { field: 'requester.customerTier', op: 'eq', value: 'free' } },
      ],
    };
    expect(check(c)).toBe(true);
  });

  it('reports the values it saw, with an excerpt for long texts', () => {
    const long = `${'lorem ipsum '.repeat(30)}we were HACKED yesterday ${'dolor sit '.repeat(30)}`;
    const r = evaluate(
      { all: [{ field: 'amount.value', op: 'gt', value: 1000 }, { field: 'text', op: 'contains', value: 'hacked' }] },
      { amount: { value: 1500 }, text: long },
    );
    expect(r.match).toBe(true);
    expect(r.seen['amount.value']).toBe(1500);
    expect(String(r.seen.text)).toContain('hacked yesterday');
    expect(String(r.seen.text).length).toBeLessThan(long.length);
  });

  it('reports only the alternative of an any that matched', () => {
    const r = evaluate({ any: [{ field: 'priority', op: 'eq', value: 'low' }, { field: 'amount.value', op: 'gt', value: 1 }] }, ticket);
    expect(r.seen).toEqual({ 'amount.value': 1500 });
  });
});

describe('parseDuration', () => {
  it('reads plain minutes: m = 1, h = 60, d = 1440, w = 10080', () => {
    expect(parseDuration('15m')).toBe(15);
    expect(parseDuration('15min')).toBe(15);
    expect(parseDuration('2h')).toBe(120);
    expect(parseDuration('1d 4h')).toBe(1680);
    expect(parseDuration('1w')).toBe(10080);
    expect(parseDuration('1.5h')).toBe(90);
    expect(parseDuration(45)).toBe(45);
  });

  it('returns undefined for what is not a duration', () => {
    expect(parseDuration('15 minutes')).toBeUndefined();
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseDuration(-5)).toBeUndefined();
  });
});
