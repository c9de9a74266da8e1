import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { V1_FIXTURE } from './__fixtures__/v1';
import { V2_FIXTURE } from './__fixtures__/v2';
import { DB_VERSION } from './migrations';
import { openDb } from './open-db';

let n = 0;
const freshName = () => `tierline-migration-${++n}`;

/** Writes the v1 fixture into a database opened at version 1 with the real v1 migration. */
async function seedV1(name: string) {
  const db = await openDb({ name, version: 1 });
  const tx = db.transaction(['tickets', 'drafts', 'outbox', 'meta'], 'readwrite');
  // The v1 shapes lack fields the latest types require (outbox.queuedAt), hence the casts.
  for (const t of V1_FIXTURE.tickets) void tx.objectStore('tickets').put(structuredClone(t) as never);
  for (const d of V1_FIXTURE.drafts) void tx.objectStore('drafts').put(structuredClone(d) as never);
  for (const o of V1_FIXTURE.outbox) void tx.objectStore('outbox').put(structuredClone(o) as never);
  for (const m of V1_FIXTURE.meta) void tx.objectStore('meta').put(m.value, m.name);
  await tx.done;
  db.close();
}

/** Writes the v2 fixture into a database opened at version 2 with the real v1 and v2 migrations. */
async function seedV2(name: string) {
  const db = await openDb({ name, version: 2 });
  const tx = db.transaction(['outbox', 'meta'], 'readwrite');
  for (const o of V2_FIXTURE.outbox) void tx.objectStore('outbox').put(structuredClone(o) as never);
  for (const m of V2_FIXTURE.meta) void tx.objectStore('meta').put(structuredClone(m.value), m.name);
  await tx.done;
  db.close();
}

describe('database migrations', () => {
  it('creates version 1 with the seven stores the worker started with', async () => {
    const db = await openDb({ name: freshName(), version: 1 });
    expect([...db.objectStoreNames].sort()).toEqual(['decisions', 'drafts', 'meta', 'outbox', 'overrides', 'packets', 'tickets']);
    db.close();
  });

  it('walks a version-1 database to the latest version with every record intact', async () => {
    const name = freshName();
    await seedV1(name);
    const db = await openDb({ name });
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('tickets', 'zendesk:4711')).toEqual(V1_FIXTURE.tickets[0]);
    expect(await db.get('drafts', 'zendesk:4711')).toEqual(V1_FIXTURE.drafts[0]);
    expect(await db.get('meta', 'policyEtag')).toBe('"3"');
    expect(await db.count('outbox')).toBe(2);
    db.close();
  });

  it('version 2 orders events queued under version 1 by their own time', async () => {
    const name = freshName();
    await seedV1(name);
    const db = await openDb({ name, version: 2 });
    const queued = await db.getAllFromIndex('outbox', 'by-queued');
    expect(queued.map((r) => r.event.at)).toEqual(['2026-03-09T09:10:00.000Z', '2026-03-09T09:12:01.000Z']);
    expect(queued.every((r) => typeof r.queuedAt === 'number')).toBe(true);
    expect([...db.objectStoreNames]).toContain('alerts');
    expect([...db.transaction('alerts').store.indexNames]).toEqual(['by-ticket']);
    db.close();
  });

  it('version 3 keeps the ids and errors of events version 2 rejected, in the set-aside store', async () => {
    const name = freshName();
    await seedV2(name);
    const db = await openDb({ name, version: 3 });
    expect(await db.getAllFromIndex('setAside', 'by-time')).toEqual([
      { id: '0e7d5a54-1f3b-4f42-8d0e-6c1b7f0f2a90', reason: 'refused', error: 'data.tier: Invalid option', setAsideAt: '2026-03-09T09:01:00.000Z' },
      { id: '9a3c1d2e-4b5f-4a6b-8c7d-0e1f2a3b4c5d', reason: 'refused', error: 'at: Invalid ISO datetime', setAsideAt: '2026-03-10T14:30:00.000Z' },
    ]);
    expect(await db.get('meta', 'rejectedEvents')).toBeUndefined();
    expect(await db.get('meta', 'policyEtag')).toBe('"3"');
    expect(await db.getAll('outbox')).toEqual(V2_FIXTURE.outbox);
    db.close();
  });

  it('walks a version-1 database through every version to an empty set-aside store', async () => {
    const name = freshName();
    await seedV1(name);
    const db = await openDb({ name });
    expect([...db.objectStoreNames]).toContain('setAside');
    expect(await db.count('setAside')).toBe(0);
    expect((await db.getAllFromIndex('outbox', 'by-queued')).map((r) => r.id)).toEqual([V1_FIXTURE.outbox[1].id, V1_FIXTURE.outbox[0].id]);
    db.close();
  });

  it('opens an up-to-date database without running migrations again', async () => {
    const name = freshName();
    (await openDb({ name })).close();
    const raw = await openDB(name);
    expect(raw.version).toBe(DB_VERSION);
    raw.close();
    const again = await openDb({ name });
    expect(again.version).toBe(DB_VERSION);
    again.close();
  });
});
