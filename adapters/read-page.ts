import type { Policy } from '../core/policy/schema';
import { ADAPTERS } from './index';
import { ticketFromScrape } from './shared/normalize';
import type { HelpdeskAdapter, PageRead, TicketRead } from './types';

/** A tab's read of a page, normalized, or why it is not a ticket (in words the overlay's notice shows). */
export type PageTicket = ({ ok: true } & TicketRead) | { ok: false; error: string };

/** The whole adapter of a helpdesk (its tab half is all a content script carries). */
export function adapterOf(helpdesk: PageRead['helpdesk']): HelpdeskAdapter | undefined {
  return ADAPTERS.find((a) => a.id === helpdesk);
}

/**
 * Validates and normalizes what a tab read (`PageRead`) with the adapter's vendor
 * schemas and the policy: the worker does this for every ticket the overlay shows,
 * the tab's fallback chunk only when the worker does not answer (issue 13).
 * Never throws: bad page data is a typed failure the overlay shows.
 *
 * @example ticketFromPage({ helpdesk: 'zendesk', ref: '1001', origin, via: 'api', responses }, policy).ok // true
 */
export function ticketFromPage(page: PageRead, policy: Policy): PageTicket {
  const adapter = adapterOf(page.helpdesk);
  if (!adapter) return { ok: false, error: `Tierline has no adapter for ${page.helpdesk}` };
  try {
    const read = page.via === 'api' ? adapter.ticketFromApiResponses(page.responses, { ref: page.ref, policy, origin: page.origin }) : ticketFromScrape(adapter.id, page.scrape, policy);
    return { ok: true, ...read };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: page.via === 'api' ? message : `the ${adapter.name} API failed (${page.apiError}) and the page has no readable ticket (${message})` };
  }
}
