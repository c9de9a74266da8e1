import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Db } from './db';
import { migrate } from './migrations';
import { openPgliteDb } from './pglite';
import { openPostgresDb } from './postgres';

/** Where the embedded database lives: TIERLINE_DATA_DIR, else the user's XDG data directory. */
export function resolveDataDir(env: Record<string, string | undefined>): string {
  if (env.TIERLINE_DATA_DIR) return env.TIERLINE_DATA_DIR;
  const base = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');
  return join(base, 'tierline');
}

export interface OpenedDb {
  db: Db;
  /** Where the data is, for humans: the folder, or the URL without its password. */
  location: string;
}

/**
 * Opens the configured database and migrates it: PostgreSQL when a URL is given
 * (DATABASE_URL), else the embedded database in `dataDir`.
 */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<OpenedDb> {
  const { databaseUrl, dataDir } = options;
  const db = databaseUrl ? await openPostgresDb(databaseUrl) : await openPgliteDb({ dataDir });
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return { db, location: databaseUrl ? redactUrl(databaseUrl) : dataDir };
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}
