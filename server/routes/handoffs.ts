import { Hono } from 'hono';
import { z } from 'zod';
import { EVENT_LIMITS, storableInstant, storableString } from '../../core/events';
import type { Db } from '../db/db';
import { type AppEnv, requireRole } from '../http/auth';
import { csvResponse, wantsCsv } from '../http/csv';
import { ApiError, invalid, toIssues } from '../http/errors';
import { boundSchema, formatSchema, limitSchema, nameSchema } from '../http/query';
import { AT_KEY_PATTERN, listHandoffs } from '../store/handoffs';

/**
 * A cursor is [at, id] of the last handoff on a page, as base64url JSON. It is
 * checked as strictly as an event before it reaches SQL: a time the database
 * would refuse, or an id it could not take as a parameter, is a 400, not a 500.
 */
const cursorSchema = z.tuple([
  z
    .string()
    .regex(AT_KEY_PATTERN)
    .refine((at) => storableInstant.safeParse(at).success),
  storableString(EVENT_LIMITS.id).min(1),
]);

const encodeCursor = (c: { at: string; id: string }) => Buffer.from(JSON.stringify([c.at, c.id])).toString('base64url');
function decodeCursor(text: string): { at: string; id: string } {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = cursorSchema.safeParse(value);
  if (!parsed.success) throw new ApiError(400, 'invalid_query', 'cursor: not a cursor this endpoint returned', { path: ['cursor'] });
  const [at, id] = parsed.data;
  return { at, id };
}

const querySchema = z
  .object({
    team: nameSchema.optional(),
    agent: nameSchema.optional(),
    stage: z
      .string()
      .regex(/^T[0-4]-T[0-4]$/, 'a stage such as "T1-T2"')
      .refine((s) => s[1]! < s[4]!, 'a stage goes up, such as "T1-T2"')
      .optional(),
    from: boundSchema('from').optional(),
    to: boundSchema('to').optional(),
    limit: limitSchema(1000).optional(),
    cursor: z.string().max(400).optional(),
    format: formatSchema,
  })
  .strict();

export const HANDOFF_CSV_COLUMNS = ['id', 'at', 'ticketId', 'helpdesk', 'agent', 'team', 'stage', 'from', 'to', 'completeness', 'complete', 'missing', 'blocked', 'packetId'];

/** `GET /v1/handoffs` (leads and admins): the handoff audit, newest first, one page at a time. */
export function handoffRoutes(options: { db: Db }): Hono<AppEnv> {
  const { db } = options;
  return new Hono<AppEnv>().get('/', requireRole('lead'), async (c) => {
    const parsed = querySchema.safeParse(c.req.query());
    if (!parsed.success) invalid(400, 'invalid_query', toIssues(parsed.error), 'Invalid query');
    const q = parsed.data;
    const page = await listHandoffs(db, c.get('principal').org, {
      limit: q.limit ?? 100,
      ...(q.team ? { team: q.team } : {}),
      ...(q.agent ? { agent: q.agent } : {}),
      ...(q.stage ? { stage: { from: q.stage.slice(0, 2), to: q.stage.slice(3) } } : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      ...(q.cursor ? { after: decodeCursor(q.cursor) } : {}),
    });
    const nextCursor = page.next ? encodeCursor(page.next) : null;
    if (wantsCsv(c, q.format)) {
      // The next page's cursor travels in a header, since a CSV body has no place for it.
      if (nextCursor) c.header('X-Next-Cursor', nextCursor);
      const rows = page.handoffs.map((h) => ({ ...h, missing: h.missing.join('; ') }));
      return csvResponse(c, rows, HANDOFF_CSV_COLUMNS, 'tierline-handoffs.csv');
    }
    return c.json({ handoffs: page.handoffs, nextCursor });
  });
}
