import type { Policy } from '../../core/policy/schema';
import type { Store } from '../store/store';
import { ORG_POLICY } from '../sync/pull-policy';
import { type ResolvedSettings, resolveSettings } from './resolve';
import { isSettingKey, type SettingKey, settingFields } from './schema';

/** chrome.storage.local keys written by the options page (through the worker's `saveSetting`). */
export const LOCAL_SETTINGS_KEY = 'tierline:settings';

/**
 * The store's copy of the last managed settings the browser gave, used while it has not answered yet: a running
 * browser answers within milliseconds, but its first answer after it starts, or to a worker started right after
 * the last one stopped, takes seconds (about 2.5 s in Chromium 156).
 */
export const MANAGED_COPY = 'settings:managed-copy';

/**
 * How long `settled()` waits for the browser's managed read before the copy stands (and views stop saying they are
 * pending): Chromium's first answer after it starts comes after about 2.5 s.
 */
const MANAGED_PATIENCE_MS = 3000;

/** Whether two JSON-like values (what chrome.storage and IndexedDB hand back) hold the same data, key order aside. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

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
  /**
   * The settings in force; cached until a source changes. While the browser has not answered the managed read
   * (seconds after it starts), they are resolved with the last managed settings seen and marked `provisional`
   * (for at most `managedPatienceMs`: then that copy stands until the browser answers).
   */
  get(): Promise<ResolvedSettings>;
  /** The settings once the browser answered the managed read, or once it was given up on (`get()` after it). */
  settled(): Promise<ResolvedSettings>;
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
export function createSettingsReader(deps: { storage: StorageAreas; store: Store; managedPatienceMs?: number }): SettingsReader {
  const { storage, store } = deps;
  const managedPatienceMs = deps.managedPatienceMs ?? MANAGED_PATIENCE_MS;
  let cached: Promise<ResolvedSettings> | undefined;
  /** The browser's answer to the managed read, once it has given one (then every read waits for it: it is quick). */
  let managedRead: Promise<Record<string, unknown>> | undefined;
  let managedAnswered = false;
  /** No answer within `managedPatienceMs`: the copy stands as the managed settings until the browser answers. */
  let managedLate = false;
  let patience: Promise<void> | undefined;
  /** The copy as the store holds it, read once per worker: every start would otherwise rewrite an unchanged copy. */
  let copy: Promise<unknown> | undefined;
  const readCopy = () => (copy ??= store.getMeta<unknown>(MANAGED_COPY).catch(() => undefined));

  function readManaged(): Promise<Record<string, unknown>> {
    if (managedRead) return managedRead;
    const reading = storage.managed.get(null).catch(() => ({}));
    managedRead = reading;
    void reading.then(async (managed) => {
      managedAnswered = true;
      if (sameJson(await readCopy(), managed)) return;
      copy = Promise.resolve(managed);
      await store.setMeta(MANAGED_COPY, managed);
    }).catch(() => undefined);
    patience ??= new Promise<void>((resolve) => setTimeout(resolve, managedPatienceMs)).then(() => {
      if (managedAnswered) return;
      managedLate = true;
      cached = undefined;
    });
    return reading;
  }

  /**
   * The managed settings if the browser answers before the store gives the copy kept from its last answer, else that
   * copy (nothing managed when there is none), provisional: a worker never waits on the browser's managed read.
   */
  async function managedNow(): Promise<{ managed: unknown; provisional: boolean }> {
    const reading = readManaged();
    if (managedAnswered) return { managed: await reading, provisional: false };
    const first = await Promise.race([reading.then((managed) => ({ managed, provisional: false })), readCopy().then((kept) => ({ managed: kept ?? {}, provisional: !managedLate }))]);
    // Whatever the browser answers replaces the copy's settings.
    if (first.provisional || managedLate) void reading.then(() => (cached = undefined));
    return first;
  }

  async function read(): Promise<ResolvedSettings> {
    const [{ managed, provisional }, local, orgPolicy] = await Promise.all([
      managedNow(),
      storage.local.get(LOCAL_SETTINGS_KEY).then((items) => items[LOCAL_SETTINGS_KEY] ?? {}),
      store.getMeta<Policy>(ORG_POLICY),
    ]);
    const resolved = resolveSettings({ managed, local, org: orgPolicy ? { policy: orgPolicy } : {} });
    return provisional ? { ...resolved, provisional: true } : resolved;
  }

  storage.onChanged?.addListener((_changes, area) => {
    if (area === 'managed') managedRead = undefined;
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
    async settled() {
      const reading = readManaged();
      // Chromium sometimes leaves a worker's managed read unanswered for good (a worker started right after the
      // last one stopped, or the first one after an install): the wait is bounded.
      await Promise.race([reading, patience]);
      const resolved = await this.get();
      if (!resolved.provisional) return resolved;
      // Read before the browser answered (or gave up on): once more, now that it has.
      cached = undefined;
      return this.get();
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
