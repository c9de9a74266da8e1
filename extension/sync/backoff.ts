/**
 * Exponential backoff with full jitter: the n-th retry waits a random time
 * between 0 and min(cap, base · 2ⁿ), so a team's browsers coming back online
 * together do not hit the endpoint in lockstep.
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 *
 * @example
 * backoffDelay(3, { random: () => 0.5 }) // 8 000 ms (half of 2 s · 2³)
 */
export function backoffDelay(failures: number, options: { baseMs?: number; capMs?: number; random?: () => number } = {}): number {
  const { baseMs = 2_000, capMs = 15 * 60_000, random = Math.random } = options;
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, failures));
  return Math.floor(random() * ceiling);
}
