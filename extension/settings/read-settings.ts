import type { Policy } from '../../core/policy/schema';
import type { Store } from '../store/store';
import { ORG_POLICY } from '../sync/pull-policy';
import { type ResolvedSettings, resolveSettings } from './resolve';
import { isSettingKey, type SettingKey, settingFields } from './schema';

/** chrome.storage.local keys written by the options page (through the worker's `saveSetting`). */
export const LOCAL_SETTINGS_KEY = 'tierline:settings';

/** The slice of `chrome.storage` the settings use. */
export interface StorageAreas {
  managed: { get(keys: null): Promise<Record<string, unknown>> };
  local: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
  onChanged?: { addListener(listener: (changes: Record<string, unknown>, area: string) => void): void };
}

export interface SettingsReader {
  /** The settings in force; cached until a source changes. */
  get(): Promise<ResolvedSettings>;
  /** Saves one local setting (`policy` for a hand-edited policy); refuses unknown keys and invalid values. */
  saveLocal(key: string, value: unknown): Promise<ResolvedSettings>;
  /** Forget the cache (the org policy was replaced). */
  invalidate(): void;
}

/**
 * Reads the three sources — chrome.storage.managed, the organisation policy the
 * sync pulled into the store, chrome.storage.local — and resolves them with
 * `resolveSettings`. Browsers without managed storage (Firefox without an
 * enterprise policy) answer with an error, read here as "nothing managed".
 */
export function createSettingsReader(deps: { storage: StorageAreas; store: Store }): SettingsReader {
  const { storage, store } = deps;
  let cached: Promise<ResolvedSettings> | undefined;

  async function read(): Promise<ResolvedSettings> {
    const [managed, local, orgPolicy] = await Promise.all([
      storage.managed.get(null).catch(() => ({})),
      storage.local.get(LOCAL_SETTINGS_KEY).then((items) => items[LOCAL_SETTINGS_KEY] ?? {}),
      store.getMeta<Policy>(ORG_POLICY),
    ]);
    return resolveSettings({ managed, local, org: orgPolicy ? { policy: orgPolicy } : {} });
  }

  storage.onChanged?.addListener((_changes, area) => {
    if (area === 'managed' || area === 'local') cached = undefined;
  });

  return {
    get() {
      cached ??= read().catch((error: unknown) => {
        cached = undefined;
        throw error;
      });
      return cached;
    },
    async saveLocal(key, value) {
      if (key !== 'policy' && !isSettingKey(key)) throw new Error(`"${key}" is not a Tierline setting.`);
      if (isSettingKey(key)) {
        const parsed = settingFields[key as SettingKey].safeParse(value);
        if (!parsed.success) throw new Error(`${key}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      }
      const current = (await storage.local.get(LOCAL_SETTINGS_KEY))[LOCAL_SETTINGS_KEY];
      const next = { ...(typeof current === 'object' && current !== null ? current : {}), [key]: value };
      await storage.local.set({ [LOCAL_SETTINGS_KEY]: next });
      cached = undefined;
      const resolved = await this.get();
      const problem = resolved.problems.find((p) => p.source === 'local' && (p.path === key || p.path.startsWith(`${key}.`)));
      if (problem) throw new Error(`${problem.path}: ${problem.message}`);
      return resolved;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
