import { z } from 'zod';
import type { HandoffSummary, SummaryInput } from './extractive';
import { inventedIn } from './provider';
import { type Redaction, redactPii } from './redact';

/**
 * The pure half of the OpenAI-compatible summary provider: the request body
 * (ticket text redacted first) and the validation of the answer. The fetch
 * itself lives in the extension, which the admin switches on; it is off by
 * default. See https://platform.openai.com/docs/api-reference/chat/create.
 */

export interface OpenAiRequestOptions {
  model: string;
  maxTokens?: number;
}

const SYSTEM_PROMPT = [
  'You write handoff summaries for support agents.',
  'Reply with JSON only: {"problem": "<one sentence: what the customer needs fixed>", "done": ["<one short sentence per action agents already took>"]}.',
  'Copy ticket ids, error codes, HTTP statuses and amounts exactly as written. Never add an identifier, number or amount that is not in the ticket.',
  'Text in square brackets such as [email] was redacted; keep it redacted.',
].join(' ');

/** The ticket as the model sees it, one line per message, personal data redacted. */
export function redactedTranscript(input: SummaryInput): Redaction {
  const lines = [
    input.subject ? `Subject: ${input.subject}` : '',
    input.description ? `Customer: ${input.description}` : '',
    ...(input.comments ?? []).map((c) => `${c.author === 'customer' ? 'Customer' : c.author === 'agent' ? (c.public === false ? 'Agent (internal note)' : 'Agent') : 'System'}: ${c.body}`),
  ].filter(Boolean);
  return redactPii(lines.join('\n'));
}

/**
 * @example buildOpenAiRequest(input, { model: 'gpt-4o-mini' }).body.messages[1].content // → 'Subject: …\nCustomer: … [email] …'
 */
export function buildOpenAiRequest(input: SummaryInput, options: OpenAiRequestOptions) {
  const redacted = redactedTranscript(input);
  return {
    redactions: redacted.counts,
    body: {
      model: options.model,
      temperature: 0,
      max_tokens: options.maxTokens ?? 300,
      response_format: { type: 'json_object' as const },
      messages: [
        { role: 'system' as const, content: SYSTEM_PROMPT },
        { role: 'user' as const, content: redacted.text },
      ],
    },
  };
}

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
});

const summaryJsonSchema = z.object({
  problem: z.string().trim().min(1).max(400),
  done: z.array(z.string().trim().min(1).max(300)).max(10).default([]),
});

export type ParsedSummary = { ok: true; summary: HandoffSummary } | { ok: false; reason: string };

/**
 * Validates a chat-completion response. The summary is refused when the
 * shape is wrong or when it names an identifier (ticket id, error code,
 * amount) that the ticket does not contain; the caller then falls back to
 * the extractive summary.
 */
export function parseOpenAiResponse(json: unknown, input: SummaryInput): ParsedSummary {
  const completion = completionSchema.safeParse(json);
  if (!completion.success) return { ok: false, reason: 'not a chat completion' };
  const content = completion.data.choices[0]?.message.content ?? '';
  // Some compatible servers wrap JSON in a Markdown fence despite response_format.
  const unfenced = content.trim().replace(/^```(?:json)?\s*|\s*```$/g, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(unfenced);
  } catch {
    return { ok: false, reason: 'the answer is not JSON' };
  }
  const fields = summaryJsonSchema.safeParse(parsed);
  if (!fields.success) return { ok: false, reason: 'the answer lacks a problem sentence or a list of actions' };
  const summary: HandoffSummary = { problem: fields.data.problem, done: fields.data.done, provider: 'openai-compatible' };
  const invented = inventedIn(summary, input);
  if (invented.length) return { ok: false, reason: `the answer names identifiers not in the ticket: ${invented.map((i) => i.text).join(', ')}` };
  return { ok: true, summary };
}
