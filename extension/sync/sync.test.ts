import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { TierlineEvent } from '../../core/events';
import { defaultPolicy } from '../../core/policy/default-policy';
import { openDb } from '../store/open-db';
import { createStore, type Store } from '../store/store';
import { backoffDelay } from './backoff';
import type { FetchLike } from './http';
import { createSync, type SyncDeps } from './sync';

let n = 0;
const freshStore = () => createStore(openDb({ name: `tierline-sync-${++n}` }));

const ENDPOINT = 'https://sync.acme.test';
const settings = async () => ({ syncEndpoint: ENDPOINT, syncToken: 'tl_agent', policyUrl: '' });

function event(i: number): TierlineEvent {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    type: 'decision',
    at: '2026-03-09T09:00:00.000Z',
    ticketId: String(4000 + i),
    helpdesk: 'zendesk',
    agent: 'ana',
    data: { tier: 'T1', role: 'tier-1-agent', severity: 'normal', bypass: false, triggers: [], source: 'rules' },
  };
}

/** A fake endpoint that stores events by id (a repeated id is a duplicate) and serves a policy with an ETag. */
function fakeEndpoint() {
  const stored = new Map<string, TierlineEvent>();
  const batches: number[] = [];
  const policyRequests: (string | null)[] = [];
  let policy: unknown = { ...defaultPolicy, revision: 3 };
  let etag = '"3"';
  let failNext: (() => Response | Promise<Response>) | undefined;
  const fetch: FetchLike = async (url, init) => {
    const fail = failNext;
    failNext = undefined;
    if (fail) return fail();
    if (url === `${ENDPOINT}/v1/events` && init?.method === 'POST') {
      const { events } = JSON.parse(String(init.body)) as { events: TierlineEvent[] };
      batches.push(events.length);
      let accepted = 0;
      for (const e of events) {
        if (stored.has(e.id)) continue;
        stored.set(e.id, e);
        accepted++;
      }
      return Response.json({ accepted, duplicates: events.length - accepted });
    }
    if (url === `${ENDPOINT}/v1/policy`) {
      const sent = new Headers(init?.headers).get('if-none-match');
      policyRequests.push(sent);
      if (sent === etag) return new Response(null, { status: 304 });
      return Response.json(policy, { headers: { etag } });
    }
    return Response.json({ error: { code: 'not_found', message: 'no route' } }, { status: 404 });
  };
  return {
    fetch,
    stored,
    batches,
    policyRequests,
    failOnce(respond: () => Response | Promise<Response>) {
      failNext = respond;
    },
    publish(next: unknown, tag: string) {
      policy = next;
      etag = tag;
    },
  };
}

/** A clock the test moves by hand, and timers that only fire when the test says so. */
function manualTime(start: string) {
  let t = Date.parse(start);
  const timers: { at: number; run: () => void }[] = [];
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
    setTimer: (run: () => void, ms: number) => {
      const timer = { at: t + ms, run };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle: unknown) => {
      const i = timers.indexOf(handle as (typeof timers)[number]);
      if (i >= 0) timers.splice(i, 1);
    },
    pending: () => timers.map((x) => x.at - t),
  };
}

function syncWith(store: Store, endpoint: ReturnType<typeof fakeEndpoint>, time: ReturnType<typeof manualTime>, extra: Partial<SyncDeps> = {}) {
  return createSync({ store, settings, fetch: endpoint.fetch, now: time.now, random: () => 0.5, isOnline: () => true, setTimer: time.setTimer, clearTimer: time.clearTimer, ...extra });
}

describe('backoffDelay', () => {
  it('waits up to base · 2ⁿ, capped, scaled by the jitter', () => {
    expect(backoffDelay(1, { random: () => 1 })).toBe(4_000);
    expect(backoffDelay(3, { random: () => 0.5 })).toBe(8_000);
    expect(backoffDelay(30, { random: () => 0.999999 })).toBe(Math.floor(0.999999 * 15 * 60_000));
    expect(backoffDelay(5, { random: () => 0 })).toBe(0);
  });
});

describe('sync', () => {
  it('sends 1,200 queued events in batches of at most 500 and empties the outbox', async () => {
    const store = freshStore();
    const endpoint = fakeEndpoint();
    await store.enqueue(Array.from({ length: 1200 }, (_, i) => event(i)), Date.parse('2026-03-09T09:00:00Z'));
    const status = await syncWith(store, endpoint, manualTime('2026-03-09T09:01:00Z')).run();
    expect(endpoint.batches).toEqual([500, 500, 200]);
    expect(endpoint.stored.size).toBe(1200);
    expect(status.pending).toBe(0);
    expect(status.failures).toBe(0);
  });

  it('keeps a batch the endpoint did not acknowledge and backs off before trying again', async () => {
    const store = freshStore();
    const endpoint = fakeEndpoint();
    const time = manualTime('2026-03-09T09:01:00Z');
    const sync = syncWith(store, endpoint, time);
    await store.enqueue([event(1), event(2)], time.now().getTime());
    endpoint.failOnce(() => Response.json({ error: { code: 'internal', message: 'Something went wrong' } }, { status: 500 }));
    const failed = await sync.run();
    expect(failed.pending).toBe(2);
    expect(failed.failures).toBe(1);
    expect(failed.lastError).toMatch(/500 Something went wrong/);
    // First retry: half (the jitter) of 2 s · 2¹.
    expect(failed.nextAttemptAt).toBe('2026-03-09T09:01:02.000Z');
    expect(time.pending()).toEqual([2000]);

    time.advance(1000);
    expect((await sync.run()).pending).toBe(2);
    expect(endpoint.stored.size).toBe(0);

    time.advance(1000);
    const recovered = await sync.run();
    expect(recovered).toMatchObject({ pending: 0, failures: 0 });
    expect(endpoint.stored.size).toBe(2);
  });

  it('delivers each event exactly once when the worker dies after the endpoint stored a batch but before the answer', async () => {
    const store = freshStore();
    const endpoint = fakeEndpoint();
    const time = manualTime('2026-03-09T09:01:00Z');
    await store.enqueue([event(1), event(2), event(3)], time.now().getTime());
    // The endpoint stores the batch, then the worker is stopped: the answer never arrives.
    endpoint.failOnce(async () => {
      await endpoint.fetch(`${ENDPOINT}/v1/events`, { method: 'POST', body: JSON.stringify({ events: [event(1), event(2), event(3)] }) });
      return new Promise<Response>(() => undefined);
    });
    void syncWith(store, endpoint, time).run();
    await new Promise((r) => setTimeout(r, 50));
    expect(endpoint.stored.size).toBe(3);
    expect(await store.outboxSize()).toBe(3);

    // A new worker starts over the same database and sends the same ids again.
    const restarted = await syncWith(store, endpoint, time).run();
    expect(restarted.pending).toBe(0);
    expect([...endpoint.stored.keys()]).toEqual([event(1).id, event(2).id, event(3).id]);
  });

  it('waits while offline without counting a failure', async () => {
    const store = freshStore();
    const endpoint = fakeEndpoint();
    let online = false;
    const sync = syncWith(store, endpoint, manualTime('2026-03-09T09:01:00Z'), { isOnline: () => online });
    await store.enqueue([event(1)], Date.parse('2026-03-09T09:00:00Z'));
    const offline = await sync.run();
    expect(offline).toMatchObject({ pending: 1, failures: 0, online: false });
    expect(offline.lastError).toMatch(/Offline/);
    online = true;
    expect((await sync.run()).pending).toBe(0);
  });

  it('treats an unreachable endpoint as a failure to retry, not a loss', async () => {
    const store = freshStore();
    const endpoint = fakeEndpoint();
    const sync = syncWith(store, endpoint, manualTime('2026-03-09T09:01:00Z'));
    await store.enqueue([event(1)], Date.parse('2026-03-09T09:00:00Z'));
    endpoint.failOnce(() => Promise.reject(new TypeError('Failed to fetch')));
    const status = await sync.run();
    expect(status).toMatchObject({ pending: 1, failures: 1 });
    expect(status.lastError).toMatch(/could not be reached \(Failed to fetch\)/);
  });

  it("honours a 429's Retry-After", async () => {
    const store = freshStore();
    const endpoint = fakeEndpoint();
    const time = manualTime('2026-03-09T09:01:00Z');
    await store.enqueue([event(1)], time.now().getTime());
    endpoint.failOnce(() => Response.json({ error: { code: 'rate_limited', message: 'Slow down' } }, { status: 429, headers: { 'retry-after': '30' } }));
    expect((await syncWith(store, endpoint, time).run()).nextAttemptAt).toBe('2026-03-09T09:01:30.000Z');
  });

  it('sets aside an event the endpoint calls invalid and sends the rest', async () => {
    const store = freshStore();
    const endpoint = fakeEndpoint();
    await store.enqueue([event(1), event(2), event(3)], Date.parse('2026-03-09T09:00:00Z'));
    endpoint.failOnce(() =>
      Response.json(
        { error: { code: 'invalid_event', message: 'Invalid event, nothing stored', issues: [{ path: ['events', 1, 'data', 'tier'], message: 'Invalid option' }] } },
        { status: 400 },
      ),
    );
    const status = await syncWith(store, endpoint, manualTime('2026-03-09T09:01:00Z')).run();
    expect(status.pending).toBe(0);
    expect([...endpoint.stored.keys()]).toEqual([event(1).id, event(3).id]);
    expect(await store.listSetAside()).toEqual([{ id: event(2).id, event: event(2), reason: 'refused', error: 'data.tier: Invalid option', setAsideAt: '2026-03-09T09:01:00.000Z' }]);
  });

  it('pulls the policy once, then asks with If-None-Match and keeps it on 304', async () => {
    const store = freshStore();
    const endpoint = fakeEndpoint();
    const seen: string[] = [];
    const sync = syncWith(store, endpoint, manualTime('2026-03-09T09:01:00Z'), { onPolicy: (r) => seen.push(r.kind) });
    expect((await sync.run()).policyRevision).toBe(3);
    expect((await sync.run()).policyEtag).toBe('"3"');
    expect(endpoint.policyRequests).toEqual([null, '"3"']);
    expect(seen).toEqual(['updated']);
    expect(await store.getMeta('orgPolicy')).toMatchObject({ name: defaultPolicy.name, revision: 3 });
  });

  it('refuses an invalid organisation policy, keeps the previous one and says why', async () => {
    const store = freshStore();
    const endpoint = fakeEndpoint();
    const sync = syncWith(store, endpoint, manualTime('2026-03-09T09:01:00Z'));
    await sync.run();
    endpoint.publish({ ...defaultPolicy, revision: 4, tiers: [] }, '"4"');
    const status = await sync.run();
    expect(status.policyRevision).toBe(3);
    expect(status.policyError).toMatch(/refused and the previous one kept: tiers/);
    endpoint.publish({ ...defaultPolicy, revision: 5 }, '"5"');
    const fixed = await sync.run();
    expect(fixed.policyRevision).toBe(5);
    expect(fixed.policyError).toBeUndefined();
  });
});
