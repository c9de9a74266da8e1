import { z } from 'zod';
import { helpdeskIdSchema, tierIdSchema } from './ticket';

/**
 * The event log: what the extension records, the outbox syncs, the endpoint
 * stores and `core/metrics` reads. Ids are client-generated (UUID) so a retry
 * after a crash is a duplicate, never a second row.
 */

const isoDateTime = z.iso.datetime({ offset: true });

export const decisionDataSchema = z.object({
  tier: tierIdSchema,
  role: z.string(),
  severity: z.string(),
  bypass: z.boolean().default(false),
  triggers: z.array(z.string()).default([]),
  /** Where the decision came from: the policy rules or the triage model. */
  source: z.enum(['rules', 'model']).default('rules'),
  confidence: z.number().min(0).max(1).optional(),
  category: z.string().optional(),
});

export const overrideDataSchema = z.object({
  from: z.object({ tier: tierIdSchema, role: z.string() }),
  to: z.object({ tier: tierIdSchema, role: z.string() }),
  reason: z.string().min(1),
  /** The suggestion that was overridden came from the model (AI) or the rules. */
  source: z.enum(['rules', 'model']).default('rules'),
  category: z.string().optional(),
});

export const escalationDataSchema = z.object({
  from: tierIdSchema,
  to: tierIdSchema,
  role: z.string().optional(),
  reason: z.string().optional(),
  triggers: z.array(z.string()).default([]),
  /** Set afterwards (by a lead or the receiving tier) when the escalation proved avoidable. */
  unnecessary: z.boolean().optional(),
});

export const handoffDataSchema = z.object({
  from: tierIdSchema,
  to: tierIdSchema,
  team: z.string().optional(),
  completeness: z.number().min(0).max(100),
  missing: z.array(z.string()).default([]),
  blocked: z.boolean().default(false),
  packetId: z.string().optional(),
});

export const reassignmentDataSchema = z.object({
  from: z.object({ tier: tierIdSchema.optional(), role: z.string().optional(), group: z.string().optional() }),
  to: z.object({ tier: tierIdSchema.optional(), role: z.string().optional(), group: z.string().optional() }),
  /** True when the first assignment was wrong (a misroute), not a planned escalation. */
  misroute: z.boolean().default(true),
});

export const reopenDataSchema = z.object({
  solvedAt: isoDateTime,
});

export const csatDataSchema = z.object({
  /** Score on a 1–5 scale. */
  score: z.number().min(1).max(5),
  afterHandoff: z.boolean().default(false),
});

export const repeatExplanationDataSchema = z.object({
  /** True when the customer had to restate the problem after a transfer. */
  afterHandoff: z.boolean().default(true),
});

export const summaryConfirmationDataSchema = z.object({
  /** The move the handoff note describes, e.g. "T1-T2" (a skip reads "T1-T3"). */
  packetStage: z.string().regex(/^T[0-4]-T[0-4]$/),
  from: tierIdSchema,
  to: tierIdSchema,
  /** The receiving agent found the summary accurate; false when something was missing. */
  accurate: z.boolean(),
  /** What was missing or wrong, in the receiving agent's words. */
  note: z.string().max(2000).optional(),
});

const base = {
  id: z.string().min(8).max(64),
  at: isoDateTime,
  ticketId: z.string().min(1),
  helpdesk: helpdeskIdSchema,
  agent: z.string().min(1),
  team: z.string().optional(),
};

export const eventSchema = z.discriminatedUnion('type', [
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

export type TierlineEvent = z.infer<typeof eventSchema>;
export type TierlineEventInput = z.input<typeof eventSchema>;
export type EventType = TierlineEvent['type'];
export const EVENT_TYPES = eventSchema.options.map((o) => o.shape.type.value);
