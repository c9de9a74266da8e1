import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { z } from 'zod';
import type { SetAsideRecord, TierlineDb } from './schema';

/**
 * How each database version becomes the next. One typed function per version;
 * `openDb` runs every one above the version found on disk, in order, inside the
 * upgrade transaction. Never edit a shipped migration: add the next one, and a
 * fixture of the old shape in migrations.test.ts.
 */

export type UpgradeTx = IDBPTransaction<TierlineDb, StoreNames<TierlineDb>[], 'versionchange'>;
export type Migration = (db: IDBPDatabase<TierlineDb>, tx: UpgradeTx) => Promise<void> | void;

/** Version 1: the stores the worker started with. */
const v1: Migration = (db) => {
  db.createObjectStore('tickets', { keyPath: 'key' });
  db.createObjectStore('decisions', { keyPath: 'key' });
  db.createObjectStore('overrides', { keyPath: 'key' });
  db.createObjectStore('drafts', { keyPath: 'key' });
  db.createObjectStore('packets', { keyPath: 'key' });
  db.createObjectStore('outbox', { keyPath: 'id' });
  db.createObjectStore('meta');
};

/**
 * Version 2: the outbox is sent in the order events were queued (an index on
 * `queuedAt`, filled in for events queued under version 1, which had none), and
 * an `alerts` store remembers which time triggers were already announced, so a
 * restarted worker does not notify twice.
 */
const v2: Migration = async (db, tx) => {
  const outbox = tx.objectStore('outbox');
  let cursor = await outbox.openCursor();
  let seq = 0;
  while (cursor) {
    const record = cursor.value as Partial<TierlineDb['outbox']['value']> & Pick<TierlineDb['outbox']['value'], 'id' | 'event'>;
    if (typeof record.queuedAt !== 'number') {
      // Version 1 kept no queue time: the event's own time is the best order we have.
      await cursor.update({ ...record, queuedAt: Date.parse(record.event.at) + (seq++ % 1000) / 1000 });
    }
    cursor = await cursor.continue();
  }
  outbox.createIndex('by-queued', 'queuedAt');
  const alerts = db.createObjectStore('alerts', { keyPath: 'key' });
  alerts.createIndex('by-ticket', 'ticketKey');
};

/** What version 2 kept in meta `rejectedEvents` for an event a 400 named: no more than this. */
const v2RejectedSchema = z.object({ id: z.string().min(1), message: z.string(), at: z.string() });

/**
 * Version 3: events the outbox cannot send are kept whole in a `setAside`
 * store, with the error and when, to be exported or sent again (issue 12).
 * Version 2 kept only the id and the error of the last 200, in meta
 * `rejectedEvents`; those move over without their event, which was not kept.
 */
const v3: Migration = async (db, tx) => {
  db.createObjectStore('setAside', { keyPath: 'id' }).createIndex('by-time', 'setAsideAt');
  const meta = tx.objectStore('meta');
  const legacy = await meta.get('rejectedEvents');
  const setAside = tx.objectStore('setAside');
  for (const item of Array.isArray(legacy) ? legacy : []) {
    const parsed = v2RejectedSchema.safeParse(item);
    if (!parsed.success) continue;
    const record: SetAsideRecord = { id: parsed.data.id, reason: 'refused', error: parsed.data.message, setAsideAt: parsed.data.at };
    await setAside.put(record);
  }
  await meta.delete('rejectedEvents');
};

export const MIGRATIONS: readonly Migration[] = [v1, v2, v3];
export const DB_VERSION = MIGRATIONS.length;
