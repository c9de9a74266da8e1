/**
 * `npm start`: the Tierline demo. Builds the extension, starts the local sync
 * endpoint and the demo helpdesks (acme.zendesk.com, acme.freshdesk.com,
 * acme.atlassian.net on one local HTTPS server), and opens Chromium with the
 * extension on a demo ticket of each helpdesk.
 *
 * With a display: a Chromium window stays open until you close it (or Ctrl+C).
 * With `--headless` or no display: writes one screenshot per helpdesk to
 * ./screenshots/, prints their paths, and exits.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { freshdeskTicketId, jiraIssueKey, startDemoServer, zendeskTicketId } from '../demo/server';
import { launchBrowser } from '../tests/e2e/harness/browser';

// `npm start -- --headless` passes the flag through; `npm start --headless` leaves it to npm, which sets npm_config_headless.
const headless = process.argv.includes('--headless') || process.env.npm_config_headless === 'true' || !process.env.DISPLAY;
const outDir = process.env.TIERLINE_OUT_DIR ?? '.output';
const extensionDir = resolve(outDir, 'chrome-mv3');

const DEMO_TICKETS = [
  { helpdesk: 'zendesk', url: `https://acme.zendesk.com/agent/tickets/${zendeskTicketId('billing')}` },
  { helpdesk: 'freshdesk', url: `https://acme.freshdesk.com/a/tickets/${freshdeskTicketId('breach')}` },
  { helpdesk: 'jira', url: `https://acme.atlassian.net/browse/${jiraIssueKey('enterprise')}` },
];

function build(): void {
  console.log(`Building the extension into ${outDir}/chrome-mv3 …`);
  const r = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, TIERLINE_OUT_DIR: outDir } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** The team sync endpoint, on an embedded database under .tierline-data/ so the demo leaves the home folder alone. */
async function startSyncEndpoint(): Promise<{ url: string; close(): Promise<void> } | undefined> {
  let startServer: typeof import('../server/start').startServer;
  try {
    ({ startServer } = await import('../server/start'));
  } catch {
    console.log('Sync endpoint: not part of this checkout yet (server/start.ts), skipped.');
    return undefined;
  }
  const dataDir = resolve('.tierline-data');
  for (const port of [8787, 0]) {
    try {
      const server = await startServer({ port, dataDir });
      console.log(`Sync endpoint: ${server.url} (data in ${server.location})`);
      return server;
    } catch (error) {
      if (port === 0) console.log(`Sync endpoint could not start (${String(error)}), skipped.`);
    }
  }
  return undefined;
}

async function main(): Promise<void> {
  build();
  const sync = await startSyncEndpoint();
  const helpdesks = await startDemoServer();
  console.log(`Demo helpdesks: local HTTPS on port ${helpdesks.port} (acme.zendesk.com, acme.freshdesk.com, acme.atlassian.net)`);
  const browser = await launchBrowser({ extensionDir, server: helpdesks, headless });
  const stop = async () => {
    await browser.close().catch(() => undefined);
    await helpdesks.close();
    await sync?.close();
  };

  if (headless) {
    mkdirSync('screenshots', { recursive: true });
    const written: string[] = [];
    for (const { helpdesk, url } of DEMO_TICKETS) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1440, height: 860 });
      await page.goto(url);
      const drawn = await page
        .locator('[data-testid="tl-badge"] .tl-badge')
        .first()
        .waitFor({ timeout: 15_000 })
        .then(() => true, () => false);
      // Let the drawer's text settle before the shot.
      await page.waitForTimeout(300);
      const file = resolve('screenshots', `${helpdesk}.png`);
      await page.screenshot({ path: file });
      written.push(file);
      if (!drawn) console.log(`Warning: the overlay did not draw on ${url} within 15 s; the screenshot shows the page as it was.`);
      await page.close();
    }
    console.log('\nScreenshots:');
    for (const file of written) console.log(file);
    await stop();
    return;
  }

  for (const { url } of DEMO_TICKETS) await (await browser.context.newPage()).goto(url);
  await browser.context.pages()[0]?.close().catch(() => undefined);
  console.log('\nChromium is open with Tierline on a demo ticket of each helpdesk. Close the window or press Ctrl+C to stop.');
  await new Promise<void>((done) => {
    browser.context.once('close', () => done());
    process.once('SIGINT', () => done());
  });
  await stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
