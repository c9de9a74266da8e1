import { STORABLE_PERIOD, type TierlineEvent } from '../../core/events';
import type { Db, Queryable } from '../db/db';
import { eventFacts, eventScore } from '../../core/metrics/event-facts';

export interface IngestResult {
  accepted: number;
  duplicates: number;
}

/** SQLSTATEs a concurrent writer can cause; the insert is simply tried again. */
const RETRYABLE = new Set(['40P01', '40001']);

/**
 * Stores a batch in one statement. The batch travels as one jsonb parameter, an
 * array per event: on PGlite that costs less than ten array parameters, which its
 * driver escapes element by element, and each event's `data` is parsed once, with
 * the batch. An instant travels as epoch milliseconds (exact: `to_timestamp` keeps
 * microseconds).
 * `ON CONFLICT DO NOTHING` turns a repeated id (in this batch, an earlier one,
 * or a concurrent one) into a duplicate, and the count of stored rows comes back
 * as one row. Each row also stores what the event adds to the metrics
 * (core/metrics/event-facts.ts), worked out once, as it arrives.
 * Events are sorted by id so concurrent batches lock keys in the same order and never deadlock.
 */
export async function insertEvents(db: Db, org: string, events: readonly TierlineEvent[], receivedAt: Date): Promise<IngestResult> {
  if (events.length === 0) return { accepted: 0, duplicates: 0 };
  const sorted = [...events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // One array per event, read by position below.
  const rows = JSON.stringify(
    sorted.map((e) => [e.id, e.type, Date.parse(e.at), e.ticketId, e.helpdesk, e.agent, e.team ?? null, e.data, eventFacts(e), eventScore(e)]),
  );
  const sql = `
    WITH stored AS (
      INSERT INTO events (org, received_at, id, type, at, ticket_id, helpdesk, agent, team, data, facts, score)
      SELECT $1, $2, r->>0, r->>1, to_timestamp((r->>2)::float8 / 1000), r->>3, r->>4, r->>5, r->>6, r->7, (r->>8)::int, (r->>9)::int
      FROM jsonb_array_elements($3::jsonb) AS r
      ON CONFLICT (org, id) DO NOTHING
      RETURNING 1
    )
    SELECT count(*)::int AS accepted FROM stored`;
  for (let attempt = 0; ; attempt++) {
    try {
      const [row] = await db.query<{ accepted: number }>(sql, [org, receivedAt, rows]);
      const accepted = row?.accepted ?? 0;
      db.stored('events', accepted);
      return { accepted, duplicates: events.length - accepted };
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
  /**
   * Also the events in [ticketsSince, from) of the tickets that have one in [from, to): what says the stage and
   * issue type of a ticket that started earlier. A ticket with nothing in the period is no case of it, so its
   * earlier events are not read at all.
   */
  ticketsSince?: Date;
  team?: string;
  agent?: string;
}

/** One event as the database hands it over: [id, type, at (epoch ms; exact, as `extract` is numeric and floored like Date), ticket_id, helpdesk, agent, team, data]. */
type EventTuple = [string, TierlineEvent['type'], number, string, TierlineEvent['helpdesk'], string, string | null, TierlineEvent['data']];

/** More than this in one period and the caller is asked to narrow it, rather than the process running out of memory. */
export const MAX_READ_EVENTS = 2_000_000;

export class TooManyEventsError extends Error {}

const DAY = 86_400_000;

/**
 * Every event of `org` in [from, to), plus the csat events in [csatSince, from)
 * or the earlier events of the period's tickets in [ticketsSince, from),
 * in no particular order (core/metrics does not depend on it).
 *
 * The filter runs on the (org, team, at) index, or the BRIN index on at for a whole organisation. The period is
 * read in windows of `windowDays`, each answered as one JSON array built by the
 * database: one JSON.parse per window is several times cheaper than the drivers'
 * per-row, per-column decoding (and Date parsing), and a window bounds the size
 * of one answer without the sort a keyset page would need.
 * Rows were validated with `eventSchema` on the way in, so they are not parsed again.
 * Rows outside the storable period (stored before issue 12's rule, such as an
 * event in year 1) are skipped, not clamped: every period read is cut to it.
 */
export async function readEvents(
  db: Queryable,
  org: string,
  filter: EventFilter,
  options: { max?: number; windowDays?: number } = {},
): Promise<TierlineEvent[]> {
  const { max = MAX_READ_EVENTS, windowDays = 31 } = options;
  const extra: string[] = [];
  const params: unknown[] = [org];
  if (filter.team !== undefined) extra.push(`team = $${params.push(filter.team)}`);
  if (filter.agent !== undefined) extra.push(`agent = $${params.push(filter.agent)}`);
  const out: TierlineEvent[] = [];
  /** Which of a window's rows: all, the csat events, or those of tickets with an event in the period. */
  type Rows = 'all' | 'csat' | 'tickets-in-period';
  const read = async (from: Date, to: Date, rows: Rows) => {
    const last = Math.min(to.getTime(), STORABLE_PERIOD.until.getTime());
    // The period's tickets are found once: the earlier rows of its tickets are read in one window, however long.
    const window = rows === 'tickets-in-period' ? Number.POSITIVE_INFINITY : windowDays * DAY;
    for (let start = Math.max(from.getTime(), STORABLE_PERIOD.from.getTime()); start < last; start += window) {
      const end = Math.min(start + window, last);
      const p = [...params, new Date(start), new Date(end)];
      const where = ['org = $1', ...extra, `at >= $${p.length - 1}`, `at < $${p.length}`];
      if (rows === 'csat') where.push(`type = 'csat'`);
      if (rows === 'tickets-in-period') {
        const inPeriod = ['org = $1', ...extra, `at >= $${p.push(filter.from)}`, `at < $${p.push(filter.to)}`];
        where.push(`(helpdesk, ticket_id) IN (SELECT helpdesk, ticket_id FROM events WHERE ${inPeriod.join(' AND ')})`);
      }
      const [row] = await db.query<{ rows: string | null }>(
        // Concatenated by hand: json_agg(json_build_array(…)) built the same text about a third slower on PGlite.
        `SELECT '[[' || string_agg(concat_ws(',', to_json(id), to_json(type), floor(extract(epoch FROM at) * 1000)::bigint, to_json(ticket_id),
                  to_json(helpdesk), to_json(agent), coalesce(to_json(team)::text, 'null'), data), '],[') || ']]' AS rows
         FROM events WHERE ${where.join(' AND ')}`,
        p,
      );
      if (!row?.rows) continue;
      for (const t of JSON.parse(row.rows) as EventTuple[]) out.push(toEvent(t));
      if (out.length > max) throw new TooManyEventsError(`more than ${max} events in the period`);
    }
  };
  // Both would read the csat events of the period's tickets twice; no caller needs both.
  if (filter.csatSince && filter.ticketsSince) throw new Error('readEvents takes csatSince or ticketsSince, not both');
  if (filter.csatSince && filter.csatSince < filter.from) await read(filter.csatSince, filter.from, 'csat');
  if (filter.ticketsSince && filter.ticketsSince < filter.from) await read(filter.ticketsSince, filter.from, 'tickets-in-period');
  await read(filter.from, filter.to, 'all');
  return out;
}

function toEvent([id, type, atMs, ticketId, helpdesk, agent, team, data]: EventTuple): TierlineEvent {
  // Built field by field (no spread): this runs once per event of the period.
  const event: Record<string, unknown> = { id, type, at: new Date(atMs).toISOString(), ticketId, helpdesk, agent };
  if (team !== null) event.team = team;
  event.data = data;
  // Safe: the row was built from a parsed event of this very type.
  return event as TierlineEvent;
}
