import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TierlineEventInput, eventSchema } from '../../core/events';
import { createApp } from '../app';
import type { Db } from '../db/db';
import { MIGRATIONS, migrate } from '../db/migrations';
import { computeMetrics, metricRules } from '../../core/metrics';
import { TooManyEventsError, readEvents } from '../store/events';
import { type Role, createToken } from '../store/tokens';
import { csatEvent, decisionEvent, escalationEvent, handoffEvent, reassignmentEvent, smallPolicy } from './fixtures';

type App = ReturnType<typeof createApp>;

/**
 * The whole HTTP API, run once per database engine (embedded and PostgreSQL)
 * so both answer alike. Each test works in an organisation of its own, so tests
 * share one database without seeing each other's rows.
 */
export function describeApiSuite(engine: string, open: () => Promise<Db>): void {
  describe(`the sync endpoint on ${engine}`, () => {
    let db: Db;
    let app: App;
    let orgs = 0;
    let firstMigration: number[] = [];
    const NOW = new Date('2026-03-02T12:00:00Z');

    beforeAll(async () => {
      db = await open();
      firstMigration = await migrate(db);
      app = createApp({ db, now: () => NOW, limits: { burst: 10_000 } });
    }, 60_000);
    afterAll(async () => {
      await db?.close();
    });

    /** Another agent token in an existing organisation. */
    const newOrgToken = (org: string) => createToken(db, { org, role: 'agent', now: NOW });

    async function newOrg() {
      const org = `org-${process.pid}-${++orgs}-${Math.random().toString(36).slice(2, 8)}`;
      const token = (role: Role, agent?: string) => createToken(db, { org, role, now: NOW, ...(agent ? { agent } : {}) });
      return { org, agent: await token('agent', 'alice'), anyAgent: await token('agent'), lead: await token('lead'), admin: await token('admin') };
    }

    function call(target: App, method: string, path: string, token: string | null, init: { body?: unknown; headers?: Record<string, string> } = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (token) headers.Authorization = `Bearer ${token}`;
      if (init.body !== undefined) headers['Content-Type'] = 'application/json';
      return target.request(path, { method, headers, ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }) });
    }
    const post = (token: string, events: unknown[]) => call(app, 'POST', '/v1/events', token, { body: { events } });
    const get = (path: string, token: string | null, headers?: Record<string, string>) => call(app, 'GET', path, token, headers ? { headers } : {});
    const count = async (org: string) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE org = $1', [org]))[0]?.n;

    it('answers /healthz without a token', async () => {
      const res = await app.request('/healthz');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, database: db.dialect });
    });

    it('applies every migration to an empty database, in order, and none twice', async () => {
      expect(firstMigration).toEqual(MIGRATIONS.map((m) => m.version));
      const recorded = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(recorded.map((r) => r.version)).toEqual(firstMigration);
      expect(await migrate(db)).toEqual([]);
    });

    describe('authentication', () => {
      it('answers 401 with a JSON error and WWW-Authenticate without a bearer token', async () => {
        const res = await get('/v1/policy', null);
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toContain('Bearer');
        expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: expect.stringContaining('Bearer') } });
      });

      it('answers 401 for a token it never issued', async () => {
        const res = await get('/v1/policy', 'tl_not-a-real-token');
        expect(res.status).toBe(401);
        expect((await res.json()).error.code).toBe('invalid_token');
      });

      it('stores only the hash of a token', async () => {
        const { org, admin } = await newOrg();
        const rows = await db.query<{ hash: string }>('SELECT hash FROM tokens WHERE org = $1', [org]);
        expect(rows).toHaveLength(4);
        expect(rows.map((r) => r.hash)).not.toContain(admin);
        expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
      });
    });

    describe('POST /v1/events', () => {
      it('accepts a batch and counts a resent id as a duplicate, never a second row', async () => {
        const { org, agent } = await newOrg();
        const a = decisionEvent({ at: '2026-03-01T09:00:00Z' });
        const b = handoffEvent({ at: '2026-03-01T09:05:00+01:00' });
        expect(await (await post(agent, [a, b])).json()).toEqual({ accepted: 2, duplicates: 0 });
        expect(await (await post(agent, [b, decisionEvent({ at: '2026-03-01T10:00:00Z' })])).json()).toEqual({ accepted: 1, duplicates: 1 });
        expect(await count(org)).toBe(3);
      });

      it('counts the same id twice in one batch as one event and one duplicate', async () => {
        const { org, agent } = await newOrg();
        const a = decisionEvent({ at: '2026-03-01T09:00:00Z' });
        expect(await (await post(agent, [a, a, decisionEvent({ at: '2026-03-01T09:01:00Z' })])).json()).toEqual({ accepted: 2, duplicates: 1 });
        expect(await count(org)).toBe(2);
      });

      it('stores each event once when the same batch arrives five times at once', async () => {
        const { org, agent } = await newOrg();
        const batch = Array.from({ length: 200 }, (_, i) => decisionEvent({ at: new Date(Date.UTC(2026, 2, 1, 9, i)).toISOString() }));
        // Each retry also carries a few events of its own, in a different order, as a real outbox would.
        const bodies = Array.from({ length: 5 }, (_, k) => [...(k % 2 ? [...batch].reverse() : batch), decisionEvent({ at: '2026-03-01T12:00:00Z' })]);
        const results = await Promise.all(bodies.map(async (events) => (await post(agent, events)).json() as Promise<{ accepted: number; duplicates: number }>));
        expect(results.reduce((s, r) => s + r.accepted, 0)).toBe(205);
        expect(results.reduce((s, r) => s + r.duplicates, 0)).toBe(4 * 200);
        expect(await count(org)).toBe(205);
      });

      it('keeps what the event said: time, ticket, team and data', async () => {
        const { org, agent } = await newOrg();
        const e = handoffEvent({ at: '2026-03-01T10:05:00+01:00', team: 'emea', completeness: 60, missing: ['logs'] });
        await post(agent, [e]);
        const [row] = await db.query<{ at: Date; ticket_id: string; team: string; data: unknown; received_at: Date }>(
          'SELECT at, ticket_id, team, data, received_at FROM events WHERE org = $1',
          [org],
        );
        expect(row?.at.toISOString()).toBe('2026-03-01T09:05:00.000Z');
        expect(row?.team).toBe('emea');
        expect(row?.data).toEqual(eventSchema.parse(e).data);
        expect(row?.received_at.toISOString()).toBe(NOW.toISOString());
      });

      it('rejects a batch with one invalid event, naming its index and path, and stores nothing from it', async () => {
        const { org, agent } = await newOrg();
        const bad = { ...decisionEvent({ at: '2026-03-01T09:00:00Z' }), data: { tier: 'T9', role: 'x', severity: 'normal' } };
        const res = await post(agent, [decisionEvent({ at: '2026-03-01T08:00:00Z' }), decisionEvent({ at: '2026-03-01T08:30:00Z' }), bad]);
        expect(res.status).toBe(400);
        const { error } = await res.json();
        expect(error.code).toBe('invalid_event');
        expect(error.path).toEqual(['events', 2, 'data', 'tier']);
        expect(error.message).toContain('events[2].data.tier');
        expect(await count(org)).toBe(0);
      });

      it('rejects an unknown event type and a body that is not JSON', async () => {
        const { agent } = await newOrg();
        const res = await post(agent, [{ ...decisionEvent({ at: '2026-03-01T09:00:00Z' }), type: 'karaoke' }]);
        expect(res.status).toBe(400);
        expect((await res.json()).error.path?.slice(0, 2)).toEqual(['events', 0]);
        const notJson = await call(app, 'POST', '/v1/events', agent, { body: '{"events": [' });
        expect(notJson.status).toBe(400);
        expect((await notJson.json()).error.code).toBe('invalid_json');
        const noEvents = await call(app, 'POST', '/v1/events', agent, { body: { items: [] } });
        expect(noEvents.status).toBe(400);
      });

      it('refuses a NUL character, which PostgreSQL cannot store, as invalid input rather than failing', async () => {
        const { org, agent, admin } = await newOrg();
        const res = await post(agent, [{ ...decisionEvent({ at: '2026-03-01T09:00:00Z' }), ticketId: 'a\u0000b' }]);
        expect(res.status).toBe(400);
        expect((await res.json()).error.path).toEqual(['events', 0, 'ticketId']);
        expect(await count(org)).toBe(0);
        const policy = await call(app, 'PUT', '/v1/policy', admin, { body: { ...smallPolicy, name: 'Acme\u0000' } });
        expect(policy.status).toBe(422);
        expect((await policy.json()).error.path).toEqual(['name']);
      });

      it('lets an agent-bound token write only that agent’s events', async () => {
        const { org, agent, anyAgent } = await newOrg();
        const res = await post(agent, [decisionEvent({ at: '2026-03-01T09:00:00Z' }), decisionEvent({ at: '2026-03-01T09:00:00Z', agent: 'mallory' })]);
        expect(res.status).toBe(403);
        const { error } = await res.json();
        expect(error).toMatchObject({ code: 'agent_mismatch', path: ['events', 1, 'agent'] });
        expect(await count(org)).toBe(0);
        // A token not bound to an agent (one shared by a managed deployment) may write any agent's events.
        expect((await post(anyAgent, [decisionEvent({ at: '2026-03-01T09:00:00Z', agent: 'bob' })])).status).toBe(200);
      });

      it('answers 413 to a batch over the size limit and to a body over the byte limit', async () => {
        const { org, agent } = await newOrg();
        const small = createApp({ db, now: () => NOW, limits: { batchSize: 3, bodyBytes: 2_000 } });
        const four = Array.from({ length: 4 }, () => decisionEvent({ at: '2026-03-01T09:00:00Z' }));
        const tooMany = await call(small, 'POST', '/v1/events', agent, { body: { events: four } });
        expect(tooMany.status).toBe(413);
        expect((await tooMany.json()).error.code).toBe('batch_too_large');
        const big = await call(small, 'POST', '/v1/events', agent, {
          body: { events: [{ ...decisionEvent({ at: '2026-03-01T09:00:00Z' }), ticketId: 'x'.repeat(3_000) }] },
        });
        expect(big.status).toBe(413);
        expect((await big.json()).error.code).toBe('body_too_large');
        expect(await count(org)).toBe(0);
      });
    });

    describe('rate limit', () => {
      it('answers 429 with Retry-After when a token sends faster than its bucket refills, and recovers after', async () => {
        const { lead } = await newOrg();
        let now = new Date('2026-03-02T12:00:00Z');
        const limited = createApp({ db, now: () => now, limits: { burst: 2, perSecond: 0.5 } });
        expect((await call(limited, 'GET', '/v1/handoffs', lead)).status).toBe(200);
        expect((await call(limited, 'GET', '/v1/handoffs', lead)).status).toBe(200);
        const third = await call(limited, 'GET', '/v1/handoffs', lead);
        expect(third.status).toBe(429);
        expect(third.headers.get('retry-after')).toBe('2');
        expect((await third.json()).error.code).toBe('rate_limited');
        now = new Date('2026-03-02T12:00:02Z');
        expect((await call(limited, 'GET', '/v1/handoffs', lead)).status).toBe(200);
      });
    });

    describe('roles', () => {
      it('lets agents write events and read the policy, but not audits, metrics or the policy itself', async () => {
        const { agent, admin } = await newOrg();
        await call(app, 'PUT', '/v1/policy', admin, { body: smallPolicy });
        expect((await get('/v1/policy', agent)).status).toBe(200);
        for (const path of ['/v1/handoffs', '/v1/metrics']) {
          const res = await get(path, agent);
          expect(res.status).toBe(403);
          expect((await res.json()).error.code).toBe('forbidden');
        }
        expect((await call(app, 'PUT', '/v1/policy', agent, { body: smallPolicy })).status).toBe(403);
      });

      it('lets leads read audits and metrics but not publish a policy', async () => {
        const { lead } = await newOrg();
        expect((await get('/v1/handoffs', lead)).status).toBe(200);
        expect((await get('/v1/metrics', lead)).status).toBe(200);
        expect((await call(app, 'PUT', '/v1/policy', lead, { body: smallPolicy })).status).toBe(403);
      });
    });

    describe('organisations', () => {
      it('never shows one organisation another’s events, policy, audits or metrics', async () => {
        const a = await newOrg();
        const b = await newOrg();
        const shared = handoffEvent({ at: '2026-03-01T09:00:00Z', team: 'emea' });
        await post(a.agent, [shared, decisionEvent({ at: '2026-03-01T09:00:00Z', team: 'emea' })]);
        await call(app, 'PUT', '/v1/policy', a.admin, { body: smallPolicy });

        expect((await get('/v1/policy', b.agent)).status).toBe(404);
        expect((await (await get('/v1/handoffs', b.lead)).json()).handoffs).toEqual([]);
        const metrics = await (await get('/v1/metrics?from=2026-02-01&to=2026-03-02', b.lead)).json();
        expect(metrics.events).toBe(0);
        // The same client id in another organisation is that organisation's own event, not a duplicate.
        expect(await (await post(b.agent, [shared])).json()).toEqual({ accepted: 1, duplicates: 0 });
        expect((await (await get('/v1/handoffs', a.lead)).json()).handoffs).toHaveLength(1);
      });
    });

    describe('GET and PUT /v1/policy', () => {
      it('publishes revisions with ETags, answers 304 to a client that has the latest, and 412 to a stale If-Match', async () => {
        const { agent, admin } = await newOrg();
        expect((await get('/v1/policy', agent)).status).toBe(404);

        const first = await call(app, 'PUT', '/v1/policy', admin, { body: smallPolicy, headers: { 'If-Match': '"0"' } });
        expect(first.status).toBe(201);
        expect(first.headers.get('etag')).toBe('"1"');

        const read = await get('/v1/policy', agent);
        expect(read.headers.get('etag')).toBe('"1"');
        expect(await read.json()).toMatchObject({ name: 'Acme support levels', revision: 1 });
        expect((await get('/v1/policy', agent, { 'If-None-Match': '"1"' })).status).toBe(304);

        const second = await call(app, 'PUT', '/v1/policy', admin, { body: { ...smallPolicy, name: 'Acme v2' }, headers: { 'If-Match': '"1"' } });
        expect(second.status).toBe(200);
        expect(second.headers.get('etag')).toBe('"2"');
        expect((await get('/v1/policy', agent, { 'If-None-Match': '"1"' })).status).toBe(200);

        const stale = await call(app, 'PUT', '/v1/policy', admin, { body: { ...smallPolicy, name: 'Lost update' }, headers: { 'If-Match': '"1"' } });
        expect(stale.status).toBe(412);
        expect(stale.headers.get('etag')).toBe('"2"');
        expect((await (await get('/v1/policy', agent)).json()).name).toBe('Acme v2');
      });

      it('lets exactly one of two admins saving the same revision at once win', async () => {
        const { admin } = await newOrg();
        await call(app, 'PUT', '/v1/policy', admin, { body: smallPolicy });
        const [x, y] = await Promise.all(
          ['X', 'Y'].map((n) => call(app, 'PUT', '/v1/policy', admin, { body: { ...smallPolicy, name: n }, headers: { 'If-Match': '"1"' } })),
        );
        expect([x?.status, y?.status].sort()).toEqual([200, 412]);
      });

      it('answers 422 with every path of an invalid policy and keeps the old one', async () => {
        const { agent, admin } = await newOrg();
        await call(app, 'PUT', '/v1/policy', admin, { body: smallPolicy });
        const res = await call(app, 'PUT', '/v1/policy', admin, { body: { ...smallPolicy, tiers: [{ id: 'T7' }], defaultSeverity: 'Not An Id' } });
        expect(res.status).toBe(422);
        const { error } = await res.json();
        expect(error.code).toBe('invalid_policy');
        const paths = error.issues.map((i: { path: unknown[] }) => i.path.join('.'));
        expect(paths).toContain('tiers.0.id');
        expect(paths).toContain('defaultSeverity');
        expect((await get('/v1/policy', agent)).headers.get('etag')).toBe('"1"');
      });
    });

    describe('GET /v1/handoffs', () => {
      async function seed() {
        const o = await newOrg();
        const events: TierlineEventInput[] = [
          handoffEvent({ at: '2026-01-10T09:00:00Z', team: 'emea', agent: 'alice', from: 'T1', to: 'T2', completeness: 100 }),
          handoffEvent({ at: '2026-02-10T09:00:00Z', team: 'emea', agent: 'bob', from: 'T1', to: 'T3', completeness: 50, missing: ['logs', 'reproduction-steps'] }),
          handoffEvent({ at: '2026-02-20T09:00:00Z', team: 'amer', agent: 'carol', from: 'T2', to: 'T3', completeness: 80, missing: ['error-codes'] }),
          handoffEvent({ at: '2026-03-01T09:00:00Z', team: 'amer', agent: 'alice', from: 'T0', to: 'T1', completeness: 100 }),
          decisionEvent({ at: '2026-02-10T08:00:00Z', team: 'emea' }),
        ];
        await post(o.anyAgent, events);
        return o;
      }
      const list = async (lead: string, query: string) => {
        const res = await get(`/v1/handoffs${query}`, lead);
        expect(res.status).toBe(200);
        return (await res.json()) as { handoffs: { at: string; agent: string; stage: string; missing: string[]; complete: boolean }[]; nextCursor: string | null };
      };

      it('lists handoffs newest first with completeness and missing items', async () => {
        const { lead } = await seed();
        const { handoffs, nextCursor } = await list(lead, '');
        expect(handoffs.map((h) => h.at)).toEqual(['2026-03-01T09:00:00.000Z', '2026-02-20T09:00:00.000Z', '2026-02-10T09:00:00.000Z', '2026-01-10T09:00:00.000Z']);
        expect(handoffs[2]).toMatchObject({ agent: 'bob', team: 'emea', stage: 'T1-T3', completeness: 50, complete: false, missing: ['logs', 'reproduction-steps'] });
        expect(handoffs[3]?.complete).toBe(true);
        expect(nextCursor).toBeNull();
      });

      it('filters by team, agent, stage and period', async () => {
        const { lead } = await seed();
        expect((await list(lead, '?team=emea')).handoffs.map((h) => h.agent)).toEqual(['bob', 'alice']);
        expect((await list(lead, '?agent=alice')).handoffs.map((h) => h.at.slice(0, 10))).toEqual(['2026-03-01', '2026-01-10']);
        // A T1→T3 skip crosses the T2-T3 stage too.
        expect((await list(lead, '?stage=T2-T3')).handoffs.map((h) => h.agent)).toEqual(['carol', 'bob']);
        expect((await list(lead, '?from=2026-02-01&to=2026-02-20')).handoffs.map((h) => h.agent)).toEqual(['carol', 'bob']);
        expect((await list(lead, '?from=2026-02-01T00:00:00Z&to=2026-02-20T09:00:00Z')).handoffs.map((h) => h.agent)).toEqual(['bob']);
      });

      it('walks every handoff once through limit and cursor', async () => {
        const { lead } = await seed();
        const seen: string[] = [];
        let query = '?limit=1';
        for (let i = 0; i < 10; i++) {
          const page = await list(lead, query);
          seen.push(...page.handoffs.map((h) => h.at));
          if (!page.nextCursor) break;
          query = `?limit=1&cursor=${page.nextCursor}`;
        }
        expect(seen).toEqual(['2026-03-01T09:00:00.000Z', '2026-02-20T09:00:00.000Z', '2026-02-10T09:00:00.000Z', '2026-01-10T09:00:00.000Z']);
      });

      it('answers 400 naming the parameter for a bad stage, date, limit or cursor', async () => {
        const { lead } = await newOrg();
        for (const [query, param] of [['?stage=T3-T1', 'stage'], ['?from=yesterday', 'from'], ['?limit=0', 'limit'], ['?cursor=nonsense', 'cursor'], ['?colour=red', '']] as const) {
          const res = await get(`/v1/handoffs${query}`, lead);
          expect(res.status, query).toBe(400);
          const { error } = await res.json();
          expect(error.code).toBe('invalid_query');
          if (param) expect(error.path).toEqual([param]);
        }
      });

      it('exports CSV on Accept: text/csv and on ?format=csv, with formulas defused', async () => {
        const { lead, anyAgent } = await seed();
        await post(anyAgent, [handoffEvent({ at: '2026-01-05T09:00:00Z', agent: '=HYPERLINK("http://evil.example")', completeness: 10, missing: ['logs'] })]);
        for (const [query, headers] of [['', { Accept: 'text/csv' }], ['?format=csv', undefined]] as const) {
          const res = await get(`/v1/handoffs${query}`, lead, headers);
          expect(res.headers.get('content-type')).toContain('text/csv');
          const { data } = Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true });
          expect(data).toHaveLength(5);
          expect(data[2]).toMatchObject({ agent: 'bob', stage: 'T1-T3', completeness: '50', missing: 'logs; reproduction-steps' });
          expect(data[4]?.agent).toBe(`'=HYPERLINK("http://evil.example")`);
        }
      });
    });

    describe('GET /v1/metrics', () => {
      const from = '2026-02-01T00:00:00.000Z';
      const to = '2026-03-01T00:00:00.000Z';
      const period = '?from=2026-02-01&to=2026-02-28';
      async function seed() {
        const o = await newOrg();
        const events: TierlineEventInput[] = [
          decisionEvent({ at: '2026-02-02T09:00:00Z', team: 'emea', agent: 'alice', ticketId: '1' }),
          decisionEvent({ at: '2026-02-03T09:00:00Z', team: 'emea', agent: 'bob', ticketId: '2' }),
          escalationEvent({ at: '2026-02-03T10:00:00Z', team: 'emea', agent: 'bob', ticketId: '2', unnecessary: true }),
          handoffEvent({ at: '2026-02-03T10:00:00Z', team: 'emea', agent: 'bob', ticketId: '2', completeness: 50, missing: ['logs'] }),
          reassignmentEvent({ at: '2026-02-10T09:00:00Z', team: 'amer', agent: 'carol', ticketId: '3' }),
          decisionEvent({ at: '2026-02-10T08:00:00Z', team: 'amer', agent: 'carol', ticketId: '3' }),
          csatEvent({ at: '2026-02-12T09:00:00Z', team: 'amer', agent: 'carol', ticketId: '3', score: 2, afterHandoff: true }),
          decisionEvent({ at: '2026-02-15T09:00:00Z', agent: 'dan', ticketId: '4' }),
          // Outside the period: must not count.
          decisionEvent({ at: '2026-03-01T09:00:00Z', team: 'emea', agent: 'alice', ticketId: '5' }),
          escalationEvent({ at: '2026-01-31T23:59:59Z', team: 'emea', agent: 'alice', ticketId: '6' }),
          // January's post-handoff ratings: what February's CSAT is compared with.
          ...[5, 4, 5, 4, 2].map((score, i) => csatEvent({ at: `2026-01-${10 + i}T09:00:00Z`, team: 'amer', agent: 'carol', ticketId: `j${i}`, score, afterHandoff: true })),
        ];
        await post(o.anyAgent, events);
        return { ...o, events: events.map((e) => eventSchema.parse(e)) };
      }
      // Through JSON, as the client sees it.
      const json = (m: unknown) => JSON.parse(JSON.stringify(m));

      it('answers exactly what core/metrics computes over the same events, overall and per team', async () => {
        const { lead, events } = await seed();
        const res = await get(`/v1/metrics${period}&groupBy=team`, lead);
        expect(res.status).toBe(200);
        const { groupBy, team, agent, ...report } = await res.json();
        expect({ groupBy, team, agent }).toEqual({ groupBy: 'team', team: null, agent: null });
        expect(report).toEqual(json(computeMetrics(events, { from, to, groupBy: 'team' })));
        expect(report.events).toBe(8);
        expect(report.groups.map((g: { key: string }) => g.key)).toEqual(['(no team)', 'amer', 'emea']);
        // January was read too: 80% satisfied then, 0% in February.
        const csat = report.metrics.find((m: { id: string }) => m.id === 'post-handoff-csat');
        expect(csat).toMatchObject({ previous: 0.8, change: -80 });
      });

      it('filters by team or agent before computing, and groups by agent, UTC day and ISO week', async () => {
        const { lead, events } = await seed();
        const emea = events.filter((e) => e.team === 'emea');
        const byAgent = await (await get(`/v1/metrics${period}&groupBy=agent&team=emea`, lead)).json();
        expect(byAgent.team).toBe('emea');
        expect(byAgent.groups.map((g: { key: string }) => g.key)).toEqual(['alice', 'bob']);
        expect(byAgent.metrics).toEqual(json(computeMetrics(emea, { from, to, groupBy: 'agent' }).metrics));
        const carol = await (await get(`/v1/metrics${period}&agent=carol`, lead)).json();
        expect(carol.events).toBe(3);
        for (const groupBy of ['day', 'week'] as const) {
          const body = await (await get(`/v1/metrics${period}&groupBy=${groupBy}`, lead)).json();
          expect(body.groups).toEqual(json(computeMetrics(events, { from, to, groupBy }).groups));
        }
        const byWeek = await (await get(`/v1/metrics${period}&groupBy=week`, lead)).json();
        // Sunday 2026-02-15 belongs to the ISO week of Monday 2026-02-09.
        expect(byWeek.groups.map((g: { key: string; metrics: unknown[] }) => g.key)).toEqual(['2026-02-02', '2026-02-09']);
      });

      it('reads the same events window by window as in one go, each exactly once, csat from the period before', async () => {
        const { org, events } = await seed();
        // Two more at the very edge of a one-day window.
        const edge = [decisionEvent({ at: '2026-02-20T00:00:00Z', team: 'emea' }), decisionEvent({ at: '2026-02-19T23:59:59.999Z', team: 'emea' })];
        await post(await newOrgToken(org), edge);
        const filter = { from: new Date(from), to: new Date(to), csatSince: new Date('2026-01-01T00:00:00Z') };
        const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
        const expected = byId([...events, ...edge].map((e) => eventSchema.parse(e))).filter(
          (e) => (e.at >= '2026-02' && e.at < '2026-03') || (e.type === 'csat' && e.at >= '2026-01'),
        );
        const whole = byId(await readEvents(db, org, filter, { windowDays: 400 }));
        expect(whole.map((e) => [e.id, e.at])).toEqual(expected.map((e) => [e.id, new Date(e.at).toISOString()]));
        for (const windowDays of [1, 7, 31]) expect(byId(await readEvents(db, org, filter, { windowDays }))).toEqual(whole);
        await expect(readEvents(db, org, filter, { max: 3, windowDays: 1 })).rejects.toThrow(TooManyEventsError);
      });

      it('reads the earlier events of the period’s tickets only, when asked for what says their stage', async () => {
        const { org, events } = await seed();
        const filter = { from: new Date(from), to: new Date(to), ticketsSince: new Date('2026-01-01T00:00:00Z') };
        const inPeriod = events.filter((e) => e.at >= from && e.at < to);
        const tickets = new Set(inPeriod.map((e) => `${e.helpdesk}/${e.ticketId}`));
        // January's ratings belong to tickets j0…j4 with nothing in February; ticket 6's late-January escalation neither.
        const earlier = events.filter((e) => e.at >= '2026-01-01' && e.at < from && tickets.has(`${e.helpdesk}/${e.ticketId}`));
        const ids = (list: readonly { id: string }[]) => list.map((e) => e.id).sort();
        expect(ids(await readEvents(db, org, filter))).toEqual(ids([...inPeriod, ...earlier]));
        // Ticket 2 escalated in January too: its earlier event is read with it, and only within the team asked for.
        await post(await newOrgToken(org), [escalationEvent({ at: '2026-01-20T09:00:00Z', team: 'emea', agent: 'bob', ticketId: '2' })]);
        const withEarlier = await readEvents(db, org, filter);
        expect(withEarlier.filter((e) => e.ticketId === '2' && e.at < from)).toHaveLength(1);
        expect((await readEvents(db, org, { ...filter, team: 'amer' })).filter((e) => e.at < from)).toEqual([]);
        await expect(readEvents(db, org, { ...filter, csatSince: new Date('2026-01-01T00:00:00Z') })).rejects.toThrow('not both');
      });

      it('reads back names with quotes, backslashes, commas, brackets, newlines and emoji unchanged', async () => {
        const { org, anyAgent } = await newOrg();
        const odd = handoffEvent({ at: '2026-02-10T09:00:00Z', agent: 'Zoë "Z" \\ O\'Brien\n], [', team: 'Team, "A" 🚀', ticketId: 'T-1,"2"', missing: ['"logs"', 'a\\b'] });
        expect((await post(anyAgent, [odd])).status).toBe(200);
        const [read] = await readEvents(db, org, { from: new Date(from), to: new Date(to) });
        expect(read).toEqual({ ...eventSchema.parse(odd), at: '2026-02-10T09:00:00.000Z' });
      });

      it('defaults to the 30 days before now', async () => {
        const { lead } = await seed();
        const body = await (await get('/v1/metrics', lead)).json();
        expect({ from: body.from, to: body.to }).toEqual({ from: '2026-01-31T12:00:00.000Z', to: '2026-03-02T12:00:00.000Z' });
      });

      it('reads each status against the bands of the organisation’s published policy', async () => {
        const { lead, admin, events } = await seed();
        const metricBands = { 'misrouting-rate': { healthy: { max: 0.5 } }, 'escalation-rate': { healthy: { min: 0.05, max: 0.12 }, warning: { max: 0.3 } } };
        const before = await (await get(`/v1/metrics${period}`, lead)).json();
        expect((await call(app, 'PUT', '/v1/policy', admin, { body: { ...smallPolicy, metricBands } })).status).toBe(201);
        const { groupBy: _g, team: _t, agent: _a, ...report } = await (await get(`/v1/metrics${period}`, lead)).json();
        expect(report).toEqual(json(computeMetrics(events, { from, to, rules: metricRules(metricBands) })));
        const byId = (r: { metrics: { id: string; status: string; band: string }[] }, id: string) => r.metrics.find((m) => m.id === id);
        expect(byId(before, 'misrouting-rate')).toMatchObject({ band: 'at most 30%' });
        expect(byId(report, 'misrouting-rate')).toMatchObject({ band: 'at most 50%' });
        expect(byId(report, 'escalation-rate')).toMatchObject({ band: '5–12%' });
      });

      it('exports one CSV row per metric and group', async () => {
        const { lead, events } = await seed();
        const res = await get(`/v1/metrics${period}&groupBy=team`, lead, { Accept: 'text/csv' });
        expect(res.headers.get('content-type')).toContain('text/csv');
        const { data, meta } = Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true });
        expect(meta.fields?.slice(0, 4)).toEqual(['group', 'key', 'metric', 'label']);
        const expected = computeMetrics(events, { from, to, groupBy: 'team' });
        expect(data).toHaveLength(expected.metrics.length * 4);
        const amerEscalation = data.find((r) => r.key === 'amer' && r.metric === 'misrouting-rate');
        const core = expected.groups.find((g) => g.key === 'amer')?.metrics.find((m) => m.id === 'misrouting-rate');
        expect(amerEscalation).toMatchObject({ group: 'team', numerator: String(core?.numerator), denominator: String(core?.denominator), status: core?.status });
      });

      it('answers 400 for a reversed or over-long period and an unknown grouping', async () => {
        const { lead } = await newOrg();
        expect((await get('/v1/metrics?from=2026-03-01&to=2026-02-01', lead)).status).toBe(400);
        expect((await get('/v1/metrics?from=2024-01-01&to=2026-02-01', lead)).status).toBe(400);
        const month = await get('/v1/metrics?groupBy=month', lead);
        expect(month.status).toBe(400);
        expect((await month.json()).error.path).toEqual(['groupBy']);
      });
    });

    describe('CORS', () => {
      it('allows the extension’s Chrome and Firefox origins and no other', async () => {
        const preflight = (origin: string) =>
          app.request('/v1/events', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' } });
        const chrome = await preflight('chrome-extension://jglkbkmpocllbbcbgnaadklnbbopaemd');
        expect(chrome.headers.get('access-control-allow-origin')).toBe('chrome-extension://jglkbkmpocllbbcbgnaadklnbbopaemd');
        expect(chrome.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
        const firefox = await preflight('moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0');
        expect(firefox.headers.get('access-control-allow-origin')).toBe('moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0');
        for (const origin of ['https://evil.example', 'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) {
          expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBeNull();
        }
      });
    });

    it('answers an unknown route with a JSON 404', async () => {
      const res = await get('/v2/nothing', null);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    });
  });
}
