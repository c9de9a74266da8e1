export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  /** Runs a pending call now (the page is going away, or the agent acts on the value). */
  flush(): void;
}

/**
 * Runs `fn` once `waitMs` after the last call. When `signal` aborts (the agent
 * moved to another ticket) a pending call runs at once: a draft is never dropped.
 */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, waitMs: number, signal: AbortSignal): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: A | undefined;
  const flush = () => {
    clearTimeout(timer);
    if (!pending) return;
    const args = pending;
    pending = undefined;
    fn(...args);
  };
  signal.addEventListener('abort', flush, { once: true });
  const debounced = (...args: A) => {
    clearTimeout(timer);
    pending = args;
    if (signal.aborted) flush();
    else timer = setTimeout(flush, waitMs);
  };
  return Object.assign(debounced, { flush });
}
