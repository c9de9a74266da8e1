import { itemValuesOf, readConfirmed } from '../../components/checklist-draft';
import type { ChecklistItem, Completeness } from '../../components/handoff-checklist';
import { checkHandoff } from '../../core/handoff/check';
import type { HandoffPacket } from '../../core/handoff/packet';
import type { Policy } from '../../core/policy/schema';
import type { HelpdeskId, TierId } from '../../core/ticket';

export interface HandoffStage {
  from: TierId;
  to: TierId;
  items: ChecklistItem[];
}

export interface PacketMeta {
  ticketId: string;
  helpdesk: HelpdeskId;
  /** Also the packet's id: one draft per ticket. */
  at: string;
  /** The sending agent, named in the note's marker line so the receiving overlay can tell them apart. */
  author?: string;
  /** The handoff's id in the marker line, so a retried write-back finds the note it already wrote. */
  handoffId?: string;
  /** The roles the ticket moves between (a move within a tier is told by them). */
  roles?: { from: string; to: string };
  /** Items the ticket prefilled: the note says which the agent has not confirmed. */
  prefilled?: readonly string[];
}

/**
 * The checklist's values as a core handoff packet. Values the ticket prefilled
 * (`prefilled` ids) carry `source: 'prefill'` and whether the agent confirmed
 * them; the draft's own "tierline:" keys are not items. Built as the packet type
 * says, not parsed: the checklist scores it on every keystroke in the tab, which
 * carries no zod (issue 13); the note written back is parsed first (./packet-text.ts).
 */
export function toPacket(stage: HandoffStage, values: Record<string, string>, meta: PacketMeta, prefilled: readonly string[] = []): HandoffPacket {
  const confirmed = readConfirmed(values);
  const own = itemValuesOf(values);
  const fromTicket = new Set(prefilled);
  const items = Object.fromEntries(Object.entries(own).map(([id, value]) => [id, fromTicket.has(id) ? { value, source: 'prefill' as const, confirmed: confirmed.has(id) } : { value }]));
  return {
    schemaVersion: 1,
    id: `${meta.helpdesk}-${meta.ticketId}`,
    ticketId: meta.ticketId,
    helpdesk: meta.helpdesk,
    from: stage.from,
    to: stage.to,
    items,
    // "What is needed from the next tier" is the agent's to say: only a policy item of its own answers it, never the escalation reason.
    summary: { problem: own.summary ?? '', done: own['steps-tried'] ?? '', needed: own.needed ?? '', customerContext: own['business-impact'] ?? '' },
    communicationOwner: own['communication-owner'] ?? '',
    createdAt: meta.at,
    updatedAt: meta.at,
  } satisfies HandoffPacket;
}

const EPOCH = '1970-01-01T00:00:00Z';

/** Completeness as the checklist shows it, from core's checkHandoff: the confirmed score, and the score with unchecked prefill. */
export function checkPacket(policy: Policy, stage: HandoffStage, values: Record<string, string>, prefilled: readonly string[] = []): Completeness {
  const check = checkHandoff(policy, toPacket(stage, values, { ticketId: 'draft', helpdesk: 'zendesk', at: EPOCH }, prefilled), stage);
  return {
    score: check.score,
    filledScore: check.filledScore,
    required: check.required,
    confirmed: check.required - check.missing.length - check.unconfirmed.length,
    missing: check.missing.map((m) => m.label),
    toCheck: check.unconfirmed.map((m) => m.label),
    blocked: check.blocked,
  };
}
