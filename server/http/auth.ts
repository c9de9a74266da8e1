import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../db/db';
import { type Principal, type Role, findPrincipal, isWellFormedToken } from '../store/tokens';
import { ApiError } from './errors';
import { type RateLimiter, getAddressKey } from './rate-limit';

export type AppEnv = { Variables: { principal: Principal } };

const RANK: Record<Role, number> = { agent: 0, lead: 1, admin: 2 };

/** Where requests come from when there is no socket (`app.request()` in tests): all share one bucket. */
export const NO_SOCKET_ADDRESS = 'no-socket';

/**
 * The peer address of the TCP connection, from Node's socket. Behind a reverse proxy that is the
 * proxy's: pass `clientAddress` to `createApp` reading the proxy's header instead.
 */
export function readSocketAddress(c: Context): string {
  const env = c.env as { incoming?: unknown; server?: { incoming?: unknown } } | undefined;
  if (!env?.incoming && !env?.server?.incoming) return NO_SOCKET_ADDRESS;
  return getConnInfo(c).remote.address ?? NO_SOCKET_ADDRESS;
}

const challenge = (error?: string) => ({ 'WWW-Authenticate': `Bearer realm="tierline"${error ? `, error="${error}"` : ''}` });

/** The principal behind the Authorization header, or the 401 that says which case applies. */
async function readPrincipal(header: string | undefined, db: Db, now: Date): Promise<{ ok: true; principal: Principal } | { ok: false; error: ApiError }> {
  const fail = (code: string, message: string, error?: string) => ({ ok: false as const, error: new ApiError(401, code, message, { headers: challenge(error) }) });
  if (header === undefined || header.trim() === '') {
    return fail('unauthorized', 'Send `Authorization: Bearer <token>`; an admin creates one with `tierline token create`.');
  }
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (!token) return fail('malformed_authorization', 'The Authorization header must read `Bearer <token>`: one token, no other scheme.', 'invalid_request');
  if (!isWellFormedToken(token)) {
    return fail('invalid_token', 'The bearer token is malformed: a Tierline token is `tl_` and 43 letters, digits, `-` or `_`. Check it was copied whole.', 'invalid_token');
  }
  const principal = await findPrincipal(db, token, now);
  if (principal) return { ok: true, principal };
  // One message for unknown, revoked and expired. Saying "expired" would tell whoever holds the
  // string that it was once a real credential of this server (worth knowing for a token found in
  // a leaked log) and would make that case answer differently; the holder's remedy is the same
  // (ask for a new token), and an admin sees each token's expiry and revocation in `tierline token list`.
  return fail(
    'invalid_token',
    'The bearer token is not valid: it is unknown, revoked or expired (one answer for all three). Ask an admin for a new one; `tierline token list` shows each token\'s state.',
    'invalid_token',
  );
}

export interface AuthOptions {
  db: Db;
  now: () => Date;
  /** Requests per token, taken after authentication. */
  limiter: RateLimiter;
  /** Failed authentications per client address, consulted before the database. */
  failures: RateLimiter;
  clientAddress: (c: Context) => string;
}

/**
 * 401 without a valid bearer token; then one request from that token's bucket (429 when empty).
 * Each request first reserves a failure in its address's bucket and gives it back once the token
 * is accepted: an address whose bucket is empty gets 429 before anything is read, so a flood of
 * bad tokens — even concurrent ones — reaches the database at most the bucket's size per address.
 */
export function authenticate(options: AuthOptions): MiddlewareHandler<AppEnv> {
  const { db, now, limiter, failures, clientAddress } = options;
  return async (c, next) => {
    const address = getAddressKey(clientAddress(c));
    const gate = failures.take(address);
    if (!gate.ok) {
      throw new ApiError(429, 'too_many_failed_authentications', `Too many failed authentications from this address; retry in ${gate.retryAfterSeconds} s.`, {
        headers: { 'Retry-After': String(gate.retryAfterSeconds) },
      });
    }
    const result = await readPrincipal(c.req.header('authorization'), db, now()).catch((error: unknown) => {
      failures.refund(address); // a database error is not the client's failure
      throw error;
    });
    if (!result.ok) throw result.error;
    failures.refund(address);
    const taken = limiter.take(result.principal.id);
    if (!taken.ok) {
      throw new ApiError(429, 'rate_limited', `Too many requests; retry in ${taken.retryAfterSeconds} s.`, {
        headers: { 'Retry-After': String(taken.retryAfterSeconds) },
      });
    }
    c.set('principal', result.principal);
    await next();
  };
}

/** Roles are ranked: a lead may do what an agent may, an admin what a lead may. */
export function requireRole(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (RANK[principal.role] < RANK[role]) {
      throw new ApiError(403, 'forbidden', `This needs the ${role} role; the token has the ${principal.role} role.`);
    }
    await next();
  };
}
