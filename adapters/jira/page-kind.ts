import type { PageKind } from '../types';

/**
 * Jira Cloud / Jira Service Management URLs. An issue opens on its own page
 * (`/browse/KEY-1`), from a JSM queue (`/jira/servicedesk/projects/P/queues/.../KEY-1`),
 * or in the side panel of a board, backlog, list or queue (`?selectedIssue=KEY-1`).
 */

const KEY = '([A-Z][A-Z0-9_]+-\\d+)';
const BROWSE = new RegExp(`^/browse/${KEY}/?$`);
const QUEUE_ISSUE = new RegExp(`^/jira/servicedesk/projects/[A-Z][A-Z0-9_]*/(?:queues/(?:[^/]+/)*|issues/)${KEY}/?$`);
const SELECTED = new RegExp(`^${KEY}$`);
// Side panels open only in Jira's own apps, not on arbitrary paths that happen to carry the parameter.
const SELECTED_PATHS = /^\/(?:jira\/|secure\/RapidBoard\.jspa|projects\/)/;

export function getJiraPageKind(url: URL): PageKind | null {
  if (QUEUE_ISSUE.test(url.pathname)) return 'queue-issue';
  if (BROWSE.test(url.pathname)) return 'issue';
  if (SELECTED_PATHS.test(url.pathname) && SELECTED.test(url.searchParams.get('selectedIssue') ?? '')) return 'selected-issue';
  return null;
}

export function getJiraTicketRef(url: URL): string | null {
  switch (getJiraPageKind(url)) {
    case 'queue-issue':
      return QUEUE_ISSUE.exec(url.pathname)?.[1] ?? null;
    case 'issue':
      return BROWSE.exec(url.pathname)?.[1] ?? null;
    case 'selected-issue':
      return url.searchParams.get('selectedIssue');
    default:
      return null;
  }
}

/** Example URLs per page kind, cross-checked against every adapter in `adapters/page-kinds.test.ts`. */
export const jiraPageExamples: Partial<Record<PageKind, string[]>> & { none: string[] } = {
  issue: ['https://acme.atlassian.net/browse/SUP-101', 'https://acme.atlassian.net/browse/SUP-103/', 'https://acme.atlassian.net/browse/IT_OPS-7', 'https://jira.acme.example/browse/HELP-1'],
  'queue-issue': [
    'https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/1/SUP-102',
    'https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/issue/SUP-102',
    'https://acme.atlassian.net/jira/servicedesk/projects/SUP/issues/SUP-101',
  ],
  'selected-issue': [
    'https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/1?selectedIssue=SUP-101',
    'https://acme.atlassian.net/jira/software/projects/DEV/boards/3?selectedIssue=DEV-42',
    'https://acme.atlassian.net/jira/software/c/projects/DEV/list?selectedIssue=DEV-9',
    'https://acme.atlassian.net/secure/RapidBoard.jspa?rapidView=3&selectedIssue=DEV-42',
  ],
  none: [
    'https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/1',
    'https://acme.atlassian.net/jira/your-work',
    'https://acme.atlassian.net/browse/SUP',
    'https://acme.atlassian.net/wiki/spaces/SUP/pages/1?selectedIssue=SUP-1',
    'https://acme.atlassian.net/servicedesk/customer/portal/2/SUP-101',
    'https://acme.atlassian.net/jira/software/projects/DEV/boards/3?selectedIssue=not-a-key',
  ],
};
