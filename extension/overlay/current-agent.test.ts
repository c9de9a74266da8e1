import { describe, expect, it } from 'vitest';
import { zendesk } from '../../adapters/zendesk/adapter';
import { readSignedInAgent } from './current-agent';

const origin = 'https://acme.zendesk.com';
// The worker's side of it: what the content script sends it, read with the adapter's own schema.
const worker = { readCurrentUser: async (_helpdesk: string, body: unknown) => zendesk.currentUserFromResponse(body) };
const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('readSignedInAgent', () => {
  it('names the agent the helpdesk says is signed in', async () => {
    expect(await readSignedInAgent(zendesk, { origin, worker, fetch: answer(200, { user: { id: 901, name: '  Dana\nReyes ', email: 'dana@acme.test' } }) })).toBe('Dana Reyes');
  });

  it('gives undefined, without throwing, when nobody is signed in, the API fails or the worker does not read it', async () => {
    expect(await readSignedInAgent(zendesk, { origin, worker, fetch: answer(200, { user: { id: null, name: 'Anonymous user' } }) })).toBeUndefined();
    expect(await readSignedInAgent(zendesk, { origin, worker, fetch: answer(401, { error: 'Couldn\'t authenticate you' }) })).toBeUndefined();
    expect(
      await readSignedInAgent(zendesk, {
        origin,
        worker,
        fetch: async () => {
          throw new TypeError('Failed to fetch');
        },
      }),
    ).toBeUndefined();
    expect(await readSignedInAgent(zendesk, { origin, worker: {}, fetch: answer(200, { user: { id: 901, name: 'Dana Reyes' } }) })).toBeUndefined();
  });
});
