import type { HandoffSummary, SummaryInput } from '../../core/summary/extractive';
import { buildOpenAiRequest, parseOpenAiResponse } from '../../core/summary/openai-request';
import type { SummaryProvider } from '../../core/summary/provider';
import { splitSentences } from '../../core/summary/sentences';

/**
 * The browser-side summary providers. Each is tried only where it can run and
 * every answer still goes through `summarizeWithFallback` (core/summary),
 * which drops a summary naming an identifier the ticket never mentions and
 * ends with the extractive summary that always works offline.
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

export interface OpenAiProviderOptions {
  /** Base URL, e.g. "https://api.example.com/v1" (the chat completions path is appended). */
  endpoint: string;
  model: string;
  apiKey?: string;
  fetch?: typeof fetch;
  /** Whether the browser granted the host permission for the endpoint (asked at run time on the options page). */
  hasPermission: (origin: string) => Promise<boolean>;
  timeoutMs?: number;
}

/** `${endpoint}/chat/completions`, without doubling a slash or the path. */
export function completionsUrl(endpoint: string): string {
  const base = endpoint.replace(/\/+$/, '');
  return base.endsWith('/chat/completions') ? base : `${base}/chat/completions`;
}

/**
 * An OpenAI-compatible endpoint the admin configured. Emails, phone numbers
 * and card numbers are redacted before anything leaves the browser
 * (core/summary/redact.ts); the answer is validated with zod and refused when
 * it names identifiers the ticket does not contain.
 */
export function openAiProvider(options: OpenAiProviderOptions): SummaryProvider {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  return {
    id: 'openai-compatible',
    async summarize(input) {
      const url = completionsUrl(options.endpoint);
      if (!(await options.hasPermission(new URL(url).origin))) throw new Error(`no host permission for ${new URL(url).origin} (grant it on the options page)`);
      const { body } = buildOpenAiRequest(input, { model: options.model });
      const response = await doFetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(options.apiKey ? { Authorization: `Bearer ${options.apiKey}` } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
      if (!response.ok) throw new Error(`the endpoint answered ${response.status}`);
      const parsed = parseOpenAiResponse(await response.json(), input);
      if (!parsed.ok) throw new Error(parsed.reason);
      return parsed.summary;
    },
  };
}
