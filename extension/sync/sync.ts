import type { SyncStatus } from '../messaging/protocol';
import type { Settings } from '../settings/schema';
import type { Store } from '../store/store';
import { backoffDelay } from './backoff';
import { type FetchLike, SyncError } from './http';
import { ORG_POLICY_ERROR, ORG_POLICY_ETAG, type PullResult, policySource, pullPolicy } from './pull-policy';
import { sendOutbox } from './send-outbox';

/** Kept in the store's meta so backoff and errors survive the worker being stopped. */
interface SyncState {
  failures: number;
  nextAttemptAt?: string;
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  lastError?: string;
}

const SYNC_STATE = 'syncState';

export interface SyncDeps {
  store: Store;
  /** The settings in force (managed › org › local); read on every run so a change applies at once. */
  settings: () => Promise<Pick<Settings, 'syncEndpoint' | 'syncToken' | 'policyUrl'>>;
  fetch?: FetchLike;
  now?: () => Date;
  random?: () => number;
  /** `navigator.onLine`: false skips the run without counting a failure. */
  isOnline?: () => boolean;
  /** Wakes the worker for a retry while it is alive; the alarm covers the case where it was stopped. */
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Told when a new organisation policy was stored. */
  onPolicy?: (result: PullResult) => void;
  batchSize?: number;
}

export interface Sync {
  /** Sends the outbox and pulls the policy, unless backing off (`force` ignores the backoff). */
  run(options?: { force?: boolean }): Promise<SyncStatus>;
  /** Runs soon (after new events), coalescing calls within `delayMs`. */
  soon(delayMs?: number): void;
  status(): Promise<SyncStatus>;
}

/**
 * The sync loop: outbox out, policy in. One run at a time; failures back off
 * exponentially with full jitter (a 429's Retry-After wins); offline runs are
 * skipped without penalty. All state lives in the store, so a worker stopped
 * at any point resumes where it was.
 */
export function createSync(deps: SyncDeps): Sync {
  const {
    store,
    fetch: fetchImpl = (input, init) => fetch(input, init),
    now = () => new Date(),
    random = Math.random,
    isOnline = () => (typeof navigator === 'undefined' ? true : navigator.onLine),
    setTimer = (run, ms) => setTimeout(run, ms),
    clearTimer = (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  } = deps;
  let inFlight: Promise<SyncStatus> | undefined;
  let timer: unknown;

  const readState = async (): Promise<SyncState> => (await store.getMeta<SyncState>(SYNC_STATE)) ?? { failures: 0 };

  async function status(): Promise<SyncStatus> {
    const [state, pending, settings, etag, policyError, policy] = await Promise.all([
      readState(),
      store.outboxSize(),
      deps.settings(),
      store.getMeta<string>(ORG_POLICY_ETAG),
      store.getMeta<string>(ORG_POLICY_ERROR),
      store.getMeta<{ revision?: number }>('orgPolicy'),
    ]);
    return {
      pending,
      configured: Boolean(settings.syncEndpoint && settings.syncToken),
      online: isOnline(),
      failures: state.failures,
      ...(state.lastSuccessAt ? { lastSuccessAt: state.lastSuccessAt } : {}),
      ...(state.lastAttemptAt ? { lastAttemptAt: state.lastAttemptAt } : {}),
      ...(state.lastError ? { lastError: state.lastError } : {}),
      ...(state.nextAttemptAt ? { nextAttemptAt: state.nextAttemptAt } : {}),
      ...(typeof policy?.revision === 'number' ? { policyRevision: policy.revision } : {}),
      ...(etag ? { policyEtag: etag } : {}),
      ...(policyError ? { policyError } : {}),
    };
  }

  function schedule(ms: number, force: boolean) {
    if (timer !== undefined) clearTimer(timer);
    timer = setTimer(() => {
      timer = undefined;
      void run({ force });
    }, ms);
  }

  async function attempt(force: boolean): Promise<void> {
    const settings = await deps.settings();
    const source = policySource(settings);
    const canSend = Boolean(settings.syncEndpoint && settings.syncToken);
    if (!canSend && !source) return;
    const state = await readState();
    const at = now();
    if (!force && state.nextAttemptAt && Date.parse(state.nextAttemptAt) > at.getTime()) {
      schedule(Date.parse(state.nextAttemptAt) - at.getTime(), false);
      return;
    }
    if (!isOnline()) {
      await store.setMeta(SYNC_STATE, { ...state, lastError: 'Offline: events wait in the outbox until the browser is back online.' });
      return;
    }
    try {
      if (canSend) {
        await sendOutbox({ store, fetch: fetchImpl, endpoint: settings.syncEndpoint, token: settings.syncToken, now, ...(deps.batchSize ? { batchSize: deps.batchSize } : {}) });
      }
      if (source) {
        const pulled = await pullPolicy({ store, fetch: fetchImpl, ...source });
        if (pulled.kind === 'updated' || pulled.kind === 'invalid') deps.onPolicy?.(pulled);
      }
      await store.setMeta(SYNC_STATE, { failures: 0, lastAttemptAt: at.toISOString(), lastSuccessAt: now().toISOString() } satisfies SyncState);
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      const failures = state.failures + 1;
      const delay = error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : backoffDelay(failures, { random });
      const next: SyncState = {
        ...state,
        failures,
        lastAttemptAt: at.toISOString(),
        lastError: error.message,
        nextAttemptAt: new Date(now().getTime() + delay).toISOString(),
      };
      await store.setMeta(SYNC_STATE, next);
      schedule(delay, false);
    }
  }

  async function run(options: { force?: boolean } = {}): Promise<SyncStatus> {
    if (!inFlight) {
      inFlight = attempt(options.force ?? false)
        .then(status)
        .finally(() => {
          inFlight = undefined;
        });
    }
    return inFlight;
  }

  return {
    run,
    status,
    soon(delayMs = 1_000) {
      schedule(delayMs, false);
    },
  };
}
