import { drawLazySection } from '../overlay/lazy-section';
import { defineFeature, isTicketPage } from './registry';

/**
 * The agent's override of the owner, with a preview of what changes. The
 * dialog is in the drawer chunk (./drawer-chunk/override.tsx), loaded when the
 * open drawer first shows it.
 */
export default defineFeature({
  id: 'override',
  include: [isTicketPage],
  init(signal, ctx) {
    drawLazySection(signal, ctx.ui, ctx.ui.panel('override'), { what: 'override', load: ctx.lazy.drawer, draw: (code, host) => code.drawOverride(signal, ctx, host) });
    return true;
  },
});
