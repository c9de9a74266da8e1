import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

export interface DrawerProps {
  /** Ticket reference shown in the title, e.g. "#1042" or "SUP-7". */
  ticketRef: string;
  children?: ComponentChildren;
  /** Starts open; the agent can fold it to a tab at the window edge. */
  initiallyOpen?: boolean;
}

/**
 * The side drawer holding the panel features. It is fixed to the window edge,
 * over the page, so opening or folding it never reflows the helpdesk.
 */
export function Drawer({ ticketRef, children, initiallyOpen = true }: DrawerProps) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <aside class={`tl-drawer${open ? '' : ' tl-folded'}`} aria-label="Tierline" data-testid="tl-drawer">
      <button type="button" class="tl-drawer-toggle" aria-expanded={open} aria-controls="tl-drawer-body" onClick={() => setOpen(!open)}>
        {open ? `Tierline · ${ticketRef}` : 'Tierline'}
      </button>
      <div id="tl-drawer-body" class="tl-drawer-body" hidden={!open}>
        {children}
      </div>
    </aside>
  );
}
