import * as z from 'zod/mini';
import type { TicketComment } from '../../core/ticket';
import { getJson, getJsonOptional } from '../shared/http';
import { normalizeTicket, type TierChange } from '../shared/normalize';
import type { Fields, FieldValue } from '../shared/policy-mapping';
import { pickLabel, tidyText, toIsoDateTime } from '../shared/text';
import { AdapterApiError, type ApiReadInput, type ApiResponses, type TicketRead } from '../types';
import {
  type ZendeskAuditsResponse,
  type ZendeskTicketFieldsResponse,
  zendeskAuditsResponseSchema,
  zendeskCommentsResponseSchema,
  zendeskTicketFieldsResponseSchema,
  zendeskTicketResponseSchema,
} from './api-schema';

/**
 * Reading a Zendesk ticket through the same-origin Support API, with the
 * agent's session (what the agent UI itself calls):
 * https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#show-ticket
 */

export const zendeskApiPaths = {
  ticket: (id: string) => `/api/v2/tickets/${id}.json?include=users,groups,organizations`,
  comments: (id: string) => `/api/v2/tickets/${id}/comments.json?include=users`,
  audits: (id: string) => `/api/v2/tickets/${id}/audits.json`,
  fields: () => '/api/v2/ticket_fields.json',
};

/** Pages followed for comments and audits (100 per page): enough for any ticket an agent reads. */
const MAX_PAGES = 10;

/**
 * A list endpoint, following `next_page` (offset) or `links.next` (cursor)
 * pagination on the same origin; `undefined` when the first page fails.
 */
async function getPages<T extends { [K in L]: unknown[] } & { users?: unknown[] }, L extends string>(
  fetch: ApiReadInput['fetch'],
  origin: string,
  path: string,
  schema: z.ZodMiniType<T>,
  list: L,
): Promise<T | undefined> {
  const first = await getJsonOptional(fetch, origin, path, schema);
  if (!first) return undefined;
  let page: T = first;
  for (let i = 1; i < MAX_PAGES; i++) {
    const next = nextPage(page, origin);
    if (!next) break;
    const more = await getJsonOptional(fetch, origin, next, schema);
    if (!more) break;
    first[list].push(...more[list]);
    if (first.users && more.users) first.users.push(...more.users);
    page = more;
  }
  return first;
}

const pagingSchema = z.looseObject({ next_page: z.nullish(z.string()), links: z.nullish(z.looseObject({ next: z.nullish(z.string()) })) });

function nextPage(page: unknown, origin: string): string | undefined {
  const parsed = pagingSchema.safeParse(page);
  const next = parsed.success ? (parsed.data.next_page ?? parsed.data.links?.next) : undefined;
  if (!next) return undefined;
  const url = new URL(next, origin);
  // Never follow a link off the helpdesk's origin with the agent's session.
  return url.origin === origin ? url.pathname + url.search : undefined;
}

/** Reads an account's ticket field definitions; `undefined` when they cannot be read. */
export type ZendeskTicketFieldsReader = (fetch: ApiReadInput['fetch'], origin: string) => Promise<ZendeskTicketFieldsResponse | undefined>;

/**
 * Ticket field definitions, fetched once per `fetch` and origin and then kept:
 * they are account settings, not ticket data, and the agent moves between
 * tickets in one page, so refetching them on every read is wasted I/O. Keyed
 * by `fetch` too, so the cache lives as long as the page's fetch (the content
 * script makes one per page) and a test with its own fetch starts empty. A
 * failed read is not kept, so the next ticket tries again.
 */
export function createZendeskTicketFieldsCache(): ZendeskTicketFieldsReader {
  const byFetch = new WeakMap<ApiReadInput['fetch'], Map<string, Promise<ZendeskTicketFieldsResponse | undefined>>>();
  return (fetch, origin) => {
    const byOrigin = byFetch.get(fetch) ?? new Map<string, Promise<ZendeskTicketFieldsResponse | undefined>>();
    byFetch.set(fetch, byOrigin);
    const cached = byOrigin.get(origin);
    if (cached) return cached;
    const read = getJsonOptional(fetch, origin, zendeskApiPaths.fields(), zendeskTicketFieldsResponseSchema);
    byOrigin.set(origin, read);
    void read.then((fields) => {
      if (fields === undefined) byOrigin.delete(origin);
    });
    return read;
  };
}

/** A Zendesk API reader; `readTicketFields` is injectable so tests can see what is fetched and kept. */
export function createZendeskApiReader(readTicketFields: ZendeskTicketFieldsReader = createZendeskTicketFieldsCache()) {
  return async ({ ref, fetch, origin, policy }: ApiReadInput): Promise<TicketRead> => {
    const ticket = await getJson(fetch, origin, zendeskApiPaths.ticket(ref), zendeskTicketResponseSchema);
    const [comments, audits, fields] = await Promise.all([
      getPages(fetch, origin, zendeskApiPaths.comments(ref), zendeskCommentsResponseSchema, 'comments'),
      getPages(fetch, origin, zendeskApiPaths.audits(ref), zendeskAuditsResponseSchema, 'audits'),
      readTicketFields(fetch, origin),
    ]);
    return zendeskTicketFromApiResponses({ ticket, comments, audits, fields }, { ref, policy, origin });
  };
}

export const readZendeskTicketFromApi = createZendeskApiReader();

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
