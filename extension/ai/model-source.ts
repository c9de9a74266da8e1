import type { ModelSuggestion } from '../../core/route/facts';
import type { Ticket } from '../../core/ticket';
import { loadTriageModel, predict, type TriageModel } from '../../core/triage/predict';
import type { SettingsReader } from '../settings/read-settings';
import type { Store } from '../store/store';
import type { ModelOrigin, ModelStatus } from './schema';
import { triageText } from '../../core/triage/ticket-text';

/**
 * Where the worker's triage model comes from, like policy: a URL (managed
 * policy `triageModelUrl`, or the options page), else a file imported on the
 * options page, else the demo model built into the extension from the
 * repository's sample tickets. Every file is validated with the model schema
 * before it replaces anything: an invalid model keeps the old one and the
 * error shows in the diagnostics. Fetched and imported files are cached in
 * the idb store with their version, so a restarted worker needs no network.
 */

export const URL_MODEL = 'ai:model:url';
export const IMPORTED_MODEL = 'ai:model:imported';
export const MODEL_ERROR = 'ai:model:error';

interface CachedUrlModel {
  url: string;
  file: unknown;
  etag?: string;
  fetchedAt: string;
}

interface ImportedModel {
  file: unknown;
  importedAt: string;
}

export interface ActiveModel {
  model: TriageModel;
  origin: ModelOrigin;
  /** The file's `trainedAt`. */
  version: string;
}

export interface ModelSource {
  /** The model in use, or undefined when none is configured and no demo model is built in. */
  current(): Promise<ActiveModel | undefined>;
  /** True once a model has been loaded in this worker: `current()` then answers without fetching or decoding a file. */
  loaded(): boolean;
  /** Validates and stores a model file from the options page; an invalid file leaves the current model in place and throws. */
  importModel(file: unknown): Promise<ModelStatus>;
  status(): Promise<ModelStatus>;
}

/** Fetches of the built-in demo model per load, and the pause between them. */
const DEMO_ATTEMPTS = 3;
const DEMO_RETRY_MS = 200;

export interface ModelSourceDeps {
  store: Store;
  settings: SettingsReader;
  /** The built-in demo model (`browser.runtime.getURL('/demo-model.json')`); absent in builds without one. */
  demoUrl?: string;
  fetch?: typeof fetch;
  now?: () => Date;
  /** How long a fetched model is used before the URL is asked again (with If-None-Match). */
  refreshMs?: number;
}

export function createModelSource(deps: ModelSourceDeps): ModelSource {
  const { store, settings } = deps;
  const doFetch = deps.fetch ?? ((input, init) => fetch(input, init));
  const now = deps.now ?? (() => new Date());
  const refreshMs = deps.refreshMs ?? 60 * 60_000;
  // Decoding a file takes a few milliseconds: keep the decoded model per origin and version.
  const decoded = new Map<string, TriageModel>();
  let demo: Promise<ActiveModel | undefined> | undefined;
  let importedFile: Promise<ImportedModel | undefined> | undefined;
  let everLoaded = false;
  let urlChecked: { url: string; at: number } | undefined;

  function decode(file: unknown, origin: ModelOrigin): ActiveModel | { error: string } {
    const version = typeof file === 'object' && file && 'trainedAt' in file ? String(file.trainedAt) : '';
    const key = `${origin}|${version}`;
    const known = decoded.get(key);
    if (known) return { model: known, origin, version };
    const loaded = loadTriageModel(file);
    if (!loaded.ok) return { error: loaded.error };
    decoded.clear();
    decoded.set(key, loaded.model);
    return { model: loaded.model, origin, version: loaded.model.file.trainedAt };
  }

  async function setError(message: string | undefined) {
    await store.setMeta(MODEL_ERROR, message ? { message, at: now().toISOString() } : undefined);
  }

  /** Fetches the URL when it changed or the cached copy is older than `refreshMs`; failures keep the cached copy. */
  async function fromUrl(url: string): Promise<ActiveModel | undefined> {
    let cached = await store.getMeta<CachedUrlModel>(URL_MODEL);
    if (cached?.url !== url) cached = undefined;
    const t = now().getTime();
    const stale = !urlChecked || urlChecked.url !== url || t - urlChecked.at >= refreshMs;
    if (!cached || stale) {
      urlChecked = { url, at: t };
      try {
        const response = await doFetch(url, { headers: cached?.etag ? { 'If-None-Match': cached.etag } : {}, cache: 'no-cache' });
        if (response.status !== 304) {
          if (!response.ok) throw new Error(`the model URL answered ${response.status}`);
          const file: unknown = await response.json();
          const checked = decode(file, 'url');
          if ('error' in checked) throw new Error(checked.error);
          const etag = response.headers.get('ETag') ?? undefined;
          cached = { url, file, fetchedAt: now().toISOString(), ...(etag ? { etag } : {}) };
          await store.setMeta(URL_MODEL, cached);
        }
        await setError(undefined);
      } catch (error) {
        await setError(`Triage model from ${url} not used: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (!cached) return undefined;
    const active = decode(cached.file, 'url');
    return 'error' in active ? undefined : active;
  }

  /** The demo file, fetched again after a short pause when the fetch fails (the worker fetching while it starts). */
  async function fetchDemo(url: string): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await doFetch(url);
        if (response.ok) return await response.json();
      } catch {
        // Tried again below.
      }
      if (attempt === DEMO_ATTEMPTS) return undefined;
      await new Promise((resolve) => setTimeout(resolve, DEMO_RETRY_MS));
    }
  }

  async function fromDemo(): Promise<ActiveModel | undefined> {
    if (!deps.demoUrl) return undefined;
    const url = deps.demoUrl;
    // Decoded once per worker, not on every ticket; a load that failed every attempt is tried again on the next call.
    demo ??= fetchDemo(url).then((file) => {
      if (file === undefined) return undefined;
      const active = decode(file, 'demo');
      return 'error' in active ? undefined : active;
    });
    const active = await demo;
    if (active === undefined) demo = undefined;
    return active;
  }

  async function current(): Promise<ActiveModel | undefined> {
    const url = (await settings.get()).values.triageModelUrl;
    if (url) {
      const active = await fromUrl(url);
      if (active) return active;
    }
    // The imported file is read from the store once per worker, not on every ticket (it only changes through `importModel`).
    importedFile ??= store.getMeta<ImportedModel>(IMPORTED_MODEL).catch((error: unknown) => {
      importedFile = undefined;
      throw error;
    });
    const imported = await importedFile;
    if (imported) {
      const active = decode(imported.file, 'imported');
      if (!('error' in active)) return active;
    }
    return fromDemo();
  }

  async function status(): Promise<ModelStatus> {
    // The model first: loading it may record (or clear) the error read next.
    const active = await current();
    const [error, { values }] = await Promise.all([store.getMeta<{ message: string }>(MODEL_ERROR), settings.get()]);
    return {
      ...(active ? { origin: active.origin, version: active.version, labels: active.model.labels.length } : {}),
      ...(values.triageModelUrl ? { url: values.triageModelUrl } : {}),
      ...(error?.message ? { error: error.message } : {}),
    };
  }

  return {
    current: async () => {
      const active = await current();
      if (active) everLoaded = true;
      return active;
    },
    loaded: () => everLoaded,
    status,
    async importModel(file) {
      const checked = decode(file, 'imported');
      if ('error' in checked) {
        const message = `Imported triage model not used: ${checked.error}`;
        await setError(message);
        throw new Error(message);
      }
      const record = { file, importedAt: now().toISOString() } satisfies ImportedModel;
      await store.setMeta(IMPORTED_MODEL, record);
      importedFile = Promise.resolve(record);
      await setError(undefined);
      return status();
    },
  };
}

// A ticket load can ask twice for the same text (the view, then the view's second ask while the model loads): keep the last answer per model.
const lastSuggestion = new WeakMap<TriageModel, { text: string; suggestion: ModelSuggestion }>();

/**
 * The label and confidence the router may use for the issue type (see
 * core/route/facts.ts: only above the auto-route gate and never for a
 * sensitive case); none while AI is switched off or no model is in use.
 */
export async function modelSuggestionFor(models: ModelSource, settings: SettingsReader, ticket: Ticket): Promise<ModelSuggestion | undefined> {
  if (!(await settings.get()).values['ai.enabled']) return undefined;
  const active = await models.current();
  if (!active) return undefined;
  const text = triageText(ticket);
  const last = lastSuggestion.get(active.model);
  if (last?.text === text) return last.suggestion;
  const { label, confidence } = predict(active.model, text, { top: 1 });
  lastSuggestion.set(active.model, { text, suggestion: { label, confidence } });
  return { label, confidence };
}
