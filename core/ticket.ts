import { z } from 'zod';

/**
 * The normalized ticket: what every adapter produces from a helpdesk page or
 * API, what the CLI reads, and what the routing core decides on.
 * Fields a helpdesk does not know are simply absent.
 */

/** Tier ids, Tier 0 (self-service) to Tier 4 (specialist). */
export const tierIdSchema = z.enum(['T0', 'T1', 'T2', 'T3', 'T4']);
export type TierId = z.infer<typeof tierIdSchema>;
export const TIER_IDS = tierIdSchema.options;

export const helpdeskIdSchema = z.enum(['zendesk', 'freshdesk', 'jira']);
export type HelpdeskId = z.infer<typeof helpdeskIdSchema>;

const isoDateTime = z.iso.datetime({ offset: true });

export const commentSchema = z.object({
  /** Who wrote it: the customer, an agent, or the system (automations). */
  author: z.enum(['customer', 'agent', 'system']),
  /** Public reply (seen by the customer) or internal / private note. */
  public: z.boolean().default(true),
  /** Plain text. Customer-written, hostile: never rendered as HTML. */
  body: z.string(),
  at: isoDateTime.optional(),
  authorName: z.string().optional(),
});
export type TicketComment = z.infer<typeof commentSchema>;

export const customerTierSchema = z.enum(['free', 'standard', 'premium', 'enterprise']);
export type CustomerTier = z.infer<typeof customerTierSchema>;

export const requesterSchema = z
  .object({
    id: z.string().optional(),
    name: z.string().optional(),
    email: z.string().optional(),
    organization: z.string().optional(),
    customerTier: customerTierSchema.optional(),
    /** Annual contract value in the organisation's currency, for "high-value customer" gates. */
    contractValue: z.number().nonnegative().optional(),
  })
  .loose();

export const moneySchema = z.object({
  value: z.number().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "USD"'),
});
export type Money = z.infer<typeof moneySchema>;

export const prioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
export type Priority = z.infer<typeof prioritySchema>;

export const statusSchema = z.enum(['new', 'open', 'pending', 'on-hold', 'solved', 'closed']);
export type TicketStatus = z.infer<typeof statusSchema>;

export const ticketSchema = z
  .object({
    id: z.string().min(1),
    helpdesk: helpdeskIdSchema.optional(),
    url: z.string().optional(),
    subject: z.string().default(''),
    description: z.string().default(''),
    comments: z.array(commentSchema).default([]),
    requester: requesterSchema.default({}),
    priority: prioritySchema.optional(),
    status: statusSchema.optional(),
    tags: z.array(z.string()).default([]),
    /** Helpdesk custom fields by name, plus group / request type as read. */
    fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())])).default({}),
    group: z.string().optional(),
    assigneeRole: z.string().optional(),
    issueType: z.string().optional(),
    impactedUsers: z.number().int().nonnegative().optional(),
    amount: moneySchema.optional(),
    channel: z.string().optional(),
    currentTier: tierIdSchema.optional(),
    tierEnteredAt: isoDateTime.optional(),
    createdAt: isoDateTime.optional(),
    updatedAt: isoDateTime.optional(),
    /** How many times the ticket was reopened after being solved. */
    reopenCount: z.number().int().nonnegative().optional(),
    /** Fields the adapter tried to read and could not, shown in the overlay. */
    unreadable: z.array(z.string()).default([]),
  })
  .strict();

/** A ticket after parsing: defaults filled in. */
export type Ticket = z.infer<typeof ticketSchema>;
/** A ticket as written by hand or by an adapter, before defaults. */
export type TicketInput = z.input<typeof ticketSchema>;
