import type { TierlineEvent } from '../../core/events';
import type { Db, Queryable } from '../db/db';

export interface IngestResult {
  accepted: number;
  duplicates: number;
}

/** SQLSTATEs a concurrent writer can cause; the insert is simply tried again. */
const RETRYABLE = new Set(['40P01', '40001']);

/**
 * Stores a batch in one statement. The arrays are unnested server-side so a batch
 * of 1,000 is 10 parameters, not 10,000; `ON CONFLICT DO NOTHING` turns a repeated
 * id (in this batch, an earlier one, or a concurrent one) into a duplicate.
 * Events are sorted by id so concurrent batches lock keys in the same order and never deadlock.
 */
export async function insertEvents(db: Queryable, org: string, events: readonly TierlineEvent[], receivedAt: Date): Promise<IngestResult> {
  if (events.length === 0) return { accepted: 0, duplicates: 0 };
  const sorted = [...events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const params = [
    org,
    receivedAt,
    sorted.map((e) => e.id),
    sorted.map((e) => e.type),
    sorted.map((e) => e.at),
    sorted.map((e) => e.ticketId),
    sorted.map((e) => e.helpdesk),
    sorted.map((e) => e.agent),
    sorted.map((e) => e.team ?? null),
    sorted.map((e) => JSON.stringify(e.data)),
  ];
  const sql = `
    INSERT INTO events (org, received_at, id, type, at, ticket_id, helpdesk, agent, team, data)
    SELECT $1, $2, u.id, u.type, u.at, u.ticket_id, u.helpdesk, u.agent, u.team, u.data::jsonb
    FROM unnest($3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
      AS u (id, type, at, ticket_id, helpdesk, agent, team, data)
    ON CONFLICT (org, id) DO NOTHING
    RETURNING 1 AS inserted`;
  for (let attempt = 0; ; attempt++) {
    try {
      const rows = await db.query(sql, params);
      return { accepted: rows.length, duplicates: events.length - rows.length };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt < 3 && typeof code === 'string' && RETRYABLE.has(code)) continue;
      throw error;
    }
  }
}

export interface EventFilter {
  from: Date;
  to: Date;
  team?: string;
  agent?: string;
}

interface EventRow {
  id: string;
  type: TierlineEvent['type'];
  at: Date;
  ticket_id: string;
  helpdesk: TierlineEvent['helpdesk'];
  agent: string;
  team: string | null;
  data: TierlineEvent['data'];
}

const PAGE = 50_000;

function where(org: string, filter: EventFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [org, filter.from, filter.to];
  const parts = ['org = $1', 'at >= $2', 'at < $3'];
  if (filter.team !== undefined) parts.push(`team = $${params.push(filter.team)}`);
  if (filter.agent !== undefined) parts.push(`agent = $${params.push(filter.agent)}`);
  return { sql: parts.join(' AND '), params };
}

/**
 * Every event of `org` in [from, to), oldest first, read in keyset pages so one
 * query never holds the whole period in the driver at once. Rows were validated
 * with `eventSchema` on the way in, so they are not parsed again on the way out.
 */
export async function readEvents(db: Db, org: string, filter: EventFilter): Promise<TierlineEvent[]> {
  const { sql, params } = where(org, filter);
  const out: TierlineEvent[] = [];
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const pageParams = [...params];
    const keyset = after ? ` AND (at, id) > ($${pageParams.push(after.at)}::timestamptz, $${pageParams.push(after.id)})` : '';
    const rows: (EventRow & { at_key: string })[] = await db.query<EventRow & { at_key: string }>(
      `SELECT id, type, at, at::text AS at_key, ticket_id, helpdesk, agent, team, data FROM events
       WHERE ${sql}${keyset} ORDER BY at, id LIMIT ${PAGE}`,
      pageParams,
    );
    for (const r of rows) out.push(toEvent(r));
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return out;
    after = { at: last.at_key, id: last.id };
  }
}

function toEvent(r: EventRow): TierlineEvent {
  const event = {
    id: r.id,
    type: r.type,
    at: r.at.toISOString(),
    ticketId: r.ticket_id,
    helpdesk: r.helpdesk,
    agent: r.agent,
    ...(r.team === null ? {} : { team: r.team }),
    data: r.data,
  };
  // Safe: the row was built from a parsed event of this very type.
  return event as TierlineEvent;
}
