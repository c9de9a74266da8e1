import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { TierlineEvent } from '../../core/events';
import { openDb } from '../store/open-db';
import { createStore, type Store } from '../store/store';
import type { FetchLike } from './http';
import { readSuspects } from './probe';
import { sendOutbox } from './send-outbox';
import { createSync } from './sync';

let n = 0;
const freshStore = () => createStore(openDb({ name: `tierline-outbox-${++n}` }));

const ENDPOINT = 'https://sync.acme.test';
const QUEUED = Date.parse('2026-03-09T09:00:00Z');

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
const events = (count: number) => Array.from({ length: count }, (_, i) => event(i));

/**
 * An endpoint that stores events by id and counts how often each arrived, and
 * answers `fail(ids)` instead when it returns a response: a poison event, an
 * outage, a busy server.
 */
function fakeEndpoint(fail: (ids: string[]) => Response | Promise<Response> | undefined = () => undefined) {
  const arrivals = new Map<string, number>();
  const posts: number[] = [];
  const fetch: FetchLike = async (_url, init) => {
    if (init?.method !== 'POST') return Response.json({ error: { code: 'not_found', message: 'No policy' } }, { status: 404 });
    const { events: batch } = JSON.parse(String(init?.body)) as { events: TierlineEvent[] };
    posts.push(batch.length);
    const failure = fail(batch.map((e) => e.id));
    if (failure) return failure;
    for (const e of batch) arrivals.set(e.id, (arrivals.get(e.id) ?? 0) + 1);
    return Response.json({ accepted: batch.length, duplicates: 0 });
  };
  return {
    fetch,
    arrivals,
    posts,
    /** Ids that arrived more than once. */
    duplicates: () => [...arrivals].filter(([, count]) => count > 1).map(([id]) => id),
  };
}

const internalError = () => Response.json({ error: { code: 'internal', message: 'Something went wrong' } }, { status: 500 });
const poisonedBy = (poison: ReadonlySet<string>) => (ids: string[]) => (ids.some((id) => poison.has(id)) ? internalError() : undefined);

const send = (store: Store, endpoint: { fetch: FetchLike }, batchSize?: number) =>
  sendOutbox({ store, fetch: endpoint.fetch, endpoint: ENDPOINT, token: 'tl_agent', now: () => new Date('2026-03-09T09:01:00Z'), ...(batchSize ? { batchSize } : {}) });

describe('the outbox never wedges', () => {
  it('sets aside the one event the endpoint answers 500 for and delivers the other 1,199 exactly once', async () => {
    const store = freshStore();
    await store.enqueue(events(1200), QUEUED);
    const poison = event(700).id;
    const endpoint = fakeEndpoint(poisonedBy(new Set([poison])));
    const result = await send(store, endpoint);
    expect(result).toMatchObject({ sent: 1199, setAside: 1 });
    expect(endpoint.arrivals.size).toBe(1199);
    expect(endpoint.arrivals.has(poison)).toBe(false);
    expect(endpoint.duplicates()).toEqual([]);
    expect(await store.outboxSize()).toBe(0);
    expect(await store.listSetAside()).toEqual([
      { id: poison, event: event(700), reason: 'failed', error: 'Sending events: 500 Something went wrong', setAsideAt: '2026-03-09T09:01:00.000Z' },
    ]);
    expect(await readSuspects(store)).toEqual([]);
    // 3 batches, then one half of each split until the poison stands alone: 2 posts per level.
    expect(endpoint.posts.length).toBeLessThanOrEqual(3 + 2 * 9);
  });

  it('finds several poison events wherever they sit, whatever the batch size', async () => {
    for (const [count, batchSize, poisonAt] of [
      [2, 500, [1]],
      [3, 500, [0, 2]],
      [37, 8, [0, 5, 6, 36]],
      [300, 64, [3, 64, 65, 128, 299]],
      [1000, 500, [1, 250, 251, 499, 500, 998]],
    ] as const) {
      const store = freshStore();
      await store.enqueue(events(count), QUEUED);
      const poison = new Set(poisonAt.map((i) => event(i).id));
      const endpoint = fakeEndpoint(poisonedBy(poison));
      // Without another event to show the endpoint is up, a batch needs 3 runs before it is split.
      for (let run = 0; run < 40 && (await store.outboxSize()) > 0; run++) await send(store, endpoint, batchSize).catch(() => undefined);
      expect(await store.outboxSize()).toBe(0);
      expect(endpoint.arrivals.size).toBe(count - poison.size);
      expect(endpoint.duplicates()).toEqual([]);
      expect(new Set((await store.listSetAside()).map((r) => r.id))).toEqual(poison);
    }
  });

  it('tries a lone failing batch 3 times across worker restarts, with backoff, before splitting it', async () => {
    const store = freshStore();
    await store.enqueue(events(10), QUEUED);
    const endpoint = fakeEndpoint(poisonedBy(new Set([event(3).id])));
    let t = Date.parse('2026-03-09T09:01:00Z');
    // Each run is a new worker over the same database: the count lives in the store.
    const worker = () =>
      createSync({ store, settings: async () => ({ syncEndpoint: ENDPOINT, syncToken: 'tl_agent', policyUrl: '' }), fetch: endpoint.fetch, now: () => new Date(t), random: () => 0.5, isOnline: () => true, setTimer: () => 0, clearTimer: () => undefined });

    const first = await worker().run();
    expect(first).toMatchObject({ pending: 10, failures: 1, nextAttemptAt: '2026-03-09T09:01:02.000Z' });
    expect(await worker().run()).toMatchObject({ pending: 10, failures: 1 }); // still backing off: nothing posted
    expect(endpoint.posts).toEqual([10]);
    t += 2_000;
    expect(await worker().run()).toMatchObject({ pending: 10, failures: 2 });
    expect(await readSuspects(store)).toEqual([{ ids: events(10).map((e) => e.id), failures: 2 }]);
    expect(await store.listSetAside()).toEqual([]);
    t += 4_000;
    const third = await worker().run();
    expect(third).toMatchObject({ pending: 0, failures: 0 });
    expect(endpoint.arrivals.size).toBe(9);
    expect(endpoint.duplicates()).toEqual([]);
    expect((await store.listSetAside()).map((r) => r.id)).toEqual([event(3).id]);
  });

  it('keeps a lone event that always gets a 500 until another event shows the endpoint is up', async () => {
    const store = freshStore();
    await store.enqueue([event(0)], QUEUED);
    const endpoint = fakeEndpoint(poisonedBy(new Set([event(0).id])));
    // Alone, it cannot be told from an outage that answers 500 to everything.
    for (let run = 0; run < 10; run++) await expect(send(store, endpoint)).rejects.toThrow(/500/);
    expect(await store.listSetAside()).toEqual([]);
    await store.enqueue([event(1)], QUEUED + 60_000);
    expect(await send(store, endpoint)).toMatchObject({ sent: 1, setAside: 1 });
    expect((await store.listSetAside()).map((r) => r.id)).toEqual([event(0).id]);
  });

  it('sends the events queued behind a failing batch at once', async () => {
    const store = freshStore();
    await store.enqueue(events(15), QUEUED);
    const endpoint = fakeEndpoint(poisonedBy(new Set([event(2).id])));
    await send(store, endpoint, 5);
    // The batch after the failing one went through, so the endpoint is up: the failing batch was split at once.
    expect(endpoint.arrivals.size).toBe(14);
    expect((await store.listSetAside()).map((r) => r.id)).toEqual([event(2).id]);
  });

  for (const [what, answer] of [
    ['503', () => Response.json({ error: { code: 'unavailable', message: 'Down for maintenance' } }, { status: 503 })],
    ['429', () => Response.json({ error: { code: 'rate_limited', message: 'Slow down' } }, { status: 429, headers: { 'retry-after': '30' } })],
    ['no answer', () => Promise.reject(new TypeError('Failed to fetch'))],
  ] as const) {
    it(`never sets anything aside when the endpoint gives ${what}, and sends everything once it is back`, async () => {
      const store = freshStore();
      await store.enqueue(events(12), QUEUED);
      let down = true;
      const endpoint = fakeEndpoint(() => (down ? (answer() as Response) : undefined));
      for (let run = 0; run < 20; run++) await expect(send(store, endpoint, 5)).rejects.toThrow(/Sending events/);
      expect(endpoint.posts).toEqual(Array(20).fill(5));
      expect(await store.listSetAside()).toEqual([]);
      expect(await readSuspects(store)).toEqual([]);
      expect(await store.outboxSize()).toBe(12);
      down = false;
      expect(await send(store, endpoint, 5)).toMatchObject({ sent: 12, setAside: 0 });
      expect(endpoint.arrivals.size).toBe(12);
    });
  }

  it('never sets anything aside during an outage that answers 500 to everything, and asks little of the endpoint', async () => {
    const store = freshStore();
    await store.enqueue(events(1200), QUEUED);
    let down = true;
    const endpoint = fakeEndpoint(() => (down ? internalError() : undefined));
    const postsPerRun: number[] = [];
    for (let run = 0; run < 40; run++) {
      const before = endpoint.posts.length;
      await expect(send(store, endpoint)).rejects.toThrow(/500/);
      postsPerRun.push(endpoint.posts.length - before);
    }
    expect(await store.listSetAside()).toEqual([]);
    expect(await store.outboxSize()).toBe(1200);
    // Two remembered batches and one control per run, twice when the third strike splits them, however long the outage.
    expect(Math.max(...postsPerRun)).toBeLessThanOrEqual(6);
    expect((await readSuspects(store)).length).toBeLessThanOrEqual(2 * 10);
    down = false;
    expect(await send(store, endpoint)).toMatchObject({ sent: 1200, setAside: 0 });
    expect(endpoint.arrivals.size).toBe(1200);
    expect(endpoint.duplicates()).toEqual([]);
    expect(await readSuspects(store)).toEqual([]);
  });

  it('sets aside an event that fails the event schema before sending it, with the zod path', async () => {
    const store = freshStore();
    const broken = { ...event(1), ticketId: '' };
    await store.enqueue([event(0), broken, event(2)], QUEUED);
    const endpoint = fakeEndpoint();
    expect(await send(store, endpoint)).toMatchObject({ sent: 2, setAside: 1 });
    expect(endpoint.arrivals.has(broken.id)).toBe(false);
    const [record] = await store.listSetAside();
    expect(record).toMatchObject({ id: broken.id, event: broken, reason: 'invalid' });
    expect(record?.error).toMatch(/^ticketId: /);
  });

  it('sets aside a lone event the endpoint calls too large', async () => {
    const store = freshStore();
    await store.enqueue(events(4), QUEUED);
    const tooLarge = () => Response.json({ error: { code: 'too_large', message: 'Body too large' } }, { status: 413 });
    const endpoint = fakeEndpoint((ids) => (ids.includes(event(1).id) ? tooLarge() : undefined));
    expect(await send(store, endpoint)).toMatchObject({ sent: 3, setAside: 1 });
    expect(await store.listSetAside()).toEqual([expect.objectContaining({ id: event(1).id, reason: 'refused', error: 'Sending events: 413 Body too large' })]);
  });

  it('sends a set-aside event again from the tail of the outbox once asked to', async () => {
    const store = freshStore();
    await store.enqueue(events(3), QUEUED);
    const poison = new Set([event(1).id]);
    const endpoint = fakeEndpoint(poisonedBy(poison));
    for (let run = 0; run < 4 && (await store.outboxSize()) > 0; run++) await send(store, endpoint).catch(() => undefined);
    expect((await store.listSetAside()).map((r) => r.id)).toEqual([event(1).id]);
    await store.enqueue([event(3)], QUEUED + 60_000);
    expect(await store.requeueSetAside(undefined, QUEUED + 120_000)).toBe(1);
    expect((await store.peekOutbox(10)).map((r) => r.id)).toEqual([event(3).id, event(1).id]);
    poison.clear(); // the endpoint was fixed
    await send(store, endpoint);
    expect(await store.listSetAside()).toEqual([]);
    expect(endpoint.arrivals.size).toBe(4);
    expect(endpoint.duplicates()).toEqual([]);
  });
});
