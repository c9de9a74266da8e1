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

export { FRESHDESK_HOST, freshdeskTicketId } from './freshdesk';
export { JIRA_HOST, jiraIssueKey } from './jira';
export { ZENDESK_BROKEN_ID, ZENDESK_CSRF_TOKEN, ZENDESK_HOST, zendeskTicketId } from './zendesk';

/** Every demo route; `now` dates the tickets (the tests pass a fixed clock). */
export function demoRoutes(now: () => Date = () => new Date()): Routes {
  // Browsers ask every host for a favicon; answering keeps the console free of 404s.
  return { '* /favicon.ico': { status: 204, body: '' }, ...zendeskRoutes(now), ...freshdeskRoutes(now), ...jiraRoutes(now) };
}

export function startDemoServer(options: { port?: number; now?: () => Date } = {}): Promise<HelpdeskServer> {
  return startHelpdeskServer({ routes: demoRoutes(options.now), ...(options.port === undefined ? {} : { port: options.port }) });
}
