import type { AdapterFixtures } from '../fixture-manifest';

// Not `new URL('./__fixtures__/', import.meta.url)` inline: Vite would rewrite that literal into a served asset URL.
const here = import.meta.url;

/**
 * Jira Service Management demo requests (see adapters/README.md):
 * SUP-101 enterprise bug at Tier 2 (own page, and in a queue's side panel); SUP-102 premium
 * billing dispute at Tier 1 opened from a queue (reopened once); SUP-103 hostile content;
 * SUP-104 page missing its elements, no API.
 */
export const jiraFixtures: AdapterFixtures = {
  dir: new URL('./__fixtures__/', here),
  origin: 'https://acme.atlassian.net',
  pages: [
    { file: 'issue-view/browse.SUP-101.html', url: 'https://acme.atlassian.net/browse/SUP-101', ref: 'SUP-101', current: true },
    { file: 'issue-view/queue-issue.SUP-102.html', url: 'https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/1/SUP-102', ref: 'SUP-102', current: true },
    { file: 'issue-view/selected-issue.SUP-101.html', url: 'https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/1?selectedIssue=SUP-101', ref: 'SUP-101', current: true },
    { file: 'issue-view/browse.SUP-103-hostile.html', url: 'https://acme.atlassian.net/browse/SUP-103', ref: 'SUP-103', current: true },
    { file: 'issue-view/browse.SUP-104-missing-elements.html', url: 'https://acme.atlassian.net/browse/SUP-104', ref: 'SUP-104', current: true },
    { file: 'legacy-data-test-id/queue-issue.SUP-102.html', url: 'https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/1/SUP-102', ref: 'SUP-102', current: false },
  ],
  apiRoutes: {
    '/rest/api/3/myself': 'rest-api-3/myself.json',
    '/rest/api/3/issue/SUP-101': 'rest-api-3/issue-SUP-101.json',
    '/rest/servicedeskapi/request/SUP-101/sla': 'rest-api-3/sla-SUP-101.json',
    '/rest/api/3/issue/SUP-102': 'rest-api-3/issue-SUP-102.json',
    '/rest/servicedeskapi/request/SUP-102/sla': 'rest-api-3/sla-SUP-102.json',
    '/rest/api/3/issue/SUP-103': 'rest-api-3/issue-SUP-103.json',
  },
  apiTickets: ['SUP-101', 'SUP-102', 'SUP-103'],
  currentUser: { id: '712020:5d6e1a0b-93c4-4f0e-8b7a-2c1d9e6f4a10', name: 'Ingrid Halvorsen', email: 'ingrid.halvorsen@acme.example' },
};
