import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FetchLike, HelpdeskTab } from '../../adapters/types';
import { UnreadableNotice } from '../../components/unreadable-notice';
import type { FeatureContext, OwnerChoice } from '../features/context';
import { type Feature, runFeatures } from '../features/registry';
import { fieldLabel } from '../../components/format';
import { readSignedInAgent } from './current-agent';
import { viewTicket, withTimeout } from './decide-ticket';
import type { LazyCode } from './chunks';
import type { LocalFallback } from './local-fallback';
import type { PageRead } from '../../adapters/types';
import { observe, watchAncestors } from './observe';
import { readPage, scrapePage } from './read-ticket';
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
 * Keeps the overlay on the active ticket: on start, on every SPA navigation
 * (`wxt:locationchange`) and whenever the helpdesk swaps the ticket container
 * (Zendesk's multi-tab workspace), it reads the ticket, decides, and restarts
 * the features under a fresh AbortSignal. Never polls.
 */
export function startOverlay(options: OverlayOptions): void {
  const { ctx, adapter, worker, features } = options;
  const { lazy } = options;
  const loadFallback = async (): Promise<LocalFallback> => (await lazy.fallback()).fallback;
  const doc = options.document ?? document;
  const pageFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? (() => new Date());
  const settings = withTimeout(worker.getSettings(), 2000).catch(() => FALLBACK_SETTINGS);
  // Who is signed in to the helpdesk, asked once per page: handoff notes and events name this person.
  let agentLookup: Promise<string | undefined> | undefined;
  const signedInAgent = () => (agentLookup ??= withTimeout(readSignedInAgent(adapter, { fetch: pageFetch, origin: location.origin, worker }), 1500).catch(() => undefined));
  let ui: Promise<OverlayMounts> | undefined;
  let current: { key: string; container: Element | null; controller: AbortController } | undefined;
  let generation = 0;
  let badgeWatch: AbortController | undefined;

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
      if (ui) (await ui).hide();
      return;
    }
    const controller = new AbortController();
    // Removed again when this ticket's controller aborts, so a long session of navigations does not pile up listeners on ctx.
    controller.signal.addEventListener('abort', ctx.onInvalidated(() => controller.abort()), { once: true });
    current = { key, container, controller };
    const { signal } = controller;
    ui ??= createOverlayUi(ctx, adapter);
    // The page is read while the overlay's mounts and settings are still coming: neither is needed to read it.
    const reading = readPage(adapter, { ref, url, fetch: pageFetch, document: doc });
    reading.catch(() => {});
    const [mounts, { policy: setPolicy, policySource = 'default', disabledFeatures, agent }] = await Promise.all([ui, settings]);
    const policy = setPolicy ?? (await loadFallback()).defaultPolicy;
    let localOverride: Parameters<typeof viewTicket>[1]['localOverride'];
    const load = (page: PageRead, waitForModel = false) =>
      viewTicket(page, { worker, policy, policySource, loadFallback, now: now(), localOverride, waitForModel, timeoutMs: waitForModel ? 10_000 : 2000 });
    // The tab reads the page raw; the worker validates it and answers the view with the ticket it read (issue 13).
    let page = await reading;
    if (signal.aborted || mine !== generation) return;
    let first = await load(page);
    // The API answered something that is not a ticket: what the page shows is all there is.
    if (!first.ok && page.via === 'api') {
      const apiError = first.error;
      try {
        page = scrapePage(adapter, { ref, url, document: doc }, apiError);
        first = await load(page);
      } catch (error) {
        first = { ok: false, error: `the ${adapter.name} API failed (${apiError}) and the page has no readable ticket (${error instanceof Error ? error.message : String(error)})` };
      }
    }
    if (signal.aborted || mine !== generation) return;
    place(mounts, ref, container ?? doc.body);
    const notice = mounts.slot('notice');
    signal.addEventListener('abort', () => render(null, notice), { once: true });
    if (!first.ok) {
      render(<UnreadableNotice pageError={first.error} />, notice);
      return;
    }
    performance.mark(MARK_DATA);
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
    signedInAgent().then((name) => {
      agentName = name;
    });
    const unreadable = [...new Set([...first.unreadable.map(fieldLabel), ...(mounts.badgeInDrawer() ? ['the ticket header (the badge is shown here)'] : [])])];
    render(<UnreadableNotice fields={unreadable} />, notice);

    let viewController: AbortController | undefined;
    let outcome = first;
    const redraw = async (waitForModel = false) => {
      const next = await load(page, waitForModel);
      // A suggestion that never came leaves the worker's view as it was, rather than swapping it for the tab's own.
      if (signal.aborted || !next.ok || (waitForModel && next.decidedBy !== 'worker')) return;
      outcome = next;
      await draw();
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

    /** Every feature draws the current view; a new view restarts them all under a fresh signal, so none can lag behind. */
    async function draw() {
      viewController?.abort();
      viewController = new AbortController();
      const featureCtx: FeatureContext = {
        wxt: ctx,
        adapter,
        url,
        document: doc,
        fetch: pageFetch,
        worker: ticketWorker,
        ui: mounts,
        policy,
        ticket,
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
      const result = await runFeatures(features, AbortSignal.any([signal, viewController.signal]), featureCtx, { disabled: disabledFeatures });
      for (const { id, error } of result.failed) console.warn(`Tierline: the ${id} feature failed`, error);
    }
    await draw();
    // The badge is up with what was known; the rest follows in a second view: the suggestion when a cold worker answered
    // before its triage model loaded, or the worker's own view when it was too slow to answer the first time.
    if (first.aiPending || first.decidedBy === 'local') redraw(true).catch((error: unknown) => console.warn('Tierline could not complete the view', error));
    // The animation frame runs just before the browser paints what we rendered; a task queued from it runs just after.
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (signal.aborted) return;
        performance.mark(MARK_PAINTED);
        performance.measure(MEASURE_DATA_TO_PAINT, MARK_DATA, MARK_PAINTED);
      }, 0),
    );
  }

  const activeContainer = () => (adapter.observeTarget.length ? doc.querySelector(adapter.observeTarget.join(', ')) : null);
  const refresh = (url: URL) => {
    show(url, activeContainer()).catch((error: unknown) => console.warn('Tierline could not draw the overlay', error));
  };

  // The navigate event fires before the helpdesk renders the new ticket; the container observer below catches that render.
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => refresh(newUrl));
  if (adapter.observeTarget.length) {
    observe(adapter.observeTarget.join(', '), () => refresh(new URL(location.href)), { signal: ctx.signal });
  } else {
    refresh(new URL(location.href));
  }
}
