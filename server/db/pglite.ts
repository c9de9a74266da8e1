import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db';

const LOCK_FILE = 'tierline.lock';

/**
 * Opens the embedded database: in memory without `dataDir`, else in that folder.
 * PGlite is single-process, so a folder is guarded by a lock file holding the
 * owner's pid; a second process (say `tierline token create` while `tierline serve`
 * runs) gets a clear error instead of a corrupted database.
 */
export async function openPgliteDb(options: { dataDir?: string } = {}): Promise<Db> {
  const { dataDir } = options;
  if (dataDir) {
    await mkdir(dataDir, { recursive: true });
    await takeLock(dataDir);
  }
  let pg: PGlite;
  try {
    pg = await PGlite.create(dataDir ? { dataDir } : {});
  } catch (error) {
    if (dataDir) await releaseLock(dataDir);
    throw error;
  }
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<T>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  // One session serves every request, so its settings are made once: a whole organisation's quarter
  // (250,000 events, as many tickets) overflows the default 4 MB of work memory and would sort on disk.
  await pg.exec(`SET work_mem = '32MB'`);
  const base = wrap(pg);
  const vacuum = vacuumAfter(pg, VACUUM_EVERY_ROWS);
  return {
    dialect: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    stored: (_table, rows) => vacuum.stored(rows),
    async close() {
      await vacuum.idle();
      await pg.close();
      if (dataDir) await releaseLock(dataDir);
    },
  };
}

/** New rows between two vacuums: at most this many rows' pages are read from the heap by an index-only scan. */
export const VACUUM_EVERY_ROWS = 20_000;

/**
 * PGlite runs no background workers, so no autovacuum: without this, every row stored since
 * the last vacuum is read from the heap by the metrics' index-only scan (migration 5), which
 * then costs what a heap scan does. A vacuum of an insert-only table visits only the pages
 * not yet marked all-visible, so each one costs about what its 20,000 rows do.
 */
function vacuumAfter(pg: PGlite, everyRows: number) {
  let pending = 0;
  let running: Promise<void> | null = null;
  return {
    stored(rows: number) {
      pending += rows;
      if (pending < everyRows || running) return;
      pending = 0;
      running = pg
        .exec('VACUUM events')
        // Upkeep, not a write: a failure shows in the log and the next batch tries again.
        .then(
          () => {},
          (error: unknown) => console.error('tierline: VACUUM events failed', error),
        )
        .finally(() => {
          running = null;
        });
    },
    idle: () => running ?? Promise.resolve(),
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function takeLock(dataDir: string): Promise<void> {
  const path = join(dataDir, LOCK_FILE);
  try {
    await writeFile(path, String(process.pid), { flag: 'wx' });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
  if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `the embedded database in ${dataDir} is open in process ${holder} (a running \`tierline serve\`?). Stop it first, or use PostgreSQL with DATABASE_URL.`,
    );
  }
  // A stale lock left by a process that died: take it over.
  await writeFile(path, String(process.pid));
}

async function releaseLock(dataDir: string): Promise<void> {
  await rm(join(dataDir, LOCK_FILE), { force: true });
}
