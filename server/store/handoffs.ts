import { STORABLE_PERIOD } from '../../core/events';
import type { Queryable } from '../db/db';

/** One row of the handoff audit: who handed which ticket from where to where, and what the packet lacked. */
export interface HandoffAudit {
  id: string;
  at: string;
  ticketId: string;
  helpdesk: string;
  agent: string;
  team: string | null;
  from: string;
  to: string;
  /** "T1-T2"; a skip reads "T1-T3". */
  stage: string;
  completeness: number;
  complete: boolean;
  missing: string[];
  blocked: boolean;
  packetId: string | null;
}

export interface HandoffQuery {
  team?: string;
  agent?: string;
  /** An adjacent stage such as "T1-T2": matches every handoff crossing it, so a T1→T3 skip shows under T1-T2 and T2-T3. */
  stage?: { from: string; to: string };
  from?: Date;
  to?: Date;
  limit: number;
  /** Where the previous page ended (see `nextCursor`): `at` as `AT_KEY` writes it. */
  after?: { at: string; id: string };
}

/**
 * The instant as the page key: UTC to the microsecond, whatever the session's
 * TimeZone or DateStyle ("2026-03-01T09:00:00.123456Z"). Keeping the
 * microseconds matters: two handoffs a microsecond apart are two keys.
 */
const AT_KEY = `to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A page key as `AT_KEY` writes it; the route checks a cursor against it before it reaches SQL. */
export const AT_KEY_PATTERN = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

interface Row {
  id: string;
  at_key: string;
  ticket_id: string;
  helpdesk: string;
  agent: string;
  team: string | null;
  data: { from: string; to: string; team?: string; completeness: number; missing?: string[]; blocked?: boolean; packetId?: string };
}

/** Newest first. Returns one page and the cursor of the next, if any. */
export async function listHandoffs(
  db: Queryable,
  org: string,
  q: HandoffQuery,
): Promise<{ handoffs: HandoffAudit[]; next: { at: string; id: string } | null }> {
  // Rows outside the storable period (stored before issue 12's rule, such as an
  // event in year 1) are skipped, not clamped: a clamped time would show a handoff
  // when it did not happen, and the driver cannot even read some of them as a Date.
  const params: unknown[] = [org, STORABLE_PERIOD.from, STORABLE_PERIOD.until];
  const parts = ['org = $1', `type = 'handoff'`, 'at >= $2', 'at < $3'];
  const add = (sql: (n: number) => string, value: unknown) => parts.push(sql(params.push(value)));
  // The event's team, else the team the packet names.
  if (q.team !== undefined) add((n) => `coalesce(team, data->>'team') = $${n}`, q.team);
  if (q.agent !== undefined) add((n) => `agent = $${n}`, q.agent);
  if (q.stage) {
    add((n) => `data->>'from' <= $${n}`, q.stage.from);
    add((n) => `data->>'to' >= $${n}`, q.stage.to);
  }
  if (q.from) add((n) => `at >= $${n}`, q.from);
  if (q.to) add((n) => `at < $${n}`, q.to);
  if (q.after) {
    const a = params.push(q.after.at);
    const b = params.push(q.after.id);
    parts.push(`(at, id) < ($${a}::timestamptz, $${b})`);
  }
  const rows = await db.query<Row>(
    `SELECT id, ${AT_KEY} AS at_key, ticket_id, helpdesk, agent, team, data FROM events
     WHERE ${parts.join(' AND ')} ORDER BY at DESC, id DESC LIMIT ${q.limit + 1}`,
    params,
  );
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    handoffs: page.map(toAudit),
    next: rows.length > q.limit && last ? { at: last.at_key, id: last.id } : null,
  };
}

function toAudit(r: Row): HandoffAudit {
  const missing = r.data.missing ?? [];
  return {
    id: r.id,
    // The key to the millisecond, as Date#toISOString writes it (and truncates).
    at: `${r.at_key.slice(0, 23)}Z`,
    ticketId: r.ticket_id,
    helpdesk: r.helpdesk,
    agent: r.agent,
    team: r.team ?? r.data.team ?? null,
    from: r.data.from,
    to: r.data.to,
    stage: `${r.data.from}-${r.data.to}`,
    completeness: r.data.completeness,
    complete: missing.length === 0 && r.data.completeness >= 100,
    missing,
    blocked: r.data.blocked ?? false,
    packetId: r.data.packetId ?? null,
  };
}
