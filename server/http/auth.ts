import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/db';
import { type Principal, type Role, findPrincipal } from '../store/tokens';
import { ApiError } from './errors';
import type { RateLimiter } from './rate-limit';

export type AppEnv = { Variables: { principal: Principal } };

const RANK: Record<Role, number> = { agent: 0, lead: 1, admin: 2 };

/** 401 without a valid bearer token; then one request from that token's rate bucket (429 when empty). */
export function authenticate(db: Db, limiter: RateLimiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) {
      throw new ApiError(401, 'unauthorized', 'Send `Authorization: Bearer <token>`; create one with `tierline token create`.', {
        headers: { 'WWW-Authenticate': 'Bearer realm="tierline"' },
      });
    }
    const principal = await findPrincipal(db, match[1]);
    if (!principal) {
      throw new ApiError(401, 'invalid_token', 'The bearer token is unknown or revoked.', {
        headers: { 'WWW-Authenticate': 'Bearer realm="tierline", error="invalid_token"' },
      });
    }
    const taken = limiter.take(principal.hash);
    if (!taken.ok) {
      throw new ApiError(429, 'rate_limited', `Too many requests; retry in ${taken.retryAfterSeconds} s.`, {
        headers: { 'Retry-After': String(taken.retryAfterSeconds) },
      });
    }
    c.set('principal', principal);
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
