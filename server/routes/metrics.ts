import { Hono } from 'hono';
import { z } from 'zod';
import type { TierlineEvent } from '../../core/events';
import type { Db } from '../db/db';
import { type AppEnv, requireRole } from '../http/auth';
import { csvResponse, wantsCsv } from '../http/csv';
import { ApiError, invalid, toIssues } from '../http/errors';
import { boundSchema, formatSchema, nameSchema } from '../http/query';
import { readEvents } from '../store/events';

/** The core's metrics over one period's events; the server only chooses which events and how to group them. */
export type ComputeMetrics<M> = (events: readonly TierlineEvent[], options: { from: Date; to: Date }) => M;

const DAY = 86_400_000;
const MAX_DAYS = 400;

const querySchema = z
  .object({
    from: boundSchema('from').optional(),
    to: boundSchema('to').optional(),
    groupBy: z.enum(['team', 'agent', 'day', 'week']).optional(),
    team: nameSchema.optional(),
    agent: nameSchema.optional(),
    format: formatSchema,
  })
  .strict();

type GroupBy = NonNullable<z.infer<typeof querySchema>['groupBy']>;

const NO_TEAM = '(no team)';

/** Monday 00:00 UTC of the ISO week holding `t`. */
function weekStart(t: number): number {
  const day = Math.floor(t / DAY) * DAY;
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  return day - weekday * DAY;
}

interface Group {
  key: string;
  from: Date;
  to: Date;
  events: TierlineEvent[];
}

/** Splits the period's events into groups; day and week groups are clipped to the period. */
function groupEvents(events: readonly TierlineEvent[], by: GroupBy, from: Date, to: Date): Group[] {
  const groups = new Map<string, Group>();
  const bucket = (key: string, gFrom: Date, gTo: Date) => {
    const existing = groups.get(key);
    if (existing) return existing;
    const g: Group = { key, from: gFrom, to: gTo, events: [] };
    groups.set(key, g);
    return g;
  };
  if (by === 'day' || by === 'week') {
    // Every day or week of the period appears, also those without events.
    const step = by === 'day' ? DAY : 7 * DAY;
    const first = by === 'day' ? Math.floor(from.getTime() / DAY) * DAY : weekStart(from.getTime());
    for (let t = first; t < to.getTime(); t += step) {
      bucket(new Date(t).toISOString().slice(0, 10), new Date(Math.max(t, from.getTime())), new Date(Math.min(t + step, to.getTime())));
    }
  }
  for (const e of events) {
    if (by === 'team' || by === 'agent') {
      bucket(by === 'team' ? (e.team ?? NO_TEAM) : e.agent, from, to).events.push(e);
    } else {
      const t = Date.parse(e.at);
      const start = by === 'day' ? Math.floor(t / DAY) * DAY : weekStart(t);
      groups.get(new Date(start).toISOString().slice(0, 10))?.events.push(e);
    }
  }
  const list = [...groups.values()];
  return by === 'team' || by === 'agent' ? list.sort((a, b) => a.key.localeCompare(b.key)) : list;
}

/** Flattens nested metric objects into `a.b.c` columns for CSV; arrays become "x; y". */
function flatten(value: unknown, prefix: string, out: Record<string, unknown>): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (Array.isArray(value)) {
    out[prefix] = value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('; ');
  } else {
    out[prefix] = value;
  }
  return out;
}

/**
 * `GET /v1/metrics` (leads and admins): the core's metrics for a period, overall
 * and per team, agent, day or week (UTC). The database does the filtering (org,
 * team, agent, period — all indexed); `computeMetrics` does the counting, so the
 * numbers are the ones the extension's dashboard and the CLI compute.
 */
export function metricsRoutes<M>(options: { db: Db; now: () => Date; computeMetrics: ComputeMetrics<M> }): Hono<AppEnv> {
  const { db, now, computeMetrics } = options;
  return new Hono<AppEnv>().get('/', requireRole('lead'), async (c) => {
    const parsed = querySchema.safeParse(c.req.query());
    if (!parsed.success) invalid(400, 'invalid_query', toIssues(parsed.error), 'Invalid query');
    const q = parsed.data;
    const to = q.to ?? now();
    const from = q.from ?? new Date(to.getTime() - 30 * DAY);
    if (from >= to) throw new ApiError(400, 'invalid_query', 'from must be before to.', { path: ['from'] });
    if (to.getTime() - from.getTime() > MAX_DAYS * DAY) {
      throw new ApiError(400, 'invalid_query', `A period spans at most ${MAX_DAYS} days.`, { path: ['to'] });
    }
    const events = await readEvents(db, c.get('principal').org, {
      from,
      to,
      ...(q.team ? { team: q.team } : {}),
      ...(q.agent ? { agent: q.agent } : {}),
    });
    const overall = computeMetrics(events, { from, to });
    const groups = q.groupBy
      ? groupEvents(events, q.groupBy, from, to).map((g) => ({
          key: g.key,
          from: g.from.toISOString(),
          to: g.to.toISOString(),
          events: g.events.length,
          metrics: computeMetrics(g.events, { from: g.from, to: g.to }),
        }))
      : [];
    const body = {
      from: from.toISOString(),
      to: to.toISOString(),
      groupBy: q.groupBy ?? null,
      team: q.team ?? null,
      agent: q.agent ?? null,
      events: events.length,
      overall,
      groups,
    };
    if (wantsCsv(c, q.format)) {
      const rows = [
        { group: 'all', key: '', from: body.from, to: body.to, events: events.length, ...flatten(overall, '', {}) },
        ...groups.map((g) => ({ group: q.groupBy, key: g.key, from: g.from, to: g.to, events: g.events, ...flatten(g.metrics, '', {}) })),
      ];
      const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
      return csvResponse(c, rows, columns, 'tierline-metrics.csv');
    }
    return c.json(body);
  });
}
