import type { ProvidedSummary } from '../../core/handoff/prefill-summary';
import type { Ticket } from '../../core/ticket-schema';
import { withTimeout } from '../overlay/decide-ticket';
import type { WorkerClient } from '../overlay/worker-client';

/** Whether this browser offers Chrome's built-in Summarizer (https://developer.chrome.com/docs/ai/summarizer-api). */
export function hasBuiltinSummarizer(scope: object): boolean {
  return typeof (scope as { Summarizer?: { availability?: unknown } }).Summarizer?.availability === 'function';
}

/**
 * A model's Problem and What's been done for the handoff checklist, or
 * `undefined` when no model answers in `timeoutMs`. Where this browser has
 * Chrome's built-in Summarizer the summary code (./summarize-ticket.ts, with
 * core's checks on the model's answer) is loaded and tried first; elsewhere
 * only the worker can ask a model (the admin's endpoint), so the tab loads no
 * summary code at all (issue 13). An extractive summary is no answer here: the
 * ticket's own prefill (the subject, the agents' notes) reads better.
 *
 * @example await modelSummaryFor(ticket, { worker, scope: window, loadSummary }) // { problem: '…', done: ['…'], provider: 'chrome-builtin' }
 */
export async function modelSummaryFor(
  ticket: Ticket,
  deps: {
    worker: Pick<WorkerClient, 'summarize'>;
    scope: object;
    loadSummary: () => Promise<typeof import('./summarize-ticket')>;
    timeoutMs?: number;
  },
): Promise<(ProvidedSummary & { provider: string }) | undefined> {
  const { worker, scope, timeoutMs = 1500 } = deps;
  const askWorker = worker.summarize?.bind(worker);
  try {
    const { summary } = hasBuiltinSummarizer(scope)
      ? await (await deps.loadSummary()).summarizeForHandoff(ticket, { ...(askWorker ? { askWorker } : {}), scope, timeoutMs })
      : askWorker
        ? await withTimeout(askWorker(ticket), timeoutMs)
        : { summary: undefined };
    return summary && summary.provider !== 'extractive' ? summary : undefined;
  } catch {
    return undefined;
  }
}
