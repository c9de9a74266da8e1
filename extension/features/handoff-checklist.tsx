import { render } from 'preact';
import { ownerLabel } from '../../components/format';
import { drawLazySection } from '../overlay/lazy-section';
import { defineFeature, isTicketPage } from './registry';

/**
 * The handoff checklist for the view's handoff, prefilled by the worker from
 * the ticket. The checklist itself is in the drawer chunk
 * (./drawer-chunk/handoff-checklist.tsx), loaded when the open drawer first shows it.
 */
export default defineFeature({
  id: 'handoff-checklist',
  include: [isTicketPage],
  init(signal, ctx) {
    const container = ctx.ui.panel('handoff-checklist');
    const handoff = ctx.view.handoff;
    if (!handoff) {
      signal.addEventListener('abort', () => render(null, container), { once: true });
      render(
        <p class="tl-muted" data-testid="tl-no-handoff">
          No handoff: the ticket already sits with {ownerLabel(ctx.view.owner)}. To hand it off anyway, override the owner first.
        </p>,
        container,
      );
      return true;
    }
    drawLazySection(signal, ctx.ui, container, { what: 'handoff checklist', load: ctx.lazy.drawer, draw: (code, host) => code.drawHandoffChecklist(signal, ctx, handoff, host) });
    return true;
  },
});
