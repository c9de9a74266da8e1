/**
 * The periods a lead compares and the buckets a chart draws: a current period
 * of whole UTC days ending with today, the previous period of the same length
 * just before it, and UTC days or ISO weeks (Monday, UTC) — the buckets the
 * sync endpoint's `groupBy=day|week` answers — each with how much of it the
 * data covers, so a week cut by the period's edge, or still running, is drawn
 * as partial rather than as a full week of few cases.
 */

const DAY = 86_400_000;

export interface Span {
  /** Inclusive, ISO 8601. */
  from: string;
  /** Exclusive, ISO 8601. */
  to: string;
}

export interface PeriodPair {
  days: number;
  current: Span;
  previous: Span;
}

/**
 * The last `days` whole UTC days up to and including today, and the same
 * number of days before them.
 *
 * @example periodPair(new Date('2026-03-10T15:00:00Z'), 7)
 * // { days: 7, current: { from: '2026-03-04T00:00:00.000Z', to: '2026-03-11T00:00:00.000Z' }, previous: { from: '2026-02-25T00:00:00.000Z', to: '2026-03-04T00:00:00.000Z' } }
 */
export function periodPair(now: Date, days: number): PeriodPair {
  const end = Math.floor(now.getTime() / DAY) * DAY + DAY;
  const iso = (ms: number) => new Date(ms).toISOString();
  return { days, current: { from: iso(end - days * DAY), to: iso(end) }, previous: { from: iso(end - 2 * days * DAY), to: iso(end - days * DAY) } };
}

export type BucketUnit = 'day' | 'week';

/** Days for a week of periods up to 14 days, weeks beyond. */
export function bucketUnitFor(days: number): BucketUnit {
  return days <= 14 ? 'day' : 'week';
}

export interface Bucket {
  /** The endpoint's group key: the day, or the week's Monday (YYYY-MM-DD, UTC). */
  key: string;
  start: string;
  end: string;
  /** Share of the bucket inside the span and before `now`, 0–1. */
  coverage: number;
  /** Less than the whole bucket is covered: cut by the span's edge, or still running. */
  partial: boolean;
}

/**
 * The day or week buckets that overlap a span up to `now`, oldest first.
 *
 * @example bucketsOf({ from: '2026-03-04T00:00:00Z', to: '2026-03-18T00:00:00Z' }, 'week', new Date('2026-03-17T12:00:00Z'))
 * // weeks of 2026-03-02 (5 of 7 days: partial), 2026-03-09 (whole), 2026-03-16 (1.5 of 7 days so far: partial)
 */
export function bucketsOf(span: Span, unit: BucketUnit, now: Date): Bucket[] {
  const from = Date.parse(span.from);
  const until = Math.min(Date.parse(span.to), now.getTime());
  if (!(from < until)) return [];
  const length = unit === 'week' ? 7 * DAY : DAY;
  const firstDay = Math.floor(from / DAY);
  // 1970-01-01 was a Thursday: shift so weeks start on Monday, as core/metrics groups them.
  let start = (unit === 'week' ? firstDay - ((firstDay + 3) % 7) : firstDay) * DAY;
  const buckets: Bucket[] = [];
  for (; start < until; start += length) {
    const end = start + length;
    const covered = Math.min(end, until) - Math.max(start, from);
    const coverage = Math.round((covered / length) * 1000) / 1000;
    buckets.push({ key: new Date(start).toISOString().slice(0, 10), start: new Date(start).toISOString(), end: new Date(end).toISOString(), coverage, partial: coverage < 1 });
  }
  return buckets;
}
