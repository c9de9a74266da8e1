import { Hono } from 'hono';
import { z } from 'zod';
import { bucketUnitFor, indexLeaks, type LeakCell, type LeakDimension, type LearningTopic, learningTopics } from '../../core/metrics';
import type { Db } from '../db/db';
import { type AppEnv, requireRole } from '../http/auth';
import { ApiError, invalid, toIssues } from '../http/errors';
import { boundSchema, limitSchema, nameSchema, periodOf } from '../http/query';
import { MAX_READ_EVENTS, readEvents, TooManyEventsError } from '../store/events';

const DAY = 86_400_000;
const DIMENSIONS = ['stage', 'issueType', 'agent', 'team', 'helpdesk'] as const satisfies readonly LeakDimension[];

/** A grouping: one to three dimensions, comma-separated and distinct, such as `stage,issueType`. */
const viewSchema = z
  .string()
  .max(60)
  .transform((v) => v.split(','))
  .pipe(
    z
      .array(z.enum(DIMENSIONS))
      .min(1)
      .max(3)
      .refine((d) => new Set(d).size === d.length, 'each dimension once'),
  );

const querySchema = z
  .object({
    from: boundSchema('from').optional(),
    to: boundSchema('to').optional(),
    team: nameSchema.optional(),
    view: z.array(viewSchema).min(1).max(6),
    maxTickets: limitSchema(200).optional(),
    /** The topics' buckets; by default days for a period up to 14 days, weeks beyond. */
    unit: z.enum(['day', 'week']).optional(),
  })
  .strict();

export interface LeaksResponse {
  from: string;
  to: string;
  /** Events read: the period's, and those of its tickets in the period as long before it (what says a ticket's stage and issue type). */
  events: number;
  views: { dimensions: LeakDimension[]; cells: LeakCell[] }[];
  /** Recurring escalation topics of the period (the learning loop). */
  topics: LearningTopic[];
}

/**
 * `GET /v1/leaks` (leads and admins): where the model leaks — every metric per
 * cell of each grouping asked for (`view=stage,issueType&view=agent`), with the
 * tickets behind each cell's bad outcomes, and the recurring escalation topics.
 * The same core functions the dashboard runs on a browser's own events
 * (`indexLeaks`, `learningTopics`), over the period and, for its tickets, the one as long
 * before it: a ticket with nothing in the period is no case of it in either.
 */
export function leaksRoutes(options: { db: Db; now: () => Date }): Hono<AppEnv> {
  const { db, now } = options;
  return new Hono<AppEnv>().get('/', requireRole('lead'), async (c) => {
    const parsed = querySchema.safeParse({ ...c.req.query(), view: c.req.queries('view') ?? ['stage,issueType'] });
    if (!parsed.success) invalid(400, 'invalid_query', toIssues(parsed.error), 'Invalid query');
    const q = parsed.data;
    const asked = now();
    const { from, to } = periodOf(q, asked);
    const days = (to.getTime() - from.getTime()) / DAY;
    let events: Awaited<ReturnType<typeof readEvents>>;
    try {
      events = await readEvents(db, c.get('principal').org, { from, to, ticketsSince: new Date(from.getTime() - (to.getTime() - from.getTime())), ...(q.team ? { team: q.team } : {}) });
    } catch (error) {
      if (!(error instanceof TooManyEventsError)) throw error;
      throw new ApiError(422, 'period_too_busy', `More than ${MAX_READ_EVENTS.toLocaleString('en')} events in this period and the one before it: ask for a shorter period or one team.`, { path: ['from'] });
    }
    const period = { from: from.toISOString(), to: to.toISOString() };
    const index = indexLeaks(events, { ...period, maxTickets: q.maxTickets ?? 50 });
    const body: LeaksResponse = {
      ...period,
      events: events.length,
      views: q.view.map((dimensions) => ({ dimensions, cells: index.cells(dimensions) })),
      topics: learningTopics(events, { ...period, now: new Date(Math.min(asked.getTime(), to.getTime())), unit: q.unit ?? bucketUnitFor(Math.ceil(days)) }),
    };
    return c.json(body);
  });
}
