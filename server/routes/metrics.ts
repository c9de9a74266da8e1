import { Hono } from 'hono';
import { z } from 'zod';
import { type MetricsReport, computeMetrics } from '../../core/metrics';
import type { Db } from '../db/db';
import { type AppEnv, requireRole } from '../http/auth';
import { csvResponse, wantsCsv } from '../http/csv';
import { ApiError, invalid, toIssues } from '../http/errors';
import { boundSchema, formatSchema, nameSchema } from '../http/query';
import { TooManyEventsError, readEvents } from '../store/events';

const DAY = 86_400_000;
const MAX_DAYS = 400;

const querySchema = z
  .object({
    from: boundSchema('from').optional(),
    to: boundSchema('to').optional(),
    groupBy: z.enum(['team', 'agent', 'day', 'week']).optional(),
    team: nameSchema.optional(),
    agent: nameSchema.optional(),
    format: formatSchema,
  })
  .strict();

export const METRICS_CSV_COLUMNS = ['group', 'key', 'metric', 'label', 'numerator', 'denominator', 'value', 'status', 'mean', 'previous', 'change', 'summary'];

/** One CSV row per metric and group: the overall rows first (group "all"), then each group's. */
function csvRows(report: MetricsReport, groupBy: string | undefined): Record<string, unknown>[] {
  const rows = (group: string, key: string, metrics: MetricsReport['metrics']) =>
    metrics.map((m) => ({ group, key, metric: m.id, label: m.label, numerator: m.numerator, denominator: m.denominator, value: m.value, status: m.status, mean: m.mean, previous: m.previous, change: m.change, summary: m.summary }));
  return [...rows('all', '', report.metrics), ...report.groups.flatMap((g) => rows(groupBy ?? '', g.key, g.metrics))];
}

/**
 * `GET /v1/metrics` (leads and admins): core/metrics' report for a period,
 * overall and per team, agent, UTC day or ISO week. The database does the
 * filtering on its indexes (org, team, period); `computeMetrics` does all the
 * counting, so the numbers are the ones the dashboard and the CLI compute.
 */
export function metricsRoutes(options: { db: Db; now: () => Date }): Hono<AppEnv> {
  const { db, now } = options;
  return new Hono<AppEnv>().get('/', requireRole('lead'), async (c) => {
    const parsed = querySchema.safeParse(c.req.query());
    if (!parsed.success) invalid(400, 'invalid_query', toIssues(parsed.error), 'Invalid query');
    const q = parsed.data;
    const to = q.to ?? now();
    const from = q.from ?? new Date(to.getTime() - 30 * DAY);
    if (from >= to) throw new ApiError(400, 'invalid_query', 'from must be before to.', { path: ['from'] });
    if (to.getTime() - from.getTime() > MAX_DAYS * DAY) {
      throw new ApiError(400, 'invalid_query', `A period spans at most ${MAX_DAYS} days.`, { path: ['to'] });
    }
    const events = await readEvents(db, c.get('principal').org, {
      from,
      to,
      // Post-handoff CSAT is compared with the period of the same length just before.
      csatSince: new Date(from.getTime() - (to.getTime() - from.getTime())),
      ...(q.team ? { team: q.team } : {}),
      ...(q.agent ? { agent: q.agent } : {}),
    }).catch((error: unknown) => {
      if (error instanceof TooManyEventsError) {
        throw new ApiError(422, 'period_too_large', `The period holds ${error.message}; ask for a shorter period or one team.`);
      }
      throw error;
    });
    const report = computeMetrics(events, { from: from.toISOString(), to: to.toISOString(), ...(q.groupBy ? { groupBy: q.groupBy } : {}) });
    if (wantsCsv(c, q.format)) return csvResponse(c, csvRows(report, q.groupBy), METRICS_CSV_COLUMNS, 'tierline-metrics.csv');
    return c.json({ ...report, groupBy: q.groupBy ?? null, team: q.team ?? null, agent: q.agent ?? null });
  });
}
