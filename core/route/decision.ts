import { z } from 'zod';
import { triggerKindSchema } from '../policy/schema';
import { tierIdSchema } from '../ticket';

/**
 * A routing decision: who should own the ticket (tier and role), on which
 * clock (severity), which triggers fired, and why. Tier and severity are
 * separate answers: severity sets the clock, tier sets who acts.
 */

export const reasonSchema = z.object({
  /** What this reason explains: the tier, the role, the severity, a trigger, the clock. */
  about: z.enum(['tier', 'role', 'severity', 'trigger', 'clock', 'issue-type']),
  /** The policy rule that matched, as a JSON-path-like reference ("triggers[3]", "issueTypes.billing"). */
  rule: z.string(),
  /** A sentence an agent can read. */
  text: z.string(),
  /** The ticket value(s) the rule saw. */
  saw: z.record(z.string(), z.unknown()).default({}),
});
export type Reason = z.infer<typeof reasonSchema>;

export const firedTriggerSchema = z.object({
  id: z.string(),
  kind: triggerKindSchema,
  description: z.string(),
  action: z.string(),
  toTier: tierIdSchema.optional(),
  toRole: z.string().optional(),
  bypass: z.boolean(),
  /** A warning only: shown and counted, the ticket stays where the rest of the policy puts it. */
  warnOnly: z.boolean().optional(),
});
export type FiredTrigger = z.infer<typeof firedTriggerSchema>;

export const queueClockSchema = z.object({
  /** Business minutes the ticket has spent at its current tier. */
  timeInQueueMinutes: z.number(),
  /** When the escalation clock breaches (ISO), absent when the clock is paused with no due time. */
  dueAt: z.string().optional(),
  /** Business minutes left before breach (negative once breached). */
  remainingMinutes: z.number(),
  breached: z.boolean(),
  paused: z.boolean(),
  calendar: z.string(),
});
export type QueueClock = z.infer<typeof queueClockSchema>;

export const decisionSchema = z.object({
  ticketId: z.string(),
  tier: tierIdSchema,
  role: z.string(),
  roleName: z.string(),
  severity: z.string(),
  severityName: z.string(),
  issueType: z.string().optional(),
  bypass: z.boolean(),
  triggers: z.array(firedTriggerSchema),
  clock: queueClockSchema,
  reasons: z.array(reasonSchema),
  /** The policy revision this decision was made under. */
  policyRevision: z.number(),
});
export type Decision = z.infer<typeof decisionSchema>;
