import type { Policy } from '../../core/policy/schema';
import type { Decision } from '../../core/route/decision';
import type { Ticket } from '../../core/ticket';
import { buildTicketView } from '../../core/view/build-ticket-view';
import type { PolicyInForce, TicketView } from '../../core/view/ticket-view';
import type { DraftKey, WorkerClient } from './worker-client';

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

export interface ViewOutcome {
  view: TicketView;
  draft?: Record<string, string> | undefined;
  decidedBy: 'worker' | 'local';
  /** The worker answered before its triage model was loaded: ask again with `waitForModel` for the suggestion. */
  aiPending?: boolean;
}

/**
 * The worker's view of the ticket (it holds the policy in force, the stored
 * override, the model and the queue clocks), or the same core run in this tab
 * when the worker does not answer; the badge says which. In the tab an
 * override lives only as long as the page (`localOverride`).
 */
export async function viewTicket(
  ticket: Ticket,
  options: {
    worker: WorkerClient;
    key: DraftKey;
    policy: Policy;
    policySource: PolicyInForce['source'];
    /** Core's router run in this tab (loaded on first need). */
    decideLocally: (...args: Parameters<LocalDecide>) => Promise<Decision>;
    now: Date;
    localOverride?: { to: { tier: Ticket['currentTier'] & string; role: string }; reason: string } | undefined;
    timeoutMs?: number;
    waitForModel?: boolean;
  },
): Promise<ViewOutcome> {
  const { worker, key, policy, policySource, decideLocally, now, timeoutMs = 2000 } = options;
  try {
    const { view, draft, aiPending } = await withTimeout(worker.view(ticket, options.waitForModel ? { waitForModel: true } : {}), timeoutMs);
    return { view, draft: draft ?? undefined, decidedBy: 'worker', ...(aiPending ? { aiPending } : {}) };
  } catch {
    const decision = await decideLocally(policy, ticket, { now });
    const draft = await withTimeout(worker.getDraft(key), timeoutMs).catch(() => undefined);
    return { view: buildTicketView({ policy, policySource, ticket, decision, override: options.localOverride }), draft, decidedBy: 'local' };
  }
}
