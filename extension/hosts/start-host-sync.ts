import { contentScriptFiles, type HelpdeskScripts, type HostSettingsSource, type HostSyncResult, type PermissionsApi, type ScriptingApi, syncCustomHostScripts } from './register';

interface Listenable {
  addListener(listener: () => void): void;
}

export interface HostSyncApis {
  /** Absent where the browser has no `scripting` API (Firefox's MV2 build before 102): nothing is registered. */
  scripting?: ScriptingApi;
  permissions: PermissionsApi & { onAdded: Listenable; onRemoved: Listenable };
  storage: { onChanged: Listenable };
  runtime: { getManifest(): { content_scripts?: { js?: string[]; css?: string[]; run_at?: string }[] } };
}

export interface HostSync {
  /** Resolves with the last run's result (runs never overlap, so two triggers cannot register one id twice). */
  run(): Promise<HostSyncResult | null>;
}

/**
 * Keeps the custom-domain content scripts in step: once now, whenever a
 * setting changes (managed or local storage) and whenever a host permission
 * is granted or revoked. Listeners are added synchronously, so an event that
 * wakes the worker reaches them.
 */
export function startCustomHostSync(deps: { apis: HostSyncApis; settings: HostSettingsSource; onError?: (error: unknown) => void }): HostSync {
  const { apis, settings } = deps;
  const onError = deps.onError ?? ((error: unknown) => console.warn('Tierline could not register the overlay on custom helpdesk domains', error));
  const files: HelpdeskScripts = contentScriptFiles(apis.runtime.getManifest());
  let last: Promise<HostSyncResult | null> = Promise.resolve(null);

  function run(): Promise<HostSyncResult | null> {
    const { scripting } = apis;
    if (!scripting || Object.keys(files).length === 0) return Promise.resolve(null);
    last = last
      .catch(() => null)
      .then(() => syncCustomHostScripts({ scripting, permissions: apis.permissions, settings, files }))
      .catch((error: unknown) => {
        onError(error);
        return null;
      });
    return last;
  }

  const trigger = () => void run();
  apis.storage.onChanged.addListener(trigger);
  apis.permissions.onAdded.addListener(trigger);
  apis.permissions.onRemoved.addListener(trigger);
  trigger();
  return { run };
}
