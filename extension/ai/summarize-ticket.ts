import type { SummaryInput } from '../../core/summary/extractive';
import { summarizeExtractive } from '../../core/summary/extractive';
import { summarizeWithFallback } from '../../core/summary/provider';
import type { Ticket } from '../../core/ticket';
import type { SummaryOutcomeAnswer } from './schema-summary';
import { chromeBuiltinProvider } from './chrome-summarizer';

/** The conversation a summary reads: no requester, tags or fields. */
export function summaryInputOf(ticket: Ticket): SummaryInput {
  return { subject: ticket.subject, description: ticket.description, comments: ticket.comments.map((c) => ({ author: c.author, body: c.body, public: c.public })) };
}

export interface SummarizeDeps {
  /** The worker's `summarize` (the admin's OpenAI-compatible endpoint, else extractive). */
  askWorker?: (input: SummaryInput) => Promise<SummaryOutcomeAnswer>;
  /** Where Chrome's built-in Summarizer may live (the content script's window). */
  scope?: object;
  timeoutMs?: number;
}

/**
 * Problem and What's been done for the handoff checklist: Chrome's built-in
 * Summarizer where this browser has it, else the worker (an admin-configured
 * endpoint, off by default), else the extractive summary computed here. Never
 * waits longer than `timeoutMs`: the checklist must not hang on a model.
 */
export async function summarizeForHandoff(ticket: Ticket, deps: SummarizeDeps = {}): Promise<SummaryOutcomeAnswer> {
  const input = summaryInputOf(ticket);
  const offline = (dropped: SummaryOutcomeAnswer['dropped'] = []): SummaryOutcomeAnswer => ({ summary: summarizeExtractive(input), dropped });
  const attempt = async (): Promise<SummaryOutcomeAnswer> => {
    const chrome = await chromeBuiltinProvider(deps.scope ?? globalThis);
    const dropped: SummaryOutcomeAnswer['dropped'] = [];
    if (chrome) {
      const outcome = await summarizeWithFallback([chrome], input);
      if (outcome.summary.provider === chrome.id) return outcome;
      dropped.push(...outcome.dropped);
    }
    if (deps.askWorker) {
      const answer = await deps.askWorker(input);
      return { summary: answer.summary, dropped: [...dropped, ...answer.dropped] };
    }
    return offline(dropped);
  };
  const timeoutMs = deps.timeoutMs ?? 1500;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<SummaryOutcomeAnswer>((resolve) => {
    timer = setTimeout(() => resolve(offline([{ provider: 'all', reason: `no summary within ${timeoutMs} ms` }])), timeoutMs);
  });
  try {
    return await Promise.race([attempt().catch((error: unknown) => offline([{ provider: 'worker', reason: error instanceof Error ? error.message : String(error) }])), late]);
  } finally {
    clearTimeout(timer);
  }
}
