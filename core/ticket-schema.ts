import * as z from 'zod/mini';
import { CUSTOMER_TIERS, HELPDESK_IDS, PRIORITIES, STATUSES, TIER_IDS } from './ticket-ids';

/**
 * The normalized ticket: what every adapter produces from a helpdesk page or
 * API, what the CLI reads, and what the routing core decides on.
 * Fields a helpdesk does not know are simply absent.
 *
 * Written with `zod/mini`: besides the worker, the tab's lazily loaded fallback
 * (when the worker does not answer) runs it, and carries no more of zod than it uses (issue 13).
 * `./ticket.ts` re-exports all of this beside the full-zod id enums the other
 * schemas compose. The ids and enums live in ./ticket-ids.ts (no zod).
 */

export * from './ticket-ids';

const isoDateTime = z.iso.datetime({ offset: true });

export const commentSchema = z.object({
  /** Who wrote it: the customer, an agent, or the system (automations). */
  author: z.enum(['customer', 'agent', 'system']),
  /** Public reply (seen by the customer) or internal / private note. */
  public: z._default(z.boolean(), true),
  /** Plain text. Customer-written, hostile: never rendered as HTML. */
  body: z.string(),
  at: z.optional(isoDateTime),
  authorName: z.optional(z.string()),
});
export type TicketComment = z.infer<typeof commentSchema>;

const nonnegative = () => z.number().check(z.nonnegative());
const count = () => z.int().check(z.nonnegative());

export const requesterSchema = z.looseObject({
  id: z.optional(z.string()),
  name: z.optional(z.string()),
  email: z.optional(z.string()),
  organization: z.optional(z.string()),
  customerTier: z.optional(z.enum(CUSTOMER_TIERS)),
  /** Annual contract value in the organisation's currency, for "high-value customer" gates. */
  contractValue: z.optional(nonnegative()),
});

export const moneySchema = z.object({
  value: nonnegative(),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "USD"')),
});
export type Money = z.infer<typeof moneySchema>;

export const ticketSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  helpdesk: z.optional(z.enum(HELPDESK_IDS)),
  url: z.optional(z.string()),
  subject: z._default(z.string(), ''),
  description: z._default(z.string(), ''),
  comments: z._default(z.array(commentSchema), []),
  requester: z._default(requesterSchema, {}),
  priority: z.optional(z.enum(PRIORITIES)),
  status: z.optional(z.enum(STATUSES)),
  tags: z._default(z.array(z.string()), []),
  /** Helpdesk custom fields by name, plus group / request type as read. */
  fields: z._default(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())])), {}),
  group: z.optional(z.string()),
  assigneeRole: z.optional(z.string()),
  issueType: z.optional(z.string()),
  impactedUsers: z.optional(count()),
  amount: z.optional(moneySchema),
  channel: z.optional(z.string()),
  currentTier: z.optional(z.enum(TIER_IDS)),
  tierEnteredAt: z.optional(isoDateTime),
  createdAt: z.optional(isoDateTime),
  updatedAt: z.optional(isoDateTime),
  /** How many times the ticket was reopened after being solved. */
  reopenCount: z.optional(count()),
  /** Fields the adapter tried to read and could not, shown in the overlay. */
  unreadable: z._default(z.array(z.string()), []),
});

/** A ticket after parsing: defaults filled in. */
export type Ticket = z.infer<typeof ticketSchema>;
/** A ticket as written by hand or by an adapter, before defaults. */
export type TicketInput = z.input<typeof ticketSchema>;
