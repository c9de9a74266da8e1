/**
 * A token bucket per key, in memory: `capacity` requests at once, refilled at
 * `perSecond`. Per instance — behind a load balancer each instance limits on its
 * own, which is enough to stop one runaway client from starving the rest.
 */
export interface RateLimiter {
  /** Takes one request's worth; when empty, says how long until there is one. */
  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number };
}

export function createRateLimiter(options: { capacity: number; perSecond: number; now: () => Date }): RateLimiter {
  const { capacity, perSecond, now } = options;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const t = now().getTime();
      const bucket = buckets.get(key) ?? { tokens: capacity, at: t };
      bucket.tokens = Math.min(capacity, bucket.tokens + (Math.max(0, t - bucket.at) / 1000) * perSecond);
      bucket.at = t;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)) };
    },
  };
}
