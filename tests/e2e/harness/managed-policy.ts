/**
 * Chromium on Linux reads enterprise policy from /etc/chromium/policies/managed;
 * an extension's `chrome.storage.managed` comes from the "3rdparty" section,
 * keyed by extension id. Tests write one file and remove it afterwards.
 * https://www.chromium.org/administrators/configuring-policy-for-extensions/
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_ID } from '../../../wxt.config';

/** The extension's managed settings (what managed_schema.json allows). */
export type ManagedPolicy = Record<string, unknown>;

export const MANAGED_POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

/**
 * Writes the policy for Tierline's extension id; returns a function that removes it.
 * Chromium loads managed policy a few seconds after start, so read it with a retry.
 */
export function writeManagedPolicy(policy: ManagedPolicy, extensionId: string = EXTENSION_ID): () => void {
  mkdirSync(MANAGED_POLICY_DIR, { recursive: true });
  const file = join(MANAGED_POLICY_DIR, 'tierline-test.json');
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }, null, 2));
  return () => rmSync(file, { force: true });
}
