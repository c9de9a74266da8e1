import * as z from 'zod/mini';

/**
 * The parts of Freshdesk API v2 responses Tierline reads (`looseObject` keeps the rest).
 * https://developers.freshdesk.com/api/#tickets
 * Written with `zod/mini`: the worker parses these, and so does the tab's lazily loaded fallback chunk when the worker does not answer (issue 13).
 */

const id = z.int();
const text = z.nullish(z.string());
const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

/** GET /api/v2/tickets/{id}?include=requester,stats. `description_text` is the text without markup. */
export const freshdeskTicketSchema = z.looseObject({
  id,
  subject: text,
  description_text: text,
  status: z.int(),
  priority: z.nullish(z.int()),
  source: z.nullish(z.int()),
  type: text,
  group_id: z.nullish(id),
  requester_id: z.nullish(id),
  company_id: z.nullish(id),
  tags: z._default(z.array(z.string()), []),
  custom_fields: z._default(z.record(z.string(), fieldValue), {}),
  created_at: text,
  updated_at: text,
  requester: z.nullish(z.looseObject({ id, name: text, email: text })),
  stats: z.nullish(z.looseObject({ reopened_at: text })),
});

/**
 * A list endpoint's array. Also accepted wrapped as `{ <key>: [...] }`, the
 * shape Tierline's JSON fixtures use so they can open with a `_comment`.
 */
export function listOf<T extends z.ZodMiniType>(key: string, item: T) {
  return z.union([z.array(item), z.pipe(z.looseObject({ [key]: z.array(item) }), z.transform((o) => o[key] as z.infer<T>[]))]);
}

/** GET /api/v2/tickets/{id}/conversations: replies and notes; `body_text` is the text without markup. */
export const freshdeskConversationsSchema = listOf(
  'conversations',
  z.looseObject({
    id,
    body_text: text,
    incoming: z._default(z.boolean(), false),
    private: z._default(z.boolean(), false),
    user_id: z.nullish(id),
    from_email: text,
    created_at: text,
  }),
);

/** GET /api/v2/groups/{id}. */
export const freshdeskGroupSchema = z.looseObject({ id, name: z.string() });

/** GET /api/v2/companies/{id}: `account_tier` and custom fields decide the customer tier. */
export const freshdeskCompanySchema = z.looseObject({ id, name: z.string(), account_tier: text, custom_fields: z.nullish(z.record(z.string(), fieldValue)) });
