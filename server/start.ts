import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type AppOptions, createApp } from './app';
import type { Db } from './db/db';
import { openDatabase, resolveDataDir } from './db/open';

export interface StartOptions {
  /** 0 picks a free port (tests). */
  port: number;
  hostname?: string;
  /** PostgreSQL; without it the embedded database in `dataDir`. */
  databaseUrl?: string;
  /** Defaults to TIERLINE_DATA_DIR, else `${XDG_DATA_HOME:-~/.local/share}/tierline`. */
  dataDir?: string;
  limits?: AppOptions['limits'];
  env?: Record<string, string | undefined>;
}

export interface RunningServer {
  url: string;
  /** Where the data lives, for the startup line. */
  location: string;
  db: Db;
  close(): Promise<void>;
}

/** Opens (and migrates) the database, then serves the app over HTTP until `close()`. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const { db, location } = await openDatabase({
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    dataDir: options.dataDir ?? resolveDataDir(env),
  });
  const app = createApp({ db, ...(options.limits ? { limits: options.limits } : {}) });
  const hostname = options.hostname ?? '127.0.0.1';
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname }, (info: AddressInfo) => resolve({ server: s, port: info.port }));
    s.once('error', reject);
  }).catch(async (error: unknown) => {
    await db.close();
    throw error;
  });
  const shownHost = hostname.includes(':') ? `[${hostname}]` : hostname;
  return {
    url: `http://${shownHost}:${port}`,
    location,
    db,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
