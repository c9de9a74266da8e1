import { render } from 'preact';
import { TierBadge } from '../../components/tier-badge';
import { defineFeature, isTicketPage } from './registry';

export default defineFeature({
  id: 'tier-badge',
  include: [isTicketPage],
  firstFrame: true,
  init(signal, ctx) {
    const container = ctx.ui.badge();
    if (!container) return false;
    render(<TierBadge view={ctx.view} decidedBy={ctx.decidedBy} />, container);
    signal.addEventListener('abort', () => render(null, container), { once: true });
    return true;
  },
});
