import { describe, expect, it } from 'vitest';
import { zendesk } from '../../adapters/zendesk/adapter';
import { readSignedInAgent } from './current-agent';

const origin = 'https://acme.zendesk.com';
const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('readSignedInAgent', () => {
  it('names the agent the helpdesk says is signed in', async () => {
    expect(await readSignedInAgent(zendesk, { origin, fetch: answer(200, { user: { id: 901, name: '  Dana\nReyes ', email: 'dana@acme.test' } }) })).toBe('Dana Reyes');
  });

  it('gives undefined, without throwing, when nobody is signed in, the API fails or the helpdesk has none', async () => {
    expect(await readSignedInAgent(zendesk, { origin, fetch: answer(200, { user: { id: null, name: 'Anonymous user' } }) })).toBeUndefined();
    expect(await readSignedInAgent(zendesk, { origin, fetch: answer(401, { error: 'Couldn\'t authenticate you' }) })).toBeUndefined();
    expect(
      await readSignedInAgent(zendesk, {
        origin,
        fetch: async () => {
          throw new TypeError('Failed to fetch');
        },
      }),
    ).toBeUndefined();
    expect(await readSignedInAgent({}, { origin, fetch: answer(200, {}) })).toBeUndefined();
  });
});
