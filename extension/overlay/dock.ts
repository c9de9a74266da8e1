/** The drawer's width (style.css `.tl-drawer`): 360 px, narrower on small screens; the page is narrowed by exactly this. */
export const DRAWER_WIDTH = 'min(360px, 30vw)';

const STYLE_ID = 'tierline-dock';
const ATTRIBUTE = 'data-tierline-docked';

/**
 * Docks the drawer beside the helpdesk instead of over it: while open, the
 * page's body is narrowed by the drawer's width. The body also becomes the
 * containing block of the helpdesk's own fixed elements (a no-op transform),
 * so full-width fixed headers and sidebars shrink with it instead of running
 * under the drawer. The drawer itself hangs off `<html>`, outside the body, so
 * it stays fixed to the window. One attribute toggles it: opening or folding
 * the drawer is one restyle, and `undock` leaves the page as it was.
 */
export function createDock(doc: Document): { dock(): void; undock(): void; remove(): void } {
  function ensureStyle() {
    if (doc.getElementById(STYLE_ID)) return;
    const style = doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = `html[${ATTRIBUTE}] > body { margin-right: ${DRAWER_WIDTH} !important; transform: translateZ(0); min-height: 100vh; }`;
    (doc.head ?? doc.documentElement).append(style);
  }
  return {
    dock() {
      ensureStyle();
      doc.documentElement.setAttribute(ATTRIBUTE, '');
    },
    undock() {
      doc.documentElement.removeAttribute(ATTRIBUTE);
    },
    remove() {
      doc.documentElement.removeAttribute(ATTRIBUTE);
      doc.getElementById(STYLE_ID)?.remove();
    },
  };
}
