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

/** One event as the database hands it over: [id, type, at (epoch ms), ticket_id, helpdesk, agent, team, data]. */
type EventTuple = [string, TierlineEvent['type'], number, string, TierlineEvent['helpdesk'], string, string | null, TierlineEvent['data']];

interface PageRow {
  rows: string | null;
  last_at: string | null;
  last_id: string | null;
  n: number;
}

/** More than this in one period and the caller is asked to narrow it, rather than the process running out of memory. */
export const MAX_READ_EVENTS = 2_000_000;
/** Rows per round trip: one JSON text of roughly 20 MB. */
const PAGE = 100_000;

export class TooManyEventsError extends Error {}

/**
 * Every event of `org` in [from, to) (and csat events from `csatSince`), oldest
 * first. The filter runs on the (org, at) and (org, team, at) indexes. Each page
 * comes back as one JSON array built by the database: a single JSON.parse is
 * several times cheaper than the drivers' per-row, per-column decoding (and
 * their Date parsing), which cost more than the query itself.
 * Rows were validated with `eventSchema` on the way in, so they are not parsed again.
 */
export async function readEvents(
  db: Queryable,
  org: string,
  filter: EventFilter,
  options: { max?: number; pageSize?: number } = {},
): Promise<TierlineEvent[]> {
  const { max = MAX_READ_EVENTS, pageSize = PAGE } = options;
  const since = filter.csatSince && filter.csatSince < filter.from ? filter.csatSince : filter.from;
  const params: unknown[] = [org, since, filter.to, filter.from];
  const parts = ['org = $1', 'at >= $2', 'at < $3', `(at >= $4 OR type = 'csat')`];
  if (filter.team !== undefined) parts.push(`team = $${params.push(filter.team)}`);
  if (filter.agent !== undefined) parts.push(`agent = $${params.push(filter.agent)}`);
  const out: TierlineEvent[] = [];
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const pageParams = [...params];
    const keyset: string = after ? ` AND (at, id) > ($${pageParams.push(after.at)}::timestamptz, $${pageParams.push(after.id)})` : '';
    const [page]: PageRow[] = await db.query<PageRow>(
      `SELECT json_agg(json_build_array(id, type, extract(epoch FROM at)::float8 * 1000, ticket_id, helpdesk, agent, team, data) ORDER BY at, id)::text AS rows,
              max(at)::text AS last_at, (array_agg(id ORDER BY at DESC, id DESC))[1] AS last_id, count(*)::int AS n
       FROM (SELECT * FROM events WHERE ${parts.join(' AND ')}${keyset} ORDER BY at, id LIMIT ${pageSize}) AS page`,
      pageParams,
    );
    if (!page?.rows) return out;
    for (const t of JSON.parse(page.rows) as EventTuple[]) out.push(toEvent(t));
    if (out.length > max) throw new TooManyEventsError(`more than ${max} events in the period`);
    if (page.n < pageSize || !page.last_at || !page.last_id) return out;
    after = { at: page.last_at, id: page.last_id };
  }
}

function toEvent([id, type, atMs, ticketId, helpdesk, agent, team, data]: EventTuple): TierlineEvent {
  const event = {
    id,
    type,
    at: new Date(atMs).toISOString(),
    ticketId,
    helpdesk,
    agent,
    ...(team === null ? {} : { team }),
    data,
  };
  // Safe: the row was built from a parsed event of this very type.
  return event as TierlineEvent;
}
