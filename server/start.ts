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
  timeouts?: Partial<Timeouts>;
  env?: Record<string, string | undefined>;
}

/**
 * How long a client may take to send a request. Without these a client that
 * promises a longer body than it sends (or trickles its headers) holds a socket
 * for as long as Node's defaults allow (issue 12). The extension's batches are
 * a few hundred KB, so 5 s for the whole request leaves room for a slow uplink;
 * a stalled one gets a 408 and the socket is closed.
 */
export interface Timeouts {
  /** Until the request's headers are complete (Node's `headersTimeout`). */
  headersMs: number;
  /** Until the whole request, body included, has arrived (Node's `requestTimeout`). */
  requestMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { headersMs: 3_000, requestMs: 5_000 };

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
  const { headersMs, requestMs } = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const serverOptions = {
    headersTimeout: headersMs,
    requestTimeout: requestMs,
    // Node looks for expired requests only this often (30 s by default), so a timeout is late by up to this much.
    connectionsCheckingInterval: Math.min(500, headersMs),
  };
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname, serverOptions }, (info: AddressInfo) => resolve({ server: s, port: info.port }));
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
