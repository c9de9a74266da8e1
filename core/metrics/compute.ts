import type { TierlineEvent } from '../events';
import { eventFacts, eventScore, FACT, TICKET_FLAGS } from './event-facts';
import { timeOf } from './time-of';
import type { MetricId, MetricStatus } from './definitions';
import type { MetricRule } from './verdict';
import { type MetricCounts, reportFromCounts } from './report';

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
  /** The healthy band of the rule in force (the policy's or the model's), in `bandText`'s words: "at most 30%". */
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
  /** Below this many cases a metric reports "insufficient-data". Default 5. */
  minSample?: number;
  /** The bands each status is read against: the policy's (metricRules), by default the support-levels model's. */
  rules?: Record<MetricId, MetricRule>;
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

const DAY = 24 * 3_600_000;

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

  /** What the event adds (./event-facts.ts), with the names it counts by read from its data. */
  add(e: TierlineEvent): void {
    const f = eventFacts(e);
    if (f & TICKET_FLAGS) this.flag(e.ticketId, f & TICKET_FLAGS);
    if (f & FACT.escalation) this.escalations++;
    if (f & FACT.unnecessary) this.unnecessary++;
    // Sums in thousandths stay exact integers, so the means do not depend on event order.
    if (f & FACT.csat) this.addCsat(f, eventScore(e) ?? 0);
    if (f & FACT.handoff) {
      this.handoffs++;
      this.handoffScoreSum += eventScore(e) ?? 0;
      if (f & FACT.complete) this.handoffsComplete++;
    }
    if (e.type === 'handoff') for (const id of e.data.missing) this.missing.set(id, (this.missing.get(id) ?? 0) + 1);
    if (e.type === 'decision' || e.type === 'override') {
      const slot = e.type === 'decision' ? 1 : 0;
      if (slot) this.decisions++;
      else this.overrides++;
      bump(this.bySource, e.data.source, slot);
      if (e.data.category !== undefined) bump(this.byCategory, e.data.category, slot);
    }
  }

  /** A post-handoff rating: its facts and its score in thousandths. */
  addCsat(facts: number, score: number): void {
    this.csat++;
    this.csatSum += score;
    if (facts & FACT.satisfied) this.csatSatisfied++;
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

  for (const e of events) {
    const at = timeOf(e.at);
    if (at >= from && at < to) {
      count++;
      total.add(e);
      if (groupBy) tallyFor(groups, keyOf(e, at)).add(e);
    } else if (e.type === 'csat' && e.data.afterHandoff && at >= previousFrom && at < from) {
      const f = eventFacts(e);
      const score = eventScore(e) ?? 0;
      previous.addCsat(f, score);
      if (groupBy === 'team' || groupBy === 'agent') tallyFor(previousGroups, keyOf(e, at)).addCsat(f, score);
    }
  }

  const counted = (tallies: Map<string, Tally>) => new Map([...tallies].map(([key, tally]) => [key, countsOf(tally, 0)]));
  return reportFromCounts({ total: countsOf(total, count), previous, groups: counted(groups), previousGroups: previousGroups }, options);
}

/** The counts of a tally: distinct tickets from their flags, the rest as added. */
function countsOf(t: Tally, events: number): MetricCounts {
  const c = { events, handled: 0, routed: 0, misrouted: 0, escalated: 0, reopened: 0, repeated: 0, transferred: 0 };
  for (let slot = 0; slot < t.tickets.size; slot++) {
    const bits = t.flags[slot]!;
    if (bits & FACT.handled) c.handled++;
    if (bits & FACT.routed) c.routed++;
    if (bits & FACT.misrouted) c.misrouted++;
    if (bits & FACT.escalated) c.escalated++;
    if (bits & FACT.reopened) c.reopened++;
    // A repeat after a handoff means a transfer happened, even if it was recorded before the period.
    if (bits & (FACT.transferred | FACT.repeated)) c.transferred++;
    if (bits & FACT.repeated) c.repeated++;
  }
  return {
    ...c,
    decisions: t.decisions,
    overrides: t.overrides,
    escalations: t.escalations,
    unnecessary: t.unnecessary,
    handoffs: t.handoffs,
    handoffsComplete: t.handoffsComplete,
    handoffScore: t.handoffScoreSum,
    csat: t.csat,
    csatSatisfied: t.csatSatisfied,
    csatScore: t.csatSum,
    bySource: t.bySource,
    byCategory: t.byCategory,
    missing: t.missing,
  };
}
