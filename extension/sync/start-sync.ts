import type { SettingsReader } from '../settings/read-settings';
import type { Store } from '../store/store';
import type { FetchLike } from './http';
import { createSync, type Sync } from './sync';

/**
 * Starts the sync loop in the worker: one run as the worker starts (a worker
 * stopped mid-send re-sends its batch now), another when the browser comes
 * back online, and one after new events (`sync.soon()`). The queue-timer alarm
 * runs it every period as well.
 */
export function startSync(deps: { store: Store; settings: SettingsReader; fetch?: FetchLike; scope?: Pick<typeof globalThis, 'addEventListener'> }): Sync {
  const { store, settings } = deps;
  const sync = createSync({
    store,
    settings: async () => (await settings.get()).values,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    onPolicy: () => settings.invalidate(),
  });
  (deps.scope ?? globalThis).addEventListener('online', () => void sync.run({ force: true }));
  void sync.run().catch((error: unknown) => console.error('Tierline sync:', error));
  return sync;
}
