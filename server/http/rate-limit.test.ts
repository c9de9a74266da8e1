import { describe, expect, it } from 'vitest';
import { createRateLimiter, getAddressKey } from './rate-limit';

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

  it('takes back a refunded request, never above capacity', () => {
    const limiter = createRateLimiter({ capacity: 2, perSecond: 0.001, now: () => new Date('2026-03-02T12:00:00Z') });
    limiter.take('a');
    limiter.take('a');
    limiter.refund('a');
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
    limiter.refund('a');
    limiter.refund('a');
    limiter.refund('a');
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, false]);
  });

  it('forgets the least recently used key beyond maxKeys, so memory stays bounded', () => {
    const limiter = createRateLimiter({ capacity: 1, perSecond: 0.001, now: () => new Date('2026-03-02T12:00:00Z'), maxKeys: 2 });
    limiter.take('a');
    limiter.take('b');
    expect(limiter.take('a').ok).toBe(false); // a is now the most recently used
    limiter.take('c'); // forgets b
    expect(limiter.take('a').ok).toBe(false);
    expect(limiter.take('b').ok).toBe(true);
  });
});

describe('the key a client address is limited under', () => {
  it('keeps an IPv4 address as it is, also when IPv4-mapped', () => {
    expect(getAddressKey('198.51.100.4')).toBe('198.51.100.4');
    expect(getAddressKey('::ffff:198.51.100.4')).toBe('198.51.100.4');
  });

  it('groups IPv6 addresses by their /64, however they are written', () => {
    expect(getAddressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(getAddressKey('2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(getAddressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(getAddressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(getAddressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('keeps anything else as it is', () => {
    expect(getAddressKey('no-socket')).toBe('no-socket');
    expect(getAddressKey('zz::1')).toBe('zz::1');
  });
});
