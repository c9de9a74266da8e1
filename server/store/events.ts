import type { TierlineEvent } from '../../core/events';
import type { Queryable } from '../db/db';

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
  /** Also the csat events in [csatSince, from): what post-handoff CSAT compares with. */
  csatSince?: Date;
  team?: string;
  agent?: string;
}

interface EventRow {
  id: string;
  type: TierlineEvent['type'];
  at_ms: number;
  ticket_id: string;
  helpdesk: TierlineEvent['helpdesk'];
  agent: string;
  team: string | null;
  data: TierlineEvent['data'];
}

/** More than this in one period and the caller is asked to narrow it, rather than the process running out of memory. */
export const MAX_READ_EVENTS = 2_000_000;

export class TooManyEventsError extends Error {}

/**
 * Every event of `org` in [from, to) (and csat events from `csatSince`), oldest first. The filter runs on the
 * (org, at) and (org, team, at) indexes; time comes back as epoch milliseconds
 * because parsing a driver Date per row cost more than the query itself.
 * Rows were validated with `eventSchema` on the way in, so they are not parsed again.
 */
export async function readEvents(db: Queryable, org: string, filter: EventFilter, max = MAX_READ_EVENTS): Promise<TierlineEvent[]> {
  const since = filter.csatSince && filter.csatSince < filter.from ? filter.csatSince : filter.from;
  const params: unknown[] = [org, since, filter.to, filter.from];
  const parts = ['org = $1', 'at >= $2', 'at < $3', `(at >= $4 OR type = 'csat')`];
  if (filter.team !== undefined) parts.push(`team = $${params.push(filter.team)}`);
  if (filter.agent !== undefined) parts.push(`agent = $${params.push(filter.agent)}`);
  const rows = await db.query<EventRow>(
    `SELECT id, type, extract(epoch FROM at)::float8 * 1000 AS at_ms, ticket_id, helpdesk, agent, team, data
     FROM events WHERE ${parts.join(' AND ')} ORDER BY at, id LIMIT ${max + 1}`,
    params,
  );
  if (rows.length > max) throw new TooManyEventsError(`more than ${max} events in the period`);
  return rows.map(toEvent);
}

function toEvent(r: EventRow): TierlineEvent {
  const event = {
    id: r.id,
    type: r.type,
    at: new Date(r.at_ms).toISOString(),
    ticketId: r.ticket_id,
    helpdesk: r.helpdesk,
    agent: r.agent,
    ...(r.team === null ? {} : { team: r.team }),
    data: r.data,
  };
  // Safe: the row was built from a parsed event of this very type.
  return event as TierlineEvent;
}
