import { CSAT_DROP_POINTS, METRIC_DEFINITIONS, type MetricId, type MetricStatus } from './definitions';
import type { Metric, MetricsGroup, MetricsOptions, MetricsReport, Ratio } from './compute';
import { DEFAULT_MIN_SAMPLE } from './definitions';
import { bandText, DEFAULT_RULES, levelOf, type MetricRule } from './verdict';

/** Post-handoff ratings, and how many were satisfied (4 or 5). */
export interface CsatCounts {
  csat: number;
  csatSatisfied: number;
}

/**
 * One group's counts over a period: everything the metrics are made of. computeMetrics counts them from events;
 * the endpoint has its database count them (server/store/metric-counts.ts); both turn them into metrics here.
 */
export interface MetricCounts extends CsatCounts {
  /** Events in the period, of any type. */
  events: number;
  /** Distinct tickets handled, routed, misrouted, escalated, reopened within 48 h, re-explained after a handoff, and transferred. */
  handled: number;
  routed: number;
  misrouted: number;
  escalated: number;
  reopened: number;
  repeated: number;
  transferred: number;
  decisions: number;
  overrides: number;
  escalations: number;
  unnecessary: number;
  handoffs: number;
  handoffsComplete: number;
  /** Sum of completeness (0–100) in thousandths. */
  handoffScore: number;
  /** Sum of post-handoff CSAT scores (1–5) in thousandths. */
  csatScore: number;
  /** [overrides, decisions] per source and per category. */
  bySource: Map<string, [number, number]>;
  byCategory: Map<string, [number, number]>;
  /** Handoffs missing each item. */
  missing: Map<string, number>;
}

/** Counts of nothing: what a group starts from. */
export const emptyCounts = (): MetricCounts => ({
  events: 0,
  handled: 0,
  routed: 0,
  misrouted: 0,
  escalated: 0,
  reopened: 0,
  repeated: 0,
  transferred: 0,
  decisions: 0,
  overrides: 0,
  escalations: 0,
  unnecessary: 0,
  handoffs: 0,
  handoffsComplete: 0,
  handoffScore: 0,
  csat: 0,
  csatSatisfied: 0,
  csatScore: 0,
  bySource: new Map(),
  byCategory: new Map(),
  missing: new Map(),
});

/** A period's counts: overall, per group, and the post-handoff CSAT of the period as long just before. */
export interface PeriodCounts {
  total: MetricCounts;
  previous: CsatCounts;
  /** Per team, agent, cell, UTC day or ISO week ("2026-02-09"): the groups with an event in the period. */
  groups: Map<string, MetricCounts>;
  /** Per team, agent or cell, post-handoff CSAT in the period before. */
  previousGroups: Map<string, CsatCounts>;
}

const DAY = 86_400_000;

/**
 * The metrics report of a period from its counts, however they were counted.
 *
 * @example reportFromCounts(counts, { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', groupBy: 'team' }).groups[0].key // "billing"
 */
export function reportFromCounts(counts: PeriodCounts, options: MetricsOptions): MetricsReport {
  const minSample = options.minSample ?? DEFAULT_MIN_SAMPLE;
  const { groupBy, rules = DEFAULT_RULES } = options;
  const groups: MetricsGroup[] = [...counts.groups.keys()].sort().map((key) => {
    let before: CsatCounts | undefined;
    if (groupBy !== 'day' && groupBy !== 'week') before = counts.previousGroups.get(key);
    else {
      // A day or week compares with the bucket just before it.
      const step = groupBy === 'week' ? 7 * DAY : DAY;
      before = counts.groups.get(new Date(Date.parse(`${key}T00:00:00Z`) - step).toISOString().slice(0, 10));
    }
    return { key, metrics: metricsFromCounts(counts.groups.get(key)!, before, minSample, rules) };
  });
  return { from: options.from, to: options.to, events: counts.total.events, metrics: metricsFromCounts(counts.total, counts.previous, minSample, rules), groups };
}

function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator > 0 ? Math.min(1, numerator / denominator) : 0 };
}

const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;

/**
 * Every metric of one group from its counts; `before` is the previous period's post-handoff CSAT.
 *
 * @example metricsFromCounts(counts, { csat: 40, csatSatisfied: 30 }, 5).find((m) => m.id === 'post-handoff-csat')?.change // -8.3
 */
export function metricsFromCounts(t: MetricCounts, before: CsatCounts | undefined, minSample: number, rules: Record<MetricId, MetricRule> = DEFAULT_RULES): Metric[] {
  const make = (id: MetricId, r: Ratio, status: MetricStatus, summary: string, extra: Partial<Metric> = {}): Metric => {
    const d = METRIC_DEFINITIONS[id];
    return { id, label: d.label, ...r, status: r.denominator < minSample ? 'insufficient-data' : status, summary, signal: d.signal, action: d.action, band: bandText(rules[id]), ...extra };
  };

  const misrouting = ratio(t.misrouted, t.routed);
  const overrides = ratio(t.overrides, t.decisions);
  const breakdown: Record<string, Ratio> = {};
  for (const key of [...t.bySource.keys()].sort()) {
    const [o, d] = t.bySource.get(key)!;
    breakdown[`source:${key}`] = ratio(o, d);
  }
  for (const key of [...t.byCategory.keys()].sort()) {
    const [o, d] = t.byCategory.get(key)!;
    breakdown[`category:${key}`] = ratio(o, d);
  }
  const escalation = ratio(t.escalated, t.handled);
  const unnecessary = ratio(t.unnecessary, t.escalations);
  const reopen = ratio(t.reopened, t.handled);
  const repeat = ratio(t.repeated, t.transferred);
  const csat = ratio(t.csatSatisfied, t.csat);
  const previousCsat = before && before.csat >= minSample ? before.csatSatisfied / before.csat : null;
  const change = previousCsat === null || t.csat === 0 ? null : Math.round((csat.value - previousCsat) * 1000) / 10;
  const completeness = ratio(t.handoffsComplete, t.handoffs);
  const mostMissing = [...t.missing.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 5)
    .map(([id, count]) => ({ id, count }));

  /** The status beside each value: the bands as the dashboard's verdicts read them (watch reads "info"). */
  const statusOf = (id: MetricId, r: Ratio): MetricStatus => {
    const level = levelOf(rules[id], r.value);
    return level.kind === 'watch' ? 'info' : level.kind;
  };
  const escalationRule = rules['escalation-rate'];
  const escalationLevel = levelOf(escalationRule, escalation.value);
  const escalationBand = bandText(escalationRule);
  const escalationNote =
    escalationLevel.kind === 'warning'
      ? escalationLevel.side === 'above' && escalationRule.warning.max !== undefined
        ? `above ${percent(escalationRule.warning.max)}`
        : `outside the warning line (${escalationBand})`
      : escalationLevel.kind === 'watch'
        ? escalationLevel.side === 'below'
          ? `below the ${escalationBand} band: check Tier 1 is not holding tickets it should move`
          : `above the ${escalationBand} band`
        : `inside the ${escalationBand} band`;
  const dropPoints = rules['post-handoff-csat'].dropPoints ?? CSAT_DROP_POINTS;

  return [
    make('misrouting-rate', misrouting, statusOf('misrouting-rate', misrouting), `${percent(misrouting.value)} of routed tickets were reassigned as misrouted.`),
    make('override-rate', overrides, statusOf('override-rate', overrides), `Agents overrode ${percent(overrides.value)} of routing suggestions.`, { breakdown }),
    make('escalation-rate', escalation, statusOf('escalation-rate', escalation), `${percent(escalation.value)} of handled tickets were escalated (${escalationNote}).`),
    make('unnecessary-escalation-rate', unnecessary, statusOf('unnecessary-escalation-rate', unnecessary), `${percent(unnecessary.value)} of escalations were marked avoidable.`),
    make('reopen-48h-rate', reopen, statusOf('reopen-48h-rate', reopen), `${percent(reopen.value)} of handled tickets were reopened within 48 hours of being solved.`),
    make('repeat-explanation-rate', repeat, statusOf('repeat-explanation-rate', repeat), `Customers had to re-explain on ${percent(repeat.value)} of transferred tickets.`),
    make(
      'post-handoff-csat',
      csat,
      // Judged by its change: without a previous period to compare with there is no verdict (not "healthy").
      change === null ? 'info' : change <= -dropPoints ? 'warning' : 'healthy',
      change === null ? `${percent(csat.value)} of post-handoff ratings were satisfied; no previous period with enough ratings to compare with.` : `${percent(csat.value)} of post-handoff ratings were satisfied, ${change >= 0 ? 'up' : 'down'} ${Math.abs(change)} points on the previous period.`,
      { previous: previousCsat, change, mean: t.csat > 0 ? t.csatScore / 1000 / t.csat : null },
    ),
    make('handoff-completeness', completeness, statusOf('handoff-completeness', completeness), `${percent(completeness.value)} of handoffs carried every required item.`, {
      mean: t.handoffs > 0 ? t.handoffScore / 1000 / t.handoffs : null,
      mostMissing,
    }),
  ];
}
