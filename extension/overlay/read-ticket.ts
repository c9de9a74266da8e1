import type { FetchLike, HelpdeskAdapter, TicketRead } from '../../adapters/types';
import type { Policy } from '../../core/policy/schema';

export type ReadOutcome =
  | (TicketRead & { ok: true; via: 'api' | 'dom' })
  | { ok: false; error: string };

/**
 * Reads the active ticket: the helpdesk's same-origin API first (complete and
 * stable), the page's DOM when the API fails. A page neither can read is a
 * typed failure the overlay shows, never an exception.
 */
export async function readActiveTicket(
  adapter: HelpdeskAdapter,
  { ref, url, fetch, policy, document }: { ref: string; url: URL; fetch: FetchLike; policy: Policy; document: Document },
): Promise<ReadOutcome> {
  let apiError = '';
  try {
    return { ok: true, via: 'api', ...(await adapter.readTicketFromApi({ ref, fetch, origin: url.origin, policy })) };
  } catch (error) {
    apiError = error instanceof Error ? error.message : String(error);
  }
  try {
    const read = adapter.readTicketFromDom(document, url, policy);
    // The API failed too, so what the DOM could not read is all we know; say that the API is why.
    return { ok: true, via: 'dom', ticket: read.ticket, unreadable: read.unreadable };
  } catch (error) {
    const domError = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `the ${adapter.name} API failed (${apiError}) and the page has no readable ticket (${domError})` };
  }
}
