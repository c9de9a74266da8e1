import type { Policy } from '../../core/policy/schema';
import type { ApiReadInput, FetchLike, HelpdeskAdapter, HelpdeskTab, TicketRead } from '../types';
import { fetchJson } from './http';
import { ticketFromScrape } from './normalize';

/**
 * The whole adapter's readers, each the tab's raw read followed by the worker's
 * validation: what the CLI and the tests call, so they run the same two halves
 * the extension runs apart.
 */

/** `fetchApiResponses`, then `ticketFromApiResponses`. */
export function apiReader(tab: Pick<HelpdeskTab, 'fetchApiResponses'>, parse: HelpdeskAdapter['ticketFromApiResponses']): (input: ApiReadInput) => Promise<TicketRead> {
  return async ({ ref, fetch, origin, policy }) => parse(await tab.fetchApiResponses({ ref, fetch, origin }), { ref, policy, origin });
}

/** `scrapeTicket`, then the policy mapping. */
export function domReader(tab: Pick<HelpdeskTab, 'id' | 'scrapeTicket'>): (document: Document, url: URL, policy: Policy) => TicketRead {
  return (document, url, policy) => ticketFromScrape(tab.id, tab.scrapeTicket(document, url), policy);
}

/** GETs an account path (`accountPaths`) and validates its body. */
export function accountReader<T>(path: string, parse: (body: unknown) => T): (input: { fetch: FetchLike; origin: string }) => Promise<T> {
  return async ({ fetch, origin }) => parse(await fetchJson(fetch, origin, path));
}
