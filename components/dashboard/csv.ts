import Papa from 'papaparse';
import type { AuditGroup, HandoffRow } from './handoff-audit';
import type { WeeklyMetrics } from './metric-series';

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

/** One row per week and metric, plus the period's overall values with their status and action. */
export function metricsCsv(metrics: WeeklyMetrics): string {
  const rows: Record<string, string | number>[] = metrics.overall.map((m) => ({ week: 'overall', metric: m.id, value: m.value, numerator: m.numerator, denominator: m.denominator, status: m.status, action: m.status === 'warning' ? m.action : '' }));
  for (const [id, values] of Object.entries(metrics.series)) {
    values.forEach((v, i) => {
      rows.push({ week: metrics.weeks[i] ?? '', metric: id, value: v ?? '', numerator: '', denominator: '', status: '', action: '' });
    });
  }
  return Papa.unparse(rows, { columns: ['week', 'metric', 'value', 'numerator', 'denominator', 'status', 'action'] });
}
