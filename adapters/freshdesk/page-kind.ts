import type { PageKind } from '../types';

/**
 * Freshdesk agent URLs: the current Ember UI opens a ticket at `/a/tickets/:id`;
 * the classic helpdesk UI used `/helpdesk/tickets/:id` (still served to some accounts).
 */

const TICKET = /^\/a\/tickets\/(\d+)(?:\/[\w-]*)?\/?$/;
// TODO(2026-03-01): classic Freshdesk UI; remove when no account is served it.
const TICKET_LEGACY = /^\/helpdesk\/tickets\/(\d+)\/?$/;

export function getFreshdeskPageKind(url: URL): PageKind | null {
  return TICKET.test(url.pathname) || TICKET_LEGACY.test(url.pathname) ? 'ticket' : null;
}

export function getFreshdeskTicketRef(url: URL): string | null {
  return TICKET.exec(url.pathname)?.[1] ?? TICKET_LEGACY.exec(url.pathname)?.[1] ?? null;
}

/** Example URLs per page kind, cross-checked against every adapter in `adapters/page-kinds.test.ts`. */
export const freshdeskPageExamples: Partial<Record<PageKind, string[]>> & { none: string[] } = {
  ticket: [
    'https://acme.freshdesk.com/a/tickets/2001',
    'https://acme.freshdesk.com/a/tickets/2002/',
    'https://acme.freshdesk.com/a/tickets/2002/edit',
    'https://acme.freshdesk.com/helpdesk/tickets/2001',
    'https://help.acme.example/a/tickets/9',
  ],
  none: [
    'https://acme.freshdesk.com/a/tickets/filters/all_tickets',
    'https://acme.freshdesk.com/a/tickets/new',
    'https://acme.freshdesk.com/a/dashboard/default',
    'https://acme.freshdesk.com/a/contacts/43026449322',
    'https://acme.freshdesk.com/support/tickets/2001',
  ],
};
