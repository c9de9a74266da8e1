import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Queryable } from '../db/db';

export const ROLES = ['agent', 'lead', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const orgIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/i, 'an organisation id of letters, digits, ".", "_" or "-" (at most 63 characters)');

/** What a valid bearer token stands for. */
export interface Principal {
  org: string;
  role: Role;
  /** When set, the token may only write events recorded by this agent. */
  agent: string | null;
  label: string | null;
  /** The token's hash: the rate limiter's key, never the token itself. */
  hash: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Creates a token (and its organisation when new) and returns the bearer token.
 * Only its hash is stored, so this is the one time it can be read.
 */
export async function createToken(
  db: Queryable,
  input: { org: string; role: Role; agent?: string; label?: string; now: Date },
): Promise<string> {
  const org = orgIdSchema.parse(input.org);
  const role = roleSchema.parse(input.role);
  const token = `tl_${randomBytes(32).toString('base64url')}`;
  await db.query('INSERT INTO orgs (id, created_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [org, input.now]);
  await db.query('INSERT INTO tokens (hash, org, role, agent, label, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    hashToken(token),
    org,
    role,
    input.agent ?? null,
    input.label ?? null,
    input.now,
  ]);
  return token;
}

export async function findPrincipal(db: Queryable, token: string): Promise<Principal | null> {
  const hash = hashToken(token);
  const [row] = await db.query<{ org: string; role: string; agent: string | null; label: string | null }>(
    'SELECT org, role, agent, label FROM tokens WHERE hash = $1',
    [hash],
  );
  if (!row) return null;
  return { org: row.org, role: roleSchema.parse(row.role), agent: row.agent, label: row.label, hash };
}
