import type { FeatureContext } from '../features/context';
import type { AiSuggestion, LabelRoute } from '../../core/triage/suggestion';

/**
 * What the overlay records when an agent meets a model suggestion: a decision
 * event with source "model" when the suggestion is applied (auto-route) or
 * confirmed, an override event with source "model" and the label as category
 * when the agent corrects it (plus the correction, for `tierline train`).
 */

type Ctx = Pick<FeatureContext, 'adapter' | 'ticket' | 'view' | 'worker' | 'agent' | 'now'>;

/** FNV-1a, hex: a stable event id from the ticket, label and model, so a re-shown suggestion is a duplicate, not a second event. */
function stableId(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function routeOf(ctx: Ctx, route: LabelRoute | null) {
  return { tier: route?.tier ?? ctx.view.owner.tier, role: route?.role ?? ctx.view.owner.role };
}

export async function recordModelDecision(ctx: Ctx, s: AiSuggestion, how: 'applied' | 'confirmed'): Promise<void> {
  const key = `${ctx.adapter.id}:${ctx.ticket.id}:${s.label}:${s.model.version}:${how}`;
  const { tier, role } = routeOf(ctx, s.route);
  await ctx.worker.recordEvent({
    type: 'decision',
    id: `model-${how}-${stableId(key)}-${stableId(key.split('').reverse().join(''))}`,
    at: ctx.now().toISOString(),
    ...(ctx.agent ? { agent: ctx.agent } : {}),
    ticketId: ctx.ticket.id,
    helpdesk: ctx.adapter.id,
    data: { tier, role, severity: ctx.view.decision.severity, bypass: false, triggers: [], source: 'model', confidence: s.confidence, category: s.label },
  });
}

/** Two clicks end here: the override (reason says what the model said and what the agent chose) and the correction. */
export async function overrideSuggestion(ctx: Ctx, s: AiSuggestion, to: LabelRoute | null): Promise<void> {
  const reason = to ? `The triage model suggested ${s.label}; the agent says it is ${to.label}.` : `The triage model suggested ${s.label}; the agent says it needs a human.`;
  await ctx.worker.recordOverride(
    { helpdesk: ctx.adapter.id, ticketId: ctx.ticket.id },
    { from: routeOf(ctx, s.route), to: routeOf(ctx, to), reason, source: 'model', category: s.label },
  );
  if (to) await ctx.worker.saveCorrection?.(ctx.ticket, to.label, s.label);
}
