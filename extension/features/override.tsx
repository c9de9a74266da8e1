import { render } from 'preact';
import { Override } from '../../components/override';
import { buildTicketView } from '../../core/view/build-ticket-view';
import type { FeatureContext } from './context';
import { defineFeature, isTicketPage } from './registry';

/** What picking `to` would change: the same view builder the worker runs, with the pick as the override. */
function previewOf(ctx: FeatureContext) {
  const { view } = ctx;
  return (to: { tier: FeatureContext['view']['owner']['tier']; role: string }) => {
    const next = buildTicketView({
      policy: ctx.policy,
      policySource: view.policy.source,
      ticket: ctx.ticket,
      decision: view.decision,
      override: { to, reason: 'preview' },
      suggestion: view.ai?.suggestion,
      impactedUsers: view.impactedUsers,
    });
    return { owner: next.owner, handoff: next.handoff, overruled: next.triggers.filter((t) => t.overruled) };
  };
}

export default defineFeature({
  id: 'override',
  include: [isTicketPage],
  init(signal, ctx) {
    const container = ctx.ui.panel('override');
    const roles = ctx.policy.roles.map((r) => ({ id: r.id, name: r.name, tier: r.tier }));
    render(<Override roles={roles} view={ctx.view} preview={previewOf(ctx)} onSave={(choice) => ctx.setOwner(choice)} onUndo={() => ctx.undoOverride()} />, container);
    signal.addEventListener('abort', () => render(null, container), { once: true });
    return true;
  },
});
