/**
 * Chromium on Linux reads enterprise policy from /etc/chromium/policies/managed;
 * an extension's `chrome.storage.managed` comes from the "3rdparty" section,
 * keyed by extension id.
 * https://www.chromium.org/administrators/configuring-policy-for-extensions/
 *
 * That folder is the machine's own browser policy: every Chromium on it (a
 * parallel `npm start`, the person's own browser) reads it. So tests write it
 * only in CI or when asked to (TIERLINE_E2E_SYSTEM_POLICY=1), under a name
 * unique to the run, and remove what they wrote in every outcome: the returned
 * function, and on the process's exit or interruption whatever is left.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_ID } from '../../../wxt.config';

/** The extension's managed settings (what managed_schema.json allows). */
export type ManagedPolicy = Record<string, unknown>;

export const MANAGED_POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

/** Whether this run may write the browser policy folder: in CI, when asked to, or when the folder is a test's own. */
export const SYSTEM_POLICY_ALLOWED = process.env.CI === 'true' || process.env.TIERLINE_E2E_SYSTEM_POLICY === '1' || process.env.CHROMIUM_POLICY_DIR !== undefined;

/** Why a test that needs the policy folder did not run, for its skip message. */
export const SYSTEM_POLICY_SKIP_REASON = `writes ${MANAGED_POLICY_DIR}, the machine's browser policy: runs in CI, or with TIERLINE_E2E_SYSTEM_POLICY=1`;

const written = new Set<string>();

function removeAll(): void {
  for (const file of written) rmSync(file, { force: true });
  written.clear();
}

let cleanupInstalled = false;
function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.once('exit', removeAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      removeAll();
      process.kill(process.pid, signal);
    });
  }
}

/**
 * Writes a whole Chromium policy file (as `tierline managed-policy --format chrome-linux` produces it) under a name
 * unique to this run; returns a function that removes it.
 */
export function writeManagedPolicyFile(content: object): () => void {
  if (!SYSTEM_POLICY_ALLOWED) throw new Error(`refusing to write the browser policy folder: this test ${SYSTEM_POLICY_SKIP_REASON}`);
  installCleanup();
  mkdirSync(MANAGED_POLICY_DIR, { recursive: true });
  const file = join(MANAGED_POLICY_DIR, `tierline-e2e-${process.pid}-${randomUUID().slice(0, 8)}.json`);
  written.add(file);
  writeFileSync(file, JSON.stringify(content, null, 2));
  return () => {
    rmSync(file, { force: true });
    written.delete(file);
  };
}

/**
 * Writes the policy for Tierline's extension id; returns a function that removes it.
 * Chromium loads managed policy a few seconds after start, so read it with a retry.
 */
export function writeManagedPolicy(policy: ManagedPolicy, extensionId: string = EXTENSION_ID): () => void {
  return writeManagedPolicyFile({ '3rdparty': { extensions: { [extensionId]: policy } } });
}
