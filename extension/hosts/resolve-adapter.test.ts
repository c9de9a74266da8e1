import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../settings/resolve';
import { resolveAdapter } from './resolve-adapter';

/** The worker's `getSettings` answer for a managed policy, resolved the way the worker resolves it. */
const workerSettings = (managed: unknown) => async () => resolveSettings({ managed });

describe('resolveAdapter', () => {
  it('reads a custom domain as the helpdesk the managed settings map it to', async () => {
    const getSettings = workerSettings({ extraHelpdeskHosts: [{ host: 'help.acme.com', helpdesk: 'freshdesk' }] });
    const adapter = await resolveAdapter(new URL('https://help.acme.com/a/tickets/42'), { getSettings });
    expect(adapter?.id).toBe('freshdesk');
  });

  it("knows a vendor's own domain without asking the worker", async () => {
    const adapter = await resolveAdapter(new URL('https://acme.zendesk.com/agent/tickets/7'), {
      getSettings: () => Promise.reject(new Error('the worker must not be asked')),
    });
    expect(adapter?.id).toBe('zendesk');
  });

  it('draws nothing on a host no setting lists', async () => {
    const getSettings = workerSettings({ extraHelpdeskHosts: [{ host: 'help.acme.com', helpdesk: 'zendesk' }] });
    expect(await resolveAdapter(new URL('https://other.example.com/agent/tickets/1'), { getSettings })).toBeNull();
  });

  it('draws nothing when the worker does not answer or answers with something unreadable', async () => {
    const url = new URL('https://help.acme.com/agent/tickets/1');
    expect(await resolveAdapter(url, { getSettings: () => Promise.reject(new Error('worker gone')) })).toBeNull();
    expect(await resolveAdapter(url, { getSettings: async () => ({ values: { extraHelpdeskHosts: 'help.acme.com' } }) })).toBeNull();
  });
});
