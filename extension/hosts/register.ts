import type { ExtraHost } from '../../adapters/index';
import { HELPDESK_IDS, type HelpdeskId } from '../../core/ticket-ids';

/**
 * Registers a helpdesk's content script on the custom domains an admin maps
 * to it (`extraHelpdeskHosts`): `help.acme.com → zendesk` gets the Zendesk
 * script, which carries the Zendesk adapter alone (issue 13). The manifest's
 * `content_scripts` only name the vendors' hosted domains; a custom domain
 * needs its origin permission granted at run time (the options page asks) and
 * then a dynamic registration.
 * https://developer.chrome.com/docs/extensions/reference/api/scripting#method-registerContentScripts
 */

/** Ids of the scripts this module owns; anything else registered is left alone. */
export const HOST_SCRIPT_PREFIX = 'tierline-host-';

/** The shape of a dynamically registered content script this module reads and writes. */
export interface HostScript {
  id: string;
  matches?: string[];
  js?: string[];
  css?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  persistAcrossSessions?: boolean;
}

/** The slice of `chrome.scripting` used here. */
export interface ScriptingApi {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<HostScript[]>;
  registerContentScripts(scripts: HostScript[]): Promise<unknown>;
  updateContentScripts(scripts: HostScript[]): Promise<unknown>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<unknown>;
}

/** The slice of `chrome.permissions` used here. */
export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
}

/** What the worker's settings reader hands over (only the host list is read). */
export interface HostSettingsSource {
  get(): Promise<{ values: { extraHelpdeskHosts: readonly ExtraHost[] } }>;
}

/** The files a helpdesk's content script loads, e.g. `{ js: ['content-scripts/zendesk.js'] }`. */
export interface ContentScriptFiles {
  js: string[];
  css?: string[];
  runAt?: HostScript['runAt'];
}

/** Each helpdesk's content script files, as the built manifest declares them. */
export type HelpdeskScripts = Partial<Record<HelpdeskId, ContentScriptFiles>>;

export interface HostSyncResult {
  registered: string[];
  updated: string[];
  unregistered: string[];
  /** Configured hosts without a registration, and why. */
  skipped: { host: string; reason: 'not-granted' | 'invalid-host' | 'no-script' }[];
}

/** A bare DNS host name (no scheme, port, path or wildcard), lower-cased; null otherwise. */
export function normalizeHost(raw: string): string | null {
  const host = raw.trim().toLowerCase();
  return /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/.test(host) ? host : null;
}

/** The origin pattern the options page requests for a host: `https://help.acme.com/*`. */
export function hostOrigin(host: string): string {
  return `https://${host}/*`;
}

export function hostScriptId(host: string): string {
  return `${HOST_SCRIPT_PREFIX}${host}`;
}

/**
 * Each helpdesk's content script (`content-scripts/<helpdesk>.js`) as the built
 * manifest declares it, so a dynamic registration loads exactly the files that
 * helpdesk's own domains get.
 * @example contentScriptFiles({ content_scripts: [{ matches: [...], js: ['content-scripts/zendesk.js'] }] }) // { zendesk: { js: ['content-scripts/zendesk.js'] } }
 */
export function contentScriptFiles(manifest: { content_scripts?: { js?: string[]; css?: string[]; run_at?: string }[] }): HelpdeskScripts {
  const files: HelpdeskScripts = {};
  for (const helpdesk of HELPDESK_IDS) {
    const script = manifest.content_scripts?.find((s) => s.js?.some((file) => file === `content-scripts/${helpdesk}.js`));
    if (!script?.js) continue;
    const runAt = script.run_at === 'document_start' || script.run_at === 'document_end' || script.run_at === 'document_idle' ? script.run_at : undefined;
    files[helpdesk] = { js: script.js, ...(script.css?.length ? { css: script.css } : {}), ...(runAt ? { runAt } : {}) };
  }
  return files;
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) => (a ?? []).join('\n') === (b ?? []).join('\n');

function isCurrent(existing: HostScript, wanted: HostScript): boolean {
  return sameList(existing.matches, wanted.matches) && sameList(existing.js, wanted.js) && sameList(existing.css, wanted.css) && existing.persistAcrossSessions !== false;
}

/**
 * Makes the registered scripts match the configured hosts whose permission is
 * granted: registers the missing ones, updates stale ones (a new build renamed
 * a file), and unregisters hosts no longer listed or no longer granted.
 * Running it twice changes nothing the second time.
 */
export async function syncCustomHostScripts(deps: {
  scripting: ScriptingApi;
  permissions: PermissionsApi;
  settings: HostSettingsSource;
  files: HelpdeskScripts;
}): Promise<HostSyncResult> {
  const { scripting, permissions, settings, files } = deps;
  const result: HostSyncResult = { registered: [], updated: [], unregistered: [], skipped: [] };
  const { values } = await settings.get();

  const wanted = new Map<string, HostScript>();
  for (const { host: raw, helpdesk } of values.extraHelpdeskHosts) {
    const host = normalizeHost(raw);
    if (!host) {
      result.skipped.push({ host: raw, reason: 'invalid-host' });
      continue;
    }
    if (wanted.has(hostScriptId(host))) continue;
    const script = files[helpdesk];
    if (!script) {
      result.skipped.push({ host, reason: 'no-script' });
      continue;
    }
    if (!(await permissions.contains({ origins: [hostOrigin(host)] }))) {
      result.skipped.push({ host, reason: 'not-granted' });
      continue;
    }
    wanted.set(hostScriptId(host), {
      id: hostScriptId(host),
      matches: [hostOrigin(host)],
      js: script.js,
      ...(script.css ? { css: script.css } : {}),
      ...(script.runAt ? { runAt: script.runAt } : {}),
      persistAcrossSessions: true,
    });
  }

  const existing = (await scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(HOST_SCRIPT_PREFIX));
  const stale = existing.filter((s) => !wanted.has(s.id)).map((s) => s.id);
  if (stale.length) {
    await scripting.unregisterContentScripts({ ids: stale });
    result.unregistered.push(...stale);
  }
  const toUpdate = [...wanted.values()].filter((w) => existing.some((e) => e.id === w.id && !isCurrent(e, w)));
  if (toUpdate.length) {
    await scripting.updateContentScripts(toUpdate);
    result.updated.push(...toUpdate.map((s) => s.id));
  }
  const toRegister = [...wanted.values()].filter((w) => !existing.some((e) => e.id === w.id));
  if (toRegister.length) {
    await scripting.registerContentScripts(toRegister);
    result.registered.push(...toRegister.map((s) => s.id));
  }
  return result;
}
