import { prefillItems } from '../handoff/prefill';
import { requiredItems } from '../handoff/stages';
import type { Policy } from '../policy/schema';
import type { Decision } from '../route/decision';
import { TIER_IDS, type TierId } from '../ticket-ids';
import type { Ticket } from '../ticket-schema';
import type { AiSuggestion } from '../triage/suggestion';
import type { HandoffTarget, Owner, PolicyInForce, TicketView } from './ticket-view';

/**
 * Builds the one view per ticket (./ticket-view.ts says what it holds), the
 * handoff checklist's prefill included (../handoff/prefill.ts). Apart from the
 * schemas so the helpdesk tab's lazily loaded chunks, which build a view when
 * the worker does not answer and preview an override, carry no zod for it (issue 13).
 */

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
  /** The helpdesk's origin ("https://acme.zendesk.com"): its links are the ticket's own pages, no evidence. Defaults to the ticket URL's. */
  helpdeskOrigin?: string | undefined;
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

/** The packet the move needs, each item with what the ticket answers for it (prefilled, for the agent to confirm). */
function handoffTo(input: ViewInput, from: Owner, to: Owner): HandoffTarget | null {
  if (sameOwner(from, to)) return null;
  const { policy, ticket, decision } = input;
  const move = rank(to.tier) > rank(from.tier) ? 'up' : rank(to.tier) < rank(from.tier) ? 'down' : 'sideways';
  const required = requiredItems(policy, { from: from.tier, to: to.tier });
  const prefill = prefillItems(required, ticket, decision, {
    ...(input.helpdeskOrigin ? { helpdeskOrigin: input.helpdeskOrigin } : {}),
    impactedUsers: input.impactedUsers && { count: input.impactedUsers.count, ...(input.impactedUsers.written ? { written: input.impactedUsers.written } : {}) },
  });
  const items = required.map((item) => ({
    id: item.id,
    label: item.label,
    ...(item.hint ? { hint: item.hint } : {}),
    stage: item.stage !== undefined,
    ...(prefill[item.id] ? { prefill: prefill[item.id] } : {}),
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
    handoff: handoffTo(input, current, owner),
    ...(input.suggestion ? { ai: relationOf(input.suggestion, owner, decision) } : {}),
    policy: { name: policy.name, revision: policy.revision, source: input.policySource },
    ...(input.impactedUsers ? { impactedUsers: { count: input.impactedUsers.count, ...(input.impactedUsers.written ? { written: input.impactedUsers.written } : {}) } } : {}),
    businessDayMinutes: businessDayMinutes(policy, decision.clock.calendar),
  };
}
