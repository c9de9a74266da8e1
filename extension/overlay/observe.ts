/**
 * DOM observation that stays cheap on pages that churn. Observing a whole
 * document's subtree for child changes makes the browser build a record for
 * every node a helpdesk adds or removes (live logs, typing indicators); that
 * cost lands on the helpdesk's own main thread. So once the element is found,
 * only its ancestors are watched for child changes (a replaced pane or header
 * always changes one of them), and only the siblings along that chain for the
 * few attributes helpdesks flip to mark the active tab or pane. A full subtree
 * watch runs only while nothing matches.
 */

/** Attributes helpdesks flip to mark the active ticket tab or pane. */
const ACTIVE_ATTRIBUTES = ['data-is-active', 'data-selected', 'aria-selected', 'hidden'];

function ancestors(node: Node): Node[] {
  const chain: Node[] = [];
  for (let n: Node | null = node.parentNode; n; n = n.parentNode) chain.push(n);
  return chain;
}

/**
 * Calls `onChange` when `node` may have left the document: one of its
 * ancestors lost or gained a child. Re-arms itself while the node stays.
 */
export function watchAncestors(node: Node, onChange: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const observer = new MutationObserver(() => {
    observer.disconnect();
    if (!signal.aborted && node.isConnected) arm();
    onChange();
  });
  const arm = () => {
    for (const ancestor of ancestors(node)) observer.observe(ancestor, { childList: true });
  };
  arm();
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

/**
 * Calls `callback` with the first element matching `selector` now, and again
 * whenever that element changes: it appears, disappears, is replaced by the
 * helpdesk's re-render, or another one becomes first (an attribute such as
 * Zendesk's `data-is-active` moved to another tab). Stopped by `signal`;
 * nothing polls.
 */
export function observe(
  selector: string,
  callback: (element: Element | null) => void,
  { signal, root = document }: { signal: AbortSignal; root?: Document | Element },
): void {
  if (signal.aborted) return;
  let current = root.querySelector(selector);
  const check = () => {
    const next = root.querySelector(selector);
    if (next !== current) {
      current = next;
      callback(next);
    }
    rearm();
  };
  const structure = new MutationObserver(check);
  const attributes = new MutationObserver(check);
  const flags = { attributes: true, attributeFilter: ACTIVE_ATTRIBUTES };
  function rearm() {
    structure.disconnect();
    attributes.disconnect();
    if (!current) {
      structure.observe(root, { childList: true, subtree: true });
      attributes.observe(root, { ...flags, subtree: true });
      return;
    }
    // The element and the siblings along its ancestor chain: where another tab or pane turns active.
    attributes.observe(current, flags);
    for (const ancestor of ancestors(current)) {
      structure.observe(ancestor, { childList: true });
      for (const sibling of Array.from(ancestor.childNodes)) if (sibling.nodeType === 1) attributes.observe(sibling, flags);
    }
  }
  rearm();
  callback(current);
  signal.addEventListener(
    'abort',
    () => {
      structure.disconnect();
      attributes.disconnect();
    },
    { once: true },
  );
}
