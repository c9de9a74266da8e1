import type { ApiResponses, FetchLike, HelpdeskTab, PageRead } from '../../adapters/types';

/** The tab's read of a ticket: `first` as soon as the ticket data is in, `complete` once its secondary resources followed (the same read when none was late). */
export interface PageReading {
  first: Promise<PageRead>;
  complete: Promise<PageRead>;
}

/** Resolves once the document is parsed (at once when it already is): the content script starts before it (`document_start`). */
export function domReady(document: Document): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/**
 * Reads the active ticket raw, for the worker to validate and normalize
 * (issue 13): the helpdesk's same-origin API first (complete and stable), the
 * page's DOM when the API fails. The API read needs no DOM, so it starts as
 * soon as the URL names a ticket; the DOM is read once the page is parsed. The
 * DOM is also read when the worker finds the API's answer is not a ticket
 * (`scrapePage`).
 */
export function readPage(adapter: HelpdeskTab, { ref, url, fetch, document }: { ref: string; url: URL; fetch: FetchLike; document: Document }): PageReading {
  const read = (responses: ApiResponses): PageRead => ({ helpdesk: adapter.id, ref, origin: url.origin, via: 'api', responses });
  let early: ((responses: ApiResponses) => void) | undefined;
  const earlyRead = new Promise<ApiResponses>((resolve) => {
    early = resolve;
  });
  const fromApi = adapter.fetchApiResponses({ ref, fetch, origin: url.origin, early });
  const fromDom = async (error: unknown) => {
    await domReady(document);
    return scrapePage(adapter, { ref, url, document }, error instanceof Error ? error.message : String(error));
  };
  const complete = fromApi.then(read, fromDom);
  // `early` is called before the full read resolves, when it is called at all.
  const first = Promise.race([earlyRead.then(read), complete]);
  return { first, complete };
}

/** What the page shows, with why the API read was not used. Throws only if the page cannot be scraped at all. */
export function scrapePage(adapter: HelpdeskTab, { ref, url, document }: { ref: string; url: URL; document: Document }, apiError: string): PageRead {
  return { helpdesk: adapter.id, ref, origin: url.origin, via: 'dom', scrape: adapter.scrapeTicket(document, url), apiError };
}
