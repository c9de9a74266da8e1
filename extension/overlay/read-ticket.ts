import type { FetchLike, HelpdeskTab, PageRead } from '../../adapters/types';

/**
 * Reads the active ticket raw, for the worker to validate and normalize
 * (issue 13): the helpdesk's same-origin API first (complete and stable), the
 * page's DOM when the API fails. The DOM is also read when the worker finds the
 * API's answer is not a ticket (`scrapePage`).
 */
export async function readPage(adapter: HelpdeskTab, { ref, url, fetch, document }: { ref: string; url: URL; fetch: FetchLike; document: Document }): Promise<PageRead> {
  try {
    return { helpdesk: adapter.id, ref, origin: url.origin, via: 'api', responses: await adapter.fetchApiResponses({ ref, fetch, origin: url.origin }) };
  } catch (error) {
    return scrapePage(adapter, { ref, url, document }, error instanceof Error ? error.message : String(error));
  }
}

/** What the page shows, with why the API read was not used. Throws only if the page cannot be scraped at all. */
export function scrapePage(adapter: HelpdeskTab, { ref, url, document }: { ref: string; url: URL; document: Document }, apiError: string): PageRead {
  return { helpdesk: adapter.id, ref, origin: url.origin, via: 'dom', scrape: adapter.scrapeTicket(document, url), apiError };
}
