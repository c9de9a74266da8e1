import { addMonths, differenceInCalendarDays } from 'date-fns';

/**
 * When the escalation matrix should next be reviewed: monthly for the first
 * 90 days after a policy's rollout, then quarterly (the spec article's
 * "Putting your support levels model into practice").
 */

/** Days after rollout during which reviews are monthly. */
export const MONTHLY_REVIEW_DAYS = 90;

export interface ReviewCadence {
  /** The rhythm the next review belongs to. */
  phase: 'monthly' | 'quarterly';
  /** ISO date-time of the next scheduled review. */
  nextReviewAt: string;
  /** True once `now` has reached the next review. */
  due: boolean;
  /** Whole calendar days from `now` to the next review (negative when overdue). */
  daysUntil: number;
}

export type ReviewCadenceResult = { ok: true; cadence: ReviewCadence } | { ok: false; message: string };

/** The n-th scheduled review after rollout: months 1, 2, 3 while within 90 days, then every three months. */
function scheduledReview(rolledOut: Date, n: number): { at: Date; phase: ReviewCadence['phase'] } {
  const monthly: Date[] = [];
  for (let m = 1; ; m += 1) {
    const at = addMonths(rolledOut, m);
    if (differenceInCalendarDays(at, rolledOut) > MONTHLY_REVIEW_DAYS) break;
    monthly.push(at);
  }
  if (n < monthly.length) return { at: monthly[n]!, phase: 'monthly' };
  const lastMonthly = monthly.length;
  return { at: addMonths(rolledOut, lastMonthly + 3 * (n - monthly.length + 1)), phase: 'quarterly' };
}

/**
 * The next review after the last one (or after rollout when none is recorded);
 * when several have passed since, the latest of them, which is due.
 *
 * @example
 * getReviewCadence('2026-01-10T00:00:00Z', { now: new Date('2026-02-15T00:00:00Z') })
 * // → { ok: true, cadence: { phase: 'monthly', nextReviewAt: '2026-02-10T00:00:00.000Z', due: true, daysUntil: -5 } }
 */
export function getReviewCadence(
  rolledOutAt: string | undefined,
  options: { now: Date; lastReviewedAt?: string | undefined },
): ReviewCadenceResult {
  if (!rolledOutAt) return { ok: false, message: 'The policy has no rolledOutAt date, so no review cadence can be planned.' };
  const rolledOut = new Date(rolledOutAt);
  if (Number.isNaN(rolledOut.getTime())) return { ok: false, message: `rolledOutAt "${rolledOutAt}" is not a date.` };
  const last = options.lastReviewedAt ? new Date(options.lastReviewedAt) : undefined;
  const after = last && !Number.isNaN(last.getTime()) && last > rolledOut ? last : rolledOut;
  let n = 0;
  let next = scheduledReview(rolledOut, n);
  while (next.at <= after) {
    n += 1;
    next = scheduledReview(rolledOut, n);
  }
  // Several reviews missed: the one due is the latest that has come, not the first that was skipped.
  for (let later = scheduledReview(rolledOut, n + 1); later.at <= options.now; later = scheduledReview(rolledOut, n + 1)) {
    n += 1;
    next = later;
  }
  return {
    ok: true,
    cadence: {
      phase: next.phase,
      nextReviewAt: next.at.toISOString(),
      due: options.now >= next.at,
      daysUntil: differenceInCalendarDays(next.at, options.now),
    },
  };
}
