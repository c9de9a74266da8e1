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
  const base = wrap(pg);
  return {
    dialect: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      await pg.close();
      if (dataDir) await releaseLock(dataDir);
    },
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
