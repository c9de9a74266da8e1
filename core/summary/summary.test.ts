import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeExtractive } from './extractive';
import { extractIdentifiers, identifierKey, inventedIdentifiers } from './identifiers';
import { buildOpenAiRequest, parseOpenAiResponse } from './openai-request';
import { sourceText, summarizeWithFallback } from './provider';
import { passesLuhn, redactPii } from './redact';
import { splitSentences } from './sentences';

const ticket = {
  subject: 'Export broken since Monday',
  description: 'Hi team, hope you are well. Since the update on 2026-11-23 our nightly export fails with HTTP 502 and error E1234. We were also charged $1,250.00 for the export add-on. Thanks, Dana',
  comments: [
    { author: 'agent' as const, public: true, body: 'Thanks Dana, looking into it now.' },
    { author: 'agent' as const, public: false, body: 'Checked logs on export-worker-3: ERR_UPSTREAM_TIMEOUT at 02:00 UTC. Restarted the worker. Linked to INC-4821.' },
    { author: 'customer' as const, public: true, body: 'Still failing tonight!' },
    { author: 'agent' as const, public: false, body: 'Cleared cache on the export service and re-ran the job for TKT-99812. No change.' },
  ],
};

describe('splitSentences', () => {
  it('keeps amounts, versions and abbreviations inside their sentence', () => {
    expect(splitSentences('We paid $1,250.00 on v5.4.1, e.g. the add-on. Then HTTP/1.1 502 appeared. #4821 is open')).toEqual([
      'We paid $1,250.00 on v5.4.1, e.g. the add-on.',
      'Then HTTP/1.1 502 appeared.',
      '#4821 is open',
    ]);
  });
});

describe('extractIdentifiers', () => {
  it('finds ticket ids, error codes, HTTP statuses and amounts in order', () => {
    expect(extractIdentifiers('INC-4821: HTTP 502, E1234 and ERR_TIMEOUT after paying $1,250.00 (ticket #99812).').map((i) => i.text)).toEqual([
      'INC-4821',
      'HTTP 502',
      'E1234',
      'ERR_TIMEOUT',
      '$1,250.00',
      '#99812',
    ]);
  });
});

describe('summarizeExtractive', () => {
  it('picks the customer sentence that states the problem, identifiers verbatim', () => {
    const { problem } = summarizeExtractive(ticket);
    expect(problem).toBe('Since the update on 2026-11-23 our nightly export fails with HTTP 502 and error E1234.');
  });

  it("lists the agents' actions, oldest first, and leaves out pleasantries and the customer's words", () => {
    expect(summarizeExtractive(ticket).done).toEqual([
      'Checked logs on export-worker-3: ERR_UPSTREAM_TIMEOUT at 02:00 UTC.',
      'Restarted the worker.',
      'Cleared cache on the export service and re-ran the job for TKT-99812.',
    ]);
  });

  it('falls back to the subject when the customer wrote only a greeting', () => {
    expect(summarizeExtractive({ subject: 'Refund for INV-2031', description: 'Hello!' }).problem).toBe('Refund for INV-2031');
  });

  it('never writes an identifier that is not in the ticket, whatever the ticket says', () => {
    const id = fc.oneof(
      fc.integer({ min: 100, max: 999999 }).map((n) => `#${n}`),
      fc.tuple(fc.constantFrom('INC', 'TKT', 'OPS'), fc.integer({ min: 1, max: 99999 })).map(([p, n]) => `${p}-${n}`),
      fc.integer({ min: 100, max: 99999 }).map((n) => `E${n}`),
      fc.constantFrom('ERR_TIMEOUT', 'ERR_CONNECTION_RESET', 'HTTP 502', 'HTTP 429', 'status 503'),
      fc.tuple(fc.integer({ min: 1, max: 99999 }), fc.integer({ min: 0, max: 99 })).map(([a, c]) => `$${a.toLocaleString('en-US')}.${String(c).padStart(2, '0')}`),
    );
    const sentence = fc
      .tuple(fc.constantFrom('The export fails with', 'We were charged', 'Restarted the sync for', 'Checked logs for', 'Hello, about', 'Cleared cache after', 'Still broken:'), id, fc.constantFrom('.', '!', '?', ' today.', ' again.'))
      .map(([a, b, c]) => `${a} ${b}${c}`);
    const text = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((s) => s.join(' '));
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.constantFrom('agent' as const, 'customer' as const), text), { maxLength: 4 }), (description, comments) => {
        const input = { description, comments: comments.map(([author, body]) => ({ author, public: true, body })) };
        const summary = summarizeExtractive(input);
        const known = new Set(extractIdentifiers(sourceText(input)).map(identifierKey));
        for (const idf of extractIdentifiers([summary.problem, ...summary.done].join('\n'))) expect(known).toContain(identifierKey(idf));
        // And what it quotes, it quotes whole: every identifier of the chosen sentence survives.
        const chosen = splitSentences(description).find((s) => s === summary.problem);
        if (chosen) expect(extractIdentifiers(summary.problem)).toEqual(extractIdentifiers(chosen));
      }),
    );
  });
});

describe('redactPii', () => {
  it('redacts emails, phone numbers and Luhn-valid card numbers', () => {
    const r = redactPii('Mail dana@example.com or call +1 (415) 555-0134. Card 4242 4242 4242 4242 was charged.');
    expect(r.text).toBe('Mail [email] or call [phone]. Card [card] was charged.');
    expect(r.counts).toEqual({ email: 1, phone: 1, card: 1 });
  });

  it('keeps digit runs that fail the Luhn check, amounts, dates and ticket ids', () => {
    const text = 'Order 4242 4242 4242 4241 for $1,250.00 on 2026-11-23, ticket #998123, INC-4821, error E1234.';
    expect(redactPii(text).text).toBe(text);
  });

  it('checks card numbers with the Luhn algorithm', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
  });

  it('leaves no email address behind, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.string({ maxLength: 20 }), (email, around) => {
        expect(redactPii(`${around} ${email} ${around}`).text).not.toContain(email);
      }),
    );
  });
});

describe('OpenAI-compatible request', () => {
  it('sends the transcript with personal data redacted', () => {
    const { body, redactions } = buildOpenAiRequest({ description: 'I am dana@example.com, card 4111 1111 1111 1111, export fails with E1234.' }, { model: 'gpt-4o-mini' });
    const content = body.messages[1]?.content ?? '';
    expect(content).toContain('[email]');
    expect(content).toContain('[card]');
    expect(content).toContain('E1234');
    expect(content).not.toContain('dana@example.com');
    expect(redactions).toEqual({ email: 1, phone: 0, card: 1 });
  });

  const reply = (content: string) => ({ choices: [{ message: { role: 'assistant', content } }] });

  it('accepts a summary that only cites identifiers from the ticket', () => {
    const parsed = parseOpenAiResponse(reply('{"problem":"Nightly export fails with HTTP 502 and E1234.","done":["Restarted the worker (INC-4821)."]}'), ticket);
    expect(parsed).toEqual({ ok: true, summary: { problem: 'Nightly export fails with HTTP 502 and E1234.', done: ['Restarted the worker (INC-4821).'], provider: 'openai-compatible' } });
  });

  it('drops a summary that invents a ticket id or an amount', () => {
    const parsed = parseOpenAiResponse(reply('{"problem":"Export fails with E1234; refund $99.00 per INC-7777.","done":[]}'), ticket);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain('INC-7777');
  });

  it('refuses answers that are not the agreed JSON', () => {
    expect(parseOpenAiResponse(reply('The customer is unhappy.'), ticket).ok).toBe(false);
    expect(parseOpenAiResponse({ error: { message: 'rate limited' } }, ticket).ok).toBe(false);
    expect(parseOpenAiResponse(reply('```json\n{"problem":"Export fails with E1234.","done":[]}\n```'), ticket).ok).toBe(true);
  });

  it('falls back to the extractive summary when a provider invents an identifier', async () => {
    const liar = { id: 'openai-compatible', summarize: async () => ({ problem: 'Export fails with E9999.', done: [], provider: 'openai-compatible' }) };
    const outcome = await summarizeWithFallback([liar], ticket);
    expect(outcome.summary.provider).toBe('extractive');
    expect(outcome.dropped).toEqual([{ provider: 'openai-compatible', reason: 'invented E9999' }]);
    expect(inventedIdentifiers(outcome.summary.problem, sourceText(ticket))).toEqual([]);
  });
});
