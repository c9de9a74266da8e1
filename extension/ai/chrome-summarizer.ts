import type { HandoffSummary, SummaryInput } from '../../core/summary/extractive';
import type { SummaryProvider } from '../../core/summary/provider';
import { splitSentences } from '../../core/summary/sentences';

/**
 * Chrome's built-in Summarizer as a summary provider: it lives in the tab (it
 * needs the page's `window`), the OpenAI-compatible one in the worker
 * (./summary-providers.ts). Its answer still goes through
 * `summarizeWithFallback` (core/summary) like any other.
 */

/** The part of Chrome's built-in Summarizer API we use (https://developer.chrome.com/docs/ai/summarizer-api). */
interface ChromeSummarizer {
  summarize(input: string, options?: { context?: string }): Promise<string>;
  destroy?(): void;
}
interface ChromeSummarizerFactory {
  availability(): Promise<'unavailable' | 'downloadable' | 'downloading' | 'available'>;
  create(options: { type: 'tldr' | 'key-points'; format: 'plain-text'; length: 'short' | 'medium'; sharedContext?: string }): Promise<ChromeSummarizer>;
}

const customerText = (input: SummaryInput) =>
  [input.subject ?? '', input.description ?? '', ...(input.comments ?? []).filter((c) => c.author === 'customer').map((c) => c.body)].filter((t) => t.trim()).join('\n');
const agentNotes = (input: SummaryInput) => (input.comments ?? []).filter((c) => c.author === 'agent').map((c) => c.body).join('\n');

/**
 * Chrome's built-in Summarizer, when this browser has it and its model is
 * already downloaded (a download needs a user gesture and gigabytes: never
 * started from here). Undefined elsewhere.
 */
export async function chromeBuiltinProvider(scope: object = globalThis): Promise<SummaryProvider | undefined> {
  const factory = (scope as { Summarizer?: ChromeSummarizerFactory }).Summarizer;
  if (!factory || typeof factory.availability !== 'function') return undefined;
  if ((await factory.availability().catch(() => 'unavailable')) !== 'available') return undefined;
  return {
    id: 'chrome-builtin',
    async summarize(input): Promise<HandoffSummary> {
      const sharedContext = 'A customer-support ticket being handed to the next support tier. Keep ticket ids, error codes and amounts exactly as written.';
      const tldr = await factory.create({ type: 'tldr', format: 'plain-text', length: 'short', sharedContext });
      const problem = splitSentences(await tldr.summarize(customerText(input)))[0] ?? '';
      tldr.destroy?.();
      const notes = agentNotes(input);
      let done: string[] = [];
      if (notes.trim()) {
        const points = await factory.create({ type: 'key-points', format: 'plain-text', length: 'short', sharedContext });
        done = (await points.summarize(notes, { context: 'What the agents have already done.' }))
          .split('\n')
          .map((line) => line.replace(/^\s*[-*•]\s*/, '').trim())
          .filter(Boolean);
        points.destroy?.();
      }
      return { problem, done, provider: 'chrome-builtin' };
    },
  };
}
