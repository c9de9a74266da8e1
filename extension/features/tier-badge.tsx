import { render } from 'preact';
import { TierBadge } from '../../components/tier-badge';
import { defineFeature, isTicketPage } from './registry';
import type { FeatureContext } from './context';

function draw(container: HTMLElement, ctx: FeatureContext) {
  const override = ctx.overrides.get();
  render(<TierBadge decision={ctx.decision} source={ctx.source} override={override && { tier: override.tier, roleName: override.roleName }} />, container);
}

export default defineFeature({
  id: 'tier-badge',
  include: [isTicketPage],
  init(signal, ctx) {
    const container = ctx.ui.badge();
    if (!container) return false;
    draw(container, ctx);
    ctx.overrides.subscribe(() => draw(container, ctx), signal);
    signal.addEventListener('abort', () => render(null, container), { once: true });
    return true;
  },
});
