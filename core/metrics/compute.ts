import type { TierlineEvent } from '../events';
import { CSAT_DROP_POINTS, DEFAULT_MIN_SAMPLE, METRIC_DEFINITIONS, type MetricId, type MetricStatus } from './definitions';

/** A count over a count; `value` is 0 when nothing was counted. */
export interface Ratio {
  numerator: number;
  denominator: number;
  value: number;
}

export interface Metric extends Ratio {
  id: MetricId;
  label: string;
  status: MetricStatus;
  /** One sentence about this period, e.g. "24% of handled tickets were escalated (above 20%)." */
  summary: string;
  signal: string;
  action: string;
  band: string;
  /** Sub-rates, e.g. "source:model" or "category:billing" for overrides. */
  breakdown?: Record<string, Ratio>;
  /** Post-handoff CSAT: the previous period's value and the change in points (0–100). */
  previous?: number | null;
  change?: number | null;
  /** Post-handoff CSAT: mean score on 1–5. Handoff completeness: mean score on 0–100. */
  mean?: number | null;
  /** Handoff completeness: the items missing most often. */
  mostMissing?: { id: string; count: number }[];
}

export type MetricsGroupBy = 'team' | 'agent' | 'day' | 'week';

export interface MetricsOptions {
  /** Start of the period, inclusive (ISO 8601). */
  from: string;
  /** End of the period, exclusive (ISO 8601). */
  to: string;
  /** Also compute every metric per team, agent, UTC day or ISO week (starting Monday, UTC). */
  groupBy?: MetricsGroupBy;
  /**
   * Instead of `groupBy`: the group of each event, e.g. the leaks table's cell
   * of its ticket; `undefined` leaves an event out of the groups (it still
   * counts overall). Groups compare CSAT with the period before, as teams do.
   */
  groupOf?: (e: TierlineEvent) => string | undefined;
  /** Below this many cases a metric reports "insufficient-data". Default 5. */
  minSample?: number;
}

export interface MetricsGroup {
  key: string;
  metrics: Metric[];
}

export interface MetricsReport {
  from: string;
  to: string;
  /** Events inside the period. */
  events: number;
  metrics: Metric[];
  groups: MetricsGroup[];
}

// Per-ticket facts in one small integer each, so a million events cost one Map entry per ticket.
const HANDLED = 1;
const ROUTED = 2;
const MISROUTED = 4;
const ESCALATED = 8;
const REOPENED_48H = 16;
const REPEATED = 32;
const TRANSFERRED = 64;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

class Tally {
  /** Ticket id → slot in `flags`: one hash lookup per event for a ticket already seen. */
  tickets = new Map<string, number>();
  flags = new Uint8Array(1024);
  decisions = 0;
  overrides = 0;
  /** [overrides, decisions] per source and per category. */
  bySource = new Map<string, [number, number]>();
  byCategory = new Map<string, [number, number]>();
  escalations = 0;
  unnecessary = 0;
  csat = 0;
  csatSatisfied = 0;
  csatSum = 0;
  handoffs = 0;
  handoffsComplete = 0;
  handoffScoreSum = 0;
  missing = new Map<string, number>();

  flag(ticketId: string, bits: number): void {
    let slot = this.tickets.get(ticketId);
    if (slot === undefined) {
      slot = this.tickets.size;
      this.tickets.set(ticketId, slot);
      if (slot === this.flags.length) {
        const grown = new Uint8Array(this.flags.length * 2);
        grown.set(this.flags);
        this.flags = grown;
      }
    }
    this.flags[slot]! |= bits;
  }

  add(e: TierlineEvent): void {
    switch (e.type) {
      case 'decision':
        this.flag(e.ticketId, HANDLED | ROUTED);
        this.decisions++;
        bump(this.bySource, e.data.source, 1);
        if (e.data.category !== undefined) bump(this.byCategory, e.data.category, 1);
        return;
      case 'override':
        this.flag(e.ticketId, HANDLED);
        this.overrides++;
        bump(this.bySource, e.data.source, 0);
        if (e.data.category !== undefined) bump(this.byCategory, e.data.category, 0);
        return;
      case 'reassignment':
        this.flag(e.ticketId, HANDLED | ROUTED | (e.data.misroute ? MISROUTED : 0));
        return;
      case 'escalation':
        this.flag(e.ticketId, HANDLED | ESCALATED | TRANSFERRED);
        this.escalations++;
        if (e.data.unnecessary === true) this.unnecessary++;
        return;
      case 'handoff':
        this.flag(e.ticketId, HANDLED | TRANSFERRED);
        this.handoffs++;
        // Sums in thousandths stay exact integers, so the mean does not depend on event order.
        this.handoffScoreSum += Math.round(e.data.completeness * 1000);
        if (e.data.completeness >= 100 && e.data.missing.length === 0) this.handoffsComplete++;
        for (const id of e.data.missing) this.missing.set(id, (this.missing.get(id) ?? 0) + 1);
        return;
      case 'reopen': {
        const gap = timeOf(e.at) - timeOf(e.data.solvedAt);
        this.flag(e.ticketId, HANDLED | (gap >= 0 && gap <= 48 * HOUR ? REOPENED_48H : 0));
        return;
      }
      case 'csat':
        this.flag(e.ticketId, HANDLED);
        if (e.data.afterHandoff) this.addCsat(e.data.score);
        return;
      case 'repeat-explanation':
        this.flag(e.ticketId, HANDLED | (e.data.afterHandoff ? REPEATED : 0));
        return;
    }
  }

  addCsat(score: number): void {
    this.csat++;
    this.csatSum += Math.round(score * 1000);
    if (score >= 4) this.csatSatisfied++;
  }
}

/** counts[slot]++ for [overrides, decisions]. */
function bump(map: Map<string, [number, number]>, key: string, slot: 0 | 1): void {
  let pair = map.get(key);
  if (!pair) {
    pair = [0, 0];
    map.set(key, pair);
  }
  pair[slot]++;
}

/**
 * Computes the handoff metrics over an event log for one period, in one pass.
 * Pure and independent of event order.
 *
 * @example
 * const report = computeMetrics(events, { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', groupBy: 'team' });
 * report.metrics.find((m) => m.id === 'escalation-rate') // { value: 0.12, status: 'healthy', … }
 */
export function computeMetrics(events: readonly TierlineEvent[], options: MetricsOptions): MetricsReport {
  const from = Date.parse(options.from);
  const to = Date.parse(options.to);
  // CSAT is compared with the period of the same length just before.
  const previousFrom = from - (to - from);
  const minSample = options.minSample ?? DEFAULT_MIN_SAMPLE;
  const groupBy = options.groupBy;
  const total = new Tally();
  const previous = new Tally();
  const groups = new Map<string, Tally>();
  const previousGroups = new Map<string, Tally>();
  const bucketKeys = new Map<number, string>();
  let count = 0;

  const keyOf = (e: TierlineEvent, at: number): string => {
    if (groupBy === 'team') return e.team ?? '(no team)';
    if (groupBy === 'agent') return e.agent;
    const day = Math.floor(at / DAY);
    // 1970-01-01 was a Thursday: shift so weeks start on Monday.
    const bucket = groupBy === 'week' ? day - ((day + 3) % 7) : day;
    let key = bucketKeys.get(bucket);
    if (key === undefined) {
      key = new Date(bucket * DAY).toISOString().slice(0, 10);
      bucketKeys.set(bucket, key);
    }
    return key;
  };
  const tallyFor = (map: Map<string, Tally>, key: string): Tally => {
    let tally = map.get(key);
    if (!tally) {
      tally = new Tally();
      map.set(key, tally);
    }
    return tally;
  };

  const groupOf = options.groupOf;
  for (const e of events) {
    const at = timeOf(e.at);
    if (at >= from && at < to) {
      count++;
      total.add(e);
      if (groupOf) {
        const key = groupOf(e);
        if (key !== undefined) tallyFor(groups, key).add(e);
      } else if (groupBy) tallyFor(groups, keyOf(e, at)).add(e);
    } else if (e.type === 'csat' && e.data.afterHandoff && at >= previousFrom && at < from) {
      previous.addCsat(e.data.score);
      const key = groupOf ? groupOf(e) : groupBy === 'team' || groupBy === 'agent' ? keyOf(e, at) : undefined;
      if (key !== undefined) tallyFor(previousGroups, key).addCsat(e.data.score);
    }
  }

  const grouped: MetricsGroup[] = [...groups.keys()].sort().map((key) => {
    let before: Tally | undefined;
    if (groupOf || groupBy === 'team' || groupBy === 'agent') before = previousGroups.get(key);
    else {
      // A day or week compares with the bucket just before it.
      const step = groupBy === 'week' ? 7 * DAY : DAY;
      before = groups.get(new Date(Date.parse(`${key}T00:00:00Z`) - step).toISOString().slice(0, 10));
    }
    return { key, metrics: metricsOf(groups.get(key)!, before, minSample) };
  });

  return { from: options.from, to: options.to, events: count, metrics: metricsOf(total, previous, minSample), groups: grouped };
}

/**
 * Milliseconds of an ISO timestamp. The common "2026-11-27T09:00:00.000Z" form
 * is read by hand: Date.parse is the largest cost over a million events.
 */
export function timeOf(iso: string): number {
  if (iso.length === 24 && iso.charCodeAt(23) === 90 /* Z */ && iso.charCodeAt(10) === 84 /* T */) {
    const ms = Date.UTC(digits(iso, 0, 4), digits(iso, 5, 2) - 1, digits(iso, 8, 2), digits(iso, 11, 2), digits(iso, 14, 2), digits(iso, 17, 2), digits(iso, 20, 3));
    if (!Number.isNaN(ms)) return ms;
  }
  return Date.parse(iso);
}

/** The decimal number in iso[from, from + length); NaN when a character is not a digit. */
function digits(iso: string, from: number, length: number): number {
  let v = 0;
  for (let i = from; i < from + length; i++) {
    const d = iso.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    v = v * 10 + d;
  }
  return v;
}

function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator > 0 ? Math.min(1, numerator / denominator) : 0 };
}

const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;

function metricsOf(t: Tally, before: Tally | undefined, minSample: number): Metric[] {
  let handled = 0;
  let routed = 0;
  let misrouted = 0;
  let escalated = 0;
  let reopened = 0;
  let transferred = 0;
  let repeated = 0;
  for (let slot = 0; slot < t.tickets.size; slot++) {
    const bits = t.flags[slot]!;
    if (bits & HANDLED) handled++;
    if (bits & ROUTED) routed++;
    if (bits & MISROUTED) misrouted++;
    if (bits & ESCALATED) escalated++;
    if (bits & REOPENED_48H) reopened++;
    // A repeat after a handoff means a transfer happened, even if it was recorded before the period.
    if (bits & (TRANSFERRED | REPEATED)) transferred++;
    if (bits & REPEATED) repeated++;
  }

  const make = (id: MetricId, r: Ratio, status: MetricStatus, summary: string, extra: Partial<Metric> = {}): Metric => {
    const d = METRIC_DEFINITIONS[id];
    return { id, label: d.label, ...r, status: r.denominator < minSample ? 'insufficient-data' : status, summary, signal: d.signal, action: d.action, band: d.band, ...extra };
  };

  const misrouting = ratio(misrouted, routed);
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
  const escalation = ratio(escalated, handled);
  const unnecessary = ratio(t.unnecessary, t.escalations);
  const reopen = ratio(reopened, handled);
  const repeat = ratio(repeated, transferred);
  const csat = ratio(t.csatSatisfied, t.csat);
  const previousCsat = before && before.csat >= minSample ? before.csatSatisfied / before.csat : null;
  const change = previousCsat === null || t.csat === 0 ? null : Math.round((csat.value - previousCsat) * 1000) / 10;
  const completeness = ratio(t.handoffsComplete, t.handoffs);
  const mostMissing = [...t.missing.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 5)
    .map(([id, count]) => ({ id, count }));

  const escalationStatus: MetricStatus = escalation.value > 0.2 ? 'warning' : escalation.value >= 0.1 && escalation.value <= 0.15 ? 'healthy' : 'info';
  const escalationNote = escalation.value > 0.2 ? 'above 20%' : escalation.value < 0.1 ? 'below the 10–15% band: check Tier 1 is not holding tickets it should move' : escalation.value > 0.15 ? 'above the 10–15% band' : 'inside the 10–15% band';

  return [
    make('misrouting-rate', misrouting, misrouting.value > 0.3 ? 'warning' : 'healthy', `${percent(misrouting.value)} of routed tickets were reassigned as misrouted.`),
    make('override-rate', overrides, overrides.value > 0.2 ? 'warning' : 'healthy', `Agents overrode ${percent(overrides.value)} of routing suggestions.`, { breakdown }),
    make('escalation-rate', escalation, escalationStatus, `${percent(escalation.value)} of handled tickets were escalated (${escalationNote}).`),
    make('unnecessary-escalation-rate', unnecessary, unnecessary.value >= 0.2 ? 'warning' : 'healthy', `${percent(unnecessary.value)} of escalations were marked avoidable.`),
    make('reopen-48h-rate', reopen, reopen.value > 0.1 ? 'warning' : 'healthy', `${percent(reopen.value)} of handled tickets were reopened within 48 hours of being solved.`),
    make('repeat-explanation-rate', repeat, repeat.value > 0.1 ? 'warning' : 'healthy', `Customers had to re-explain on ${percent(repeat.value)} of transferred tickets.`),
    make(
      'post-handoff-csat',
      csat,
      // Judged by its change: without a previous period to compare with there is no verdict (not "healthy").
      change === null ? 'info' : change <= -CSAT_DROP_POINTS ? 'warning' : 'healthy',
      change === null ? `${percent(csat.value)} of post-handoff ratings were satisfied; no previous period with enough ratings to compare with.` : `${percent(csat.value)} of post-handoff ratings were satisfied, ${change >= 0 ? 'up' : 'down'} ${Math.abs(change)} points on the previous period.`,
      { previous: previousCsat, change, mean: t.csat > 0 ? t.csatSum / 1000 / t.csat : null },
    ),
    make('handoff-completeness', completeness, completeness.value < 0.8 ? 'warning' : 'healthy', `${percent(completeness.value)} of handoffs carried every required item.`, {
      mean: t.handoffs > 0 ? t.handoffScoreSum / 1000 / t.handoffs : null,
      mostMissing,
    }),
  ];
}
