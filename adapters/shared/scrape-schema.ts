import * as z from 'zod/mini';
import { PRIORITIES, STATUSES } from '../../core/ticket-ids';

/**
 * What a tab scrapes off a helpdesk page (`HelpdeskTab.scrapeTicket`): plain
 * strings, as the page shows them. The worker validates a scrape with this
 * schema where it arrives (the `viewTicket` message), then normalizes it with
 * the policy (`ticketFromScrape`). Page text is hostile: nothing here is markup.
 */

const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export const scrapedTicketSchema = z.object({
  id: z.string().check(z.minLength(1)),
  url: z.optional(z.string()),
  subject: z.string(),
  description: z.string(),
  comments: z.array(
    z.object({
      author: z.enum(['customer', 'agent', 'system']),
      public: z.boolean(),
      body: z.string(),
      at: z.optional(z.string()),
      authorName: z.optional(z.string()),
    }),
  ),
  requester: z.object({ name: z.optional(z.string()), email: z.optional(z.string()), organization: z.optional(z.string()) }),
  priority: z.optional(z.enum(PRIORITIES)),
  status: z.optional(z.enum(STATUSES)),
  tags: z.array(z.string()),
  fields: z.record(z.string(), fieldValue),
  group: z.optional(z.string()),
  channel: z.optional(z.string()),
  createdAt: z.optional(z.string()),
});
export type ScrapedTicket = z.infer<typeof scrapedTicketSchema>;

export const ticketScrapeSchema = z.object({ ticket: scrapedTicketSchema, unreadable: z.array(z.string()) });
