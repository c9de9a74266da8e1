/**
 * The harness itself, end to end: the built extension loads in Debian's
 * chromium, its MV3 worker runs, helpdesk hosts reach the local HTTPS server,
 * and stopping the worker really ends it (a fresh worker starts with empty globals).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../../wxt.config';
import { type ExtensionGlobal, type HelpdeskServer, type LaunchedBrowser, launchBrowser, startHelpdeskServer } from './harness';

describe('the e2e harness', () => {
  let server: HelpdeskServer;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    server = await startHelpdeskServer({
      routes: {
        'acme.zendesk.com /agent/tickets/1': '<!doctype html><title>Ticket 1</title><h1>Printer on fire</h1>',
        'acme.zendesk.com /api/v2/tickets/*': { ticket: { id: 1, subject: 'Printer on fire' } },
      },
    });
    browser = await launchBrowser({ server });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the built extension with its pinned id and runs its service worker', async () => {
    const worker = await browser.serviceWorker();
    expect(worker.url()).toBe(`chrome-extension://${EXTENSION_ID}/background.js`);
    const manifest = await worker.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.runtime.getManifest());
    expect(manifest.name).toBe('Tierline');
    expect(manifest.manifest_version).toBe(3);
  });

  it('serves https://acme.zendesk.com from the local server and records the request', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/1');
    expect(await page.textContent('h1')).toBe('Printer on fire');
    const json = await page.evaluate(() => fetch('/api/v2/tickets/1.json?include=users').then((r) => r.json()));
    expect(json).toEqual({ ticket: { id: 1, subject: 'Printer on fire' } });
    await page.close();
    expect(server.requests.map((r) => `${r.method} ${r.host} ${r.path}`)).toEqual(
      expect.arrayContaining(['GET acme.zendesk.com /agent/tickets/1', 'GET acme.zendesk.com /api/v2/tickets/1.json?include=users']),
    );
  });

  it('stops the service worker for real, and a restarted worker starts with empty globals', async () => {
    const before = await browser.serviceWorker();
    await before.evaluate(() => {
      (globalThis as { tierlineMarker?: number }).tierlineMarker = 42;
    });
    await browser.stopWorker();
    expect(browser.workerStatus()).toBe('stopped');
    await browser.startWorker();
    const after = await browser.serviceWorker();
    expect(await after.evaluate(() => (globalThis as { tierlineMarker?: number }).tierlineMarker)).toBeUndefined();
  });
});
