import type { Policy } from '../../core/policy/schema';
import type { ResolvedSettings, SettingSource } from '../../extension/settings/resolve';
import type { SettingKey } from '../../extension/settings/schema';

/**
 * What the options page shows about settings: each value with where it came
 * from and whether an administrator locked it, plus the values that could not
 * be used. The entrypoint fills this from extension/settings; components only
 * read it.
 */

export type { SettingRow, SettingSource } from '../../extension/settings/resolve';

/** The worker's resolution of managed › organisation › local › default, as the page reads it. */
export type SettingsSnapshot = Pick<ResolvedSettings, 'rows' | 'problems' | 'policy'>;

export interface ConnectionResult {
  ok: boolean;
  message: string;
}

/** What the options page needs from the extension; injected so components render in tests without a browser. */
/** What the page shows of the sync loop: when the worker last reached the endpoint. */
export interface SyncStatusView {
  lastSuccessAt?: string;
}

export interface OptionsBackend {
  load(): Promise<SettingsSnapshot>;
  /** The sync loop's status, for "last synced" beside a policy from the team's endpoint; absent in tests that do not need it. */
  syncStatus?(): Promise<SyncStatusView>;
  saveSetting(key: SettingKey, value: unknown): Promise<void>;
  savePolicy(policy: Policy): Promise<void>;
  testConnection(endpoint: string, token: string): Promise<ConnectionResult>;
  /** Asks the browser for host permission on these origin patterns; true when granted. */
  requestHosts(origins: string[]): Promise<boolean>;
}

/**
 * Where a value comes from, in the words the overlay uses for the policy in force (components/format.ts,
 * `policyLabel`). One wording for managed and locked: whatever an administrator fixed, through managed
 * browser policy or `lockedSettings`, reads "set by your administrator".
 */
export const SOURCE_LABEL: Record<SettingSource, string> = {
  managed: 'set by your administrator',
  org: "from your team's endpoint",
  local: 'saved in this browser',
  default: "Tierline's built-in default",
};

/** The longer form under the policy in force: how it got here, and what would replace it. */
export const SOURCE_EXPLAINED: Record<SettingSource, string> = {
  managed: "Your administrator set it through the browser's managed policy; it cannot be changed here.",
  org: 'The sync brought it from your team’s endpoint; a policy set by your administrator would replace it.',
  local: 'It was saved on this page; a policy from your team or your administrator would replace it.',
  default: 'Neither your administrator, your team nor this page has set a policy.',
};

/**
 * Checks the sync endpoint with the token the way the worker will use it:
 * an authenticated GET /v1/policy.
 *
 * @example
 * await testConnection('https://sync.acme.test', 'tl_…') // { ok: true, message: 'Connected: policy revision 4.' }
 */
export async function testConnection(endpoint: string, token: string, fetchImpl: typeof fetch = fetch): Promise<ConnectionResult> {
  let url: URL;
  try {
    url = new URL('/v1/policy', endpoint);
  } catch {
    return { ok: false, message: `"${endpoint}" is not a URL.` };
  }
  try {
    const res = await fetchImpl(url, { headers: { Authorization: `Bearer ${token}` } });
    if (res.status === 401 || res.status === 403) return { ok: false, message: `The endpoint refused the token (${res.status}).` };
    if (res.status === 404) return { ok: true, message: 'Connected; the organisation has no policy yet.' };
    if (!res.ok) return { ok: false, message: `The endpoint answered ${res.status}.` };
    const body: unknown = await res.json().catch(() => undefined);
    const revision = typeof body === 'object' && body !== null && 'revision' in body ? String((body as { revision: unknown }).revision) : undefined;
    return { ok: true, message: revision ? `Connected: policy revision ${revision}.` : 'Connected.' };
  } catch (error) {
    return { ok: false, message: `Could not reach ${url.origin}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
