import { z } from 'zod';
import { PREFILL_SOURCE_IDS } from '../handoff/prefill-summary';
import { decisionSchema, firedTriggerSchema } from '../route/decision';
import { tierIdSchema } from '../ticket';
import { aiSuggestionSchema } from '../triage/suggestion';

/**
 * The one answer per ticket that every part of the overlay draws: the rules'
 * decision, who owns the ticket after an agent's override, where the ticket is
 * now, the handoff from there to the owner, the model's suggestion and how it
 * relates to the owner, and the policy that decided. Badge, triggers, AI box,
 * checklist, confirm dialog, write-back and audit read it; none of them works
 * out a target of its own. The worker validates its answer with these schemas;
 * `./build-ticket-view.ts` builds it, the checklist's prefill included; the
 * tab's lazily loaded fallback and override preview run it too, without the schemas.
 */

export const ownerSchema = z.object({
  tier: tierIdSchema,
  /** The policy's name for the tier ("Frontline"), for sentences; badges say "Tier 1". */
  tierName: z.string(),
  role: z.string(),
  roleName: z.string(),
});
/** A tier and a role: who acts on a ticket. */
export type Owner = z.infer<typeof ownerSchema>;

export const POLICY_SOURCES = ['managed', 'org', 'local', 'default'] as const;
export const policyInForceSchema = z.object({
  name: z.string(),
  revision: z.number(),
  /** Managed by the administrator's browser policy, the team's endpoint, this browser's options page, or built in. */
  source: z.enum(POLICY_SOURCES),
});
export type PolicyInForce = z.infer<typeof policyInForceSchema>;

export const viewOverrideSchema = z.object({
  to: ownerSchema,
  reason: z.string(),
  at: z.string().optional(),
});

/** Up a tier, down a tier, or to another role of the same tier (Tier 1 → Billing Specialist). */
export const MOVES = ['up', 'down', 'sideways'] as const;

export const handoffTargetSchema = z.object({
  from: ownerSchema,
  to: ownerSchema,
  move: z.enum(MOVES),
  items: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      hint: z.string().optional(),
      stage: z.boolean(),
      /** What the ticket answers for the item, from the one source allowed to (core/handoff/prefill.ts); the agent confirms it. */
      prefill: z.object({ value: z.string(), source: z.enum(PREFILL_SOURCE_IDS) }).optional(),
    }),
  ),
});
export type HandoffTarget = z.infer<typeof handoffTargetSchema>;

export const viewTriggerSchema = firedTriggerSchema.extend({
  /** The agent's override puts the ticket below or beside where this trigger sends it. */
  overruled: z.boolean(),
});
export type ViewTrigger = z.infer<typeof viewTriggerSchema>;

/** How the model's suggestion stands to the owner: the same owner, another one, or applied by the auto-route gate. */
export const AI_RELATIONS = ['agrees', 'differs', 'applied'] as const;

export const ticketViewSchema = z.object({
  ticketId: z.string(),
  decision: decisionSchema,
  /** Who should own the ticket: the rules' decision, or the agent's override while it stands. */
  owner: ownerSchema.extend({ by: z.enum(['policy', 'override']) }),
  /** The policy's owner, also while an override stands. */
  policyOwner: ownerSchema,
  /** Where the ticket is now (its tier, and its assignee's role or the tier's owner). */
  current: ownerSchema,
  override: viewOverrideSchema.optional(),
  triggers: z.array(viewTriggerSchema),
  /** From where the ticket is to its owner; null when it is already there. */
  handoff: handoffTargetSchema.nullable(),
  ai: z.object({ suggestion: aiSuggestionSchema, relation: z.enum(AI_RELATIONS) }).optional(),
  policy: policyInForceSchema,
  /** How many users the customer says are affected, as the router read it (core/view/impact.ts). */
  impactedUsers: z.object({ count: z.number(), written: z.string().optional() }).optional(),
  /** Business minutes in a working day of the decision's calendar (1,440 when always open; 0 when it has no hours). */
  businessDayMinutes: z.number(),
});
export type TicketView = z.infer<typeof ticketViewSchema>;
