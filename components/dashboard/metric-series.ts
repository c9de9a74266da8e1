import { z } from 'zod';
import type { TierlineEvent } from '../../core/events';
import { type Bucket, type BucketUnit, computeMetrics, METRIC_DEFINITIONS, type MetricId, type Ratio } from '../../core/metrics';
import type { MetricPair, MetricSeries } from './dashboard-data';

/**
 * Metrics over time: the core's metrics per day or ISO week, lined up with
 * the chart's buckets (whole or partial), and each period beside the previous
 * one. The numbers come from `computeMetrics` whether the dashboard reads the
 * sync endpoint (which runs it) or the local event store (where it runs here).
 */

export const metricSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    value: z.number(),
    numerator: z.number(),
    denominator: z.number(),
    status: z.enum(['healthy', 'warning', 'info', 'insufficient-data']),
    summary: z.string(),
    signal: z.string(),
    action: z.string(),
    band: z.string(),
  })
  .loose();
/** The fields of the core's `Metric` the dashboard reads. */
export interface MetricView {
  id: string;
  label: string;
  value: number;
  numerator: number;
  denominator: number;
  status: 'healthy' | 'warning' | 'info' | 'insufficient-data';
  summary: string;
  signal: string;
  action: string;
  band: string;
}

/** GET /v1/metrics (optionally with groupBy): the core's MetricsReport as JSON. */
export const metricsResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Events inside the period. */
  events: z.number().optional(),
  metrics: z.array(metricSchema),
  groups: z.array(z.object({ key: z.string(), metrics: z.array(metricSchema) })),
});

export interface WeeklyMetrics {
  overall: MetricView[];
  /** Week starts (YYYY-MM-DD, Monday, UTC), oldest first. */
  weeks: string[];
  /** Metric id → one value per week (0–1), null where the week had no cases. */
  series: Record<string, (number | null)[]>;
}

/** Lines up per-week metric lists into one series per metric. */
export function toWeeklySeries(overall: readonly MetricView[], groups: readonly { key: string; metrics: readonly MetricView[] }[]): WeeklyMetrics {
  const sorted = [...groups].sort((a, b) => a.key.localeCompare(b.key));
  const series: Record<string, (number | null)[]> = {};
  for (const m of overall) series[m.id] = [];
  sorted.forEach((g, i) => {
    for (const m of g.metrics) {
      series[m.id] ??= new Array<number | null>(i).fill(null);
      const list = series[m.id]!;
      list[i] = m.denominator > 0 ? m.value : null;
    }
    for (const list of Object.values(series)) if (list.length <= i) list[i] = null;
  });
  return { overall: [...overall], weeks: sorted.map((g) => g.key), series };
}

/** The weekly series over a period in one call (`npm run bench dashboard` times it). */
export function weeklyMetricsFromEvents(events: readonly TierlineEvent[], period: { from: string; to: string }): WeeklyMetrics {
  const report = computeMetrics(events, { ...period, groupBy: 'week' });
  return toWeeklySeries(report.metrics, report.groups);
}

const METRIC_IDS = Object.keys(METRIC_DEFINITIONS) as MetricId[];
const isMetricId = (id: string): id is MetricId => Object.hasOwn(METRIC_DEFINITIONS, id);
const ratioOf = (m: MetricView): Ratio => ({ numerator: m.numerator, denominator: m.denominator, value: m.value });
const NO_CASES: Ratio = { numerator: 0, denominator: 0, value: 0 };

/**
 * Every metric of one period beside the previous one, from the core's metric
 * lists (the endpoint's JSON or `computeMetrics`); a metric missing from a list is 0 of 0.
 */
export function metricPairs(current: readonly MetricView[], previous: readonly MetricView[] | null): Record<MetricId, MetricPair> {
  const now = new Map(current.filter((m) => isMetricId(m.id)).map((m) => [m.id, ratioOf(m)]));
  const before = previous ? new Map(previous.filter((m) => isMetricId(m.id)).map((m) => [m.id, ratioOf(m)])) : null;
  return Object.fromEntries(METRIC_IDS.map((id) => [id, { current: now.get(id) ?? NO_CASES, previous: before ? (before.get(id) ?? NO_CASES) : null }])) as Record<MetricId, MetricPair>;
}

/**
 * Lines up the endpoint's (or the core's) per-day or per-week groups with the
 * chart's buckets: one ratio per bucket and metric, null where a bucket had no case.
 */
export function seriesFromGroups(groups: readonly { key: string; metrics: readonly MetricView[] }[], buckets: readonly Bucket[], unit: BucketUnit): MetricSeries {
  const byKey = new Map(groups.map((g) => [g.key, g.metrics]));
  const values: Partial<Record<MetricId, (Ratio | null)[]>> = {};
  for (const id of METRIC_IDS) values[id] = buckets.map(() => null);
  buckets.forEach((b, i) => {
    for (const m of byKey.get(b.key) ?? []) {
      if (isMetricId(m.id) && m.denominator > 0) values[m.id]![i] = ratioOf(m);
    }
  });
  return { unit, buckets: [...buckets], values };
}

/**
 * A metric's line in percent, split for drawing: whole buckets solid, partial
 * ones (cut by the period's edge, or still running) dashed. The dashed line
 * also holds the whole buckets next to a partial one, so it joins the solid line.
 *
 * @example chartLines([r(1, 10), r(2, 10), r(1, 4)], [whole, whole, partial]) // { whole: [10, 20, null], partial: [null, 20, 25] }
 */
export function chartLines(values: readonly (Ratio | null)[], buckets: readonly Pick<Bucket, 'partial'>[]): { whole: (number | null)[]; partial: (number | null)[] } {
  const pct = (r: Ratio | null | undefined) => (r ? Math.round(r.value * 1000) / 10 : null);
  const whole = values.map((r, i) => (buckets[i]?.partial ? null : pct(r)));
  const partial = values.map((r, i) => {
    const near = buckets[i]?.partial || buckets[i - 1]?.partial || buckets[i + 1]?.partial;
    return near ? pct(r) : null;
  });
  return { whole, partial };
}
