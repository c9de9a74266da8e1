import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TierlineEvent, type TierlineEventInput, eventSchema } from '../../core/events';
import { computeMetrics, DEFAULT_RULES, indexLeaks, learningTopics, type MetricsGroupBy, rankLeaks } from '../../core/metrics';
import { createPrng, shuffled } from '../../core/triage/prng';
import { createApp } from '../app';
import type { Db, Queryable } from '../db/db';
import { MIGRATIONS, migrate } from '../db/migrations';
import { eventFacts, eventScore } from '../../core/metrics/event-facts';
import { readEvents } from '../store/events';
import { NAMED_ROWS, readMetricCounts } from '../store/metric-counts';
import { createToken } from '../store/tokens';

type App = ReturnType<typeof createApp>;

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Events fall in [START, START + 70 days): January to mid-March 2026. */
const START = Date.UTC(2026, 0, 1);
/** Not on a day's edge, so the default period (the 30 days before now) has a part of a day at both ends. */
const NOW = new Date('2026-03-02T12:34:56.789Z');

const PERIODS: Record<string, string>[] = [
  // Whole UTC days ("to" as a date is inclusive).
  { from: '2026-02-01', to: '2026-02-28' },
  { from: '2026-02-15', to: '2026-02-15' },
  // A part of a day at both ends.
  { from: '2026-02-03T05:17:00.123Z', to: '2026-02-20T13:00:00.000Z' },
  // Inside one day, and across midnight without a whole day.
  { from: '2026-02-10T08:00:00Z', to: '2026-02-10T20:00:00Z' },
  { from: '2026-02-10T22:00:00Z', to: '2026-02-11T03:00:00Z' },
  // Ten weeks: nearly every event.
  { from: '2026-01-01', to: '2026-03-11' },
  // The default: the 30 days before now.
  {},
];

/** [from, to) of a period as the route reads it: a date alone is a whole UTC day, no period the 30 days before now. */
function boundsOf(period: Record<string, string>): [number, number] {
  const at = (value: string, end: boolean) => (value.length === 10 ? Date.parse(`${value}T00:00:00Z`) + (end ? DAY : 0) : Date.parse(value));
  const to = period.to ? at(period.to, true) : NOW.getTime();
  return [period.from ? at(period.from, false) : to - 30 * DAY, to];
}

/** Each period's first and last millisecond, the first after it, and the first of the period before it (and the one just ahead). */
const PERIOD_EDGES = PERIODS.flatMap((period) => {
  const [from, to] = boundsOf(period);
  const before = from - (to - from);
  return [from, from - 1, to - 1, to, before, before - 1];
});

/**
 * A random event stream that visits every case the metrics treat apart: all event
 * types; teams "", "(no team)" and none; tickets with several events a day, and
 * seen on several days, teams and agents; instants on a day's or a period's first
 * and last millisecond; reopens exactly 48 h (and 1 ms more) after solving; scores
 * and completeness whose thousandths round half up; missing items listed twice.
 */
function randomEvents(seed: number, count: number): TierlineEventInput[] {
  const rand = createPrng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const maybe = <T>(value: T): T | undefined => (rand() < 0.5 ? value : undefined);
  const teams = ['emea', 'amer', '', '(no team)', undefined] as const;
  const agents = ['alice', 'bob', 'carol', 'Zoë "Z", O\'Brien'] as const;
  // Most of a ticket's events fall on its first days, with its own team and agent; the rest anywhere.
  const tickets = Array.from({ length: Math.ceil(count / 8) }, (_, i) => ({ id: `T-${i}`, day: Math.floor(rand() * 70), team: pick(teams), agent: pick(agents) }));
  const events: TierlineEventInput[] = [];
  for (let i = 0; i < count; i++) {
    const ticket = pick(tickets);
    const own = rand() < 0.7;
    const day = START + (own ? Math.min(69, ticket.day + Math.floor(rand() * 3)) : Math.floor(rand() * 70)) * DAY;
    const edge = rand();
    const atMs = edge < 0.05 ? pick(PERIOD_EDGES) : edge < 0.12 ? day : edge < 0.17 ? day + DAY - 1 : day + Math.floor(rand() * DAY);
    const at = new Date(atMs).toISOString();
    const team = own ? ticket.team : pick(teams);
    const base = {
      id: `${seed.toString(36)}-${i.toString(36).padStart(6, '0')}`,
      at,
      ticketId: ticket.id,
      helpdesk: pick(['zendesk', 'freshdesk', 'jira'] as const),
      agent: own ? ticket.agent : pick(agents),
      ...(team === undefined ? {} : { team }),
    };
    const source = pick(['rules', 'model'] as const);
    const category = maybe(pick(['billing', 'access', 'Zoë, "quoted"']));
    // Half of those on a period's edge are post-handoff ratings, which also count in the period before.
    const type =
      edge < 0.05 && rand() < 0.5 ? 'csat' : pick(['decision', 'decision', 'override', 'escalation', 'handoff', 'reassignment', 'reopen', 'csat', 'csat', 'repeat-explanation', 'summary-confirmation'] as const);
    switch (type) {
      case 'decision':
        events.push({ ...base, type, data: { tier: pick(['T1', 'T2', 'T3'] as const), role: 'frontline-agent', severity: 'normal', source, ...(category ? { category } : {}) } });
        break;
      case 'override':
        events.push({ ...base, type, data: { from: { tier: 'T1', role: 'frontline-agent' }, to: { tier: 'T2', role: 'support-engineer' }, reason: 'needs logs', source, ...(category ? { category } : {}) } });
        break;
      case 'escalation': {
        const unnecessary = pick([true, false, undefined]);
        events.push({ ...base, type, data: { from: 'T1', to: 'T2', ...(unnecessary === undefined ? {} : { unnecessary }) } });
        break;
      }
      case 'handoff':
        events.push({
          ...base,
          type,
          data: {
            from: 'T1',
            to: 'T2',
            completeness: pick([100, 100, 80, 0, 33.3335, 99.9995, 12.3445, 0.0005, Math.round(rand() * 1e6) / 1e4]),
            missing: pick([[], [], ['logs'], ['logs', 'logs'], ['steps-taken', 'logs'], ['Zoë']]),
          },
        });
        break;
      case 'reassignment':
        events.push({ ...base, type, data: { from: { tier: 'T1' }, to: { tier: 'T2' }, misroute: rand() < 0.6 } });
        break;
      case 'reopen': {
        const gap = pick([0, 48 * HOUR, 48 * HOUR + 1, -1, HOUR, Math.floor(rand() * 72 * HOUR)]);
        events.push({ ...base, type, data: { solvedAt: new Date(atMs - gap).toISOString() } });
        break;
      }
      case 'csat':
        events.push({ ...base, type, data: { score: pick([1, 2, 3, 4, 5, 3.9995, 4.4445, 2.5]), afterHandoff: rand() < 0.7 } });
        break;
      case 'repeat-explanation':
        events.push({ ...base, type, data: { afterHandoff: rand() < 0.7 } });
        break;
      case 'summary-confirmation':
        events.push({ ...base, type, data: { packetStage: 'T1-T2', from: 'T1', to: 'T2', accurate: rand() < 0.5 } });
        break;
    }
  }
  return events;
}

const FILTERS: Record<string, string>[] = [{}, { team: 'emea' }, { team: '(no team)' }, { agent: 'bob' }, { team: 'amer', agent: 'carol' }];
const GROUPINGS: (MetricsGroupBy | undefined)[] = [undefined, 'team', 'agent', 'day', 'week'];

// Through JSON, as the client sees it.
const json = (value: unknown) => JSON.parse(JSON.stringify(value));

/**
 * GET /v1/metrics is counted by the database from the facts each event stored
 * on ingest; this suite checks it gives exactly what core/metrics computes over
 * the raw events, for random event streams that arrive out of order, late and
 * more than once. Run once per engine.
 */
export function describeMetricsSuite(engine: string, open: (label: string) => Promise<Db>): void {
  describe(`metrics counted by the database on ${engine}`, () => {
    let db: Db;
    let app: App;
    let orgs = 0;

    beforeAll(async () => {
      db = await open('metrics');
      await migrate(db);
      app = createApp({ db, now: () => NOW, limits: { burst: 100_000, perSecond: 100_000 } });
    }, 60_000);
    afterAll(async () => {
      await db?.close();
    });

    async function newOrg(target: Db) {
      const org = `metrics-${process.pid}-${++orgs}`;
      return {
        org,
        writer: await createToken(target, { org, role: 'agent', now: NOW }),
        lead: await createToken(target, { org, role: 'lead', now: NOW }),
      };
    }

    const request = (target: App, path: string, token: string, body?: unknown) =>
      target.request(path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    async function post(target: App, token: string, events: readonly TierlineEventInput[]): Promise<number> {
      const res = await request(target, '/v1/events', token, { events });
      expect(res.status).toBe(200);
      return ((await res.json()) as { accepted: number }).accepted;
    }

    /**
     * Sends `events` shuffled (so most arrive after later ones), in batches of 1 to 60,
     * with about one in eight sent twice in its batch and as many again in a later
     * batch, and one batch sent three times at once. Returns how many were accepted.
     */
    async function deliver(target: App, token: string, events: readonly TierlineEventInput[], seed: number): Promise<number> {
      const rand = createPrng(seed);
      const resent: TierlineEventInput[] = [];
      const queue: TierlineEventInput[] = [];
      for (const e of shuffled(events, rand)) {
        queue.push(e);
        if (rand() < 0.12) queue.push(e);
        if (rand() < 0.12) resent.push(e);
      }
      queue.push(...resent);
      let accepted = 0;
      let concurrent = false;
      for (let i = 0; i < queue.length; ) {
        const batch = queue.slice(i, i + 1 + Math.floor(rand() * 60));
        i += batch.length;
        if (!concurrent && batch.length > 10) {
          concurrent = true;
          for (const n of await Promise.all([1, 2, 3].map(() => post(target, token, batch)))) accepted += n;
        } else accepted += await post(target, token, batch);
      }
      return accepted;
    }

    /** For every period, filter and grouping: GET /v1/metrics equals computeMetrics over `stored` and over the events read back raw. */
    async function expectRawMetrics(target: { app: App; db: Db }, org: string, lead: string, stored: readonly TierlineEvent[] | null) {
      let compared = 0;
      for (const period of PERIODS) {
        for (const filter of FILTERS) {
          for (const groupBy of GROUPINGS) {
            const query = new URLSearchParams({ ...period, ...filter, ...(groupBy ? { groupBy } : {}) });
            const res = await request(target.app, `/v1/metrics?${query}`, lead);
            expect(res.status).toBe(200);
            const { groupBy: _g, team: _t, agent: _a, ...report } = await res.json();
            const options = { from: report.from, to: report.to, ...(groupBy ? { groupBy } : {}) };
            const span = Date.parse(report.to) - Date.parse(report.from);
            const raw = await readEvents(target.db, org, {
              from: new Date(report.from),
              to: new Date(report.to),
              csatSince: new Date(Date.parse(report.from) - span),
              ...filter,
            });
            const label = `${engine} ${query}`;
            expect(report, label).toEqual(json(computeMetrics(raw, options)));
            if (stored) {
              const mine = stored.filter((e) => (filter.team === undefined || e.team === filter.team) && (filter.agent === undefined || e.agent === filter.agent));
              expect(report, label).toEqual(json(computeMetrics(mine, options)));
            }
            compared++;
          }
        }
      }
      return compared;
    }

    it('gives the metrics of the raw events for every period, filter and grouping, with events arriving late and twice', async () => {
      const { org, writer, lead } = await newOrg(db);
      const inputs = randomEvents(11, 1500);
      // Those of January and early February arrive only after everything else has been read.
      const late = inputs.filter((e) => e.at < '2026-02-12' && Number.parseInt(e.id.slice(-3), 36) % 3 === 0);
      const first = inputs.filter((e) => !late.includes(e));
      expect(await deliver(app, writer, first, 1)).toBe(first.length);
      const parse = (list: readonly TierlineEventInput[]) => list.map((e) => eventSchema.parse(e));
      expect(await expectRawMetrics({ app, db }, org, lead, parse(first))).toBe(PERIODS.length * FILTERS.length * GROUPINGS.length);

      // Late ones for old days, each with some already stored sent again.
      expect(await deliver(app, writer, [...late, ...first.slice(0, 200)], 2)).toBe(late.length);
      await expectRawMetrics({ app, db }, org, lead, parse(inputs));
    }, 240_000);

    it('works out each event’s facts on ingest as the database does for rows stored before migration 4', async () => {
      const events = randomEvents(15, 2000).map((e) => eventSchema.parse(e));
      const rows = await db.query<{ facts: number; score: number | null }>(
        `SELECT tierline_event_facts(type, at, data) AS facts, tierline_event_score(type, data) AS score
         FROM unnest($1::text[], $2::timestamptz[], $3::jsonb[]) WITH ORDINALITY AS u (type, at, data, n) ORDER BY n`,
        [events.map((e) => e.type), events.map((e) => e.at), events.map((e) => JSON.stringify(e.data))],
      );
      expect(rows.map((r) => [r.facts, r.score])).toEqual(events.map((e) => [eventFacts(e), eventScore(e)]));
    });

    it('reads a team’s period from the (org, team, at) index alone, and only the named rows whole', async () => {
      const { org, writer } = await newOrg(db);
      await deliver(app, writer, randomEvents(16, 600), 6);
      // Not in a transaction: VACUUM cannot run in one. It marks the pages all-visible, as the upkeep does.
      await db.exec('VACUUM ANALYZE events');
      let statement: { sql: string; params: readonly unknown[] } | null = null;
      const noting = <Q extends Queryable>(q: Q): Q => ({
        ...q,
        query: <T extends object>(sql: string, params: readonly unknown[] = []) => {
          statement = { sql, params };
          return q.query<T>(sql, params);
        },
      });
      const capturing: Db = { ...noting(db), transaction: (fn) => db.transaction((tx) => fn(noting(tx))) };
      await readMetricCounts(capturing, org, { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-03-01T00:00:00Z'), team: 'emea' });
      const { sql, params } = statement!;
      // The planner's choice on 600 rows says little; with scans that read the heap priced out, the plan shows what the indexes can answer.
      const plan = await db.transaction(async (tx) => {
        await tx.query('SET LOCAL enable_seqscan = off');
        await tx.query('SET LOCAL enable_bitmapscan = off');
        return tx.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
      });
      const scans: string[] = [];
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === 'object') {
          const n = node as Record<string, unknown>;
          if (typeof n['Index Name'] === 'string') scans.push(`${n['Node Type']} ${n['Index Name']}`);
          Object.values(n).forEach(walk);
        }
      };
      // node-postgres hands the plan back as parsed JSON, PGlite too; a string is parsed.
      walk(plan.map((row) => (typeof row['QUERY PLAN'] === 'string' ? JSON.parse(row['QUERY PLAN']) : row['QUERY PLAN'])));
      expect(scans).toContain('Index Only Scan events_org_team_at');
      expect(scans.filter((scan) => scan.endsWith(' events_named'))).toHaveLength(1);
      expect(MIGRATIONS.find((m) => m.version === 5)?.sql).toContain(`WHERE ${NAMED_ROWS};`);
    });

    it('keeps the first of two events sent with one id, as the event log does', async () => {
      const { org, writer, lead } = await newOrg(db);
      const inputs = randomEvents(12, 300);
      await deliver(app, writer, inputs, 3);
      // The same ids again, a day later and of another kind: duplicates, whatever they say.
      const changed = inputs.map((e, i): TierlineEventInput => {
        const at = new Date(Date.parse(e.at) + DAY).toISOString();
        return i % 2 ? { id: e.id, at, ticketId: e.ticketId, helpdesk: e.helpdesk, agent: 'dan', type: 'csat', data: { score: 5, afterHandoff: true } } : { ...e, at };
      });
      expect(await post(app, writer, changed)).toBe(0);
      await expectRawMetrics({ app, db }, org, lead, inputs.map((e) => eventSchema.parse(e)));
    }, 240_000);

    it('serves where the model leaks: the core’s cells and topics over the period and the one before, a planted leak worst', async () => {
      const { org, writer, lead } = await newOrg(db);
      // Background noise, and 40 tickets of one stage × issue type routed wrong: Tier 1 → Tier 2 integration tickets, 30 reassigned as misrouted.
      const planted: TierlineEventInput[] = Array.from({ length: 40 }, (_, i) => {
        const at = (h: number) => new Date(Date.UTC(2026, 1, 5 + (i % 20), 9 + h)).toISOString();
        const base = { ticketId: `LEAK-${i}`, helpdesk: 'zendesk' as const, agent: 'alice', team: 'emea' };
        return [
          { ...base, id: `leak-d-${i}`, at: at(0), type: 'decision' as const, data: { tier: 'T1' as const, role: 'frontline-agent', severity: 'normal' as const, source: 'rules' as const, category: 'integration' } },
          { ...base, id: `leak-h-${i}`, at: at(1), type: 'handoff' as const, data: { from: 'T1' as const, to: 'T2' as const, completeness: 100, missing: [] } },
          ...(i < 30 ? [{ ...base, id: `leak-r-${i}`, at: at(2), type: 'reassignment' as const, data: { from: { tier: 'T2' as const }, to: { tier: 'T2' as const }, misroute: true } }] : []),
        ];
      }).flat();
      const inputs = [...randomEvents(21, 600), ...planted];
      expect(await deliver(app, writer, inputs, 5)).toBe(inputs.length);

      const res = await request(app, '/v1/leaks?from=2026-02-01&to=2026-02-28&view=stage,issueType&view=agent&view=helpdesk&maxTickets=100', lead);
      expect(res.status).toBe(200);
      const body = await res.json();
      const raw = await readEvents(db, org, { from: new Date('2026-01-04T00:00:00Z'), to: new Date('2026-03-01T00:00:00Z') });
      const index = indexLeaks(raw, { from: body.from, to: body.to, maxTickets: 100 });
      expect(body.views).toEqual(json([['stage', 'issueType'], ['agent'], ['helpdesk']].map((dimensions) => ({ dimensions, cells: index.cells(dimensions as never) }))));
      expect(body.topics).toEqual(json(learningTopics(raw, { from: body.from, to: body.to, now: NOW, unit: 'week' })));

      const [worst] = rankLeaks(body.views[0].cells, DEFAULT_RULES['misrouting-rate']);
      expect(worst?.cell.keys).toEqual(['T1-T2', 'integration']);
      expect(worst?.ratio).toMatchObject({ numerator: 30, denominator: 40 });
      const behind = worst?.cell.behind?.['misrouting-rate']?.map((t) => t.ticketId) ?? [];
      expect(new Set(behind)).toEqual(new Set(Array.from({ length: 30 }, (_, i) => `LEAK-${i}`)));

      expect((await request(app, '/v1/leaks?view=stage,stage', lead)).status).toBe(400);
      expect((await request(app, '/v1/leaks?view=priority', lead)).status).toBe(400);
      expect((await request(app, '/v1/leaks', writer)).status).toBe(403);
    }, 120_000);

    it('counts the events stored before migration 4 (their facts worked out by migration 5) with those stored after', async () => {
      const before = await open('legacy');
      try {
        await migrate(before, MIGRATIONS.filter((m) => m.version < 4));
        const { org, writer, lead } = await newOrg(before);
        const inputs = randomEvents(13, 800);
        const stored = inputs.map((e) => eventSchema.parse(e));
        // Stored as the endpoint did before migration 4, plus rows no longer accepted: reopens written before solvedAt was normalised.
        const legacy = [
          { ...stored[0]!, id: 'legacy-reopen-offset', type: 'reopen' as const, at: '2026-02-10T10:00:00.000Z', data: { solvedAt: '2026-02-08T11:00:00+01:00' } },
          { ...stored[0]!, id: 'legacy-reopen-unreadable', type: 'reopen' as const, at: '2026-02-10T10:00:00.000Z', data: { solvedAt: 'yesterday' } },
          // And a decision without a source, which core counts under "source:undefined".
          { ...stored[0]!, id: 'legacy-decision-no-source', type: 'decision' as const, at: '2026-02-10T10:00:00.000Z', data: { tier: 'T1', role: 'frontline-agent', severity: 'normal' } },
        ];
        for (const e of [...stored, ...legacy]) {
          await before.query(
            'INSERT INTO events (org, id, type, at, ticket_id, helpdesk, agent, team, data, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)',
            [org, e.id, e.type, e.at, e.ticketId, e.helpdesk, e.agent, e.team ?? null, JSON.stringify(e.data), NOW],
          );
        }
        expect(await migrate(before)).toEqual([4, 5]);
        const migrated = createApp({ db: before, now: () => NOW, limits: { burst: 100_000, perSecond: 100_000 } });
        await expectRawMetrics({ app: migrated, db: before }, org, lead, null);
        // Then new events, late ones, and some already stored.
        const more = randomEvents(14, 300);
        expect(await deliver(migrated, writer, [...more, ...inputs.slice(0, 100)], 4)).toBe(more.length);
        await expectRawMetrics({ app: migrated, db: before }, org, lead, null);
      } finally {
        await before.close();
      }
    }, 240_000);
  });
}
