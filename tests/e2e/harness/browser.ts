/**
 * Launches Debian's chromium with the built extension loaded, pointed at the
 * local helpdesk server (./helpdesk-server.ts), and gives tests the extension's
 * service worker plus a way to stop it for real (as Chrome does to an idle MV3
 * worker) so tests can prove state survives a restart.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { EXTENSION_ID } from '../../../wxt.config';
import type { HelpdeskServer } from './helpdesk-server';
import { type ManagedPolicy, writeManagedPolicy } from './managed-policy';

export type WorkerStatus = 'stopped' | 'starting' | 'running' | 'stopping';

export interface LaunchOptions {
  /** The unpacked extension; defaults to TIERLINE_EXTENSION_DIR or `.output/chrome-mv3`. */
  extensionDir?: string;
  /** Helpdesk hosts (*.zendesk.com, *.freshdesk.com, *.atlassian.net) resolve to this server. */
  server?: HelpdeskServer;
  /** Written to Chromium's managed policy folder for this extension before launch, removed on close. */
  managedPolicy?: ManagedPolicy;
  /**
   * A profile folder to reuse (a browser restart: launch again with the same
   * folder). Kept on close; without it a temporary profile is made and removed.
   */
  userDataDir?: string;
  /** Extra Chromium flags. */
  args?: string[];
  /** Show the window (the `npm start` demo on a machine with a display). Default true: headless. */
  headless?: boolean;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's MV3 service worker (waits for it to start when it is stopped). */
  serviceWorker(): Promise<Worker>;
  /** Stops the extension's service worker the way Chrome does when it is idle; the next event restarts it. */
  stopWorker(): Promise<void>;
  /** The worker's status as DevTools last reported it. */
  workerStatus(): WorkerStatus;
  /** Resolves when the worker reaches `status` (e.g. "running" after an alarm woke it). */
  waitForWorker(status: WorkerStatus, timeoutMs?: number): Promise<void>;
  /** Starts the worker directly (prefer a real event: an alarm, a message, an extension page). */
  startWorker(): Promise<void>;
  /**
   * `chrome.storage.managed` as the worker sees it, once Chromium has loaded the
   * managed policy file (about 3-5 s after start); `{}` after the timeout.
   */
  managedStorage(timeoutMs?: number): Promise<Record<string, unknown>>;
  /** `chrome-extension://<id>/<path>`. */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

const HELPDESK_HOSTS = ['*.zendesk.com', '*.freshdesk.com', '*.atlassian.net'];

function hostResolverRules(port: number): string {
  // A MAP rule with a port rewrites host and port, so https://acme.zendesk.com/ (443) reaches the server's port.
  return HELPDESK_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ');
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const extensionDir = resolve(options.extensionDir ?? process.env.TIERLINE_EXTENSION_DIR ?? '.output/chrome-mv3');
  const removePolicy = options.managedPolicy ? writeManagedPolicy(options.managedPolicy) : undefined;
  const ownProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'tierline-profile-'));
  const args = [
    ...(options.headless === false ? [] : ['--headless=new']),
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(options.server ? [`--host-resolver-rules=${hostResolverRules(options.server.port)}`] : []),
    ...(options.args ?? []),
  ];
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium is not at ${executablePath}: install Debian's chromium (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.`);
  }
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      // Old headless cannot run extensions; the new one is passed as a flag above.
      headless: false,
      ignoreHTTPSErrors: true,
      args,
    });
  } catch (error) {
    removePolicy?.();
    if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const isOurs = (w: Worker) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`);
  async function serviceWorker(): Promise<Worker> {
    if (cdpStatus() === 'stopped' || cdpStatus() === 'stopping') await waitForStatus('running');
    const running = context.serviceWorkers().find(isOurs);
    if (running) return running;
    return context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 });
  }
  let cdpStatus = (): WorkerStatus => 'running';
  await serviceWorker();

  // One DevTools session on the profile's first tab watches the worker's running status.
  const controlPage = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(controlPage);
  let status: WorkerStatus = 'running';
  const statusWaiters: Array<{ want: WorkerStatus; done: () => void }> = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    const ours = versions.find((v) => v.scriptURL.startsWith(`chrome-extension://${EXTENSION_ID}/`));
    if (!ours) return;
    status = ours.runningStatus;
    for (const waiter of statusWaiters.filter((w) => w.want === status)) {
      statusWaiters.splice(statusWaiters.indexOf(waiter), 1);
      waiter.done();
    }
  });
  await cdp.send('ServiceWorker.enable');
  cdpStatus = () => status;

  function waitForStatus(want: WorkerStatus, timeoutMs = 15_000): Promise<void> {
    if (status === want) return Promise.resolve();
    return new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`the extension's service worker did not become ${want} within ${timeoutMs} ms`)), timeoutMs);
      statusWaiters.push({
        want,
        done: () => {
          clearTimeout(timer);
          done();
        },
      });
    });
  }

  async function stopWorker(): Promise<void> {
    // Stops the profile's service workers like Chrome's idle shutdown (not a crash): the next
    // extension event (alarm, message, page) starts a fresh worker with empty globals.
    await cdp.send('ServiceWorker.stopAllWorkers');
    await waitForStatus('stopped');
  }

  return {
    context,
    extensionId: EXTENSION_ID,
    serviceWorker,
    stopWorker,
    workerStatus: () => status,
    waitForWorker: (want, timeoutMs) => waitForStatus(want, timeoutMs),
    async startWorker() {
      await cdp.send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${EXTENSION_ID}/` });
      await waitForStatus('running');
    },
    async managedStorage(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const worker = await serviceWorker();
        const values = await worker.evaluate(() =>
          (globalThis as unknown as { chrome: { storage: { managed: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.managed.get(null),
        );
        if (Object.keys(values).length > 0 || Date.now() > deadline) return values;
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    extensionUrl: (path) => `chrome-extension://${EXTENSION_ID}/${path.replace(/^\//, '')}`,
    async close() {
      try {
        await context.close();
      } finally {
        removePolicy?.();
        if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
      }
    },
  };
}
