/**
 * Runs `fn` once `waitMs` after the last call. When `signal` aborts (the agent
 * moved to another ticket) a pending call runs at once: a draft is never dropped.
 */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, waitMs: number, signal: AbortSignal): (...args: A) => void {
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
  return (...args: A) => {
    clearTimeout(timer);
    pending = args;
    if (signal.aborted) flush();
    else timer = setTimeout(flush, waitMs);
  };
}
