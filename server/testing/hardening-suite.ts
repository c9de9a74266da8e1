import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventSchema } from '../../core/events';
import { lintPolicy } from '../../core/policy/lint';
import { parsePolicy } from '../../core/policy/parse';
import type { PolicyInput } from '../../core/policy/schema';
import { createApp } from '../app';
import type { Db } from '../db/db';
import { migrate } from '../db/migrations';
import { type Role, createToken } from '../store/tokens';
import { ALL_BAD_INPUTS, type BadInput } from './bad-inputs';
import { decisionEvent, handoffEvent, smallPolicy } from './fixtures';

type App = ReturnType<typeof createApp>;

/**
 * Issue 12, "no input the API accepts can break it later", run once per engine:
 * every shape the database could refuse gets a 4xx naming its path, the reads
 * keep answering after each, and rows stored before the rule are read without failing.
 */
export function describeHardeningSuite(engine: string, open: () => Promise<Db>): void {
  describe(`the hardened endpoint on ${engine}`, () => {
    let db: Db;
    let app: App;
    /** What the app's error handler saw: every 500 lands here. */
    const unexpected: unknown[] = [];
    const NOW = new Date('2026-03-02T12:00:00Z');
    let orgs = 0;

    beforeAll(async () => {
      db = await open();
      await migrate(db);
      app = createApp({ db, now: () => NOW, limits: { burst: 100_000 }, logError: (e) => unexpected.push(e) });
    }, 60_000);
    afterAll(async () => {
      await db?.close();
    });

    async function newOrg() {
      const org = `hard-${process.pid}-${++orgs}-${Math.random().toString(36).slice(2, 8)}`;
      const token = (role: Role) => createToken(db, { org, role, now: NOW });
      return { org, agent: await token('agent'), lead: await token('lead'), admin: await token('admin') };
    }
    type Org = Awaited<ReturnType<typeof newOrg>>;

    function send(target: App, input: Pick<BadInput, 'method' | 'path' | 'body' | 'raw' | 'headers'>, token: string) {
      const json = input.body === undefined ? undefined : JSON.stringify(input.body);
      const body = input.raw ?? json;
      const headers: Record<string, string> = { Authorization: `Bearer ${token}`, ...(input.raw === undefined && json !== undefined ? { 'Content-Type': 'application/json' } : {}), ...input.headers };
      return target.request(input.path, { method: input.method, headers, ...(body === undefined ? {} : { body }) });
    }
    const get = (path: string, token: string, method: 'GET' | 'HEAD' = 'GET') => send(app, { method, path }, token);
    const count = async (org: string) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE org = $1', [org]))[0]?.n;

    /** Every read a dashboard makes, each expected to answer 200. */
    async function readsStillAnswer(o: Org) {
      for (const [method, path] of [['GET', '/v1/handoffs'], ['HEAD', '/v1/handoffs'], ['GET', '/v1/handoffs?format=csv'], ['GET', '/v1/metrics'], ['GET', '/v1/policy']] as const) {
        const res = await get(path, o.lead, method);
        expect([200, 404], `${method} ${path}`).toContain(res.status);
      }
    }

    describe(`answers each of ${ALL_BAD_INPUTS.length} bad inputs with a 4xx naming the problem, stores nothing, and keeps reading`, () => {
      let o: Org;
      beforeAll(async () => {
        o = await newOrg();
        await send(app, { method: 'PUT', path: '/v1/policy', body: smallPolicy }, o.admin);
      });

      it.each(ALL_BAD_INPUTS.map((input) => [input.name, input] as const))('%s', async (_, input) => {
        const res = await send(app, input, o[input.as]);
        expect(res.status, `${input.method} ${input.path.slice(0, 80)}`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        const { error } = (await res.json()) as { error: { code: string; message: string; path?: unknown[] } };
        expect(error.code).toMatch(/^[a-z_]+$/);
        if (input.errorPath) expect(error.path).toEqual(input.errorPath);
        expect(await count(o.org)).toBe(0);
        expect((await (await get('/v1/policy', o.lead)).json()).name).toBe(smallPolicy.name);
        await readsStillAnswer(o);
      });
    });

    it('publishes a policy exactly when parsePolicy and the linter (errors only) accept it, as the CLI and the extension do', async () => {
      const o = await newOrg();
      const withTrigger = (value: string): PolicyInput => ({
        ...smallPolicy,
        triggers: [{ id: 'code', kind: 'functional', description: 'An invoice number', when: { field: 'subject', op: 'matches', value }, route: { tier: 'T2' }, action: 'Escalate.' }],
      });
      const withZone = (timeZone: string): PolicyInput => ({ ...smallPolicy, calendars: [{ id: 'office', timeZone, hours: { mon: [{ start: '09:00', end: '17:00' }] } }] });
      const candidates = [withTrigger('(a+)+$'), withTrigger('^INV-\\d{4,8}$'), withTrigger('foo(?=bar)'), withZone('Mars/Olympus'), withZone('America/New_York'), smallPolicy];
      const outcomes: boolean[] = [];
      for (const policy of candidates) {
        const parsed = parsePolicy(policy);
        const accepted = parsed.ok && lintPolicy(parsed.policy).every((f) => f.severity !== 'error');
        const res = await send(app, { method: 'PUT', path: '/v1/policy', body: policy }, o.admin);
        expect([200, 201, 422]).toContain(res.status);
        expect(res.status !== 422, JSON.stringify(policy.triggers ?? policy.calendars)).toBe(accepted);
        outcomes.push(accepted);
      }
      // Not vacuous: "Mars/Olympus" is refused, the small policy published.
      expect(outcomes).toContain(true);
      expect(outcomes).toContain(false);
    });

    it('accepts the edges of what may be stored, normalised to UTC', async () => {
      const o = await newOrg();
      const events = [
        handoffEvent({ at: '1970-01-01T00:00:00Z' }),
        handoffEvent({ at: '2199-12-31T23:59:59.999Z' }),
        handoffEvent({ at: '2026-03-01T09:00:00+14:00', team: 'é'.repeat(200) }),
        handoffEvent({ at: '2026-03-01T09:00:00-14:00', team: '🚀'.repeat(100), agent: 'a'.repeat(200) }),
      ];
      const res = await send(app, { method: 'POST', path: '/v1/events', body: { events } }, o.agent);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ accepted: 4, duplicates: 0 });
      const rows = await db.query<{ id: string; at: Date }>('SELECT id, at FROM events WHERE org = $1', [o.org]);
      const stored = new Map(rows.map((r) => [r.id, r.at.toISOString()]));
      expect(events.map((e) => stored.get(e.id))).toEqual(['1970-01-01T00:00:00.000Z', '2199-12-31T23:59:59.999Z', '2026-02-28T19:00:00.000Z', '2026-03-01T23:00:00.000Z']);
      expect(events.map((e) => eventSchema.parse(e).at)).toEqual(events.map((e) => stored.get(e.id)));
    });

    it('accepts JSON with a UTF-8 charset or the identity encoding, and drops unknown keys under data, NULs and all', async () => {
      const o = await newOrg();
      const event = { ...decisionEvent({ at: '2026-03-01T09:00:00Z' }) };
      const withJunk = { ...event, data: { ...event.data, [`x${'\u0000'}`]: { deep: ['\uD800'] } } };
      const accepted: Record<string, string>[] = [{ 'Content-Type': 'application/json; charset=utf-8' }, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Encoding': 'identity' }];
      for (const headers of accepted) {
        const res = await send(app, { method: 'POST', path: '/v1/events', raw: JSON.stringify({ events: [withJunk] }), headers }, o.agent);
        expect(res.status).toBe(200);
      }
      const [row] = await db.query<{ data: Record<string, unknown> }>('SELECT data FROM events WHERE org = $1', [o.org]);
      expect(Object.keys(row?.data ?? {}).sort()).toEqual(['bypass', 'role', 'severity', 'source', 'tier', 'triggers']);
    });

    it('reads rows stored before the rule without failing: the year-1 event and its like are skipped, the rest listed once', async () => {
      const o = await newOrg();
      const insert = (id: string, at: string) =>
        db.query(
          // With the facts migration 5 gave every row stored before them.
          `INSERT INTO events (org, id, type, at, ticket_id, helpdesk, agent, team, data, received_at, facts, score)
           VALUES ($1, $2, 'handoff', $3::timestamptz, '4711', 'zendesk', 'alice', 'emea', $4::jsonb, $5,
                   tierline_event_facts('handoff', $3::timestamptz, $4::jsonb), tierline_event_score('handoff', $4::jsonb))`,
          [o.org, id, at, JSON.stringify({ from: 'T1', to: 'T2', completeness: 100, missing: [], blocked: false }), NOW],
        );
      // Out of range: what the old validator let through (issue 12's year-1 event among them).
      await insert('bad-year-1-bc', '0001-01-01T00:30:00+01:00');
      await insert('bad-year-9999', '9999-12-31T23:59:59Z');
      await insert('bad-year-1969', '1969-12-31T23:59:59Z');
      // In range, a microsecond apart and two at the same instant: the cursor must keep them apart.
      await insert('good-1', '2026-03-01T09:00:00.123456Z');
      await insert('good-2', '2026-03-01T09:00:00.123457Z');
      await insert('good-3', '2026-03-01T09:00:00.123457Z');

      const first = await get('/v1/handoffs', o.lead);
      expect(first.status).toBe(200);
      const page = (await first.json()) as { handoffs: { id: string; at: string }[] };
      expect(page.handoffs.map((h) => [h.id, h.at])).toEqual([
        ['good-3', '2026-03-01T09:00:00.123Z'],
        ['good-2', '2026-03-01T09:00:00.123Z'],
        ['good-1', '2026-03-01T09:00:00.123Z'],
      ]);
      expect((await get('/v1/handoffs', o.lead, 'HEAD')).status).toBe(200);

      const seen: string[] = [];
      let query = '?limit=1';
      for (let i = 0; i < 10; i++) {
        const res = await get(`/v1/handoffs${query}`, o.lead);
        expect(res.status).toBe(200);
        const body = (await res.json()) as { handoffs: { id: string }[]; nextCursor: string | null };
        seen.push(...body.handoffs.map((h) => h.id));
        if (!body.nextCursor) break;
        query = `?limit=1&cursor=${body.nextCursor}`;
      }
      expect(seen).toEqual(['good-3', 'good-2', 'good-1']);

      for (const path of ['/v1/handoffs?format=csv', '/v1/metrics', '/v1/metrics?from=1970-01-01&to=1971-01-01', '/v1/metrics?from=2199-01-01&to=2199-12-31']) {
        expect((await get(path, o.lead)).status, path).toBe(200);
      }
    });

    it('logged no unexpected error for any of it', () => {
      expect(unexpected).toEqual([]);
    });
  });
}
