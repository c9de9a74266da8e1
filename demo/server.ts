/**
 * The demo helpdesks on one HTTPS server: acme.zendesk.com, acme.freshdesk.com
 * and acme.atlassian.net (Chromium maps those hosts to it with
 * --host-resolver-rules). `npm start`, the end-to-end tests and the overlay
 * benchmark all serve these routes.
 */
import { type HelpdeskServer, type Routes, startHelpdeskServer } from '../tests/e2e/harness/helpdesk-server';
import { freshdeskRoutes } from './freshdesk';
import { jiraRoutes } from './jira';
import { zendeskRoutes } from './zendesk';

import type { HelpdeskId } from '../core/ticket';
import { FRESHDESK_SIGNED_IN_AGENT } from './freshdesk';
import { JIRA_SIGNED_IN_AGENT } from './jira';
import type { DemoAgent } from './scenarios';
import { ZENDESK_SIGNED_IN_AGENT } from './zendesk';

export { FRESHDESK_HOST, FRESHDESK_SIGNED_IN_AGENT, freshdeskTicketId } from './freshdesk';
export { JIRA_HOST, JIRA_SIGNED_IN_AGENT, jiraIssueKey } from './jira';
export type { DemoAgent } from './scenarios';
export { ZENDESK_BROKEN_ID, ZENDESK_CSRF_TOKEN, ZENDESK_HOST, ZENDESK_SIGNED_IN_AGENT, zendeskTicketId } from './zendesk';

/** The agent signed in to each demo helpdesk, as its current-user API names them: the name the overlay's notes are signed with. */
export const SIGNED_IN_AGENTS: Readonly<Record<HelpdeskId, DemoAgent>> = { zendesk: ZENDESK_SIGNED_IN_AGENT, freshdesk: FRESHDESK_SIGNED_IN_AGENT, jira: JIRA_SIGNED_IN_AGENT };

/**
 * Every demo route; `now` dates the tickets (the tests pass a fixed clock). Each call starts from the scenarios,
 * and what is written back (notes, tags, groups) changes that call's tickets only, as a helpdesk would: a reload
 * or a retried escalation sees the note and the move already there.
 */
export function demoRoutes(now: () => Date = () => new Date()): Routes {
  // Browsers ask every host for a favicon; answering keeps the console free of 404s.
  return { '* /favicon.ico': { status: 204, body: '' }, ...zendeskRoutes(now), ...freshdeskRoutes(now), ...jiraRoutes(now) };
}

/**
 * Serves the demo helpdesks. Pass `routes` (from `demoRoutes()`) to keep hold of the handlers that share the
 * server's tickets, e.g. to wrap a write route so the helpdesk takes a write but the answer is lost.
 */
export function startDemoServer(options: { port?: number; now?: () => Date; routes?: Routes } = {}): Promise<HelpdeskServer> {
  return startHelpdeskServer({ routes: options.routes ?? demoRoutes(options.now), ...(options.port === undefined ? {} : { port: options.port }) });
}
