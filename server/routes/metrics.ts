import { Hono } from 'hono';
import { z } from 'zod';
import { type MetricsReport, metricRules, reportFromCounts } from '../../core/metrics';
import type { Db } from '../db/db';
import { type AppEnv, requireRole } from '../http/auth';
import { csvResponse, wantsCsv } from '../http/csv';
import { invalid, toIssues } from '../http/errors';
import { boundSchema, formatSchema, nameSchema, periodOf } from '../http/query';
import { readMetricCounts } from '../store/metric-counts';
import { readMetricBands } from '../store/policies';

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
 * overall and per team, agent, UTC day or ISO week. The database counts it in
 * one pass over the period's rows, from what each event adds to the metrics,
 * stored as it arrived (store/metric-counts.ts); the numbers are the ones
 * `computeMetrics` gives over the same events, which the dashboard and the CLI compute.
 * Each status is read against the organisation's published policy's `metricBands`
 * (the model's bands where it sets none), as the dashboard judges them.
 */
export function metricsRoutes(options: { db: Db; now: () => Date }): Hono<AppEnv> {
  const { db, now } = options;
  return new Hono<AppEnv>().get('/', requireRole('lead'), async (c) => {
    const parsed = querySchema.safeParse(c.req.query());
    if (!parsed.success) invalid(400, 'invalid_query', toIssues(parsed.error), 'Invalid query');
    const q = parsed.data;
    const { from, to } = periodOf(q, now());
    const org = c.get('principal').org;
    const [counts, bands] = await Promise.all([
      readMetricCounts(db, org, {
        from,
        to,
        ...(q.team ? { team: q.team } : {}),
        ...(q.agent ? { agent: q.agent } : {}),
        ...(q.groupBy ? { groupBy: q.groupBy } : {}),
      }),
      readMetricBands(db, org),
    ]);
    const rules = metricRules(bands);
    const report = reportFromCounts(counts, { from: from.toISOString(), to: to.toISOString(), rules, ...(q.groupBy ? { groupBy: q.groupBy } : {}) });
    if (wantsCsv(c, q.format)) return csvResponse(c, csvRows(report, q.groupBy), METRICS_CSV_COLUMNS, 'tierline-metrics.csv');
    return c.json({ ...report, groupBy: q.groupBy ?? null, team: q.team ?? null, agent: q.agent ?? null });
  });
}
