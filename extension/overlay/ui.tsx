import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { HelpdeskTab } from '../../adapters/types';
import { Drawer } from '../../components/drawer';
import type { OverlayUi } from '../features/context';
import type { FeatureId } from '../features/registry';
import { createDock } from './dock';
import { afterPaint } from './after-paint';

/** Drawer sections, top to bottom. "notice" and "badge" belong to the runtime. */
const SLOTS = ['notice', 'badge', 'handoff-received', 'ai-suggestion', 'trigger-warnings', 'handoff-checklist', 'override'] as const;
type SlotId = (typeof SLOTS)[number];

export interface OverlayMounts extends OverlayUi {
  /** Places the badge by the active ticket's header (or in the drawer when there is none) and titles the drawer. */
  show(ticketRef: string, container: Element): void;
  /** A ticket is about to be shown: the open drawer's dock is set now, before the page's first layout, rather than after it. */
  expect(): void;
  /** Removes every Tierline element (the page is no longer a ticket). */
  hide(): void;
  /** The drawer's section for the runtime's own notice. */
  slot(id: SlotId): HTMLElement;
  /** True while the badge sits where the helpdesk can see it (false after the host re-rendered its header). */
  badgeAttached(): boolean;
  /** True when the header mount was not found and the badge fell back to the drawer. */
  badgeInDrawer(): boolean;
  /** The badge's shadow host, wherever it sits. */
  badgeHost(): HTMLElement;
}

/** Folded or open, remembered per helpdesk in extension storage (never in the helpdesk's own storage). */
const drawerKey = (helpdesk: string) => `tierline-drawer-open:${helpdesk}`;

async function readDrawerOpen(helpdesk: string): Promise<boolean> {
  try {
    const stored = await browser.storage.local.get(drawerKey(helpdesk));
    return stored[drawerKey(helpdesk)] !== false;
  } catch {
    return true;
  }
}

/**
 * The overlay's stylesheet (components/overlay.css, built per helpdesk script as `content-scripts/<helpdesk>.css`),
 * fetched once per page for both shadow roots: WXT's `cssInjectionMode: 'ui'` fetched it once per root, one after
 * the other. Identical style text in two shadow roots is parsed once by the browser.
 */
async function loadStyles(helpdesk: string): Promise<string> {
  const url = (browser.runtime.getURL as (path: string) => string)(`/content-scripts/${helpdesk}.css`);
  try {
    // As WXT's own loader does: the sheet's document-level rules apply to the shadow host.
    return (await (await fetch(url)).text()).replaceAll(':root', ':host');
  } catch (error) {
    console.warn('Tierline could not load its styles', error);
    return '';
  }
}

function themed(container: HTMLElement, helpdesk: string): HTMLElement {
  const root = document.createElement('div');
  root.className = 'tl-root';
  root.dataset.helpdesk = helpdesk;
  container.append(root);
  return root;
}

/**
 * Two open shadow roots, created once per page and reused for every ticket:
 * the badge (moved into the adapter's mount by the header) and the drawer
 * (fixed to the window edge). Reusing them keeps a ticket switch to a render.
 */
export async function createOverlayUi(ctx: ContentScriptContext, adapter: HelpdeskTab): Promise<OverlayMounts> {
  let badgeRoot: HTMLElement | undefined;
  let drawerRoot: HTMLElement | undefined;
  const [css, drawerOpen] = await Promise.all([loadStyles(adapter.id), readDrawerOpen(adapter.id)]);
  const shadowUi = (name: string, onRoot: (root: HTMLElement) => void): Promise<ShadowRootContentScriptUi<HTMLElement>> =>
    createShadowRootUi(ctx, {
      name,
      css,
      position: 'inline',
      anchor: () => document.body,
      onMount: (container) => {
        const root = themed(container, adapter.id);
        onRoot(root);
        return root;
      },
    });
  const [badgeUi, drawerUi] = await Promise.all([
    shadowUi('tierline-badge', (root) => {
      badgeRoot = root;
    }),
    shadowUi('tierline-drawer', (root) => {
      drawerRoot = root;
    }),
  ]);
  const dock = createDock(document);
  let open = drawerOpen;
  let shownRef: string | undefined;
  let inDrawer = false;
  let mountedOnce = false;
  /** Sections waiting for the drawer to open before they load their code. */
  const openWaiters = new Set<() => void>();

  function drawDrawer() {
    if (!drawerRoot || shownRef === undefined) return;
    if (open) dock.dock();
    else dock.undock();
    if (open) {
      for (const wake of openWaiters) wake();
      openWaiters.clear();
    }
    render(
      <Drawer ticketRef={shownRef} open={open} onToggle={toggle}>
        {SLOTS.map((id) => (
          <div key={id} data-slot={id} />
        ))}
      </Drawer>,
      drawerRoot,
    );
  }

  function toggle() {
    open = !open;
    drawDrawer();
    browser.storage.local.set({ [drawerKey(adapter.id)]: open }).catch(() => undefined);
  }

  // Alt+Shift+T opens or folds the drawer and puts the focus on its toggle, wherever the focus was.
  ctx.addEventListener(document, 'keydown', (event) => {
    if (!(event.altKey && event.shiftKey && event.code === 'KeyT') || shownRef === undefined) return;
    event.preventDefault();
    toggle();
    drawerRoot?.querySelector<HTMLButtonElement>('.tl-drawer-toggle')?.focus();
  });
  ctx.onInvalidated(() => dock.remove());

  function slot(id: SlotId): HTMLElement {
    const found = drawerRoot?.querySelector<HTMLElement>(`[data-slot="${id}"]`);
    if (!found) throw new Error(`Tierline drawer has no "${id}" section`);
    return found;
  }

  function placeBadge(container: Element) {
    const mount = adapter.mounts.badge(container) ?? adapter.mounts.badge(document.body);
    inDrawer = mount === null;
    const host = badgeUi.shadowHost;
    const target = mount ?? slot('badge');
    if (host.parentElement !== target) target.append(host);
  }

  return {
    show(ticketRef, container) {
      if (!mountedOnce) {
        drawerUi.mount();
        badgeUi.mount();
        mountedOnce = true;
      }
      // Outside <body>: the docked body is the containing block of the page's fixed elements, not of the drawer.
      if (drawerUi.shadowHost.parentElement !== document.documentElement) document.documentElement.append(drawerUi.shadowHost);
      shownRef = ticketRef;
      drawDrawer();
      placeBadge(container);
    },
    expect() {
      if (open && shownRef === undefined) dock.dock();
    },
    hide() {
      shownRef = undefined;
      dock.undock();
      badgeUi.shadowHost.remove();
      drawerUi.shadowHost.remove();
    },
    slot,
    badge: () => badgeRoot ?? null,
    panel: (id: FeatureId) => slot(id === 'tier-badge' ? 'badge' : id),
    whenOpen: (signal) =>
      new Promise<void>((resolve) => {
        if (open) return resolve();
        openWaiters.add(resolve);
        signal.addEventListener('abort', () => openWaiters.delete(resolve), { once: true });
      }).then(() => afterPaint(document)),
    badgeAttached: () => badgeUi.shadowHost.isConnected,
    badgeInDrawer: () => inDrawer,
    badgeHost: () => badgeUi.shadowHost,
  };
}
