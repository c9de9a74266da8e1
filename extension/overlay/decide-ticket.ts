import type { PageRead } from '../../adapters/types';
import type { Policy } from '../../core/policy/schema';
import type { Decision } from '../../core/route/decision';
import type { Ticket } from '../../core/ticket';
import type { PolicyInForce, TicketView } from '../../core/view/ticket-view';
import type { LocalFallback } from './local-fallback';
import type { WorkerClient } from './worker-client';

export type LocalDecide = (policy: Policy, ticket: Ticket, options: { now: Date }) => Decision;

/** Rejects after `ms`, so a stopped or broken worker never leaves the badge empty. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

export type ViewOutcome =
  | {
      ok: true;
      view: TicketView;
      /** The ticket as the worker (or the fallback) read the page: what features show and write back from. */
      ticket: Ticket;
      /** Fields the page did not give. */
      unreadable: string[];
      draft?: Record<string, string> | undefined;
      decidedBy: 'worker' | 'local';
      /** The worker answered before its triage model or the managed settings were in: ask again with `settled` for the rest. */
      pending?: boolean;
    }
  | { ok: false; error: string };

/**
 * The worker's view of the ticket the tab read (it validates the read with the
 * vendor schemas, and holds the policy in force, the stored override, the model
 * and the queue clocks), or the same code run in this tab when the worker does
 * not answer; the badge says which. In the tab an override lives only as long
 * as the page (`localOverride`). A page that is not a ticket is `ok: false`.
 */
export async function viewTicket(
  page: PageRead,
  options: {
    worker: WorkerClient;
    /** The policy this tab decides with when the worker does not answer (asked only then). */
    policyFor: () => Promise<{ policy: Policy; policySource: PolicyInForce['source'] }>;
    /** The worker's reading and core's router for this tab (a lazily imported chunk, loaded on first need). */
    loadFallback: () => Promise<LocalFallback>;
    now: Date;
    localOverride?: { to: { tier: Ticket['currentTier'] & string; role: string }; reason: string } | undefined;
    timeoutMs?: number;
    settled?: boolean;
  },
): Promise<ViewOutcome> {
  const { worker, now, timeoutMs = 2000 } = options;
  const answer = await withTimeout(worker.view(page, options.settled ? { settled: true } : {}), timeoutMs).catch(() => undefined);
  if (answer) {
    if (!answer.ok) return answer;
    const { view, ticket, unreadable, draft, pending } = answer;
    return { ok: true, view, ticket, unreadable, draft: draft ?? undefined, decidedBy: 'worker', ...(pending ? { pending } : {}) };
  }
  const [local, { policy, policySource }] = await Promise.all([options.loadFallback(), options.policyFor()]);
  const read = local.readPage(page, policy);
  if (!read.ok) return read;
  const { ticket, unreadable } = read;
  const decision = local.decide(policy, ticket, { now });
  const draft = await withTimeout(worker.getDraft({ helpdesk: page.helpdesk, ticketId: ticket.id }), timeoutMs).catch(() => undefined);
  return { ok: true, view: local.buildView({ policy, policySource, ticket, decision, override: options.localOverride, helpdeskOrigin: page.origin }), ticket, unreadable, draft, decidedBy: 'local' };
}
