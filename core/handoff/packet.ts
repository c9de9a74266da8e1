import * as z from 'zod/mini';
import { HELPDESK_IDS, TIER_IDS } from '../ticket-ids';

/**
 * A handoff packet: the context that travels with a ticket when it moves
 * between tiers, so the next person does not make the customer repeat
 * themselves. Drafts are stored (and synced) in this shape; `schemaVersion`
 * lets a later format migrate old drafts. Written with `zod/mini`: the
 * escalation chunk the tab loads when an agent escalates parses the note's packet
 * (the checklist scores the draft without parsing it, so the tab carries no zod: issue 13).
 */

export const HANDOFF_PACKET_SCHEMA_VERSION = 1;

const isoDateTime = z.iso.datetime({ offset: true });
const nonEmpty = () => z.string().check(z.minLength(1));
const text = () => z._default(z.string(), '');

export const packetItemSchema = z.strictObject({
  value: z.string(),
  /** Who wrote the value: the agent, a prefill from the ticket, or an AI summary (to be confirmed). */
  source: z.optional(z.enum(['agent', 'prefill', 'ai'])),
  /**
   * The sending agent checked a prefilled value ("Looks right", or edited it). A
   * `prefill` value counts towards completeness only once confirmed; an `ai` value
   * is the receiving agent's to review (`confirmedBy`).
   */
  confirmed: z.optional(z.boolean()),
});
export type PacketItem = z.infer<typeof packetItemSchema>;

/** The four questions every handoff answers. */
export const packetSummarySchema = z.strictObject({
  /** What's the problem? */
  problem: text(),
  /** What has already been tried? */
  done: text(),
  /** What is specifically needed from the next tier? */
  needed: text(),
  /** The customer's emotional state and the business impact. */
  customerContext: text(),
});

export const handoffPacketSchema = z.strictObject({
  schemaVersion: z._default(z.literal(HANDOFF_PACKET_SCHEMA_VERSION), HANDOFF_PACKET_SCHEMA_VERSION),
  id: nonEmpty(),
  ticketId: nonEmpty(),
  helpdesk: z.enum(HELPDESK_IDS),
  from: z.enum(TIER_IDS),
  to: z.enum(TIER_IDS),
  /** Required context by handoff item id (see `requiredItems`). */
  items: z._default(z.record(z.string(), packetItemSchema), {}),
  summary: z._default(packetSummarySchema, { problem: '', done: '', needed: '', customerContext: '' }),
  /** Who keeps the customer updated while the next tier works: usually the sending agent. */
  communicationOwner: text(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** The receiving agent who reviewed the packet (AI summaries can drop identifiers). */
  confirmedBy: z.optional(nonEmpty()),
});

export type HandoffPacket = z.infer<typeof handoffPacketSchema>;
export type HandoffPacketInput = z.input<typeof handoffPacketSchema>;
