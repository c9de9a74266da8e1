import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FetchLike, HelpdeskTab } from '../../adapters/types';
import { UnreadableNotice } from '../../components/unreadable-notice';
import type { FeatureContext, OwnerChoice } from '../features/context';
import { byFrame, type Feature, runFeatures } from '../features/registry';
import { fieldLabel } from '../../components/format';
import { readSignedInAgent } from './current-agent';
import { type ViewOutcome, viewTicket, withTimeout } from './decide-ticket';
import type { LazyCode } from './chunks';
import type { LocalFallback } from './local-fallback';
import type { PageRead } from '../../adapters/types';
import { afterPaint } from './after-paint';
import { observe, watchAncestors } from './observe';
import { showPendingBadge } from './pending-badge';
import { domReady, type PageReading, readPage, scrapePage } from './read-ticket';
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

/** Performance marks the benchmark reads: ticket data in hand → overlay painted. */
export const MARK_DATA = 'tierline:ticket-data';
export const MARK_PAINTED = 'tierline:painted';
export const MEASURE_DATA_TO_PAINT = 'tierline:data-to-paint';

const FALLBACK_SETTINGS: OverlaySettings = { disabledFeatures: [], agent: '' };

/**
 * Two answers that draw the same: features need no restart. Features draw the view; what they read off the ticket
 * when the agent acts (its id, tags, time at tier) comes from the latest answer (`FeatureContext.ticket`).
 */
function drawsTheSame(a: ViewOutcome & { ok: true }, b: ViewOutcome & { ok: true }): boolean {
  return a.decidedBy === b.decidedBy && JSON.stringify([a.view, a.draft]) === JSON.stringify([b.view, b.draft]);
}

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
    const notice = mounts.slot('notice');
    signal.addEventListener('abort', () => render(null, notice), { once: true });
    const pending = showPendingBadge(mounts.badge());
    signal.addEventListener('abort', () => pending.settle(), { once: true });
    const [{ page: firstPage, outcome: first }, { disabledFeatures, agent }, { policy }] = await Promise.all([loading.first, settings, policyFor()]);
    if (signal.aborted || mine !== generation) return;
    if (!first.ok) {
      pending.settle();
      render(<UnreadableNotice pageError={first.error} />, notice);
      return;
    }
    performance.mark(MARK_DATA);
    let page = firstPage;
    let localOverride: Parameters<typeof viewTicket>[1]['localOverride'];
    const { ticket } = first;
    const draftKey = { helpdesk: adapter.id, ticketId: ticket.id };
    // The checklist's latest values: a redraw (after an override) starts from what the agent typed, not the stored copy.
    let draftValues: Record<string, string> | undefined;
    const ticketWorker: WorkerClient = {
      ...worker,
      saveDraft(forKey, values) {
        draftValues = values;
        return worker.saveDraft(forKey, values);
      },
    };
    // The signed-in agent's name is not worth a wait: features read `ctx.agent` when they act, by which time it is known.
    let agentName: string | undefined;
    // Until the secondary resources are in, what they would add to the "could not read" notice is not known yet.
    let complete = page.via !== 'api';

    let viewController: AbortController | undefined;
    let outcome = first;
    const redraw = async (settled = false) => {
      const next = await viewOf(page, localOverride, settled);
      // A second ask that the worker did not answer leaves the worker's view as it was, rather than swapping it for the tab's own.
      if (signal.aborted || !next.ok || (settled && next.decidedBy !== 'worker')) return;
      const same = drawsTheSame(outcome, next);
      outcome = next;
      // A fill-in that changed nothing the features draw costs the page no render.
      if (same) drawNotice();
      else await draw();
    };
    const setOwner = async (choice: OwnerChoice) => {
      const from = outcome.view.owner;
      try {
        await worker.recordOverride(draftKey, { from: { tier: from.tier, role: from.role }, to: { tier: choice.tier, role: choice.role }, reason: choice.reason, source: 'rules' });
      } catch (error) {
        // Without the worker the override lives in this tab until the page goes; with it, the worker keeps it.
        if (outcome.decidedBy === 'worker') throw new Error(`the Tierline worker did not take it (${error instanceof Error ? error.message : String(error)})`);
      }
      localOverride = { to: { tier: choice.tier, role: choice.role }, reason: choice.reason };
      await redraw();
    };
    const undoOverride = async () => {
      localOverride = undefined;
      await worker.clearOverride(draftKey).catch((error: unknown) => {
        if (outcome.decidedBy === 'worker') throw error;
      });
      await redraw();
    };

    function drawNotice() {
      const unreadable = complete ? [...new Set([...outcome.unreadable.map(fieldLabel), ...(mounts.badgeInDrawer() ? ['the ticket header (the badge is shown here)'] : [])])] : [];
      render(<UnreadableNotice fields={unreadable} />, notice);
    }

    /** A new view: the features of the last one stop, and every feature drawn from here on reads this one. */
    function startView(): { signal: AbortSignal; ctx: FeatureContext } {
      viewController?.abort();
      viewController = new AbortController();
      drawNotice();
      const featureCtx: FeatureContext = {
        wxt: ctx,
        adapter,
        url,
        document: doc,
        fetch: pageFetch,
        worker: ticketWorker,
        ui: mounts,
        policy,
        get ticket() {
          return outcome.ticket;
        },
        view: outcome.view,
        decidedBy: outcome.decidedBy,
        draft: draftValues ?? outcome.draft,
        get agent() {
          return agentName ?? agent;
        },
        agentName: async () => (await signedInAgent()) ?? agent,
        now,
        setOwner,
        undoOverride,
        lazy,
      };
      return { signal: AbortSignal.any([signal, viewController.signal]), ctx: featureCtx };
    }

    async function drawFeatures(view: { signal: AbortSignal; ctx: FeatureContext }, list: readonly Feature[]) {
      if (view.signal.aborted) return;
      const result = await runFeatures(list, view.signal, view.ctx, { disabled: disabledFeatures });
      for (const { id, error } of result.failed) console.warn(`Tierline: the ${id} feature failed`, error);
    }

    /** Every feature draws the current view; a new view restarts them all under a fresh signal, so none can lag behind. */
    async function draw() {
      await drawFeatures(startView(), features);
    }
    // Features draw synchronously as they start (a feature that waits for something, such as the signed-in agent, draws
    // later on its own). The first frame after the answer paints the badge; the drawer's sections draw from the same
    // view in the task just after it, so their first render does not hold that frame back (issue 13).
    const firstView = startView();
    const { first: firstFrame, later } = byFrame(features);
    const drawing = drawFeatures(firstView, firstFrame);
    pending.settle();
    // The badge is up with what was known; the rest fills in: the suggestion and the managed settings when a cold worker
    // answered before they were in, the worker's own view when it was too slow to answer the first time, and what the
    // secondary resources (audits, field names, groups, SLAs) add once they answered, failed or timed out.
    const fillIn = async () => {
      if (first.pending || first.decidedBy === 'local') await redraw(true);
      const full = await loading.reading.complete;
      if (signal.aborted || complete) return;
      complete = true;
      if (full === page) return drawNotice();
      page = full;
      await redraw(true);
    };
    // Nothing else runs before the frame that paints the badge: what fills in after it (who is signed in, the
    // worker's second answer, the secondary resources) starts once it is painted, since each of those messages
    // carries a read of the page and a cold one is slow to send (issue 13).
    afterPaint(doc).then(() => {
      if (signal.aborted) return;
      performance.mark(MARK_PAINTED);
      performance.measure(MEASURE_DATA_TO_PAINT, MARK_DATA, MARK_PAINTED);
      drawFeatures(firstView, later).catch((error: unknown) => console.warn('Tierline could not draw the overlay', error));
      signedInAgent().then((name) => {
        agentName = name;
      });
      fillIn().catch((error: unknown) => console.warn('Tierline could not complete the view', error));
    });
    await drawing;
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
