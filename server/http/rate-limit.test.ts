import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('the per-token rate limiter', () => {
  it('allows a burst, then one request per refill, each key on its own', () => {
    let now = new Date('2026-03-02T12:00:00.000Z');
    const limiter = createRateLimiter({ capacity: 3, perSecond: 2, now: () => now });
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take('b').ok).toBe(true);
    now = new Date('2026-03-02T12:00:00.500Z');
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
  });

  it('never stores more than its capacity however long a key was idle', () => {
    let now = new Date('2026-03-02T12:00:00Z');
    const limiter = createRateLimiter({ capacity: 2, perSecond: 1, now: () => now });
    limiter.take('a');
    now = new Date('2026-03-03T12:00:00Z');
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, false]);
  });

  it('says how long to wait when refills are slow', () => {
    const limiter = createRateLimiter({ capacity: 1, perSecond: 0.1, now: () => new Date('2026-03-02T12:00:00Z') });
    limiter.take('a');
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 10 });
  });
});
