/**
 * What a version-1 database held: one ticket seen, its draft, and two events
 * queued without a queue time (version 1 had none). Written by hand in the v1
 * shape; the migration test loads it into a v1 database and upgrades.
 */
export const V1_FIXTURE = {
  tickets: [
    {
      key: 'zendesk:4711',
      ticket: { id: '4711', helpdesk: 'zendesk', subject: 'Invoice charged twice', description: '', comments: [], requester: {}, tags: ['billing'], fields: {}, unreadable: [] },
      seenAt: '2026-03-09T09:12:00.000Z',
    },
  ],
  drafts: [{ key: 'zendesk:4711', values: { problem: 'Charged twice for March', done: 'Checked the invoice' }, updatedAt: '2026-03-09T09:15:00.000Z' }],
  outbox: [
    {
      id: '5b0c3f3e-8a2e-4c1a-9d57-2f6c0a3b9e11',
      event: { id: '5b0c3f3e-8a2e-4c1a-9d57-2f6c0a3b9e11', type: 'decision', at: '2026-03-09T09:12:01.000Z', ticketId: '4711', helpdesk: 'zendesk', agent: 'ana', data: { tier: 'T1', role: 'tier-1-agent', severity: 'normal', bypass: false, triggers: [], source: 'rules' } },
    },
    {
      id: '0e7d5a54-1f3b-4f42-8d0e-6c1b7f0f2a90',
      event: { id: '0e7d5a54-1f3b-4f42-8d0e-6c1b7f0f2a90', type: 'decision', at: '2026-03-09T09:10:00.000Z', ticketId: '4700', helpdesk: 'zendesk', agent: 'ana', data: { tier: 'T2', role: 'tier-2-engineer', severity: 'high', bypass: false, triggers: [], source: 'rules' } },
    },
  ],
  meta: [{ name: 'policyEtag', value: '"3"' }],
} as const;
