import { z } from 'zod';
import { helpdeskIdSchema, tierIdSchema } from './ticket';

/**
 * The event log: what the extension records, the outbox syncs, the endpoint
 * stores and `core/metrics` reads. Ids are client-generated (UUID) so a retry
 * after a crash is a duplicate, never a second row.
 *
 * This schema is also the one definition of what may be stored (issue 12): the
 * endpoint refuses with a 400 naming the path, and the outbox can check with it
 * before sending, whatever PostgreSQL (text, jsonb, a btree index row) or a
 * later read could not take. Every string is bounded and storable, every
 * instant lies in [1970, 2200) with an offset within ±14:00 and is normalised to UTC.
 */

/** The most characters (UTF-16 code units) each kind of string may hold. */
export const EVENT_LIMITS = {
  /** Event ids are client UUIDs; a little room for other schemes. */
  id: 64,
  /** Ticket ids, agents, teams, roles, groups, categories, trigger and packet ids. Teams and agents are indexed, and 200 characters stay far below PostgreSQL's 2,704-byte index row. */
  name: 200,
  /** Free text: reasons and notes. */
  text: 2_000,
  /** Items in one list (triggers, missing handoff items). */
  items: 200,
} as const;

/** The instants an event may carry: from 1970-01-01 (inclusive) to 2200-01-01 (exclusive), UTC. */
export const STORABLE_PERIOD = { from: new Date('1970-01-01T00:00:00Z'), until: new Date('2200-01-01T00:00:00Z') } as const;

/** UTC offsets in use run from -12:00 to +14:00; PostgreSQL refuses beyond ±15:59. */
const MAX_OFFSET_MINUTES = 14 * 60;

/** Half of a UTF-16 surrogate pair without the other half: UTF-8 (and so jsonb) cannot encode it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why PostgreSQL could not store `text` as written, or null when it can: a NUL
 * character (text and jsonb refuse U+0000) or a lone surrogate.
 *
 * @example unstorableText('a\u0000b') // 'contains a NUL character (U+0000)'
 */
export function unstorableText(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'contains a lone surrogate (half of a UTF-16 pair), which cannot be stored as UTF-8';
  return null;
}

/** A string PostgreSQL can store, of at most `max` characters. */
export const storableString = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((text, ctx) => {
      const problem = unstorableText(text);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/** Minutes east of UTC in an ISO 8601 instant ending "Z" or "+05:30", or null when it has no offset. */
function offsetMinutes(iso: string): number | null {
  if (/z$/i.test(iso)) return 0;
  const m = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * Whether `date` lies in the storable period; the message an issue carries when not.
 *
 * @example storablePeriodProblem(new Date('0001-01-01T00:00:00Z')) // 'must lie between 1970-01-01 and 2200-01-01 (UTC)'
 */
export function storablePeriodProblem(date: Date): string | null {
  const t = date.getTime();
  if (Number.isNaN(t) || t < STORABLE_PERIOD.from.getTime() || t >= STORABLE_PERIOD.until.getTime()) {
    return 'must lie between 1970-01-01 and 2200-01-01 (UTC)';
  }
  return null;
}

/**
 * An ISO 8601 instant with an offset, within ±14:00 and the storable period,
 * normalised to UTC with milliseconds: "2026-03-01T09:05:00+01:00" → "2026-03-01T08:05:00.000Z".
 */
export const storableInstant = z.iso
  .datetime({ offset: true })
  .superRefine((iso, ctx) => {
    const offset = offsetMinutes(iso);
    const date = new Date(iso);
    // Not an instant at all: the format check has said so already.
    if (offset === null || Number.isNaN(date.getTime())) return;
    if (Math.abs(offset) > MAX_OFFSET_MINUTES) {
      ctx.addIssue({ code: 'custom', message: 'the UTC offset must lie within ±14:00' });
      return;
    }
    const problem = storablePeriodProblem(date);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((iso) => new Date(iso).toISOString());

/** Every event type, in the order of `eventSchema`'s members (a unit test holds the two equal). */
export const EVENT_TYPES = ['decision', 'override', 'escalation', 'handoff', 'reassignment', 'reopen', 'csat', 'repeat-explanation', 'summary-confirmation'] as const;

/**
 * The event schemas, built on first use rather than when the module loads: a woken service worker loads this module
 * before it can answer the tab waiting for its badge, and building these ~45 zod schemas cost it ~15 ms of that start
 * (issue 13). Nothing validates an event until one is recorded or synced.
 */
function buildEventSchemas() {
  const name = storableString(EVENT_LIMITS.name);
  const text = storableString(EVENT_LIMITS.text);
  const names = z.array(name).max(EVENT_LIMITS.items);

  const decisionDataSchema = z.object({
    tier: tierIdSchema,
    role: name,
    severity: name,
    bypass: z.boolean().default(false),
    triggers: names.default([]),
    /** Where the decision came from: the policy rules or the triage model. */
    source: z.enum(['rules', 'model']).default('rules'),
    confidence: z.number().min(0).max(1).optional(),
    category: name.optional(),
  });

  const overrideDataSchema = z.object({
    from: z.object({ tier: tierIdSchema, role: name }),
    to: z.object({ tier: tierIdSchema, role: name }),
    reason: text.min(1),
    /** The suggestion that was overridden came from the model (AI) or the rules. */
    source: z.enum(['rules', 'model']).default('rules'),
    category: name.optional(),
  });

  const escalationDataSchema = z.object({
    from: tierIdSchema,
    to: tierIdSchema,
    role: name.optional(),
    reason: text.optional(),
    triggers: names.default([]),
    /** Set afterwards (by a lead or the receiving tier) when the escalation proved avoidable. */
    unnecessary: z.boolean().optional(),
  });

  const handoffDataSchema = z.object({
    from: tierIdSchema,
    to: tierIdSchema,
    team: name.optional(),
    /** Share of required items the agent wrote or confirmed (prefill not yet checked does not count). */
    completeness: z.number().min(0).max(100),
    /** Share of required items filled only by prefill the agent did not check: completeness + this is what the packet looked like. */
    prefilledUnconfirmed: z.number().min(0).max(100).optional(),
    missing: names.default([]),
    blocked: z.boolean().default(false),
    packetId: name.optional(),
  });

  const reassignmentDataSchema = z.object({
    from: z.object({ tier: tierIdSchema.optional(), role: name.optional(), group: name.optional() }),
    to: z.object({ tier: tierIdSchema.optional(), role: name.optional(), group: name.optional() }),
    /** True when the first assignment was wrong (a misroute), not a planned escalation. */
    misroute: z.boolean().default(true),
  });

  const reopenDataSchema = z.object({
    solvedAt: storableInstant,
  });

  const csatDataSchema = z.object({
    /** Score on a 1–5 scale. */
    score: z.number().min(1).max(5),
    afterHandoff: z.boolean().default(false),
  });

  const repeatExplanationDataSchema = z.object({
    /** True when the customer had to restate the problem after a transfer. */
    afterHandoff: z.boolean().default(true),
  });

  const summaryConfirmationDataSchema = z.object({
    /** The move the handoff note describes, e.g. "T1-T2" (a skip reads "T1-T3"). */
    packetStage: z.string().regex(/^T[0-4]-T[0-4]$/),
    from: tierIdSchema,
    to: tierIdSchema,
    /** The receiving agent found the summary accurate; false when something was missing. */
    accurate: z.boolean(),
    /** What was missing or wrong, in the receiving agent's words. */
    note: text.optional(),
  });

  const base = {
    id: storableString(EVENT_LIMITS.id).min(8),
    at: storableInstant,
    ticketId: name.min(1),
    helpdesk: helpdeskIdSchema,
    agent: name.min(1),
    team: name.optional(),
  };

  const eventSchema = z.discriminatedUnion('type', [
    z.object({ ...base, type: z.literal('decision'), data: decisionDataSchema }),
    z.object({ ...base, type: z.literal('override'), data: overrideDataSchema }),
    z.object({ ...base, type: z.literal('escalation'), data: escalationDataSchema }),
    z.object({ ...base, type: z.literal('handoff'), data: handoffDataSchema }),
    z.object({ ...base, type: z.literal('reassignment'), data: reassignmentDataSchema }),
    z.object({ ...base, type: z.literal('reopen'), data: reopenDataSchema }),
    z.object({ ...base, type: z.literal('csat'), data: csatDataSchema }),
    z.object({ ...base, type: z.literal('repeat-explanation'), data: repeatExplanationDataSchema }),
    z.object({ ...base, type: z.literal('summary-confirmation'), data: summaryConfirmationDataSchema }),
  ]);

  return { eventSchema, overrideDataSchema };
}

let built: ReturnType<typeof buildEventSchemas> | undefined;
const events = () => (built ??= buildEventSchemas());

export const eventSchema = z.lazy(() => events().eventSchema);
export const overrideDataSchema = z.lazy(() => events().overrideDataSchema);

export type TierlineEvent = z.infer<typeof eventSchema>;
export type TierlineEventInput = z.input<typeof eventSchema>;
export type EventType = TierlineEvent['type'];
