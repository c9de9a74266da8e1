import { render } from 'preact';
import { Override } from '../../../components/override';
import { buildTicketView } from '../../../core/view/build-ticket-view';
import type { FeatureContext } from '../context';

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

/** The override feature's dialog (../override.tsx), drawn into `host`: pick an owner with a reason, preview what changes, undo. */
export function drawOverride(signal: AbortSignal, ctx: FeatureContext, host: HTMLElement): void {
  const roles = ctx.policy.roles.map((r) => ({ id: r.id, name: r.name, tier: r.tier }));
  render(<Override roles={roles} view={ctx.view} preview={previewOf(ctx)} onSave={(choice) => ctx.setOwner(choice)} onUndo={() => ctx.undoOverride()} />, host);
  signal.addEventListener('abort', () => render(null, host), { once: true });
}
