import { z } from 'zod';
import { helpdeskIdSchema, tierIdSchema } from '../ticket';

/**
 * A handoff packet: the context that travels with a ticket when it moves
 * between tiers, so the next person does not make the customer repeat
 * themselves. Drafts are stored (and synced) in this shape; `schemaVersion`
 * lets a later format migrate old drafts.
 */

export const HANDOFF_PACKET_SCHEMA_VERSION = 1;

const isoDateTime = z.iso.datetime({ offset: true });

export const packetItemSchema = z
  .object({
    value: z.string(),
    /** Who wrote the value: the agent, a prefill from the ticket, or an AI summary (to be confirmed). */
    source: z.enum(['agent', 'prefill', 'ai']).optional(),
    /**
     * The sending agent checked a prefilled value ("Looks right", or edited it). A
     * `prefill` value counts towards completeness only once confirmed; an `ai` value
     * is the receiving agent's to review (`confirmedBy`).
     */
    confirmed: z.boolean().optional(),
  })
  .strict();
export type PacketItem = z.infer<typeof packetItemSchema>;

/** The four questions every handoff answers. */
export const packetSummarySchema = z
  .object({
    /** What's the problem? */
    problem: z.string().default(''),
    /** What has already been tried? */
    done: z.string().default(''),
    /** What is specifically needed from the next tier? */
    needed: z.string().default(''),
    /** The customer's emotional state and the business impact. */
    customerContext: z.string().default(''),
  })
  .strict();

export const handoffPacketSchema = z
  .object({
    schemaVersion: z.literal(HANDOFF_PACKET_SCHEMA_VERSION).default(HANDOFF_PACKET_SCHEMA_VERSION),
    id: z.string().min(1),
    ticketId: z.string().min(1),
    helpdesk: helpdeskIdSchema,
    from: tierIdSchema,
    to: tierIdSchema,
    /** Required context by handoff item id (see `requiredItems`). */
    items: z.record(z.string(), packetItemSchema).default({}),
    summary: packetSummarySchema.default({ problem: '', done: '', needed: '', customerContext: '' }),
    /** Who keeps the customer updated while the next tier works: usually the sending agent. */
    communicationOwner: z.string().default(''),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    /** The receiving agent who reviewed the packet (AI summaries can drop identifiers). */
    confirmedBy: z.string().min(1).optional(),
  })
  .strict();

export type HandoffPacket = z.infer<typeof handoffPacketSchema>;
export type HandoffPacketInput = z.input<typeof handoffPacketSchema>;
