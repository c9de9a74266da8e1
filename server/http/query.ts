import { z } from 'zod';
import { EVENT_LIMITS, storableInstant, storablePeriodProblem, storableString } from '../../core/events';
import { ApiError } from './errors';

const DAY = 86_400_000;
const isoDate = z.iso.date();

/**
 * A period bound: an instant as an event may carry one (`2026-03-01T00:00:00Z`,
 * offset within ±14:00, from 1970 to before 2200) or a calendar day in UTC
 * (`2026-03-01`, from 1970-01-01 to 2199-12-31). A day as `to` includes that
 * whole day, so `from=2026-01-01&to=2026-03-31` is the first quarter.
 * Periods outside the one events may lie in are refused, not clamped: the
 * database would answer nothing, or (PGlite, year 0000 or 9999) fail.
 */
export const boundSchema = (edge: 'from' | 'to') =>
  z.string().transform((v, ctx) => {
    if (isoDate.safeParse(v).success) {
      const day = new Date(`${v}T00:00:00Z`);
      const problem = storablePeriodProblem(day);
      if (!problem) return edge === 'to' ? new Date(day.getTime() + DAY) : day;
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    const instant = storableInstant.safeParse(v);
    if (instant.success) return new Date(instant.data);
    const [first] = instant.error.issues;
    ctx.addIssue({ code: 'custom', message: first?.code === 'custom' ? first.message : 'an instant such as 2026-03-01T00:00:00Z or a day such as 2026-03-01' });
    return z.NEVER;
  });

/** A team or agent filter: no more than an event may hold there, and nothing the database cannot take as a parameter. */
export const nameSchema = storableString(EVENT_LIMITS.name).min(1);

/** A page size: plain digits (`1e3`, `0x10` and `1.5` are refused), from 1 to `max`. */
export const limitSchema = (max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, `an integer from 1 to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));

export const formatSchema = z.enum(['json', 'csv']).optional();

/** The longest period a report may span. */
export const MAX_PERIOD_DAYS = 400;

/**
 * A report's period from its optional bounds: `to` defaults to now, `from` to 30 days before `to`; `from` must come
 * first and the two lie at most 400 days apart (else a 400 naming the bound to change).
 */
export function periodOf(bounds: { from?: Date | undefined; to?: Date | undefined }, now: Date): { from: Date; to: Date } {
  const to = bounds.to ?? now;
  const from = bounds.from ?? new Date(to.getTime() - 30 * DAY);
  if (from >= to) throw new ApiError(400, 'invalid_query', `from (${from.toISOString()}) must be before to (${to.toISOString()}); without them the period is the 30 days before now.`, { path: ['from'] });
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY) {
    throw new ApiError(400, 'invalid_query', `A period spans at most ${MAX_PERIOD_DAYS} days: move from or to closer together.`, { path: ['to'] });
  }
  return { from, to };
}
