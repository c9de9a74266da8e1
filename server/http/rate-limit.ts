/**
 * A token bucket per key, in memory: `capacity` requests at once, refilled at
 * `perSecond`. Per instance — behind a load balancer each instance limits on its
 * own, which is enough to stop one runaway client from starving the rest.
 */
export interface RateLimiter {
  /** Takes one request's worth; when empty, says how long until there is one. */
  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number };
  /** Gives back one taken by `take` that turned out not to count (a failure slot reserved for a request that succeeded). */
  refund(key: string): void;
}

/** Keys kept at most; beyond, the least recently used is forgotten (as if its bucket were full). */
const DEFAULT_MAX_KEYS = 100_000;

export function createRateLimiter(options: { capacity: number; perSecond: number; now: () => Date; maxKeys?: number }): RateLimiter {
  const { capacity, perSecond, now, maxKeys = DEFAULT_MAX_KEYS } = options;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const t = now().getTime();
      const bucket = buckets.get(key) ?? { tokens: capacity, at: t };
      bucket.tokens = Math.min(capacity, bucket.tokens + (Math.max(0, t - bucket.at) / 1000) * perSecond);
      bucket.at = t;
      // Re-inserting keeps the map in least-recently-used order, so memory stays bounded however
      // many addresses a client cycles through; only a key idle the longest is forgotten.
      buckets.delete(key);
      buckets.set(key, bucket);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value as string);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)) };
    },
    refund(key) {
      const bucket = buckets.get(key);
      if (bucket) bucket.tokens = Math.min(capacity, bucket.tokens + 1);
    },
  };
}

/**
 * The key a client address is limited under: an IPv4 address as it is (also when IPv4-mapped),
 * an IPv6 address by its /64 — one host is usually handed a whole /64, so per address it could
 * take a fresh bucket for every request.
 *
 * @example getAddressKey('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 */
export function getAddressKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(':')) return address;
  const [head = '', tail] = (address.split('%')[0] ?? '').split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  const prefix = groups.slice(0, 4).map((g) => Number.parseInt(g, 16));
  if (prefix.length < 4 || prefix.some((n) => !Number.isInteger(n) || n < 0 || n > 0xffff)) return address;
  return `${prefix.map((n) => n.toString(16)).join(':')}::/64`;
}
