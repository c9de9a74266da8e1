import type { ComponentChildren } from 'preact';

export interface DrawerProps {
  /** Ticket reference shown in the title, e.g. "#1042" or "SUP-7". */
  ticketRef: string;
  open: boolean;
  onToggle(): void;
  children?: ComponentChildren;
}

/**
 * The side drawer holding the panel features, docked at the window's right
 * edge (the page narrows while it is open). Folded, it is a small tab. The
 * toggle is a button, reachable with Tab and with Alt+Shift+T from anywhere.
 */
export function Drawer({ ticketRef, open, onToggle, children }: DrawerProps) {
  return (
    <aside class={`tl-drawer${open ? '' : ' tl-folded'}`} aria-label="Tierline" data-testid="tl-drawer">
      <button
        type="button"
        class="tl-drawer-toggle"
        aria-expanded={open}
        aria-controls="tl-drawer-body"
        aria-keyshortcuts="Alt+Shift+T"
        title={open ? 'Fold Tierline (Alt+Shift+T)' : 'Open Tierline (Alt+Shift+T)'}
        onClick={onToggle}
        data-testid="tl-drawer-toggle"
      >
        {open ? `Tierline · ${ticketRef}` : 'Tierline'}
      </button>
      <div id="tl-drawer-body" class="tl-drawer-body" hidden={!open}>
        {children}
      </div>
    </aside>
  );
}
