import { STORABLE_PERIOD } from '../../core/events';
import { emptyCounts, type MetricCounts, type MetricsGroupBy, type PeriodCounts } from '../../core/metrics';
import type { Db } from '../db/db';
import { FACT } from '../../core/metrics/event-facts';

/**
 * The counts behind GET /v1/metrics, aggregated by the database from what each
 * event adds to them (`events.facts` and `events.score`, core/metrics/event-facts.ts),
 * which the insert stores once (migration 5 gave the rows from before migration 4
 * theirs). A team's period is one range of the (org, team, at) index, which carries
 * every column the counts read, so the rows never leave the index: no JSON per
 * event, no parsing, no heap. Only the few rows whose names count (a category,
 * missing items, a source the bits do not name) are read whole, through a partial
 * index of their own.
 *
 * Exactly once and late arrivals need nothing of their own: the facts belong to
 * the event's row, which a duplicate id never writes again, and an event counts
 * in whatever period holds its time, whenever it arrived.
 */

/**
 * The rows whose `data` the counts read: a category or missing items, or a decision or
 * override whose source the bits do not name. Written as migration 5 wrote the predicate
 * of `events_named`, so the planner can prove the index applies (metric-counts.test.ts checks).
 */
export const NAMED_ROWS = `facts & ${FACT.category | FACT.missing} <> 0 OR (facts & ${FACT.decision | FACT.override} <> 0 AND facts & ${FACT.rules | FACT.model} = 0)`;

/** Distinct tickets with each flag; "transferred" also counts a repeat after a handoff, as core does. */
const TICKET_COUNTS = [
  ['handled', FACT.handled],
  ['routed', FACT.routed],
  ['misrouted', FACT.misrouted],
  ['escalated', FACT.escalated],
  ['reopened', FACT.reopened],
  ['repeated', FACT.repeated],
  ['transferred', FACT.transferred | FACT.repeated],
] as const;

export interface CountsFilter {
  from: Date;
  to: Date;
  team?: string;
  agent?: string;
  groupBy?: MetricsGroupBy;
}

/**
 * Sums per group, over the period's rows first counted per distinct facts value
 * (`n` events, `s` their scores): a few dozen rows, so each sum filters those and
 * not every event. [column, field, sum].
 */
const SUMS = [
  ['events', 'events', 'sum(n)'],
  ['decisions', 'decisions', `sum(n) FILTER (WHERE f & ${FACT.decision} <> 0)`],
  ['overrides', 'overrides', `sum(n) FILTER (WHERE f & ${FACT.override} <> 0)`],
  ['escalations', 'escalations', `sum(n) FILTER (WHERE f & ${FACT.escalation} <> 0)`],
  ['unnecessary', 'unnecessary', `sum(n) FILTER (WHERE f & ${FACT.unnecessary} <> 0)`],
  ['handoffs', 'handoffs', `sum(n) FILTER (WHERE f & ${FACT.handoff} <> 0)`],
  ['handoffs_complete', 'handoffsComplete', `sum(n) FILTER (WHERE f & ${FACT.complete} <> 0)`],
  ['handoff_score', 'handoffScore', `sum(s) FILTER (WHERE f & ${FACT.handoff} <> 0)`],
  ['csat', 'csat', `sum(n) FILTER (WHERE f & ${FACT.csat} <> 0)`],
  ['csat_satisfied', 'csatSatisfied', `sum(n) FILTER (WHERE f & ${FACT.satisfied} <> 0)`],
  ['csat_score', 'csatScore', `sum(s) FILTER (WHERE f & ${FACT.csat} <> 0)`],
] as const satisfies readonly (readonly [column: string, field: keyof MetricCounts, sum: string])[];

/** Decisions and overrides of the two sources the event schema allows, from the bits; any other source (or none) is read from data. */
const SOURCES = ['rules', 'model'] as const;
const SOURCE_SUMS = SOURCES.flatMap((source) =>
  (['decision', 'override'] as const).map((type) => [`${source}_${type}s`, `sum(n) FILTER (WHERE f & ${FACT[type] | FACT[source]} = ${FACT[type] | FACT[source]})`] as const),
);

/** A group's key; days and weeks as day numbers since 1970-01-01, a Thursday (weeks start on Monday). */
const DAY_NUMBER = `((at AT TIME ZONE 'UTC')::date - DATE '1970-01-01')`;
const GROUP_KEY: Record<MetricsGroupBy, string> = {
  team: `coalesce(team, '(no team)')`,
  agent: 'agent',
  day: `${DAY_NUMBER}::text`,
  week: `(${DAY_NUMBER} - (${DAY_NUMBER} + 3) % 7)::text`,
};

const clip = (from: number, to: number): [Date, Date] | null => {
  // Events outside the storable period are never read, as readEvents skips them.
  const start = Math.max(from, STORABLE_PERIOD.from.getTime());
  const end = Math.min(to, STORABLE_PERIOD.until.getTime());
  return start < end ? [new Date(start), new Date(end)] : null;
};


type Row = Record<string, number | string | null> & { whole: number; g: string | null };

/**
 * The counts core/metrics would take from the events of `org` in [from, to),
 * and the post-handoff CSAT of the period as long just before, overall and per
 * group. One statement: the period's rows once, then sums, distinct tickets
 * (each ticket's flags OR-ed) and counts by name over them, handed back as JSON.
 */
export async function readMetricCounts(db: Db, org: string, filter: CountsFilter): Promise<PeriodCounts> {
  const { groupBy } = filter;
  const from = filter.from.getTime();
  const to = filter.to.getTime();
  const period = clip(from, to);
  const before = clip(from - (to - from), from);
  const result: PeriodCounts = { total: emptyCounts(), previous: { csat: 0, csatSatisfied: 0 }, groups: new Map(), previousGroups: new Map() };
  if (!period) return result;

  const params: unknown[] = [org];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where = ['org = $1'];
  if (filter.team !== undefined) where.push(`team = ${param(filter.team)}`);
  if (filter.agent !== undefined) where.push(`agent = ${param(filter.agent)}`);
  const g = groupBy ? GROUP_KEY[groupBy] : 'NULL::text';
  /** Grouped: every aggregate overall (whole = 1) and per group, in one pass. */
  const groups = (keys: string) => (groupBy ? `GROUPING(g) AS whole, g, ${keys ? `${keys}, ` : ''}` : `1 AS whole, NULL::text AS g, ${keys ? `${keys}, ` : ''}`);
  const groupBySql = (keys: string) => (groupBy ? `GROUP BY GROUPING SETS ((${keys}), (g${keys ? `, ${keys}` : ''}))` : keys ? `GROUP BY ${keys}` : '');
  const inPeriod = `${where.join(' AND ')} AND at >= ${param(period[0])} AND at < ${param(period[1])}`;

  // Sums and tickets each scan the period again (NOT MATERIALIZED): a second index-only scan costs less
  // than writing the rows to a tuple store and reading them back (53 → 46 ms for a team's quarter at a
  // million events on PGlite, and 1.0 → 0.8 s for a whole organisation's, which reads the heap).
  const sql = `
    WITH period AS NOT MATERIALIZED (
      SELECT ${g} AS g, ticket_id, facts AS f, score AS s FROM events WHERE ${inPeriod}
    ),
    sums AS (
      SELECT ${groups('')}${[...SUMS.map(([column, , sum]) => [column, sum] as const), ...SOURCE_SUMS].map(([column, sum]) => `${sum} AS ${column}`).join(', ')}
      FROM (SELECT g, f, count(*) AS n, sum(s) AS s FROM period GROUP BY g, f) by_facts ${groupBySql('')}
    ),
    tickets AS (
      SELECT whole, g, ${TICKET_COUNTS.map(([name, bits]) => `count(*) FILTER (WHERE f & ${bits} <> 0) AS ${name}`).join(', ')}
      FROM (SELECT ${groups('')}bit_or(f) AS f FROM period ${groupBySql('ticket_id')}) t
      GROUP BY whole, g
    ),
    keys AS (
      SELECT ${groups('kind, key')}sum(overrides) AS overrides, sum(decisions) AS decisions, sum(missing) AS missing
      FROM (
        SELECT p.g, k.* FROM (SELECT ${g} AS g, facts AS f, data FROM events WHERE ${inPeriod} AND (${NAMED_ROWS})) p CROSS JOIN LATERAL (
          -- A source other than the two the bits name; a missing one reads "undefined", as core's template writes it.
          SELECT 'source' AS kind, coalesce(p.data->>'source', 'undefined') AS key, (p.f & ${FACT.override} <> 0)::int AS overrides, (p.f & ${FACT.decision} <> 0)::int AS decisions, 0 AS missing
          WHERE p.f & ${FACT.decision | FACT.override} <> 0 AND p.f & ${FACT.rules | FACT.model} = 0
          UNION ALL
          SELECT 'category', p.data->>'category', (p.f & ${FACT.override} <> 0)::int, (p.f & ${FACT.decision} <> 0)::int, 0 WHERE p.f & ${FACT.category} <> 0
          UNION ALL
          SELECT 'missing', item, 0, 0, 1 FROM jsonb_array_elements_text(p.data->'missing') AS item WHERE p.f & ${FACT.missing} <> 0
        ) k
      ) named ${groupBySql('kind, key')}
    )${
      before
        ? `,
    previous AS (
      SELECT ${groups('')}count(*) AS csat, count(*) FILTER (WHERE f & ${FACT.satisfied} <> 0) AS csat_satisfied
      FROM (SELECT ${g} AS g, facts AS f FROM events
            WHERE ${where.join(' AND ')} AND type = 'csat' AND at >= ${param(before[0])} AND at < ${param(before[1])}) e
      WHERE f & ${FACT.csat} <> 0 ${groupBySql('')}
    )`
        : ''
    }
    SELECT (SELECT json_agg(sums) FROM sums) AS sums, (SELECT json_agg(tickets) FROM tickets) AS tickets,
      (SELECT json_agg(keys) FROM keys) AS keys, ${before ? '(SELECT json_agg(previous) FROM previous)' : 'NULL'} AS previous`;

  type Answer = Record<'sums' | 'tickets' | 'keys' | 'previous', Row[] | string | null>;
  const [answer] =
    db.dialect === 'pglite'
      ? // PGlite has no JIT, and its one session got its work memory when it was opened.
        await db.query<Answer>(sql, params)
      : await db.transaction(async (tx) => {
          // PostgreSQL's planner prices this statement above its JIT threshold, and compiling it takes longer
          // than running it (100 ms against 60 at a million events). A whole organisation's quarter (250,000
          // events, as many tickets) overflows the default 4 MB of work memory and would sort on disk.
          await tx.query('SET LOCAL jit = off');
          await tx.query(`SET LOCAL work_mem = '32MB'`);
          return tx.query<Answer>(sql, params);
        });
  // json_agg comes back parsed from PGlite and as text from some drivers: accept both.
  const rows = (value: Row[] | string | null | undefined): Row[] => (typeof value === 'string' ? (JSON.parse(value) as Row[]) : (value ?? []));
  const keyOf = (g: string): string => (groupBy === 'day' || groupBy === 'week' ? new Date(Number(g) * 86_400_000).toISOString().slice(0, 10) : g);
  const countsOf = (row: Row): MetricCounts => {
    if (row.whole) return result.total;
    const key = keyOf(row.g!);
    let counts = result.groups.get(key);
    if (!counts) {
      counts = emptyCounts();
      result.groups.set(key, counts);
    }
    return counts;
  };

  for (const row of rows(answer?.sums)) {
    const counts = countsOf(row);
    for (const [column, field] of SUMS) counts[field] = Number(row[column]);
    for (const source of SOURCES) {
      const decisions = Number(row[`${source}_decisions`]);
      const overrides = Number(row[`${source}_overrides`]);
      // A source appears once a decision or an override names it, as in core.
      if (decisions + overrides > 0) counts.bySource.set(source, [overrides, decisions]);
    }
  }
  for (const row of rows(answer?.tickets)) {
    const counts = countsOf(row);
    for (const [name] of TICKET_COUNTS) counts[name] = Number(row[name]);
  }
  for (const row of rows(answer?.keys)) {
    const counts = countsOf(row);
    const key = String(row.key);
    if (row.kind === 'missing') counts.missing.set(key, Number(row.missing));
    else (row.kind === 'source' ? counts.bySource : counts.byCategory).set(key, [Number(row.overrides), Number(row.decisions)]);
  }
  for (const row of rows(answer?.previous)) {
    const previous = { csat: Number(row.csat), csatSatisfied: Number(row.csat_satisfied) };
    if (row.whole) result.previous = previous;
    else if (groupBy === 'team' || groupBy === 'agent') result.previousGroups.set(row.g!, previous);
  }
  return result;
}
