import { render } from 'preact';
import type { PageRead } from '../../adapters/types';
import { fieldLabel } from '../../components/format';
import { UnreadableNotice } from '../../components/unreadable-notice';
import type { Policy } from '../../core/policy/schema';
import type { FeatureContext, OwnerChoice } from '../features/context';
import { byFrame, type Feature, runFeatures } from '../features/registry';
import { afterPaint } from './after-paint';
import type { viewTicket, ViewOutcome } from './decide-ticket';
import type { OverlayMounts } from './ui';
import type { WorkerClient } from './worker-client';

/** Performance marks the benchmark reads: ticket data in hand → overlay painted. */
export const MARK_DATA = 'tierline:ticket-data';
export const MARK_PAINTED = 'tierline:painted';
export const MEASURE_DATA_TO_PAINT = 'tierline:data-to-paint';

type LocalOverride = Parameters<typeof viewTicket>[1]['localOverride'];
type ViewAnswer = ViewOutcome & { ok: true };

/** What a ticket's features draw from, but the view: the page, the helpdesk, the worker and what the settings said. */
export type SessionBase = Pick<FeatureContext, 'wxt' | 'adapter' | 'url' | 'document' | 'fetch' | 'now' | 'lazy'> & {
  worker: WorkerClient;
  policy: Policy;
  /** The name the options set, until the helpdesk says who is signed in. */
  agent: string;
  disabledFeatures: readonly string[];
};

export interface TicketSession {
  /** Stops this ticket's features and clears its notice; a later answer draws nothing. */
  signal: AbortSignal;
  mounts: Pick<OverlayMounts, 'badge' | 'panel' | 'whenOpen' | 'slot' | 'badgeInDrawer'>;
  features: readonly Feature[];
  base: SessionBase;
  /** The first answer for the ticket and the read it came from. */
  first: ViewAnswer;
  page: PageRead;
  /** The read with its secondary resources (audits, field names, groups), once they answered, failed or timed out. */
  complete: Promise<PageRead>;
  /** Asks for the view of a read again (the worker, or this tab when it does not answer). */
  viewOf(page: PageRead, localOverride?: LocalOverride, settled?: boolean): Promise<ViewOutcome>;
  /** Who is signed in to the helpdesk, asked once per page. */
  signedInAgent(): Promise<string | undefined>;
  /** The badge's placeholder while the worker decided (./pending-badge.tsx): settled once the first frame's features drew. */
  pending: { settle(): void };
}

/**
 * Two answers that draw the same: features need no restart. Features draw the view; what they read off the ticket
 * when the agent acts (its id, tags, time at tier) comes from the latest answer (`FeatureContext.ticket`).
 */
function drawsTheSame(a: ViewAnswer, b: ViewAnswer): boolean {
  return a.decidedBy === b.decidedBy && JSON.stringify([a.view, a.draft]) === JSON.stringify([b.view, b.draft]);
}

/**
 * One ticket on screen, from its first answer until `signal` aborts: every
 * feature draws the current view (one answer, one story), and a new view (the
 * worker's second answer, the secondary resources, an override) restarts them
 * all under a fresh signal, so none can lag behind. The first frame after the
 * answer paints the badge; the drawer's sections draw from the same view in
 * the task just after it, and what fills in (who is signed in, the worker's
 * settled answer, the secondary resources) starts once that frame is painted,
 * since each of those messages carries a read of the page and a cold one is
 * slow to send (issue 13). Resolves once the first frame's features drew.
 */
export async function runTicketSession(session: TicketSession): Promise<void> {
  const { signal, mounts, features, base, first, viewOf } = session;
  performance.mark(MARK_DATA);
  const notice = mounts.slot('notice');
  let page = session.page;
  let localOverride: LocalOverride;
  let outcome = first;
  const draftKey = { helpdesk: base.adapter.id, ticketId: first.ticket.id };
  // The checklist's latest values: a redraw (after an override) starts from what the agent typed, not the stored copy.
  let draftValues: Record<string, string> | undefined;
  const ticketWorker: WorkerClient = {
    ...base.worker,
    saveDraft(forKey, values) {
      draftValues = values;
      return base.worker.saveDraft(forKey, values);
    },
  };
  // The signed-in agent's name is not worth a wait: features read `ctx.agent` when they act, by which time it is known.
  let agentName: string | undefined;
  // Until the secondary resources are in, what they would add to the "could not read" notice is not known yet.
  let complete = page.via !== 'api';
  let viewController: AbortController | undefined;

  const redraw = async (settled = false) => {
    const next = await viewOf(page, localOverride, settled);
    // A second ask that the worker did not answer leaves the worker's view as it was, rather than swapping it for the tab's own.
    if (signal.aborted || !next.ok || (settled && next.decidedBy !== 'worker')) return;
    const same = drawsTheSame(outcome, next);
    outcome = next;
    // A fill-in that changed nothing the features draw costs the page no render.
    if (same) drawNotice();
    else await drawFeatures(startView(), features);
  };

  const setOwner = async (choice: OwnerChoice) => {
    const from = outcome.view.owner;
    try {
      await base.worker.recordOverride(draftKey, { from: { tier: from.tier, role: from.role }, to: { tier: choice.tier, role: choice.role }, reason: choice.reason, source: 'rules' });
    } catch (error) {
      // Without the worker the override lives in this tab until the page goes; with it, the worker keeps it.
      if (outcome.decidedBy === 'worker') throw new Error(`the Tierline worker did not take it (${error instanceof Error ? error.message : String(error)})`);
    }
    localOverride = { to: { tier: choice.tier, role: choice.role }, reason: choice.reason };
    await redraw();
  };

  const undoOverride = async () => {
    localOverride = undefined;
    await base.worker.clearOverride(draftKey).catch((error: unknown) => {
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
    const ctx: FeatureContext = {
      ...base,
      worker: ticketWorker,
      ui: mounts,
      get ticket() {
        return outcome.ticket;
      },
      view: outcome.view,
      decidedBy: outcome.decidedBy,
      draft: draftValues ?? outcome.draft,
      get agent() {
        return agentName ?? base.agent;
      },
      agentName: async () => (await session.signedInAgent()) ?? base.agent,
      setOwner,
      undoOverride,
    };
    return { signal: AbortSignal.any([signal, viewController.signal]), ctx };
  }

  async function drawFeatures(view: { signal: AbortSignal; ctx: FeatureContext }, list: readonly Feature[]) {
    if (view.signal.aborted) return;
    const result = await runFeatures(list, view.signal, view.ctx, { disabled: base.disabledFeatures });
    for (const { id, error } of result.failed) console.warn(`Tierline: the ${id} feature failed`, error);
  }

  /** The badge is up with what was known; the rest fills in: the suggestion and the managed settings when a cold worker answered before they were in, the worker's own view when it was too slow to answer the first time, and what the secondary resources add. */
  const fillIn = async () => {
    if (first.pending || first.decidedBy === 'local') await redraw(true);
    const full = await session.complete;
    if (signal.aborted || complete) return;
    complete = true;
    if (full === page) return drawNotice();
    page = full;
    await redraw(true);
  };

  signal.addEventListener('abort', () => render(null, notice), { once: true });
  // Features draw synchronously as they start (a feature that waits for something, such as the signed-in agent, draws
  // later on its own).
  const firstView = startView();
  const { first: firstFrame, later } = byFrame(features);
  const drawing = drawFeatures(firstView, firstFrame);
  session.pending.settle();
  afterPaint(base.document).then(() => {
    if (signal.aborted) return;
    performance.mark(MARK_PAINTED);
    performance.measure(MEASURE_DATA_TO_PAINT, MARK_DATA, MARK_PAINTED);
    drawFeatures(firstView, later).catch((error: unknown) => console.warn('Tierline could not draw the overlay', error));
    session.signedInAgent().then((name) => {
      agentName = name;
    });
    fillIn().catch((error: unknown) => console.warn('Tierline could not complete the view', error));
  });
  await drawing;
}
