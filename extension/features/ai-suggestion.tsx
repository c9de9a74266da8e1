import { render } from 'preact';
import { AiSuggestion } from '../../components/ai-suggestion';
import { AiTriage, type AiTriageState } from '../../components/ai-triage';
import { overrideSuggestion, recordModelDecision } from '../ai/overlay-actions';
import type { LabelRoute } from '../ai/schema';
import { defineFeature, isTicketPage } from './registry';

export default defineFeature({
  id: 'ai-suggestion',
  include: [isTicketPage],
  init(signal, ctx) {
    if (!ctx.suggestion) return false;
    const container = ctx.ui.panel('ai-suggestion');
    signal.addEventListener('abort', () => render(null, container), { once: true });
    const gated = ctx.suggestion.gated;
    if (!gated) {
      render(<AiSuggestion {...ctx.suggestion} />, container);
      return true;
    }
    // The worker's gated suggestion: auto-route applies it (a decision event with source "model"), confirm waits for a click.
    let state: AiTriageState = gated.gate === 'auto-route' ? 'applied' : 'open';
    const draw = () => {
      if (signal.aborted) return;
      render(<AiTriage suggestion={gated} state={state} onConfirm={confirm} onOverride={override} />, container);
    };
    const confirm = () => {
      state = 'confirmed';
      draw();
      recordModelDecision(ctx, gated, 'confirmed').catch((error: unknown) => console.warn('Tierline could not record the confirmation', error));
    };
    const override = (to: LabelRoute | null) => {
      state = { overriddenTo: to ? to.label : 'needs a human' };
      draw();
      overrideSuggestion(ctx, gated, to).catch((error: unknown) => console.warn('Tierline could not record the override', error));
    };
    if (gated.gate === 'auto-route') recordModelDecision(ctx, gated, 'applied').catch((error: unknown) => console.warn('Tierline could not record the decision', error));
    draw();
    return true;
  },
});
