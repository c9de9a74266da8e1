import { z } from 'zod';
import { requiredItems } from '../handoff/stages';
import type { Policy } from '../policy/schema';
import { type Decision, decisionSchema, firedTriggerSchema } from '../route/decision';
import { TIER_IDS, type Ticket, type TierId, tierIdSchema } from '../ticket';
import { type AiSuggestion, aiSuggestionSchema } from '../triage/suggestion';

/**
 * The one answer per ticket that every part of the overlay draws: the rules'
 * decision, who owns the ticket after an agent's override, where the ticket is
 * now, the handoff from there to the owner, the model's suggestion and how it
 * relates to the owner, and the policy that decided. Badge, triggers, AI box,
 * checklist, confirm dialog, write-back and audit read it; none of them works
 * out a target of its own.
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
  items: z.array(z.object({ id: z.string(), label: z.string(), hint: z.string().optional(), stage: z.boolean() })),
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

export interface ViewInput {
  policy: Policy;
  policySource: PolicyInForce['source'];
  ticket: Ticket;
  decision: Decision;
  /** The agent's stored override for this ticket. */
  override?: { to: { tier: TierId; role: string }; reason: string; at?: string } | undefined;
  suggestion?: AiSuggestion | null | undefined;
  /** The head-count the router read (`readImpactedUsers`), computed by the caller that has the text pipeline. */
  impactedUsers?: { count: number; written?: string | undefined } | undefined;
}

const rank = (tier: TierId) => TIER_IDS.indexOf(tier);

const minutesOf = (time: string) => {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return h * 60 + m;
};

/** The longest working day of the calendar, in minutes: what "1 business day" means on this clock. */
export function businessDayMinutes(policy: Policy, calendarId: string): number {
  const calendar = policy.calendars.find((c) => c.id === calendarId) ?? policy.calendars[0];
  if (!calendar) return 0;
  if (calendar.alwaysOpen) return 24 * 60;
  const days = Object.values(calendar.hours).map((spans) => spans.reduce((sum, span) => sum + Math.max(0, minutesOf(span.end) - minutesOf(span.start)), 0));
  return Math.max(0, ...days);
}

/** A tier and role with the policy's names; an unknown role keeps its id as its name. */
export function ownerOf(policy: Policy, tier: TierId, role: string | undefined): Owner {
  const tierRow = policy.tiers.find((t) => t.id === tier);
  const roleId = role && policy.roles.some((r) => r.id === role) ? role : (tierRow?.ownerRole ?? role ?? '');
  const roleRow = policy.roles.find((r) => r.id === roleId);
  return { tier, tierName: tierRow?.name ?? tier, role: roleId, roleName: roleRow?.name ?? roleId };
}

const sameOwner = (a: { tier: TierId; role: string }, b: { tier: TierId; role: string }) => a.tier === b.tier && a.role === b.role;

/** Where the ticket sits: its tier (else the entry tier) and its assignee's role (else the tier's owner). */
function currentOwner(policy: Policy, ticket: Ticket): Owner {
  const tier = ticket.currentTier ?? policy.entryTier;
  const assignee = ticket.assigneeRole && policy.roles.find((r) => r.id === ticket.assigneeRole && r.tier === tier);
  return ownerOf(policy, tier, assignee ? assignee.id : undefined);
}

/** A trigger the owner does not follow: it sends the ticket above the owner, or to another role at the owner's tier. */
function isOverruled(trigger: Decision['triggers'][number], owner: Owner): boolean {
  if (trigger.warnOnly || !trigger.toTier) return false;
  if (rank(owner.tier) !== rank(trigger.toTier)) return rank(owner.tier) < rank(trigger.toTier);
  return trigger.toRole !== undefined && trigger.toRole !== owner.role;
}

function handoffTo(policy: Policy, from: Owner, to: Owner): HandoffTarget | null {
  if (sameOwner(from, to)) return null;
  const move = rank(to.tier) > rank(from.tier) ? 'up' : rank(to.tier) < rank(from.tier) ? 'down' : 'sideways';
  const items = requiredItems(policy, { from: from.tier, to: to.tier }).map((item) => ({
    id: item.id,
    label: item.label,
    ...(item.hint ? { hint: item.hint } : {}),
    stage: item.stage !== undefined,
  }));
  return { from, to, move, items };
}

function relationOf(suggestion: AiSuggestion, owner: Owner, decision: Decision): TicketView['ai'] {
  const route = suggestion.route;
  const agrees = route.tier === owner.tier && (route.role === undefined || route.role === owner.role);
  if (!agrees) return { suggestion, relation: 'differs' };
  // Auto-route lets the label weigh in on the issue type; the decision's issue-type reason then shows what the model said.
  const usedModel = decision.reasons.some((r) => r.about === 'issue-type' && 'model' in r.saw);
  const applied = suggestion.gate === 'auto-route' && usedModel && route.issueType === decision.issueType;
  return { suggestion, relation: applied ? 'applied' : 'agrees' };
}

/**
 * Builds the ticket's view from the decision, the stored override and the
 * model's suggestion. Pure: the decision was made at the caller's `now`.
 *
 * @example buildTicketView({ policy, policySource: 'default', ticket, decision }).handoff
 * // → { from: { tier: 'T1', roleName: 'Front-line Agent', … }, to: { tier: 'T1', roleName: 'Billing Specialist', … }, move: 'sideways', items: […] }
 */
export function buildTicketView(input: ViewInput): TicketView {
  const { policy, ticket, decision } = input;
  const policyOwner = ownerOf(policy, decision.tier, decision.role);
  const override = input.override && !sameOwner(input.override.to, policyOwner) ? input.override : undefined;
  const overrideOwner = override ? ownerOf(policy, override.to.tier, override.to.role) : undefined;
  const owner = overrideOwner ?? policyOwner;
  const current = currentOwner(policy, ticket);
  return {
    ticketId: decision.ticketId,
    decision,
    owner: { ...owner, by: overrideOwner ? 'override' : 'policy' },
    policyOwner,
    current,
    ...(override && overrideOwner ? { override: { to: overrideOwner, reason: override.reason, ...(override.at ? { at: override.at } : {}) } } : {}),
    // Only an override can leave a trigger unfollowed: the policy's own owner already weighs every trigger (its reasons say how).
    triggers: decision.triggers.map((trigger) => ({ ...trigger, overruled: overrideOwner !== undefined && isOverruled(trigger, owner) })),
    handoff: handoffTo(policy, current, owner),
    ...(input.suggestion ? { ai: relationOf(input.suggestion, owner, decision) } : {}),
    policy: { name: policy.name, revision: policy.revision, source: input.policySource },
    ...(input.impactedUsers ? { impactedUsers: { count: input.impactedUsers.count, ...(input.impactedUsers.written ? { written: input.impactedUsers.written } : {}) } } : {}),
    businessDayMinutes: businessDayMinutes(policy, decision.clock.calendar),
  };
}
