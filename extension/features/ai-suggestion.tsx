import { render } from 'preact';
import { AiTriage, type AiTriageState } from '../../components/ai-triage';
import type { LabelRoute } from '../../core/triage/suggestion';
import { overrideSuggestion, recordModelDecision } from '../ai/overlay-actions';
import { defineFeature, isTicketPage } from './registry';

export default defineFeature({
  id: 'ai-suggestion',
  include: [isTicketPage],
  init(signal, ctx) {
    const ai = ctx.view.ai;
    if (!ai) return false;
    const container = ctx.ui.panel('ai-suggestion');
    signal.addEventListener('abort', () => render(null, container), { once: true });
    const { suggestion, relation } = ai;
    let state: AiTriageState = 'open';
    const draw = () => {
      if (signal.aborted) return;
      render(<AiTriage suggestion={suggestion} relation={relation} owner={ctx.view.owner} state={state} onConfirm={confirm} onOverride={override} />, container);
    };
    const warn = (what: string) => (error: unknown) => console.warn(`Tierline could not ${what}`, error);
    const confirm = () => {
      state = 'confirmed';
      draw();
      recordModelDecision(ctx, suggestion, 'confirmed').catch(warn('record the confirmation'));
      // Confirming a suggestion that names another owner moves the ticket there, as an override everyone sees.
      const { tier, role } = suggestion.route;
      if (relation === 'differs' && tier && role) {
        ctx.setOwner({ tier, role, reason: `Confirmed the triage model's suggestion (${suggestion.label}).` }).catch(warn('apply the suggestion'));
      }
    };
    const override = (to: LabelRoute | null) => {
      state = { overriddenTo: to ? to.label : 'needs a human' };
      draw();
      overrideSuggestion(ctx, suggestion, to).catch(warn('record the override'));
    };
    if (relation === 'applied') recordModelDecision(ctx, suggestion, 'applied').catch(warn('record the decision'));
    draw();
    return true;
  },
});
