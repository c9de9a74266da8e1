import type { ChecklistItem, Completeness } from '../../components/handoff-checklist';
import { checkHandoff, type HandoffPacket, handoffPacketSchema, renderPacketText, requiredItems } from '../../core/handoff/index';
import type { Policy } from '../../core/policy/schema';
import type { Decision } from '../../core/route/decision';
import { TIER_IDS, type HelpdeskId, type Ticket, type TierId } from '../../core/ticket';

export interface HandoffStage {
  from: TierId;
  to: TierId;
  items: ChecklistItem[];
}

/**
 * Which handoff the checklist prepares: from the ticket's current tier to the
 * decided one; when the decision keeps the tier, to the next tier up (the
 * escalation the agent would make). A sideways move to a role needs the base only.
 * Null at the top tier with nowhere to go.
 */
export function handoffStage(policy: Policy, ticket: Ticket, decision: Decision): HandoffStage | null {
  const from = ticket.currentTier ?? policy.entryTier;
  const fromIndex = TIER_IDS.indexOf(from);
  const decided = TIER_IDS.indexOf(decision.tier);
  const ownerOfFrom = policy.tiers.find((t) => t.id === from)?.ownerRole;
  const sideways = decided === fromIndex && decision.role !== ownerOfFrom;
  const toIndex = decided > fromIndex || sideways ? decided : fromIndex + 1;
  const to = TIER_IDS[toIndex];
  if (!to) return null;
  const items = requiredItems(policy, { from, to }).map((item) => ({ id: item.id, label: item.label, hint: item.hint, stage: item.stage !== undefined }));
  return { from, to, items };
}

export interface PacketMeta {
  ticketId: string;
  helpdesk: HelpdeskId;
  /** Also the packet's id: one draft per ticket. */
  at: string;
  /** The sending agent, named in the note's marker line so the receiving overlay can tell them apart. */
  author?: string;
}

/** The checklist's values as a core handoff packet. */
export function toPacket(stage: HandoffStage, values: Record<string, string>, meta: PacketMeta): HandoffPacket {
  const items = Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value }]));
  return handoffPacketSchema.parse({
    id: `${meta.helpdesk}-${meta.ticketId}`,
    ticketId: meta.ticketId,
    helpdesk: meta.helpdesk,
    from: stage.from,
    to: stage.to,
    items,
    summary: { problem: values.summary ?? '', done: values['steps-tried'] ?? '', needed: values['escalation-reason'] ?? '', customerContext: values['business-impact'] ?? '' },
    communicationOwner: values['communication-owner'] ?? '',
    createdAt: meta.at,
    updatedAt: meta.at,
  });
}

const EPOCH = '1970-01-01T00:00:00Z';

/** Completeness as the checklist shows it, from core's checkHandoff. */
export function checkPacket(policy: Policy, stage: HandoffStage, values: Record<string, string>): Completeness {
  const check = checkHandoff(policy, toPacket(stage, values, { ticketId: 'draft', helpdesk: 'zendesk', at: EPOCH }), stage);
  return { score: check.score, missing: check.missing.map((m) => m.label), blocked: check.blocked };
}

/** The internal note written back on escalation: core's plain-text rendering. */
export function packetText(policy: Policy, stage: HandoffStage, values: Record<string, string>, meta: PacketMeta): string {
  return renderPacketText(policy, toPacket(stage, values, meta), meta.author === undefined ? {} : { author: meta.author });
}
