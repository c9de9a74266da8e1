import { z } from 'zod';

/**
 * The parts of Zendesk Support API responses Tierline reads; everything else
 * passes through (`.loose()`). Shapes follow the public API reference:
 * https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/
 */

const id = z.number().int();
const scalarOrList = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export const zendeskTicketSchema = z
  .object({
    id,
    subject: z.string().nullish(),
    description: z.string().nullish(),
    status: z.string().nullish(),
    priority: z.string().nullish(),
    type: z.string().nullish(),
    requester_id: id.nullish(),
    organization_id: id.nullish(),
    group_id: id.nullish(),
    tags: z.array(z.string()).default([]),
    custom_fields: z.array(z.object({ id, value: scalarOrList.optional() }).loose()).default([]),
    via: z.object({ channel: z.union([z.string(), z.number()]).nullish() }).loose().nullish(),
    created_at: z.string().nullish(),
    updated_at: z.string().nullish(),
  })
  .loose();

export const zendeskUserSchema = z
  .object({
    id,
    name: z.string().nullish(),
    email: z.string().nullish(),
    /** "end-user", "agent" or "admin". */
    role: z.string().nullish(),
    organization_id: id.nullish(),
    user_fields: z.record(z.string(), scalarOrList).nullish(),
  })
  .loose();

/** GET /api/v2/tickets/{id}.json?include=users,groups,organizations (side-loading). */
export const zendeskTicketResponseSchema = z
  .object({
    ticket: zendeskTicketSchema,
    users: z.array(zendeskUserSchema).default([]),
    groups: z.array(z.object({ id, name: z.string() }).loose()).default([]),
    organizations: z
      .array(z.object({ id, name: z.string(), tags: z.array(z.string()).default([]), organization_fields: z.record(z.string(), scalarOrList).nullish() }).loose())
      .default([]),
  })
  .loose();
export type ZendeskTicketResponse = z.infer<typeof zendeskTicketResponseSchema>;

/** GET /api/v2/tickets/{id}/comments.json?include=users — `plain_body` is the text without markup. */
export const zendeskCommentsResponseSchema = z
  .object({
    comments: z.array(
      z
        .object({
          id,
          body: z.string().nullish(),
          plain_body: z.string().nullish(),
          public: z.boolean().default(true),
          author_id: id.nullish(),
          created_at: z.string().nullish(),
          via: z.object({ channel: z.union([z.string(), z.number()]).nullish() }).loose().nullish(),
        })
        .loose(),
    ),
    users: z.array(zendeskUserSchema).default([]),
  })
  .loose();
export type ZendeskCommentsResponse = z.infer<typeof zendeskCommentsResponseSchema>;

/** GET /api/v2/tickets/{id}/audits.json — `Create` / `Change` events carry group and tag history. */
export const zendeskAuditsResponseSchema = z
  .object({
    audits: z.array(
      z
        .object({
          created_at: z.string(),
          events: z.array(
            z
              .object({
                type: z.string(),
                field_name: z.string().nullish(),
                value: scalarOrList.optional(),
                previous_value: scalarOrList.optional(),
              })
              .loose(),
          ),
        })
        .loose(),
    ),
  })
  .loose();
export type ZendeskAuditsResponse = z.infer<typeof zendeskAuditsResponseSchema>;

/** GET /api/v2/ticket_fields.json — titles for custom field ids, and dropdown option names for their tag values. */
export const zendeskTicketFieldsResponseSchema = z
  .object({
    ticket_fields: z.array(
      z
        .object({
          id,
          title: z.string(),
          type: z.string(),
          custom_field_options: z.array(z.object({ name: z.string(), value: z.string() }).loose()).nullish(),
        })
        .loose(),
    ),
  })
  .loose();
export type ZendeskTicketFieldsResponse = z.infer<typeof zendeskTicketFieldsResponseSchema>;
