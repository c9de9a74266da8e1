/**
 * Calls `callback` with the first element matching `selector` now, and again
 * whenever that element changes: it appears, disappears, is replaced by the
 * helpdesk's re-render, or another one becomes first (an attribute such as
 * Zendesk's `data-is-active` moved to another tab). One MutationObserver,
 * stopped by `signal`; nothing polls.
 */
export function observe(
  selector: string,
  callback: (element: Element | null) => void,
  { signal, root = document }: { signal: AbortSignal; root?: Document | Element },
): void {
  if (signal.aborted) return;
  let current = root.querySelector(selector);
  callback(current);
  const observer = new MutationObserver(() => {
    const next = root.querySelector(selector);
    if (next === current) return;
    current = next;
    callback(next);
  });
  observer.observe(root, {
    childList: true,
    subtree: true,
    attributes: true,
    // Only the attributes helpdesks flip to mark the active ticket: the rest of a churning page costs nothing.
    attributeFilter: ['data-is-active', 'data-selected', 'aria-selected', 'hidden'],
  });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
