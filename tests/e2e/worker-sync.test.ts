/**
 * The worker against the real sync endpoint (server/, embedded PGlite), in
 * Chromium: a decision and a handoff recorded through the extension's
 * messages reach the endpoint exactly once even though the worker is stopped
 * while their batch is in flight; the organisation's policy arrives by ETag;
 * queue-timer alerts are announced once across a worker restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../core/policy/default-policy';
import { type RunningServer, startServer } from '../../server/start';
import { createToken } from '../../server/store/tokens';
import { callWorker, type ExtensionGlobal, type LaunchedBrowser, launchBrowser } from './harness';

/**
 * Sits between the worker and the endpoint. While `hold` is on it forwards a
 * POST /v1/events (the endpoint stores the events) but keeps the answer back:
 * the moment a worker dies having sent a batch without learning it arrived.
 */
function startHoldingProxy(upstream: string) {
  const held: ServerResponse[] = [];
  const batches: string[][] = [];
  let hold = false;
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k))) as Record<string, string>;
    const answer = await fetch(`${upstream}${req.url}`, { method: req.method ?? 'GET', headers, ...(body.length ? { body } : {}) });
    const text = await answer.text();
    if (req.method === 'POST' && req.url === '/v1/events') {
      batches.push((JSON.parse(body.toString()) as { events: { id: string }[] }).events.map((e) => e.id));
      if (hold) {
        held.push(res);
        return;
      }
    }
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(text);
  });
  return new Promise<{ url: string; batches: string[][]; held: ServerResponse[]; setHold(on: boolean): void; close(): Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        batches,
        held,
        setHold: (on) => {
          hold = on;
        },
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    );
  });
}

const AGENT = 'ana@acme.test';
let dataDir: string;
let endpoint: RunningServer;
let proxy: Awaited<ReturnType<typeof startHoldingProxy>>;
let browser: LaunchedBrowser;
let page: Page;

async function storedEvents(): Promise<{ id: string; type: string }[]> {
  return endpoint.db.query<{ id: string; type: string }>("SELECT id, type FROM events WHERE org = 'acme' ORDER BY at, id");
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tierline-endpoint-'));
  // The embedded database takes a while to create: start the browser meanwhile.
  [endpoint, browser] = await Promise.all([startServer({ port: 0, dataDir }), launchBrowser()]);
  const now = new Date();
  const agentToken = await createToken(endpoint.db, { org: 'acme', role: 'agent', agent: AGENT, now });
  const adminToken = await createToken(endpoint.db, { org: 'acme', role: 'admin', now });
  const published = await fetch(`${endpoint.url}/v1/policy`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...defaultPolicy, name: 'Acme support levels' }),
  });
  expect(published.status).toBe(201);
  proxy = await startHoldingProxy(endpoint.url);

  page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('options.html'));
  await callWorker(page, 'saveSetting', { key: 'agent', value: AGENT });
  await callWorker(page, 'saveSetting', { key: 'syncToken', value: agentToken });
  await callWorker(page, 'saveSetting', { key: 'syncEndpoint', value: proxy.url });
  // Creating the embedded database is slow on a busy 2-core machine.
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await endpoint?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the worker and the sync endpoint', () => {
  it("pulls the organisation's policy and routes with it", async () => {
    const status = await callWorker(page, 'syncNow');
    expect(status).toMatchObject({ configured: true, failures: 0, policyEtag: '"1"', policyRevision: 1 });
    const answer = await callWorker(page, 'getPolicy');
    expect(answer).toMatchObject({ source: 'org', revision: 1 });
    expect(answer.policy.name).toBe('Acme support levels');
  });

  it('delivers a decision and a handoff exactly once although the worker is stopped mid-send', async () => {
    proxy.setHold(true);
    await callWorker(page, 'ticketSeen', {
      ticket: { id: '5001', helpdesk: 'zendesk', subject: 'Refund of $2,400 disputed', status: 'open', currentTier: 'T1', createdAt: new Date().toISOString() },
    });
    const handoff = await callWorker(page, 'recordEvent', {
      event: { type: 'handoff', ticketId: '5001', helpdesk: 'zendesk', data: { from: 'T1', to: 'T2', completeness: 83, missing: ['logs'], blocked: false } },
    });

    // The batch reached the endpoint and was stored, but its answer is held back.
    await until(() => Promise.resolve(proxy.held.length), (n) => n > 0, 'a held POST /v1/events');
    const firstBatch = proxy.batches.flat();
    expect(firstBatch.length).toBeGreaterThan(0);
    expect((await storedEvents()).map((e) => e.id).sort()).toEqual([...firstBatch].sort());
    expect((await callWorker(page, 'getStatus')).pending).toBeGreaterThanOrEqual(firstBatch.length);

    await browser.stopWorker();
    proxy.setHold(false);
    for (const res of proxy.held.splice(0)) res.destroy();

    // Any extension event starts the worker again; on start it sends what the outbox still holds.
    const after = await until(() => callWorker(page, 'getStatus'), (s) => s.pending === 0, 'the outbox to empty after the restart');
    expect(after.failures).toBe(0);
    const resent = proxy.batches.slice(1).flat();
    expect(resent).toEqual(expect.arrayContaining(firstBatch));

    const stored = await storedEvents();
    expect(stored.filter((e) => e.type === 'decision')).toHaveLength(1);
    expect(stored.filter((e) => e.type === 'handoff').map((e) => e.id)).toEqual([handoff.id]);
    expect(new Set(stored.map((e) => e.id)).size).toBe(stored.length);
  });

  it('announces a breached queue timer once, and not again after the worker restarts', async () => {
    const chrome = async <T>(fn: () => Promise<T>) => (await browser.serviceWorker()).evaluate(fn);
    // An enterprise ticket that entered Tier 1 two weeks ago: far past its 15 business minutes.
    const entered = new Date(Date.now() - 14 * 86_400_000).toISOString();
    await callWorker(page, 'ticketSeen', {
      ticket: { id: '5002', helpdesk: 'zendesk', subject: 'SSO down for all users', status: 'open', requester: { customerTier: 'enterprise' }, currentTier: 'T1', tierEnteredAt: entered, createdAt: entered },
    });
    const notifications = await chrome(() => (globalThis as unknown as ExtensionGlobal).chrome.notifications.getAll());
    expect(Object.keys(notifications)).toContain('zendesk:5002|time-enterprise-t1');
    expect(await chrome(() => (globalThis as unknown as ExtensionGlobal).chrome.action.getBadgeText({}))).toBe('1');
    await chrome(async () => {
      const api = (globalThis as unknown as ExtensionGlobal).chrome.notifications;
      for (const id of Object.keys(await api.getAll())) await api.clear(id);
    });

    // Wake every 3 s (unpacked extensions may go below Chrome's 30 s), restart, let the alarm run twice.
    await callWorker(page, 'saveSetting', { key: 'alarmPeriodMinutes', value: 0.05 });
    await browser.stopWorker();
    const restartedAt = new Date().toISOString();
    await callWorker(page, 'getStatus');
    const alarm = await chrome(() => (globalThis as unknown as ExtensionGlobal).chrome.alarms.get('tierline-queue-timers'));
    expect(alarm?.periodInMinutes).toBe(0.05);
    // The alarm re-decided the ticket after the restart (its decision is newer) and still announced nothing.
    const decidedAt = () =>
      chrome(async () => {
        const db = await new Promise<IDBDatabase>((done, fail) => {
          const open = indexedDB.open('tierline');
          open.onsuccess = () => done(open.result);
          open.onerror = () => fail(open.error);
        });
        const record = await new Promise<{ decidedAt: string } | undefined>((done) => {
          const get = db.transaction('decisions').objectStore('decisions').get('zendesk:5002');
          get.onsuccess = () => done(get.result as { decidedAt: string } | undefined);
        });
        db.close();
        return record?.decidedAt ?? '';
      });
    await until(decidedAt, (at) => at > restartedAt, 'an alarm tick after the restart', 20_000);
    expect(await chrome(() => (globalThis as unknown as ExtensionGlobal).chrome.notifications.getAll())).toEqual({});
    expect(await chrome(() => (globalThis as unknown as ExtensionGlobal).chrome.action.getBadgeText({}))).toBe('1');
  });
});
