import type { TicketComment } from '../../core/ticket';
import { normalizeTicket, type TierChange } from '../shared/normalize';
import type { Fields, FieldValue } from '../shared/policy-mapping';
import { pickLabel, tidyText, toIsoDateTime } from '../shared/text';
import { AdapterApiError, type ApiReadInput, type ApiResponses, type TicketRead } from '../types';
import { zendeskApiPaths } from './fetch';
import {
  type ZendeskAuditsResponse,
  type ZendeskTicketFieldsResponse,
  zendeskAuditsResponseSchema,
  zendeskCommentsResponseSchema,
  zendeskTicketFieldsResponseSchema,
  zendeskTicketResponseSchema,
} from './api-schema';

/**
 * Validating and normalizing what the tab fetched from the Zendesk Support API
 * (./fetch.ts): the worker, the CLI and the tab's fallback run this (issue 13).
 * https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#show-ticket
 */

const STATUS = { new: 'new', open: 'open', pending: 'pending', hold: 'on-hold', solved: 'solved', closed: 'closed' } as const;
const PRIORITY = { low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' } as const;

/** Custom field values by title; dropdown tag values become their option names. */
function readCustomFields(custom: { id: number; value?: FieldValue | undefined }[], definitions: ZendeskTicketFieldsResponse | undefined): Fields {
  const byId = new Map(definitions?.ticket_fields.map((f) => [f.id, f]));
  const fields: Fields = {};
  for (const { id, value } of custom) {
    if (value === undefined || value === null || value === '') continue;
    const def = byId.get(id);
    const options = def?.custom_field_options ?? [];
    const named = (v: string) => options.find((o) => o.value === v)?.name ?? v;
    fields[def?.title ?? `Field ${id}`] = typeof value === 'string' ? named(value) : Array.isArray(value) ? value.map(named) : value;
  }
  return fields;
}

function asList(value: FieldValue | undefined): string[] {
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

/** Group and tag arrivals, for when the ticket entered its tier. */
function readTierChanges(audits: ZendeskAuditsResponse, groupName: (id: string) => string): TierChange[] {
  const changes: TierChange[] = [];
  for (const audit of audits.audits) {
    const at = toIsoDateTime(audit.created_at);
    if (!at) continue;
    for (const event of audit.events) {
      if (event.type !== 'Create' && event.type !== 'Change') continue;
      if (event.field_name === 'group_id' && event.value !== null && event.value !== undefined) changes.push({ at, group: groupName(String(event.value)) });
      if (event.field_name === 'tags') {
        const before = new Set(asList(event.previous_value));
        changes.push({ at, addedTags: asList(event.value).filter((t) => !before.has(t)) });
      }
    }
  }
  return changes;
}

/** Status changes out of solved or closed: the ticket was reopened. */
function countReopens(audits: ZendeskAuditsResponse): number {
  let count = 0;
  for (const audit of audits.audits)
    for (const e of audit.events)
      if (e.type === 'Change' && e.field_name === 'status' && (e.previous_value === 'solved' || e.previous_value === 'closed') && e.value !== 'solved' && e.value !== 'closed') count++;
  return count;
}

export function zendeskTicketFromApiResponses(responses: ApiResponses, { ref, policy, origin }: { ref: string; policy: ApiReadInput['policy']; origin?: string | undefined }): TicketRead {
  const parsed = zendeskTicketResponseSchema.safeParse(responses.ticket);
  if (!parsed.success) throw new AdapterApiError(`the Zendesk ticket ${ref} has an unexpected shape: ${parsed.error.issues[0]?.message}`, { path: zendeskApiPaths.ticket(ref) });
  const { ticket, users, groups, organizations } = parsed.data;
  const comments = zendeskCommentsResponseSchema.safeParse(responses.comments);
  const audits = zendeskAuditsResponseSchema.safeParse(responses.audits);
  const definitions = zendeskTicketFieldsResponseSchema.safeParse(responses.fields);
  const unreadable: string[] = [];
  if (!comments.success) unreadable.push('comments');
  if (!definitions.success && ticket.custom_fields.some((f) => f.value !== null && f.value !== undefined)) unreadable.push('field names');

  const allUsers = [...users, ...(comments.success ? comments.data.users : [])];
  const userById = new Map(allUsers.map((u) => [u.id, u]));
  const requester = ticket.requester_id ? userById.get(ticket.requester_id) : undefined;
  const organization = organizations.find((o) => o.id === (ticket.organization_id ?? requester?.organization_id));
  const groupName = (id: string) => groups.find((g) => String(g.id) === id)?.name ?? `#${id}`;
  const group = ticket.group_id ? groupName(String(ticket.group_id)) : undefined;
  if (ticket.group_id && group?.startsWith('#')) unreadable.push('group');

  const fields: Fields = readCustomFields(ticket.custom_fields, definitions.success ? definitions.data : undefined);
  if (ticket.type) fields.Type = ticket.type;

  const readComments: TicketComment[] = comments.success
    ? comments.data.comments.map((c) => {
        const author = c.author_id ? userById.get(c.author_id) : undefined;
        const channel = String(c.via?.channel ?? '');
        const role = c.author_id === ticket.requester_id || author?.role === 'end-user' ? 'customer' : author?.role === 'agent' || author?.role === 'admin' ? 'agent' : channel === 'rule' || c.author_id === -1 ? 'system' : c.public ? 'customer' : 'agent';
        return {
          author: role,
          public: c.public,
          // plain_body is Zendesk's own text rendering of the comment; body is the text as submitted.
          body: tidyText(c.plain_body || c.body || ''),
          at: toIsoDateTime(c.created_at),
          authorName: author?.name ?? undefined,
        };
      })
    : [];

  return normalizeTicket(
    {
      id: String(ticket.id),
      url: origin ? `${origin}/agent/tickets/${ticket.id}` : undefined,
      subject: ticket.subject ?? '',
      description: tidyText(ticket.description ?? ''),
      comments: readComments,
      requester: {
        id: requester ? String(requester.id) : ticket.requester_id ? String(ticket.requester_id) : undefined,
        name: requester?.name ?? undefined,
        email: requester?.email ?? undefined,
        organization: organization?.name,
      },
      customerFields: { ...(organization?.organization_fields ?? {}), ...(requester?.user_fields ?? {}) },
      priority: pickLabel(PRIORITY, ticket.priority),
      status: pickLabel(STATUS, ticket.status),
      tags: ticket.tags,
      fields,
      group,
      channel: ticket.via?.channel ? String(ticket.via.channel) : undefined,
      createdAt: toIsoDateTime(ticket.created_at),
      updatedAt: toIsoDateTime(ticket.updated_at),
      reopenCount: audits.success ? countReopens(audits.data) : undefined,
    },
    { helpdesk: 'zendesk', policy, unreadable, tierChanges: audits.success ? readTierChanges(audits.data, groupName) : undefined },
  );
}
