import type { Policy } from '../../core/policy/schema';
import type { Decision } from '../../core/route/decision';
import type { Ticket } from '../../core/ticket';
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

/**
 * The worker's decision (it holds the synced policy and the queue clocks), or
 * the same core run in this tab when the worker does not answer; the badge says which.
 */
export async function decideTicket(
  ticket: Ticket,
  { worker, policy, decideLocally, now, timeoutMs = 2000 }: { worker: WorkerClient; policy: Policy; decideLocally: LocalDecide; now: Date; timeoutMs?: number },
): Promise<{ decision: Decision; source: 'worker' | 'local' }> {
  try {
    return { decision: await withTimeout(worker.decide(ticket), timeoutMs), source: 'worker' };
  } catch {
    return { decision: decideLocally(policy, ticket, { now }), source: 'local' };
  }
}
