import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Queryable } from '../db/db';

export const ROLES = ['agent', 'lead', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const orgIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/i, 'an organisation id of letters, digits, ".", "_" or "-" (at most 63 characters)');

/** A token's public name, as `tierline token list` prints it: safe to log, useless as a credential. */
export const tokenIdSchema = z.string().regex(/^tok_[0-9a-f]{16}$/, 'a token id as `tierline token list` prints it (tok_ and 16 hex digits)');

/** Every bearer token Tierline issues: `tl_` and 32 random bytes in base64url. */
const TOKEN_SHAPE = /^tl_[A-Za-z0-9_-]{43}$/;

/** How long a token lives when its creator does not say. */
export const DEFAULT_TOKEN_LIFETIME_DAYS = 365;

/**
 * `last_used_at` is written only when the stored value is older than this, so a busy
 * token costs one UPDATE a minute, not one per request; the list is exact to the minute.
 */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** What a valid bearer token stands for. */
export interface Principal {
  /** The token's public id (`tok_…`). */
  id: string;
  org: string;
  role: Role;
  /** When set, the token may only write events recorded by this agent. */
  agent: string | null;
  label: string | null;
  /** The token's hash: kept server-side only, never the token itself. */
  hash: string;
}

/** Every column but the hash: nothing that lists tokens ever reads it. */
const COLUMNS = 'id, org, role, agent, label, created_at, expires_at, revoked_at, last_used_at';
const tokenRowSchema = z.object({
  id: z.string(),
  org: z.string(),
  role: roleSchema,
  agent: z.string().nullable(),
  label: z.string().nullable(),
  created_at: z.date(),
  expires_at: z.date().nullable(),
  revoked_at: z.date().nullable(),
  last_used_at: z.date().nullable(),
});

/** One token as an admin sees it: everything but the token and its hash. */
export interface TokenInfo {
  id: string;
  org: string;
  role: Role;
  agent: string | null;
  label: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  /** `null`: never expires. */
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export type TokenStatus = 'active' | 'expired' | 'revoked';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** `false` for anything Tierline never issued (a truncated paste, another service's key): no lookup needed. */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/** Whether a token is accepted at `now`; revoked wins over expired. */
export function getTokenStatus(token: Pick<TokenInfo, 'expiresAt' | 'revokedAt'>, now: Date): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/**
 * Creates a token (and its organisation when new). Returns the bearer token — only its
 * hash is stored, so this is the one time it can be read — and the id that lists and revokes it.
 * `expiresAt` defaults to DEFAULT_TOKEN_LIFETIME_DAYS after `now`; `null` never expires.
 *
 * @example await issueToken(db, { org: 'acme', role: 'agent', agent: 'alice', now, expiresAt: null })
 */
export async function issueToken(
  db: Queryable,
  input: { org: string; role: Role; agent?: string; label?: string; now: Date; expiresAt?: Date | null },
): Promise<{ id: string; token: string; expiresAt: Date | null }> {
  const org = orgIdSchema.parse(input.org);
  const role = roleSchema.parse(input.role);
  const token = `tl_${randomBytes(32).toString('base64url')}`;
  const id = `tok_${randomBytes(8).toString('hex')}`;
  const expiresAt = input.expiresAt === undefined ? new Date(input.now.getTime() + DEFAULT_TOKEN_LIFETIME_DAYS * 86_400_000) : input.expiresAt;
  await db.query('INSERT INTO orgs (id, created_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [org, input.now]);
  await db.query('INSERT INTO tokens (id, hash, org, role, agent, label, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
    id,
    hashToken(token),
    org,
    role,
    input.agent ?? null,
    input.label ?? null,
    input.now,
    expiresAt,
  ]);
  return { id, token, expiresAt };
}

/** `issueToken` for callers that only need the bearer token (tests, the benchmark). */
export async function createToken(db: Queryable, input: Parameters<typeof issueToken>[1]): Promise<string> {
  return (await issueToken(db, input)).token;
}

/**
 * The principal of a token accepted at `now`, or `null` — for an unknown, revoked or expired
 * token alike. Records the use when the stored time is over LAST_USED_RESOLUTION_MS old.
 */
export async function findPrincipal(db: Queryable, token: string, now: Date): Promise<Principal | null> {
  const hash = hashToken(token);
  const [found] = await db.query(`SELECT ${COLUMNS} FROM tokens WHERE hash = $1`, [hash]);
  if (!found) return null;
  const row = tokenRowSchema.parse(found);
  if (getTokenStatus({ expiresAt: row.expires_at, revokedAt: row.revoked_at }, now) !== 'active') return null;
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.last_used_at || row.last_used_at < staleBefore) {
    // The condition repeats the check so instances racing on the same token write once.
    await db.query('UPDATE tokens SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $3)', [row.id, now, staleBefore]);
  }
  return { id: row.id, org: row.org, role: row.role, agent: row.agent, label: row.label, hash };
}

/** Every token, or one organisation's, oldest first within each organisation. */
export async function listTokens(db: Queryable, filter: { org?: string } = {}): Promise<TokenInfo[]> {
  const rows = filter.org
    ? await db.query(`SELECT ${COLUMNS} FROM tokens WHERE org = $1 ORDER BY created_at, id`, [orgIdSchema.parse(filter.org)])
    : await db.query(`SELECT ${COLUMNS} FROM tokens ORDER BY org, created_at, id`);
  return rows.map((found) => {
    const row = tokenRowSchema.parse(found);
    return {
      id: row.id,
      org: row.org,
      role: row.role,
      agent: row.agent,
      label: row.label,
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
    };
  });
}

/**
 * Revokes a token by id: refused from the next request on, since every request reads the
 * table. The row stays, so the list still shows it. Revoking twice keeps the first time.
 */
export async function revokeToken(db: Queryable, id: string, now: Date): Promise<'revoked' | 'already-revoked' | 'unknown'> {
  const tokenId = tokenIdSchema.parse(id);
  const updated = await db.query('UPDATE tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id', [tokenId, now]);
  if (updated.length > 0) return 'revoked';
  const [existing] = await db.query('SELECT id FROM tokens WHERE id = $1', [tokenId]);
  return existing ? 'already-revoked' : 'unknown';
}
