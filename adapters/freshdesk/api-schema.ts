import { z } from 'zod';

/**
 * The parts of Freshdesk API v2 responses Tierline reads (`.loose()` keeps the rest).
 * https://developers.freshdesk.com/api/#tickets
 */

const id = z.number().int();
const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

/** GET /api/v2/tickets/{id}?include=requester,stats. `description_text` is the text without markup. */
export const freshdeskTicketSchema = z
  .object({
    id,
    subject: z.string().nullish(),
    description_text: z.string().nullish(),
    status: z.number().int(),
    priority: z.number().int().nullish(),
    source: z.number().int().nullish(),
    type: z.string().nullish(),
    group_id: id.nullish(),
    requester_id: id.nullish(),
    company_id: id.nullish(),
    tags: z.array(z.string()).default([]),
    custom_fields: z.record(z.string(), fieldValue).default({}),
    created_at: z.string().nullish(),
    updated_at: z.string().nullish(),
    requester: z.object({ id, name: z.string().nullish(), email: z.string().nullish() }).loose().nullish(),
    stats: z.object({ reopened_at: z.string().nullish() }).loose().nullish(),
  })
  .loose();

/**
 * A list endpoint's array. Also accepted wrapped as `{ <key>: [...] }`, the
 * shape Tierline's JSON fixtures use so they can open with a `_comment`.
 */
export function listOf<T extends z.ZodType>(key: string, item: T) {
  return z.union([z.array(item), z.object({ [key]: z.array(item) }).loose().transform((o) => o[key] as z.infer<T>[])]);
}

/** GET /api/v2/tickets/{id}/conversations: replies and notes; `body_text` is the text without markup. */
export const freshdeskConversationsSchema = listOf(
  'conversations',
  z
    .object({
      id,
      body_text: z.string().nullish(),
      incoming: z.boolean().default(false),
      private: z.boolean().default(false),
      user_id: id.nullish(),
      from_email: z.string().nullish(),
      created_at: z.string().nullish(),
    })
    .loose(),
);

/** GET /api/v2/groups/{id}. */
export const freshdeskGroupSchema = z.object({ id, name: z.string() }).loose();

/** GET /api/v2/companies/{id}: `account_tier` and custom fields decide the customer tier. */
export const freshdeskCompanySchema = z
  .object({ id, name: z.string(), account_tier: z.string().nullish(), custom_fields: z.record(z.string(), fieldValue).nullish() })
  .loose();
