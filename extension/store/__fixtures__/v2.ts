/**
 * What a version-2 database held that version 3 changes: meta `rejectedEvents`,
 * the ids and errors of events a 400 named (the events themselves were
 * deleted), next to one event still queued. Written by hand in the v2 shape
 * (extension/sync/send-outbox.ts before issue 12); one entry is malformed, as
 * meta was never validated.
 */
export const V2_FIXTURE = {
  outbox: [
    {
      id: '5b0c3f3e-8a2e-4c1a-9d57-2f6c0a3b9e11',
      event: { id: '5b0c3f3e-8a2e-4c1a-9d57-2f6c0a3b9e11', type: 'decision', at: '2026-03-09T09:12:01.000Z', ticketId: '4711', helpdesk: 'zendesk', agent: 'ana', data: { tier: 'T1', role: 'tier-1-agent', severity: 'normal', bypass: false, triggers: [], source: 'rules' } },
      queuedAt: 1773047521000,
    },
  ],
  meta: [
    {
      name: 'rejectedEvents',
      value: [
        { id: '0e7d5a54-1f3b-4f42-8d0e-6c1b7f0f2a90', message: 'data.tier: Invalid option', at: '2026-03-09T09:01:00.000Z' },
        { id: '9a3c1d2e-4b5f-4a6b-8c7d-0e1f2a3b4c5d', message: 'at: Invalid ISO datetime', at: '2026-03-10T14:30:00.000Z' },
        { id: 42, message: 'not an entry' },
      ],
    },
    { name: 'policyEtag', value: '"3"' },
  ],
} as const;
