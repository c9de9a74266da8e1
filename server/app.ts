import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { isAllowedOrigin } from './cors';
import type { Db } from './db/db';
import { type AppEnv, authenticate, readSocketAddress } from './http/auth';
import { ApiError, errorResponse } from './http/errors';
import { createRateLimiter } from './http/rate-limit';
import { eventRoutes } from './routes/events';
import { handoffRoutes } from './routes/handoffs';
import { leaksRoutes } from './routes/leaks';
import { metricsRoutes } from './routes/metrics';
import { policyRoutes } from './routes/policy';

export interface Limits {
  /** Largest request body, in bytes (413 beyond). */
  bodyBytes: number;
  /** Most events in one POST /v1/events (413 beyond). */
  batchSize: number;
  /** Requests a token may send at once … */
  burst: number;
  /** … and per second after that (429 with Retry-After beyond). */
  perSecond: number;
  /** Failed authentications one client address may make at once … */
  authFailureBurst: number;
  /** … and per second after that (429 with Retry-After beyond, before any database lookup). */
  authFailurePerSecond: number;
}

export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 2 * 1024 * 1024,
  batchSize: 1000,
  burst: 120,
  perSecond: 20,
  authFailureBurst: 30,
  authFailurePerSecond: 0.5,
};

export interface AppOptions {
  db: Db;
  now?: () => Date;
  limits?: Partial<Limits>;
  /** Origins allowed besides the extension's, e.g. a self-hosted dashboard. */
  corsOrigins?: readonly string[];
  /** Where unexpected errors are reported; the client only sees a 500 with no internals. */
  logError?: (error: unknown) => void;
  /** The client's address, for the failed-authentication limit: by default the socket's peer (see `readSocketAddress`). */
  clientAddress?: (c: Context) => string;
}

/**
 * The sync endpoint as a Hono app, wired to a database and nothing else:
 * tests call `app.request()`, `startServer` hands `app.fetch` to Node.
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const { db, now = () => new Date(), corsOrigins = [], logError = (e) => console.error(e) } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const limiter = createRateLimiter({ capacity: limits.burst, perSecond: limits.perSecond, now });
  const failures = createRateLimiter({ capacity: limits.authFailureBurst, perSecond: limits.authFailurePerSecond, now });

  const app = new Hono<AppEnv>();
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    logError(error);
    return errorResponse(c, new ApiError(500, 'internal', 'Something went wrong on the server; it has been logged.'));
  });
  app.notFound((c) => errorResponse(c, new ApiError(404, 'not_found', `No route ${c.req.method} ${c.req.path}.`)));

  // The extension calls from its service worker, whose origin is chrome-extension://<id> or moz-extension://<uuid>.
  app.use(
    '*',
    cors({
      origin: (origin) => (isAllowedOrigin(origin, corsOrigins) ? origin : null),
      allowMethods: ['GET', 'POST', 'PUT', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match'],
      exposeHeaders: ['ETag', 'Retry-After', 'X-Next-Cursor'],
      maxAge: 600,
    }),
  );

  // Liveness from memory: anyone may ask, so it must cost the database nothing.
  app.get('/healthz', (c) => c.json({ ok: true, database: db.dialect }));
  // Readiness asks the database, but at most once a second however many ask (one probe shared).
  let probe: { at: number; ready: Promise<boolean> } | undefined;
  app.get('/readyz', async (c) => {
    const t = now().getTime();
    if (!probe || t - probe.at >= 1000) probe = { at: t, ready: isDatabaseReady(db, logError) };
    if (await probe.ready) return c.json({ ok: true, database: db.dialect });
    throw new ApiError(503, 'not_ready', `The ${db.dialect === 'pglite' ? 'embedded database' : 'PostgreSQL database'} did not answer; the error is in the server log.`);
  });

  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: limits.bodyBytes,
      onError: () => {
        throw new ApiError(413, 'body_too_large', `The request body is over ${limits.bodyBytes} bytes.`);
      },
    }),
    authenticate({ db, now, limiter, failures, clientAddress: options.clientAddress ?? readSocketAddress }),
  );
  app.route('/v1/events', eventRoutes({ db, now, maxBatch: limits.batchSize }));
  app.route('/v1/policy', policyRoutes({ db, now }));
  app.route('/v1/handoffs', handoffRoutes({ db }));
  app.route('/v1/metrics', metricsRoutes({ db, now }));
  app.route('/v1/leaks', leaksRoutes({ db, now }));
  return app;
}

/** `SELECT 1` within two seconds; a hung pool counts as not ready rather than holding the probe open. */
async function isDatabaseReady(db: Db, logError: (error: unknown) => void): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the database did not answer SELECT 1 within 2 s')), 2000);
  });
  try {
    await Promise.race([db.query('SELECT 1'), timeout]);
    return true;
  } catch (error) {
    logError(error);
    return false;
  } finally {
    clearTimeout(timer);
  }
}
