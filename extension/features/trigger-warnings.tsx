import { render } from 'preact';
import { TriggerWarnings } from '../../components/trigger-warnings';
import { defineFeature, isTicketPage } from './registry';

export default defineFeature({
  id: 'trigger-warnings',
  include: [isTicketPage],
  init(signal, ctx) {
    const container = ctx.ui.panel('trigger-warnings');
    const names = new Map(ctx.policy.roles.map((role) => [role.id, role.name]));
    render(
      <>
        <h2 class="tl-h">Escalation triggers</h2>
        <TriggerWarnings triggers={ctx.view.triggers} roleName={(id) => names.get(id) ?? id} />
      </>,
      container,
    );
    signal.addEventListener('abort', () => render(null, container), { once: true });
    return true;
  },
});
