/**
 * The overlay on an admin's custom helpdesk domain, in real Chromium: the
 * worker registers the mapped helpdesk's own content script on a listed host
 * whose permission is granted, the page runs that helpdesk's adapter, and the
 * registration goes away when the host is unlisted.
 *
 * The host permission is granted at install through a copy of the built
 * manifest that lists the host in `host_permissions`: Chromium only grants an
 * optional permission from a prompt, which a headless browser cannot accept.
 * Everything after the grant (permissions.contains, registration, the page)
 * is the shipped code path.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRoutes, ZENDESK_HOST, zendeskTicketId } from '../../demo/server';
import { callWorker, type ExtensionGlobal, type HelpdeskServer, type LaunchedBrowser, launchBrowser, type Routes, startHelpdeskServer } from './harness';
import { badgeText, expectNoErrors, openTicket } from './overlay-helpers';

/** Listed and granted. */
const GRANTED = 'help.acme.test';
/** Listed, never granted. */
const UNGRANTED = 'desk.acme.test';

let server: HelpdeskServer;
let browser: LaunchedBrowser;
let options: Page;
let extensionDir: string;

/** The demo Zendesk's routes served on other hosts too (the same Agent Workspace behind a custom domain). */
function zendeskOn(hosts: string[]): Routes {
  const routes = demoRoutes();
  for (const [key, route] of Object.entries(routes)) {
    if (!key.startsWith(`${ZENDESK_HOST} `)) continue;
    for (const host of hosts) routes[`${host} ${key.slice(ZENDESK_HOST.length + 1)}`] = route;
  }
  return routes;
}

/** A copy of the built extension whose manifest grants GRANTED at install. */
function extensionWithGrantedHost(): string {
  const built = resolve(process.env.TIERLINE_EXTENSION_DIR ?? '.output/chrome-mv3');
  const dir = mkdtempSync(join(tmpdir(), 'tierline-custom-host-'));
  cpSync(built, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: [`https://${GRANTED}/*`] }));
  return dir;
}

async function registeredIds(): Promise<string[]> {
  const worker = await browser.serviceWorker();
  const scripts = await worker.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.scripting.getRegisteredContentScripts());
  return scripts.map((s) => s.id).sort();
}

/** Waits until the worker's registrations are `ids` (it resyncs on the settings change). */
async function expectRegistered(ids: string[]): Promise<void> {
  await expect.poll(registeredIds, { timeout: 10_000, interval: 100 }).toEqual(ids);
}

const ticketUrl = (host: string) => `https://${host}/agent/tickets/${zendeskTicketId('billing')}`;

beforeAll(async () => {
  server = await startHelpdeskServer({ routes: zendeskOn([GRANTED, UNGRANTED]) });
  extensionDir = extensionWithGrantedHost();
  // This flag replaces the harness's own resolver rules (Chromium keeps the last one): every host reaches the server.
  browser = await launchBrowser({ server, extensionDir, args: [`--host-resolver-rules=MAP * 127.0.0.1:${server.port}`] });
  options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('options.html'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
});

describe('custom helpdesk domains', () => {
  it('draws the overlay on a listed Zendesk custom domain once its permission is granted, and nowhere unlisted or ungranted', async () => {
    await callWorker(options, 'saveSetting', {
      key: 'extraHelpdeskHosts',
      value: [
        { host: GRANTED, helpdesk: 'zendesk' },
        { host: UNGRANTED, helpdesk: 'zendesk' },
      ],
    });
    await expectRegistered([`tierline-host-${GRANTED}`]);

    const opened = await openTicket(browser.context, ticketUrl(GRANTED));
    expect(await badgeText(opened.page, 'Billing Specialist')).toContain('Tier 1');
    // The stylesheet is fetched into the shadow root, which Chromium refuses unless it is web-accessible to this host.
    const styled = await opened.page.evaluate(() => document.querySelector('tierline-badge')?.shadowRoot?.querySelector('style')?.textContent?.includes('.tl-badge') ?? false);
    expect(styled).toBe(true);
    expectNoErrors(opened);
    await opened.page.close();

    const ungranted = await openTicket(browser.context, ticketUrl(UNGRANTED));
    await ungranted.page.locator('[data-test-id="omni-header-subject"]').first().waitFor({ state: 'attached' });
    expect(await ungranted.page.locator('tierline-badge').count()).toBe(0);
    await ungranted.page.close();
  });

  it('unregisters the script when the admin removes the domain, so a newly opened page has no overlay', async () => {
    await callWorker(options, 'saveSetting', { key: 'extraHelpdeskHosts', value: [{ host: GRANTED, helpdesk: 'zendesk' }] });
    await expectRegistered([`tierline-host-${GRANTED}`]);
    await callWorker(options, 'saveSetting', { key: 'extraHelpdeskHosts', value: [] });
    await expectRegistered([]);

    const opened = await openTicket(browser.context, ticketUrl(GRANTED));
    await opened.page.locator('[data-test-id="omni-header-subject"]').first().waitFor({ state: 'attached' });
    expect(await opened.page.locator('tierline-badge').count()).toBe(0);
    await opened.page.close();
  });
});
