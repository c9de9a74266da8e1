import { render } from 'preact';
import { Override, type OverrideChoice } from '../../components/override';
import type { FeatureContext } from './context';
import { defineFeature, isTicketPage } from './registry';

async function save(ctx: FeatureContext, choice: OverrideChoice) {
  const roleName = ctx.policy.roles.find((r) => r.id === choice.role)?.name ?? choice.role;
  const from = ctx.overrides.get() ?? { tier: ctx.decision.tier, role: ctx.decision.role };
  ctx.overrides.set({ tier: choice.tier, role: choice.role, roleName });
  await ctx.worker.recordOverride(
    { helpdesk: ctx.adapter.id, ticketId: ctx.ticket.id },
    { from: { tier: from.tier, role: from.role }, to: { tier: choice.tier, role: choice.role }, reason: choice.reason, source: 'rules' },
  );
}

export default defineFeature({
  id: 'override',
  include: [isTicketPage],
  init(signal, ctx) {
    const container = ctx.ui.panel('override');
    const roles = ctx.policy.roles.map((r) => ({ id: r.id, name: r.name, tier: r.tier }));
    render(<Override roles={roles} current={{ tier: ctx.decision.tier, role: ctx.decision.role }} onSave={(choice) => save(ctx, choice)} />, container);
    signal.addEventListener('abort', () => render(null, container), { once: true });
    return true;
  },
});
