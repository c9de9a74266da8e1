import type { AdapterFixtures } from '../fixture-manifest';

// Not `new URL('./__fixtures__/', import.meta.url)` inline: Vite would rewrite that literal into a served asset URL.
const here = import.meta.url;

/**
 * Freshdesk demo tickets (see adapters/README.md):
 * 2001 enterprise EUR refund dispute at Tier 1; 2002 reproducible webhook bug at Tier 2;
 * 2003 hostile content; 2004 page missing its elements, no API.
 */
export const freshdeskFixtures: AdapterFixtures = {
  dir: new URL('./__fixtures__/', here),
  origin: 'https://acme.freshdesk.com',
  pages: [
    { file: 'ember/ticket.2001.html', url: 'https://acme.freshdesk.com/a/tickets/2001', ref: '2001', current: true },
    { file: 'ember/ticket.2002.html', url: 'https://acme.freshdesk.com/a/tickets/2002', ref: '2002', current: true },
    { file: 'ember/ticket.2003-hostile.html', url: 'https://acme.freshdesk.com/a/tickets/2003', ref: '2003', current: true },
    { file: 'ember/ticket.2004-missing-elements.html', url: 'https://acme.freshdesk.com/a/tickets/2004', ref: '2004', current: true },
    { file: 'legacy-helpdesk/ticket.2001.html', url: 'https://acme.freshdesk.com/helpdesk/tickets/2001', ref: '2001', current: false },
  ],
  apiRoutes: {
    '/api/v2/agents/me': 'api-v2/agents-me.json',
    '/api/v2/tickets/2001': 'api-v2/tickets-2001.json',
    '/api/v2/tickets/2001/conversations': 'api-v2/tickets-2001-conversations.json',
    '/api/v2/tickets/2002': 'api-v2/tickets-2002.json',
    '/api/v2/tickets/2002/conversations': 'api-v2/tickets-2002-conversations.json',
    '/api/v2/tickets/2003': 'api-v2/tickets-2003.json',
    '/api/v2/tickets/2003/conversations': 'api-v2/tickets-2003-conversations.json',
    '/api/v2/groups/3101': 'api-v2/groups-3101.json',
    '/api/v2/groups/3102': 'api-v2/groups-3102.json',
    '/api/v2/groups': 'api-v2/groups.json',
    '/api/v2/companies/4101': 'api-v2/companies-4101.json',
    '/api/v2/companies/4102': 'api-v2/companies-4102.json',
  },
  apiTickets: ['2001', '2002', '2003'],
  currentUser: { id: '5501', name: 'Kwame Mensah', email: 'kwame.mensah@acme.example' },
};
