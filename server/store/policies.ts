import type { Policy } from '../../core/policy/schema';
import { type Queryable, isUniqueViolation } from '../db/db';

export interface StoredPolicy {
  revision: number;
  body: Policy;
  createdAt: string;
  createdBy: string | null;
}

export async function readLatestPolicy(db: Queryable, org: string): Promise<StoredPolicy | null> {
  const [row] = await db.query<{ revision: number; body: Policy; created_at: Date; created_by: string | null }>(
    'SELECT revision, body, created_at, created_by FROM policies WHERE org = $1 ORDER BY revision DESC LIMIT 1',
    [org],
  );
  if (!row) return null;
  return { revision: row.revision, body: row.body, createdAt: row.created_at.toISOString(), createdBy: row.created_by };
}

/**
 * The latest published policy's `metricBands` alone (what every metrics request reads), or undefined when
 * none is published or it sets none: the whole policy is a few hundred kilobytes of JSON.
 */
export async function readMetricBands(db: Queryable, org: string): Promise<Policy['metricBands'] | undefined> {
  const [row] = await db.query<{ bands: Policy['metricBands'] | null }>(
    `SELECT body->'metricBands' AS bands FROM policies WHERE org = $1 ORDER BY revision DESC LIMIT 1`,
    [org],
  );
  return row?.bands ?? undefined;
}

export type PublishResult = { ok: true; policy: StoredPolicy } | { ok: false; current: number };

/**
 * Publishes `body` as the next revision. With `expected`, only if the latest
 * revision is still that one (0 = no policy yet): two admins saving the same
 * revision at once both read it, both try revision + 1, and the primary key
 * lets exactly one of them win.
 */
export async function publishPolicy(
  db: Queryable,
  org: string,
  input: { body: Policy; expected?: number; createdBy: string; now: Date },
): Promise<PublishResult> {
  // An unconditional publish that loses a race simply takes the next revision.
  for (let attempt = 0; ; attempt++) {
    const [latest] = await db.query<{ revision: number | null }>('SELECT max(revision) AS revision FROM policies WHERE org = $1', [org]);
    const current = latest?.revision ?? 0;
    if (input.expected !== undefined && input.expected !== current) return { ok: false, current };
    const revision = current + 1;
    const body: Policy = { ...input.body, revision };
    let won = false;
    try {
      const rows = await db.query(
        'INSERT INTO policies (org, revision, body, created_at, created_by) VALUES ($1, $2, $3::jsonb, $4, $5) ON CONFLICT DO NOTHING RETURNING 1',
        [org, revision, JSON.stringify(body), input.now, input.createdBy],
      );
      won = rows.length > 0;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    if (won) return { ok: true, policy: { revision, body, createdAt: input.now.toISOString(), createdBy: input.createdBy } };
    if (input.expected !== undefined || attempt >= 5) return { ok: false, current: revision };
  }
}
