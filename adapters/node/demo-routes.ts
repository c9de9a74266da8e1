import { readFileSync } from 'node:fs';
import { freshdeskFixtures } from '../freshdesk/fixtures';
import type { AdapterFixtures } from '../fixture-manifest';
import { jiraFixtures } from '../jira/fixtures';
import { zendeskFixtures } from '../zendesk/fixtures';

/** Every adapter's fixtures, for servers that play the helpdesks. */
export const ALL_FIXTURES: readonly AdapterFixtures[] = [zendeskFixtures, freshdeskFixtures, jiraFixtures];

/**
 * The demo helpdesks as routes keyed `"host path"` (query ignored): each
 * current-UI page at its URL (HTML string) and each API fixture at its path
 * (parsed JSON). Legacy-UI pages share their URL with the current page and are
 * left out. Node-only: for the end-to-end harness and `npm start`.
 * @example readDemoRoutes()['acme.zendesk.com /agent/tickets/1001'] // the ticket page HTML
 */
export function readDemoRoutes(fixtures: readonly AdapterFixtures[] = ALL_FIXTURES): Record<string, string | object> {
  const routes: Record<string, string | object> = {};
  for (const fx of fixtures) {
    const host = new URL(fx.origin).host;
    for (const page of fx.pages.filter((p) => p.current)) {
      const url = new URL(page.url);
      routes[`${url.host} ${url.pathname}`] = readFileSync(new URL(page.file, fx.dir), 'utf8');
    }
    for (const [path, file] of Object.entries(fx.apiRoutes)) routes[`${host} ${path}`] = JSON.parse(readFileSync(new URL(file, fx.dir), 'utf8')) as object;
  }
  return routes;
}
