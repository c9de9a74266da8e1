import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import type { Db } from '../db/db';
import { MIGRATIONS, migrate } from '../db/migrations';
import { hashToken, issueToken, listTokens, revokeToken, tokenIdSchema } from '../store/tokens';

/** The database behind `db`, counting every statement the app sends it. */
function countingDb(db: Db): { db: Db; queries: () => number } {
  let n = 0;
  const counted: Db = {
    dialect: db.dialect,
    query: <T extends object>(sql: string, params?: readonly unknown[]) => {
      n++;
      return db.query<T>(sql, params);
    },
    exec: (sql) => {
      n++;
      return db.exec(sql);
    },
    transaction: (fn) => {
      n++;
      return db.transaction(fn);
    },
    stored: (table, rows) => db.stored(table, rows),
    close: async () => {},
  };
  return { db: counted, queries: () => n };
}

/** A token of Tierline's shape that was never issued. */
const strangerToken = () => `tl_${randomBytes(32).toString('base64url')}`;

/**
 * Tokens with a life cycle (issue 12) — list, revoke, expiry, last use, the 401 cases and the
 * failed-authentication limit — run once per engine like the API suite. The database starts at
 * migration 2 with a token issued then, to prove migration 3 keeps old tokens working.
 */
export function describeTokenSuite(engine: string, open: () => Promise<Db>): void {
  describe(`tokens on ${engine}`, () => {
    let db: Db;
    let orgs = 0;
    const NOW = new Date('2026-03-02T12:00:00Z');
    const legacyToken = strangerToken();

    beforeAll(async () => {
      db = await open();
      await migrate(db, MIGRATIONS.filter((m) => m.version <= 2));
      await db.query("INSERT INTO orgs (id, created_at) VALUES ('legacy', $1)", [NOW]);
      await db.query("INSERT INTO tokens (hash, org, role, agent, label, created_at) VALUES ($1, 'legacy', 'admin', NULL, 'from before ids', $2)", [hashToken(legacyToken), NOW]);
      await migrate(db);
    }, 60_000);
    afterAll(async () => {
      await db?.close();
    });

    const newOrg = () => `tok-${process.pid}-${++orgs}-${Math.random().toString(36).slice(2, 8)}`;

    /** An app whose clock and client address the test sets. */
    function appAt(start: Date, target: Db = db, limits = {}) {
      const clock = { now: start, address: '203.0.113.7' };
      const app = createApp({ db: target, now: () => clock.now, limits: { burst: 10_000, ...limits }, clientAddress: () => clock.address });
      const get = (path: string, token: string | null, headers: Record<string, string> = {}) =>
        app.request(path, { headers: { ...headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
      return { app, clock, get };
    }
    const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

    it('gives tokens issued before migration 3 an id, no expiry, and keeps accepting them', async () => {
      const [legacy] = await listTokens(db, { org: 'legacy' });
      expect(tokenIdSchema.safeParse(legacy?.id).success).toBe(true);
      expect(legacy).toMatchObject({ role: 'admin', label: 'from before ids', expiresAt: null, revokedAt: null });
      const { get } = appAt(NOW);
      expect((await get('/v1/policy', legacyToken)).status).toBe(404);
    });

    it('lists id, org, role, created, last used and expires for each token, never the token or its hash', async () => {
      const org = newOrg();
      const admin = await issueToken(db, { org, role: 'admin', now: NOW, label: 'laptop' });
      const agent = await issueToken(db, { org, role: 'agent', agent: 'alice', now: NOW, expiresAt: new Date('2026-05-31T12:00:00Z') });
      const service = await issueToken(db, { org, role: 'lead', now: NOW, expiresAt: null });
      await issueToken(db, { org: newOrg(), role: 'admin', now: NOW });

      const listed = await listTokens(db, { org });
      expect(listed.map((t) => t.id).sort()).toEqual([admin.id, agent.id, service.id].sort());
      expect(listed.find((t) => t.id === admin.id)).toEqual({
        id: admin.id,
        org,
        role: 'admin',
        agent: null,
        label: 'laptop',
        createdAt: NOW,
        lastUsedAt: null,
        expiresAt: new Date('2027-03-02T12:00:00Z'),
        revokedAt: null,
      });
      expect(listed.find((t) => t.id === agent.id)).toMatchObject({ agent: 'alice', expiresAt: new Date('2026-05-31T12:00:00Z') });
      expect(listed.find((t) => t.id === service.id)?.expiresAt).toBeNull();
      const text = JSON.stringify(listed);
      for (const issued of [admin, agent, service]) {
        expect(text).not.toContain(issued.token);
        expect(text).not.toContain(hashToken(issued.token));
      }
      expect((await listTokens(db)).some((t) => t.org !== org)).toBe(true);
    });

    it('refuses a revoked token from the very next request, with the same answer as a token never issued', async () => {
      const org = newOrg();
      const issued = await issueToken(db, { org, role: 'admin', now: NOW });
      const { get } = appAt(NOW);
      expect((await get('/v1/policy', issued.token)).status).toBe(404);

      expect(await revokeToken(db, issued.id, NOW)).toBe('revoked');
      const revoked = await get('/v1/policy', issued.token);
      expect(revoked.status).toBe(401);
      expect(revoked.headers.get('www-authenticate')).toBe('Bearer realm="tierline", error="invalid_token"');
      const never = await get('/v1/policy', strangerToken());
      expect(await errorOf(revoked)).toEqual(await errorOf(never));

      expect(await revokeToken(db, issued.id, new Date('2026-03-03T00:00:00Z'))).toBe('already-revoked');
      expect((await listTokens(db, { org }))[0]?.revokedAt).toEqual(NOW);
      expect(await revokeToken(db, 'tok_0123456789abcdef', NOW)).toBe('unknown');
    });

    it('refuses a token once it expires, with the same answer as a token never issued', async () => {
      const issued = await issueToken(db, { org: newOrg(), role: 'admin', now: NOW, expiresAt: new Date('2026-03-02T13:00:00Z') });
      const { clock, get } = appAt(new Date('2026-03-02T12:59:59Z'));
      expect((await get('/v1/policy', issued.token)).status).toBe(404);
      clock.now = new Date('2026-03-02T13:00:00Z');
      const expired = await get('/v1/policy', issued.token);
      expect(expired.status).toBe(401);
      expect(await errorOf(expired)).toEqual(await errorOf(await get('/v1/policy', strangerToken())));
    });

    it('says which case a 401 is: no header, a malformed header, a malformed token, a token not valid', async () => {
      const { get } = appAt(NOW);
      expect(await errorOf(await get('/v1/policy', null))).toMatchObject({ code: 'unauthorized' });
      const basic = await get('/v1/policy', null, { Authorization: 'Basic YWRtaW46YWRtaW4=' });
      expect(basic.headers.get('www-authenticate')).toContain('error="invalid_request"');
      expect(await errorOf(basic)).toMatchObject({ code: 'malformed_authorization' });
      expect(await errorOf(await get('/v1/policy', 'tl_cut-short'))).toMatchObject({ code: 'invalid_token', message: expect.stringContaining('malformed') });
      expect(await errorOf(await get('/v1/policy', strangerToken()))).toMatchObject({ code: 'invalid_token', message: expect.stringContaining('unknown, revoked or expired') });
    });

    it('records when a token was last used, writing at most once a minute', async () => {
      const issued = await issueToken(db, { org: newOrg(), role: 'admin', now: NOW });
      const counted = countingDb(db);
      const { clock, get } = appAt(NOW, counted.db);
      const lastUsed = async () => (await listTokens(db)).find((t) => t.id === issued.id)?.lastUsedAt;

      clock.now = new Date('2026-03-02T12:00:00Z');
      await get('/v1/policy', issued.token);
      expect(await lastUsed()).toEqual(clock.now);
      const before = counted.queries();
      clock.now = new Date('2026-03-02T12:00:59Z');
      await get('/v1/policy', issued.token);
      expect(counted.queries() - before).toBe(2); // the token's SELECT and the policy's: no UPDATE
      expect(await lastUsed()).toEqual(new Date('2026-03-02T12:00:00Z'));
      clock.now = new Date('2026-03-02T12:01:01Z');
      await get('/v1/policy', issued.token);
      expect(await lastUsed()).toEqual(clock.now);
    });

    describe('failed authentications per client address', () => {
      it('answers 429 after 30 failures from one address and asks the database no more, over 2,000 bad tokens', async () => {
        const counted = countingDb(db);
        const { get } = appAt(NOW, counted.db);
        const statuses: number[] = [];
        for (let i = 0; i < 2000; i++) statuses.push((await get('/v1/policy', strangerToken())).status);
        expect(statuses.filter((s) => s === 401)).toHaveLength(30);
        expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
        expect(counted.queries()).toBe(30);
      });

      it('stops a concurrent flood as well: 500 bad tokens at once reach the database 30 times', async () => {
        const counted = countingDb(db);
        const { get } = appAt(NOW, counted.db);
        const statuses = await Promise.all(Array.from({ length: 500 }, async () => (await get('/v1/policy', strangerToken())).status));
        expect(statuses.filter((s) => s === 429)).toHaveLength(470);
        expect(counted.queries()).toBe(30);
      });

      it('limits each address on its own, IPv6 by /64, says when to retry, and refills', async () => {
        const issued = await issueToken(db, { org: newOrg(), role: 'admin', now: NOW });
        const counted = countingDb(db);
        const { clock, get } = appAt(NOW, counted.db, { authFailureBurst: 3, authFailurePerSecond: 0.5 });
        clock.address = '2001:db8:1:2::1';
        for (let i = 0; i < 3; i++) expect((await get('/v1/policy', strangerToken())).status).toBe(401);
        clock.address = '2001:db8:1:2:ffff::9'; // same /64
        const limited = await get('/v1/policy', issued.token);
        expect(limited.status).toBe(429);
        expect(limited.headers.get('retry-after')).toBe('2');
        expect(await errorOf(limited)).toMatchObject({ code: 'too_many_failed_authentications' });

        clock.address = '2001:db8:1:3::1'; // another /64
        expect((await get('/v1/policy', issued.token)).status).toBe(404);
        clock.address = '::ffff:198.51.100.4';
        expect((await get('/v1/policy', strangerToken())).status).toBe(401);

        clock.address = '2001:db8:1:2::1';
        clock.now = new Date(NOW.getTime() + 2000);
        expect((await get('/v1/policy', issued.token)).status).toBe(404);
        expect((await get('/v1/policy', issued.token)).status).toBe(404); // a success gives its slot back
      });

      it('does not count successful requests as failures', async () => {
        const issued = await issueToken(db, { org: newOrg(), role: 'admin', now: NOW });
        const { get } = appAt(NOW, db, { authFailureBurst: 2 });
        for (let i = 0; i < 50; i++) expect((await get('/v1/policy', issued.token)).status).toBe(404);
      });

      it('puts every request without a socket (app.request) under one key by default', async () => {
        const app = createApp({ db, now: () => NOW, limits: { authFailureBurst: 1 } });
        const bad = () => app.request('/v1/policy', { headers: { Authorization: `Bearer ${strangerToken()}` } });
        expect((await bad()).status).toBe(401);
        expect((await bad()).status).toBe(429);
      });
    });

    describe('health', () => {
      it('answers /healthz from memory, without a database round trip', async () => {
        const counted = countingDb(db);
        const { get } = appAt(NOW, counted.db);
        const res = await get('/healthz', null);
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ ok: true, database: db.dialect });
        expect(counted.queries()).toBe(0);
      });

      it('answers /readyz after a round trip, one per second however many ask', async () => {
        const counted = countingDb(db);
        const { clock, get } = appAt(NOW, counted.db);
        const answers = await Promise.all([1, 2, 3].map(() => get('/readyz', null)));
        expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
        expect(await answers[0]?.json()).toEqual({ ok: true, database: db.dialect });
        expect(counted.queries()).toBe(1);
        clock.now = new Date(NOW.getTime() + 1000);
        await get('/readyz', null);
        expect(counted.queries()).toBe(2);
      });

      it('answers /readyz with 503 when the database does not answer, and logs why', async () => {
        const broken: Db = { ...db, query: async () => Promise.reject(new Error('connection refused')) };
        const logged: unknown[] = [];
        const app = createApp({ db: broken, now: () => NOW, logError: (e) => logged.push(e) });
        const res = await app.request('/readyz');
        expect(res.status).toBe(503);
        expect(await errorOf(res)).toMatchObject({ code: 'not_ready' });
        expect(String(logged[0])).toContain('connection refused');
        expect((await app.request('/healthz')).status).toBe(200);
      });
    });
  });
}
