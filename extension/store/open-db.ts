import { type IDBPDatabase, openDB } from 'idb';
import { DB_VERSION, MIGRATIONS } from './migrations';
import type { TierlineDb } from './schema';

export const DB_NAME = 'tierline';

/**
 * Opens (creating or upgrading) the worker's database. `version` is for the
 * migration tests, which open an old version first.
 */
export function openDb(options: { name?: string; version?: number } = {}): Promise<IDBPDatabase<TierlineDb>> {
  const version = options.version ?? DB_VERSION;
  const opening: Promise<IDBPDatabase<TierlineDb>> = openDB<TierlineDb>(options.name ?? DB_NAME, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion; v < (newVersion ?? version); v++) await MIGRATIONS[v]?.(db, tx);
    },
    // A newer worker (after an update) wants to upgrade: let go instead of blocking it.
    blocking() {
      void opening.then((db) => db.close());
    },
  });
  return opening;
}
