import Papa from 'papaparse';
import { METRIC_DEFINITIONS, type MetricId, type MetricRule, verdictOf } from '../../core/metrics';
import type { DashboardData } from './dashboard-data';
import type { AuditGroup, HandoffRow } from './handoff-audit';

/** CSV exports built in the page (no server round trip), so local-store data exports too. */

export function handoffsCsv(rows: readonly HandoffRow[]): string {
  return Papa.unparse(
    rows.map((r) => ({ ...r, team: r.team ?? '', missing: r.missing.join('; '), packetId: r.packetId ?? '' })),
    { columns: ['id', 'at', 'ticketId', 'helpdesk', 'agent', 'team', 'stage', 'from', 'to', 'completeness', 'complete', 'missing', 'blocked', 'packetId'] },
  );
}

export function auditCsv(dimension: string, groups: readonly AuditGroup[]): string {
  return Papa.unparse(
    groups.map((g) => ({
      [dimension]: g.key,
      handoffs: g.total,
      complete: g.complete,
      shareComplete: g.shareComplete.toFixed(3),
      averageCompleteness: g.averageCompleteness.toFixed(1),
      mostMissing: g.topMissing.map((m) => `${m.item} (${m.count})`).join('; '),
    })),
  );
}

/**
 * Every metric for this period and the previous one, with its verdict and
 * (when it warns) the recommended action, then one row per day or week with
 * whether that bucket was partial.
 */
export function metricsCsv(data: Pick<DashboardData, 'period' | 'metrics' | 'series'>, rules: Record<MetricId, MetricRule>): string {
  const rows: Record<string, string | number>[] = [];
  for (const id of Object.keys(data.metrics) as MetricId[]) {
    const { current, previous } = data.metrics[id];
    const verdict = verdictOf(rules[id], current, previous);
    const action = verdict.kind === 'warning' || verdict.kind === 'watch' ? METRIC_DEFINITIONS[id].action : '';
    rows.push({ bucket: 'this period', from: data.period.current.from, to: data.period.current.to, partial: '', metric: id, numerator: current.numerator, denominator: current.denominator, value: current.value, verdict: verdict.kind, action });
    if (previous) rows.push({ bucket: 'previous period', from: data.period.previous.from, to: data.period.previous.to, partial: '', metric: id, numerator: previous.numerator, denominator: previous.denominator, value: previous.value, verdict: '', action: '' });
  }
  for (const [id, values] of Object.entries(data.series.values)) {
    values?.forEach((r, i) => {
      const b = data.series.buckets[i];
      if (!b) return;
      rows.push({ bucket: data.series.unit, from: b.start, to: b.end, partial: b.partial ? 'yes' : 'no', metric: id, numerator: r?.numerator ?? '', denominator: r?.denominator ?? '', value: r?.value ?? '', verdict: '', action: '' });
    });
  }
  return Papa.unparse(rows, { columns: ['bucket', 'from', 'to', 'partial', 'metric', 'numerator', 'denominator', 'value', 'verdict', 'action'] });
}
