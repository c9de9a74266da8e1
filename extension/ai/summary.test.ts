import { describe, expect, it } from 'vitest';
import { summarizeWithFallback } from '../../core/summary/provider';
import { ticketSchema } from '../../core/ticket';
import { chromeBuiltinProvider } from './chrome-summarizer';
import { modelSummaryFor } from './handoff-summary';
import * as summaryCode from './summarize-ticket';
import { completionsUrl, openAiProvider } from './summary-providers';

const input = {
  subject: 'Nightly export fails',
  description: 'Since 2026-11-23 the nightly export fails with HTTP 502 and error E1234. Reach me at dana@example.com or +1 415 555 0100, card 4111 1111 1111 1111.',
  comments: [{ author: 'agent' as const, public: false, body: 'Restarted export-worker-3 and linked INC-4821.' }],
};

const completion = (content: string) => new Response(JSON.stringify({ choices: [{ message: { content } }] }), { status: 200, headers: { 'Content-Type': 'application/json' } });

describe('the OpenAI-compatible summary provider', () => {
  it('redacts e-mails, phone numbers and card numbers before anything is sent', async () => {
    const sent: { url: string; body: string; auth: string | null }[] = [];
    const provider = openAiProvider({
      endpoint: 'https://llm.example.com/v1/',
      model: 'small',
      apiKey: 'k-1',
      hasPermission: async (origin) => origin === 'https://llm.example.com',
      fetch: (async (url: RequestInfo | URL, init?: RequestInit) => {
        sent.push({ url: String(url), body: String(init?.body), auth: new Headers(init?.headers).get('Authorization') });
        return completion('{"problem":"The nightly export fails with HTTP 502 and E1234.","done":["Restarted export-worker-3 (INC-4821)."]}');
      }) as typeof fetch,
    });
    const { summary, dropped } = await summarizeWithFallback([provider], input);
    expect(dropped).toEqual([]);
    expect(summary).toEqual({ problem: 'The nightly export fails with HTTP 502 and E1234.', done: ['Restarted export-worker-3 (INC-4821).'], provider: 'openai-compatible' });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('https://llm.example.com/v1/chat/completions');
    expect(sent[0]?.auth).toBe('Bearer k-1');
    expect(sent[0]?.body).not.toContain('dana@example.com');
    expect(sent[0]?.body).not.toContain('4111');
    expect(sent[0]?.body).not.toContain('555 0100');
    expect(sent[0]?.body).toContain('E1234');
  });

  it('drops a summary that names an identifier the ticket never mentions, for the extractive one', async () => {
    const provider = openAiProvider({ endpoint: 'https://llm.example.com/v1', model: 'small', hasPermission: async () => true, fetch: (async () => completion('{"problem":"Export fails with E9999.","done":[]}')) as unknown as typeof fetch });
    const { summary, dropped } = await summarizeWithFallback([provider], input);
    expect(summary.provider).toBe('extractive');
    expect(summary.problem).toContain('E1234');
    expect(dropped).toEqual([{ provider: 'openai-compatible', reason: expect.stringContaining('E9999') }]);
  });

  it('sends nothing without the host permission', async () => {
    let calls = 0;
    const provider = openAiProvider({ endpoint: 'https://llm.example.com/v1', model: 'small', hasPermission: async () => false, fetch: (async () => {
        calls++;
        return completion("{}");
      }) as unknown as typeof fetch });
    const { summary, dropped } = await summarizeWithFallback([provider], input);
    expect(calls).toBe(0);
    expect(summary.provider).toBe('extractive');
    expect(dropped[0]?.reason).toMatch(/no host permission for https:\/\/llm\.example\.com/);
  });

  it('appends the chat completions path once', () => {
    expect(completionsUrl('https://a.example/v1')).toBe('https://a.example/v1/chat/completions');
    expect(completionsUrl('https://a.example/v1/chat/completions/')).toBe('https://a.example/v1/chat/completions');
  });
});

describe("Chrome's built-in Summarizer", () => {
  it('is not used where the browser lacks it or its model is not downloaded yet', async () => {
    expect(await chromeBuiltinProvider({})).toBeUndefined();
    expect(await chromeBuiltinProvider({ Summarizer: { availability: async () => 'downloadable', create: async () => ({}) } })).toBeUndefined();
  });

  it('writes the problem from the customer text and the actions from agent notes', async () => {
    const asked: string[] = [];
    const Summarizer = {
      availability: async () => 'available' as const,
      create: async ({ type }: { type: string }) => ({
        summarize: async (text: string) => {
          asked.push(`${type}: ${text.split('\n')[0]}`);
          return type === 'tldr' ? 'The nightly export fails with HTTP 502 and E1234. Customer is unhappy.' : '- Restarted export-worker-3\n- Linked INC-4821';
        },
      }),
    };
    const provider = await chromeBuiltinProvider({ Summarizer });
    const summary = await provider?.summarize(input);
    expect(summary).toEqual({ problem: 'The nightly export fails with HTTP 502 and E1234.', done: ['Restarted export-worker-3', 'Linked INC-4821'], provider: 'chrome-builtin' });
    expect(asked).toEqual(['tldr: Nightly export fails', 'key-points: Restarted export-worker-3 and linked INC-4821.']);
  });
});

describe('summaries for the handoff checklist', () => {
  const ticket = ticketSchema.parse({ id: '7', helpdesk: 'zendesk', ...input });

  it('falls back to the extractive summary when the worker does not answer in time', async () => {
    const outcome = await summaryCode.summarizeForHandoff(ticket, { scope: {}, askWorker: () => new Promise(() => undefined), timeoutMs: 50 });
    expect(outcome.summary.provider).toBe('extractive');
    expect(outcome.summary.problem).toContain('HTTP 502');
    expect(outcome.dropped[0]?.reason).toMatch(/no summary within 50 ms/);
  });

  it("uses the worker's answer when there is no built-in Summarizer", async () => {
    const outcome = await summaryCode.summarizeForHandoff(ticket, { scope: {}, askWorker: async () => ({ summary: { problem: 'P', done: ['D'], provider: 'openai-compatible' }, dropped: [] }) });
    expect(outcome.summary).toEqual({ problem: 'P', done: ['D'], provider: 'openai-compatible' });
  });
});

describe("the handoff checklist's model summary", () => {
  const ticket = ticketSchema.parse({ id: '7', helpdesk: 'zendesk', ...input });
  const fromWorker = (provider: string) => ({ summarize: async () => ({ summary: { problem: 'P', done: ['D'], provider }, dropped: [] }) });
  const builtin = {
    availability: async () => 'available' as const,
    create: async ({ type }: { type: string }) => ({ summarize: async () => (type === 'tldr' ? 'The nightly export fails with HTTP 502.' : '- Restarted export-worker-3') }),
  };

  it("takes the worker's model answer and loads no summary code where the browser has no built-in Summarizer", async () => {
    let loads = 0;
    const loadSummary = async () => {
      loads++;
      return summaryCode;
    };
    expect(await modelSummaryFor(ticket, { worker: fromWorker('openai-compatible'), scope: {}, loadSummary })).toEqual({ problem: 'P', done: ['D'], provider: 'openai-compatible' });
    expect(loads).toBe(0);
  });

  it('gives none when the worker only has the extractive summary, does not answer in time, or is not there', async () => {
    const loadSummary = async () => summaryCode;
    expect(await modelSummaryFor(ticket, { worker: fromWorker('extractive'), scope: {}, loadSummary })).toBeUndefined();
    expect(await modelSummaryFor(ticket, { worker: { summarize: () => new Promise(() => undefined) }, scope: {}, loadSummary, timeoutMs: 20 })).toBeUndefined();
    expect(await modelSummaryFor(ticket, { worker: {}, scope: {}, loadSummary })).toBeUndefined();
  });

  it("loads the summary code and asks Chrome's built-in Summarizer first where the browser has one", async () => {
    let loads = 0;
    const loadSummary = async () => {
      loads++;
      return summaryCode;
    };
    const summary = await modelSummaryFor(ticket, { worker: fromWorker('openai-compatible'), scope: { Summarizer: builtin }, loadSummary });
    expect(summary).toEqual({ problem: 'The nightly export fails with HTTP 502.', done: ['Restarted export-worker-3'], provider: 'chrome-builtin' });
    expect(loads).toBe(1);
  });
});
