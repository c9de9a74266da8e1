import { buildOpenAiRequest, parseOpenAiResponse } from '../../core/summary/openai-request';
import type { SummaryProvider } from '../../core/summary/provider';

/**
 * The worker's summary provider (Chrome's built-in one runs in the tab:
 * ./chrome-summarizer.ts). Every answer still goes through
 * `summarizeWithFallback` (core/summary), which drops a summary naming an
 * identifier the ticket never mentions and ends with the extractive summary
 * that always works offline.
 */

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
