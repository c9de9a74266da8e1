import * as z from 'zod/mini';

/**
 * The parts of Zendesk Support API responses Tierline reads; everything else
 * passes through (`looseObject`). Shapes follow the public API reference:
 * https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/
 * Written with `zod/mini`: the worker parses these, and so does the tab's lazily loaded fallback chunk when the worker does not answer (issue 13).
 */

const id = z.int();
const scalarOrList = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
const text = z.nullish(z.string());
const channel = z.nullish(z.looseObject({ channel: z.nullish(z.union([z.string(), z.number()])) }));

export const zendeskTicketSchema = z.looseObject({
  id,
  subject: text,
  description: text,
  status: text,
  priority: text,
  type: text,
  requester_id: z.nullish(id),
  organization_id: z.nullish(id),
  group_id: z.nullish(id),
  tags: z._default(z.array(z.string()), []),
  custom_fields: z._default(z.array(z.looseObject({ id, value: z.optional(scalarOrList) })), []),
  via: channel,
  created_at: text,
  updated_at: text,
});

export const zendeskUserSchema = z.looseObject({
  id,
  name: text,
  email: text,
  /** "end-user", "agent" or "admin". */
  role: text,
  organization_id: z.nullish(id),
  user_fields: z.nullish(z.record(z.string(), scalarOrList)),
});

/** GET /api/v2/tickets/{id}.json?include=users,groups,organizations (side-loading). */
export const zendeskTicketResponseSchema = z.looseObject({
  ticket: zendeskTicketSchema,
  users: z._default(z.array(zendeskUserSchema), []),
  groups: z._default(z.array(z.looseObject({ id, name: z.string() })), []),
  organizations: z._default(
    z.array(z.looseObject({ id, name: z.string(), tags: z._default(z.array(z.string()), []), organization_fields: z.nullish(z.record(z.string(), scalarOrList)) })),
    [],
  ),
});
export type ZendeskTicketResponse = z.infer<typeof zendeskTicketResponseSchema>;

/** GET /api/v2/tickets/{id}/comments.json?include=users — `plain_body` is the text without markup. */
export const zendeskCommentsResponseSchema = z.looseObject({
  comments: z.array(
    z.looseObject({
      id,
      body: text,
      plain_body: text,
      public: z._default(z.boolean(), true),
      author_id: z.nullish(id),
      created_at: text,
      via: channel,
    }),
  ),
  users: z._default(z.array(zendeskUserSchema), []),
});
export type ZendeskCommentsResponse = z.infer<typeof zendeskCommentsResponseSchema>;

/** GET /api/v2/tickets/{id}/audits.json — `Create` / `Change` events carry group and tag history. */
export const zendeskAuditsResponseSchema = z.looseObject({
  audits: z.array(
    z.looseObject({
      created_at: z.string(),
      events: z.array(
        z.looseObject({
          type: z.string(),
          field_name: text,
          value: z.optional(scalarOrList),
          previous_value: z.optional(scalarOrList),
        }),
      ),
    }),
  ),
});
export type ZendeskAuditsResponse = z.infer<typeof zendeskAuditsResponseSchema>;

/** GET /api/v2/ticket_fields.json — titles for custom field ids, and dropdown option names for their tag values. */
export const zendeskTicketFieldsResponseSchema = z.looseObject({
  ticket_fields: z.array(
    z.looseObject({
      id,
      title: z.string(),
      type: z.string(),
      custom_field_options: z.nullish(z.array(z.looseObject({ name: z.string(), value: z.string() }))),
    }),
  ),
});
export type ZendeskTicketFieldsResponse = z.infer<typeof zendeskTicketFieldsResponseSchema>;
