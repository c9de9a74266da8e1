import { render } from 'preact';
import { AiSuggestion } from '../../components/ai-suggestion';
import { defineFeature, isTicketPage } from './registry';

export default defineFeature({
  id: 'ai-suggestion',
  include: [isTicketPage],
  init(signal, ctx) {
    // Rendering only: the triage helper wires the model's output into ctx.suggestion.
    if (!ctx.suggestion) return false;
    const container = ctx.ui.panel('ai-suggestion');
    render(<AiSuggestion {...ctx.suggestion} />, container);
    signal.addEventListener('abort', () => render(null, container), { once: true });
    return true;
  },
});
