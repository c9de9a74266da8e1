import type { AdapterFixtures } from '../fixture-manifest';

// Not `new URL('./__fixtures__/', import.meta.url)` inline: Vite would rewrite that literal into a served asset URL.
const here = import.meta.url;

/**
 * Zendesk demo tickets (see adapters/README.md):
 * 1001 enterprise billing dispute at Tier 1; 1002 integration failure at Tier 2 (reopened once);
 * 1003 hostile content; 1004 page missing its elements, no API.
 */
export const zendeskFixtures: AdapterFixtures = {
  dir: new URL('./__fixtures__/', here),
  origin: 'https://acme.zendesk.com',
  pages: [
    { file: 'agent-workspace/ticket.1001.html', url: 'https://acme.zendesk.com/agent/tickets/1001', ref: '1001', current: true },
    { file: 'agent-workspace/ticket.1002.html', url: 'https://acme.zendesk.com/agent/tickets/1002', ref: '1002', current: true },
    { file: 'agent-workspace/ticket.1003-hostile.html', url: 'https://acme.zendesk.com/agent/tickets/1003', ref: '1003', current: true },
    { file: 'agent-workspace/ticket.1004-missing-elements.html', url: 'https://acme.zendesk.com/agent/tickets/1004', ref: '1004', current: true },
    { file: 'legacy-lotus/ticket.1001.html', url: 'https://acme.zendesk.com/agent/tickets/1001', ref: '1001', current: false },
  ],
  apiRoutes: {
    '/api/v2/users/me.json': 'api-v2/users-me.json',
    '/api/v2/tickets/1001.json': 'api-v2/tickets-1001.json',
    '/api/v2/tickets/1001/comments.json': 'api-v2/tickets-1001-comments.json',
    '/api/v2/tickets/1001/audits.json': 'api-v2/tickets-1001-audits.json',
    '/api/v2/tickets/1002.json': 'api-v2/tickets-1002.json',
    '/api/v2/tickets/1002/comments.json': 'api-v2/tickets-1002-comments.json',
    '/api/v2/tickets/1002/audits.json': 'api-v2/tickets-1002-audits.json',
    '/api/v2/tickets/1003.json': 'api-v2/tickets-1003.json',
    '/api/v2/tickets/1003/comments.json': 'api-v2/tickets-1003-comments.json',
    '/api/v2/ticket_fields.json': 'api-v2/ticket-fields.json',
    '/api/v2/groups.json': 'api-v2/groups.json',
  },
  apiTickets: ['1001', '1002', '1003'],
  currentUser: { id: '7301', name: 'Rosa Delgado', email: 'rosa.delgado@acme.example' },
};
