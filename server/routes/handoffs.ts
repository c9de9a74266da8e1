import { Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../db/db';
import { type AppEnv, requireRole } from '../http/auth';
import { csvResponse, wantsCsv } from '../http/csv';
import { ApiError, invalid, toIssues } from '../http/errors';
import { boundSchema, formatSchema, nameSchema } from '../http/query';
import { listHandoffs } from '../store/handoffs';

const cursorSchema = z.tuple([z.string().min(1).max(64), z.string().min(1).max(64)]);

const encodeCursor = (c: { at: string; id: string }) => Buffer.from(JSON.stringify([c.at, c.id])).toString('base64url');
function decodeCursor(text: string): { at: string; id: string } {
  try {
    const [at, id] = cursorSchema.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return { at, id };
  } catch {
    throw new ApiError(400, 'invalid_query', 'cursor: not a cursor this endpoint returned', { path: ['cursor'] });
  }
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
    limit: z.coerce.number().int().min(1).max(1000).default(100),
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
      limit: q.limit,
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
