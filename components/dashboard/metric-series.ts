import { z } from 'zod';
import type { TierlineEvent } from '../../core/events';
import { computeMetrics } from '../../core/metrics';

/**
 * Metrics over time: the core's metrics per ISO week, as one series per
 * metric for the charts. The numbers come from `computeMetrics` whether the
 * dashboard reads the sync endpoint (which runs it per week) or the local
 * event store (where it runs here).
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

/** GET /v1/metrics?groupBy=week: the core's MetricsReport as JSON. */
export const metricsResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
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

/** Local mode: the same computation the endpoint runs, over the events in this browser. */
export function weeklyMetricsFromEvents(events: readonly TierlineEvent[], period: { from: string; to: string }): WeeklyMetrics {
  const report = computeMetrics(events, { ...period, groupBy: 'week' });
  return toWeeklySeries(report.metrics, report.groups);
}

/** The escalation-rate band the model calls healthy. */
export const ESCALATION_BAND = { low: 0.1, high: 0.15 } as const;
