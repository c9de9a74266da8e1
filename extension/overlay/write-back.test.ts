import { describe, expect, it } from 'vitest';
import type { WriteBackPlan } from '../../adapters/types';
import { performWriteBack } from './write-back';

const plan: WriteBackPlan = {
  requests: [
    { method: 'PUT', url: '/api/v2/tickets/7.json', headers: { 'X-CSRF-Token': 'abc', 'Content-Type': 'application/json' }, body: { ticket: { comment: { body: 'packet', public: false } } }, purpose: 'add the internal note' },
    { method: 'PUT', url: '/api/v2/tickets/7.json', headers: {}, body: { ticket: { tags: ['tier_2'] } }, purpose: 'set the tier tag' },
  ],
  notes: [],
};

describe('performWriteBack', () => {
  it('sends every request in order, same-origin, as JSON with the adapter headers', async () => {
    const sent: { url: string; init: RequestInit | undefined }[] = [];
    const result = await performWriteBack(plan, {
      origin: 'https://acme.zendesk.com',
      fetch: async (url, init) => {
        sent.push({ url, init });
        return new Response('{}', { status: 200 });
      },
    });
    expect(result).toEqual({ ok: true });
    expect(sent.map((s) => s.url)).toEqual(['https://acme.zendesk.com/api/v2/tickets/7.json', 'https://acme.zendesk.com/api/v2/tickets/7.json']);
    expect(sent[0]?.init?.credentials).toBe('same-origin');
    const headers = new Headers(sent[0]?.init?.headers);
    expect(headers.get('x-csrf-token')).toBe('abc');
    expect(headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(String(sent[0]?.init?.body))).toEqual({ ticket: { comment: { body: 'packet', public: false } } });
  });

  it('stops at the first refusal and names the step', async () => {
    let calls = 0;
    const result = await performWriteBack(plan, {
      origin: 'https://acme.zendesk.com',
      fetch: async () => {
        calls++;
        return new Response('{}', { status: 500 });
      },
    });
    expect(calls).toBe(1);
    expect(result).toEqual({ ok: false, message: 'the helpdesk answered 500 when asked to add the internal note' });
  });

  it('reports a network failure without throwing', async () => {
    const result = await performWriteBack(plan, {
      origin: 'https://acme.zendesk.com',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    expect(result).toEqual({ ok: false, message: 'could not reach the helpdesk to add the internal note' });
  });
});
