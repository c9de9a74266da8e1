import { fetchJson, fetchJsonOptional, isRecord, withSecondary } from '../shared/http';
import type { ApiFetchInput, ApiResponses, FetchLike } from '../types';

/**
 * Fetching a Zendesk ticket through the same-origin Support API, with the
 * agent's session (what the agent UI itself calls), as the API answers it: the
 * tab does this and the worker validates the bodies (./api.ts, issue 13).
 * https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#show-ticket
 */

export const zendeskApiPaths = {
  ticket: (id: string) => `/api/v2/tickets/${id}.json?include=users,groups,organizations`,
  comments: (id: string) => `/api/v2/tickets/${id}/comments.json?include=users`,
  audits: (id: string) => `/api/v2/tickets/${id}/audits.json`,
  fields: () => '/api/v2/ticket_fields.json',
  currentUser: '/api/v2/users/me.json',
  groups: '/api/v2/groups.json',
};

/** Pages followed for comments and audits (100 per page): enough for any ticket an agent reads. */
const MAX_PAGES = 10;

/**
 * A list endpoint, following `next_page` (offset) or `links.next` (cursor) pagination on the same origin, its
 * pages' `list` (and side-loaded `users`) joined into the first; `undefined` when the first page fails. A page
 * without the list ends the walk: the worker's schema says what the bodies hold.
 */
async function getPages(fetch: FetchLike, origin: string, path: string, list: string): Promise<unknown> {
  const first = await fetchJsonOptional(fetch, origin, path);
  if (!isRecord(first) || !Array.isArray(first[list])) return first;
  const items = first[list] as unknown[];
  let page: Record<string, unknown> = first;
  for (let i = 1; i < MAX_PAGES; i++) {
    const next = nextPage(page, origin);
    if (!next) break;
    const more = await fetchJsonOptional(fetch, origin, next);
    if (!isRecord(more) || !Array.isArray(more[list])) break;
    items.push(...(more[list] as unknown[]));
    if (Array.isArray(first.users) && Array.isArray(more.users)) first.users.push(...more.users);
    page = more;
  }
  return first;
}

function nextPage(page: Record<string, unknown>, origin: string): string | undefined {
  const links = page.links;
  const next = typeof page.next_page === 'string' ? page.next_page : isRecord(links) && typeof links.next === 'string' ? links.next : undefined;
  if (!next) return undefined;
  const url = new URL(next, origin);
  // Never follow a link off the helpdesk's origin with the agent's session.
  return url.origin === origin ? url.pathname + url.search : undefined;
}

/** Reads an account's ticket field definitions; `undefined` when they cannot be read. */
export type ZendeskTicketFieldsReader = (fetch: FetchLike, origin: string) => Promise<unknown>;

/**
 * Ticket field definitions, fetched once per `fetch` and origin and then kept:
 * they are account settings, not ticket data, and the agent moves between
 * tickets in one page, so refetching them on every read is wasted I/O. Keyed
 * by `fetch` too, so the cache lives as long as the page's fetch (the content
 * script makes one per page) and a test with its own fetch starts empty. A
 * failed read is not kept, so the next ticket tries again.
 */
export function createZendeskTicketFieldsCache(): ZendeskTicketFieldsReader {
  const byFetch = new WeakMap<FetchLike, Map<string, Promise<unknown>>>();
  return (fetch, origin) => {
    const byOrigin = byFetch.get(fetch) ?? new Map<string, Promise<unknown>>();
    byFetch.set(fetch, byOrigin);
    const cached = byOrigin.get(origin);
    if (cached) return cached;
    const read = fetchJsonOptional(fetch, origin, zendeskApiPaths.fields());
    byOrigin.set(origin, read);
    void read.then((fields) => {
      if (!isRecord(fields) || !Array.isArray(fields.ticket_fields)) byOrigin.delete(origin);
    });
    return read;
  };
}

/** A Zendesk API fetcher; `readTicketFields` is injectable so tests can see what is fetched and kept. */
export function createZendeskApiFetcher(readTicketFields: ZendeskTicketFieldsReader = createZendeskTicketFieldsCache()) {
  return async ({ ref, fetch, origin, early }: ApiFetchInput): Promise<ApiResponses> => {
    // Everything is asked at once, so the badge waits for one round trip, not two; the ticket and its comments are the
    // ticket data, audits and field names follow when they come (`early`).
    const ticket = fetchJson(fetch, origin, zendeskApiPaths.ticket(ref));
    const comments = getPages(fetch, origin, zendeskApiPaths.comments(ref), 'comments');
    const secondary = { audits: getPages(fetch, origin, zendeskApiPaths.audits(ref), 'audits'), fields: readTicketFields(fetch, origin) };
    return withSecondary(
      Promise.all([ticket, comments]).then(([ticket, comments]) => ({ ticket, comments })),
      secondary,
      early,
    );
  };
}

export const fetchZendeskApiResponses = createZendeskApiFetcher();
