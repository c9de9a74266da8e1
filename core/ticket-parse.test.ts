import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTicket } from './ticket-parse';

describe('parseTicket', () => {
  it('accepts a minimal ticket and fills its defaults', () => {
    const r = parseTicket('{"id":"1"}');
    expect(r.ok && r.ticket.comments).toEqual([]);
  });

  it('names the path of a bad priority and lists the allowed values', () => {
    const r = parseTicket({ id: '1', priority: 'asap' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatchObject({ path: '$.priority', fix: 'use one of "low", "normal", "high", "urgent"' });
  });

  it('names the path inside a comment', () => {
    const r = parseTicket({ id: '1', comments: [{ author: 'customer', body: 'hi' }, { author: 'bot', body: 'x' }] });
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(['$.comments[1].author']);
  });

  it('names a bad date and a bad currency', () => {
    const r = parseTicket({ id: '1', createdAt: 'yesterday', amount: { value: 10, currency: 'dollars' } });
    expect(!r.ok && r.errors.map((e) => e.path).sort()).toEqual(['$.amount.currency', '$.createdAt']);
  });

  it('never throws, whatever JSON or text it is given', () => {
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), fc.string()), (input) => {
      const r = parseTicket(input);
      if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
    }), { numRuns: 300 });
  });
});
