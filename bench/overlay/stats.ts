/** Medians and spreads for the overlay benchmark's samples; on a shared machine the spread is part of the answer. */

export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
  /** Lower and upper quartiles (linear interpolation), the middle half of the samples. */
  q1: number;
  q3: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] ?? Number.NaN) + ((sorted[hi] ?? Number.NaN) - (sorted[lo] ?? Number.NaN)) * (pos - lo);
}

/** `summarize([3, 1, 2])` → `{ n: 3, median: 2, min: 1, max: 3, q1: 1.5, q3: 2.5 }`; NaN throughout for no samples. */
export function summarize(xs: readonly number[]): Summary {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, median: quantile(s, 0.5), min: s[0] ?? Number.NaN, max: s.at(-1) ?? Number.NaN, q1: quantile(s, 0.25), q3: quantile(s, 0.75) };
}

/** `0.214 s (0.19–0.25, n=5)`: seconds from milliseconds, with the full range. */
export function seconds(ms: readonly number[], failed = 0): string {
  if (ms.length === 0) return `no badge in any of ${failed} loads`;
  const s = summarize(ms);
  const f = (x: number) => (x / 1000).toFixed(2);
  return `${f(s.median)} s (${f(s.min)}–${f(s.max)}, n=${s.n}${failed ? `, ${failed} without a badge` : ''})`;
}

/** `12.3 ms (8.1–20.4, n=30)`. */
export function millis(ms: readonly number[]): string {
  if (ms.length === 0) return 'none recorded';
  const s = summarize(ms);
  return `${s.median.toFixed(1)} ms (${s.min.toFixed(1)}–${s.max.toFixed(1)}, n=${s.n})`;
}

/** `1.04× (IQR 0.99–1.08, range 0.95–1.20, 12 pairs)`. */
export function ratio(rs: readonly number[]): string {
  const s = summarize(rs);
  const f = (x: number) => x.toFixed(2);
  return `${f(s.median)}× (IQR ${f(s.q1)}–${f(s.q3)}, range ${f(s.min)}–${f(s.max)}, ${s.n} pairs)`;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
