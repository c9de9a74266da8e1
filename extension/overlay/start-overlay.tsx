import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FetchLike, HelpdeskTab } from '../../adapters/types';
import { UnreadableNotice } from '../../components/unreadable-notice';
import type { Feature } from '../features/registry';
import { readSignedInAgent } from './current-agent';
import { type ViewOutcome, viewTicket, withTimeout } from './decide-ticket';
import type { LazyCode } from './chunks';
import type { LocalFallback } from './local-fallback';
import type { PageRead } from '../../adapters/types';
import { observe, watchAncestors } from './observe';
import { showPendingBadge } from './pending-badge';
import { domReady, type PageReading, readPage, scrapePage } from './read-ticket';
import { runTicketSession } from './ticket-session';
import { createOverlayUi, type OverlayMounts } from './ui';
import type { OverlaySettings, WorkerClient } from './worker-client';

export interface OverlayOptions {
  ctx: ContentScriptContext;
  adapter: HelpdeskTab;
  worker: WorkerClient;
  features: readonly Feature[];
  /** Code loaded on first need (lazily imported chunks): core's router and the built-in policy when the worker does not answer, and what features use only sometimes. */
  lazy: LazyCode;
  fetch?: FetchLike;
  document?: Document;
  now?: () => Date;
}

const FALLBACK_SETTINGS: OverlaySettings = { disabledFeatures: [], agent: '' };

/** A ticket's read and its first view, started together as soon as the ticket is known. */
interface TicketLoad {
  ref: string;
  reading: PageReading;
  /** The first read and the worker's view of it (or this tab's, when the worker does not answer). */
  first: Promise<{ page: PageRead; outcome: ViewOutcome }>;
}

/**
 * Keeps the overlay on the active ticket: on start, on every SPA navigation
 * (`wxt:locationchange`) and whenever the helpdesk swaps the ticket container
 * (Zendesk's multi-tab workspace), it reads the ticket, decides, and restarts
 * the features under a fresh AbortSignal. Never polls.
 *
 * The content script starts before the page is parsed (`document_start`): when
 * the URL names a ticket, its read and the worker's view begin at once and the
 * drawer's dock is set before the page's first layout, so the badge waits for
 * the ticket data and one render, not for the page to finish loading (issue 13).
 */
export function startOverlay(options: OverlayOptions): void {
  const { ctx, adapter, worker, features } = options;
  const { lazy } = options;
  const loadFallback = async (): Promise<LocalFallback> => (await lazy.fallback()).fallback;
  const doc = options.document ?? document;
  const pageFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? (() => new Date());
  // Asked first: it also wakes a stopped worker while the tab reads the ticket.
  const settings = withTimeout(worker.getSettings(), 2000).catch(() => FALLBACK_SETTINGS);
  const policyFor = async () => {
    const { policy, policySource = 'default' } = await settings;
    return { policy: policy ?? (await loadFallback()).defaultPolicy, policySource };
  };
  // Who is signed in to the helpdesk, asked once per page: handoff notes and events name this person.
  let agentLookup: Promise<string | undefined> | undefined;
  const signedInAgent = () => (agentLookup ??= withTimeout(readSignedInAgent(adapter, { fetch: pageFetch, origin: location.origin, worker }), 1500).catch(() => undefined));
  let ui: Promise<OverlayMounts> | undefined;
  let current: { key: string; container: Element | null; controller: AbortController } | undefined;
  let generation = 0;
  let badgeWatch: AbortController | undefined;
  /** The load begun for the URL's ticket before the page was parsed, taken by the first `show` of that ticket. */
  let started: TicketLoad | undefined;

  const viewOf = (page: PageRead, localOverride?: Parameters<typeof viewTicket>[1]['localOverride'], settled = false) =>
    viewTicket(page, { worker, policyFor, loadFallback, now: now(), localOverride, settled, timeoutMs: settled ? 10_000 : 2000 });

  /** Reads the ticket and asks for its view; the API's answer needs no DOM, the page's DOM is read once it is parsed. */
  function load(ref: string, url: URL): TicketLoad {
    const reading = readPage(adapter, { ref, url, fetch: pageFetch, document: doc });
    const first = reading.first.then(async (page) => {
      const outcome = await viewOf(page);
      // The API answered something that is not a ticket: what the page shows is all there is.
      if (outcome.ok || page.via !== 'api') return { page, outcome };
      try {
        await domReady(doc);
        const scraped = scrapePage(adapter, { ref, url, document: doc }, outcome.error);
        return { page: scraped, outcome: await viewOf(scraped) };
      } catch (error) {
        return {
          page,
          outcome: { ok: false as const, error: `the ${adapter.name} API failed (${outcome.error}) and the page has no readable ticket (${error instanceof Error ? error.message : String(error)})` },
        };
      }
    });
    first.catch(() => {});
    return { ref, reading, first };
  }

  /** Draws the drawer and the badge by the header, and puts the badge back when the helpdesk re-renders its header. */
  function place(mounts: OverlayMounts, ref: string, container: Element) {
    mounts.show(ref, container);
    badgeWatch?.abort();
    if (mounts.badgeInDrawer()) return;
    badgeWatch = new AbortController();
    const host = mounts.badgeHost();
    watchAncestors(
      host,
      () => {
        if (!host.isConnected && current?.key === ref) place(mounts, ref, current.container ?? doc.body);
      },
      AbortSignal.any([badgeWatch.signal, ctx.signal]),
    );
  }

  async function show(url: URL, container: Element | null) {
    const ref = adapter.getPageKind(url) ? adapter.getTicketRef(url) : null;
    const key = ref ?? '';
    if (current && current.key === key && current.container === container) return;
    current?.controller.abort();
    current = undefined;
    const mine = ++generation;
    if (!ref) {
      started = undefined;
      if (ui) (await ui).hide();
      return;
    }
    const controller = new AbortController();
    // Removed again when this ticket's controller aborts, so a long session of navigations does not pile up listeners on ctx.
    controller.signal.addEventListener('abort', ctx.onInvalidated(() => controller.abort()), { once: true });
    current = { key, container, controller };
    const { signal } = controller;
    ui ??= createOverlayUi(ctx, adapter);
    const loading = started?.ref === ref ? started : load(ref, url);
    started = undefined;
    // The overlay is placed while the worker decides: the drawer, its dock and the badge's mount are laid out once,
    // before the view, so what follows the ticket data is the features' render alone.
    const mounts = await ui;
    if (signal.aborted || mine !== generation) return;
    place(mounts, ref, container ?? doc.body);
    const pending = showPendingBadge(mounts.badge());
    signal.addEventListener('abort', () => pending.settle(), { once: true });
    const [{ page, outcome: first }, { disabledFeatures, agent }, { policy }] = await Promise.all([loading.first, settings, policyFor()]);
    if (signal.aborted || mine !== generation) return;
    if (!first.ok) {
      pending.settle();
      const notice = mounts.slot('notice');
      render(<UnreadableNotice pageError={first.error} />, notice);
      signal.addEventListener('abort', () => render(null, notice), { once: true });
      return;
    }
    await runTicketSession({
      signal,
      mounts,
      features,
      base: { wxt: ctx, adapter, url, document: doc, fetch: pageFetch, now, lazy, worker, policy, agent, disabledFeatures },
      first,
      page,
      complete: loading.reading.complete,
      viewOf,
      signedInAgent,
      pending,
    });
  }

  const activeContainer = () => (adapter.observeTarget.length ? doc.querySelector(adapter.observeTarget.join(', ')) : null);
  const refresh = (url: URL) => {
    show(url, activeContainer()).catch((error: unknown) => console.warn('Tierline could not draw the overlay', error));
  };

  // Before the page is parsed: the URL's ticket is read and decided, and the overlay's shadow roots and dock made ready.
  const startUrl = new URL(location.href);
  const startRef = adapter.getPageKind(startUrl) ? adapter.getTicketRef(startUrl) : null;
  if (startRef) {
    started = load(startRef, startUrl);
    ui = createOverlayUi(ctx, adapter);
    ui.then((mounts) => mounts.expect()).catch(() => {});
  }

  // The navigate event fires before the helpdesk renders the new ticket; the container observer below catches that render.
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => refresh(newUrl));
  // Watching starts once the page is parsed: a whole-document watch while the parser adds every node would cost the page.
  domReady(doc).then(() => {
    if (ctx.signal.aborted) return;
    if (adapter.observeTarget.length) {
      observe(adapter.observeTarget.join(', '), () => refresh(new URL(location.href)), { signal: ctx.signal });
    } else {
      refresh(new URL(location.href));
    }
  });
}
