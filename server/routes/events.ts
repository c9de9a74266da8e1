import { Hono } from 'hono';
import { z } from 'zod';
import { type TierlineEvent, eventSchema } from '../../core/events';
import type { Db } from '../db/db';
import type { AppEnv } from '../http/auth';
import { ApiError, type Issue, invalid, readJson, toIssues } from '../http/errors';
import { insertEvents } from '../store/events';

const batchSchema = z.object({ events: z.array(z.unknown()) }).strict();

/**
 * `POST /v1/events`: a batch is all or nothing — one invalid event and nothing
 * from the batch is stored, so the client can fix and resend the same ids.
 * `eventSchema` is the one definition of what may be stored (bounded, storable
 * strings; instants in [1970, 2200) normalised to UTC), so whatever passes it
 * the database takes and later reads back.
 */
export function eventRoutes(options: { db: Db; now: () => Date; maxBatch: number }): Hono<AppEnv> {
  const { db, now, maxBatch } = options;
  return new Hono<AppEnv>().post('/', async (c) => {
    const principal = c.get('principal');
    const body = batchSchema.safeParse(await readJson(c));
    if (!body.success) invalid(400, 'invalid_body', toIssues(body.error), 'Expected { "events": [...] }');
    const raw = body.data.events;
    if (raw.length > maxBatch) {
      throw new ApiError(413, 'batch_too_large', `At most ${maxBatch} events per request; this one has ${raw.length}. Split the batch.`, {
        path: ['events'],
      });
    }
    const events: TierlineEvent[] = [];
    const issues: Issue[] = [];
    for (const [i, item] of raw.entries()) {
      const parsed = eventSchema.safeParse(item);
      if (parsed.success) events.push(parsed.data);
      else issues.push(...toIssues(parsed.error, ['events', i]));
      if (issues.length >= 20) break;
    }
    if (issues.length > 0) invalid(400, 'invalid_event', issues, 'Invalid event, nothing stored');
    if (principal.agent !== null) {
      const i = events.findIndex((e) => e.agent !== principal.agent);
      if (i >= 0) {
        throw new ApiError(403, 'agent_mismatch', `events[${i}].agent is "${events[i]?.agent}" but this token may only write events of "${principal.agent}". Nothing stored.`, {
          path: ['events', i, 'agent'],
        });
      }
    }
    return c.json(await insertEvents(db, principal.org, events, now()));
  });
}
