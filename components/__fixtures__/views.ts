/** Ticket views built the way the worker builds them (default policy, core's decide), for component and feature tests. */
import { defaultPolicy } from '../../core/policy/default-policy';
import { decide } from '../../core/route/decide';
import { type Ticket, ticketSchema } from '../../core/ticket';
import type { AiSuggestion } from '../../core/triage/suggestion';
import { buildTicketView, type ViewInput } from '../../core/view/build-ticket-view';
import type { TicketView } from '../../core/view/ticket-view';

export const NOW = new Date('2026-03-02T10:30:00Z');

/** A billing dispute over $1,000 at Tier 1, waiting 12 business minutes. */
export const billingTicket: Ticket = ticketSchema.parse({
  id: '1042',
  helpdesk: 'zendesk',
  subject: 'We were charged twice and want the $2,400 back',
  description: 'Our invoice INV-7781 shows $2,400 charged twice. We dispute the second charge and want a refund.',
  requester: { customerTier: 'standard' },
  currentTier: 'T1',
  tierEnteredAt: '2026-03-02T10:18:00Z',
  createdAt: '2026-03-02T10:18:00Z',
  status: 'open',
  priority: 'normal',
});

/** A security breach reported to Tier 1. */
export const breachTicket: Ticket = ticketSchema.parse({
  id: '1043',
  helpdesk: 'zendesk',
  subject: 'Someone logged into our admin account from Russia',
  description: 'We see logins we did not make and customer records were exported. This looks like a security breach.',
  requester: { customerTier: 'enterprise' },
  currentTier: 'T1',
  tierEnteredAt: '2026-03-02T10:00:00Z',
  createdAt: '2026-03-02T10:00:00Z',
  status: 'open',
  priority: 'urgent',
});

/** A how-to question that reached Tier 1. */
export const howToTicket: Ticket = ticketSchema.parse({
  id: '1044',
  helpdesk: 'zendesk',
  subject: 'How do I export my contacts to CSV?',
  description: 'Hi, where is the button to export contacts as a CSV file? Thanks!',
  requester: { customerTier: 'free' },
  currentTier: 'T1',
  tierEnteredAt: '2026-03-02T09:00:00Z',
  createdAt: '2026-03-02T09:00:00Z',
  status: 'open',
  priority: 'low',
});

export function viewOf(ticket: Ticket, extra: Partial<Omit<ViewInput, 'ticket'>> = {}): TicketView {
  return buildTicketView({ policy: defaultPolicy, policySource: 'default', ticket, decision: decide(defaultPolicy, ticket, { now: NOW }), ...extra });
}

/** A triage-model suggestion as the worker gates it. */
export function suggestion(over: Partial<AiSuggestion> = {}): AiSuggestion {
  return {
    label: 'billing',
    confidence: 0.95,
    gate: 'auto-route',
    reason: 'Model confidence 95% is at or above 90%, so the suggestion may be applied.',
    source: 'model',
    route: { label: 'billing', p: 0.95, issueType: 'billing', tier: 'T1', role: 'billing-specialist', target: 'Tier 1 · Billing Specialist' },
    alternatives: [{ label: 'access', p: 0.03, issueType: 'access', tier: 'T1', role: 'front-line-agent', target: 'Tier 1 · Front-line Agent' }],
    sensitive: [],
    model: { origin: 'demo', version: '2026-01-01' },
    ...over,
  };
}
