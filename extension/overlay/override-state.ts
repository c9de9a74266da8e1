import type { OverrideState } from '../features/context';

/** A per-ticket override cell: the override feature writes it, the badge redraws. */
export function createOverrideState(): OverrideState {
  let value: ReturnType<OverrideState['get']>;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener, signal) {
      listeners.add(listener);
      signal.addEventListener('abort', () => listeners.delete(listener), { once: true });
    },
  };
}
