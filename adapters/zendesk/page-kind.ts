import type { PageKind } from '../types';

/**
 * Zendesk Agent Workspace URLs. A ticket opens at `/agent/tickets/:id`, also
 * with a trailing panel (`/events`, `/apps`); new-ticket tabs (`/agent/tickets/new/1`)
 * have no id yet and are not ticket pages.
 */

const TICKET = /^\/agent\/tickets\/(\d+)(?:\/[\w-]*)?\/?$/;

/** The page kind of a URL, from its path only. */
export function getZendeskPageKind(url: URL): PageKind | null {
  return TICKET.test(url.pathname) ? 'ticket' : null;
}

/** The ticket id in a ticket URL. */
export function getZendeskTicketRef(url: URL): string | null {
  return TICKET.exec(url.pathname)?.[1] ?? null;
}

/** Example URLs per page kind, cross-checked against every adapter in `adapters/page-kinds.test.ts`. */
export const zendeskPageExamples: Partial<Record<PageKind, string[]>> & { none: string[] } = {
  ticket: [
    'https://acme.zendesk.com/agent/tickets/1001',
    'https://acme.zendesk.com/agent/tickets/1002/',
    'https://acme.zendesk.com/agent/tickets/77/events',
    'https://support.acme.example/agent/tickets/5',
  ],
  none: [
    'https://acme.zendesk.com/agent/dashboard',
    'https://acme.zendesk.com/agent/filters/360001',
    'https://acme.zendesk.com/agent/tickets/new/1',
    'https://acme.zendesk.com/agent/users/42/requested_tickets',
    'https://acme.zendesk.com/hc/en-us/requests/1001',
  ],
};
