import { describe, expect, it } from 'vitest';
import { billingTicket, breachTicket, howToTicket, NOW, suggestion, viewOf } from '../../components/__fixtures__/views';
import { defaultPolicy } from '../policy/default-policy';
import { decide } from '../route/decide';
import { ticketSchema } from '../ticket';
import { businessDayMinutes, buildTicketView } from './build-ticket-view';

describe('buildTicketView', () => {
  it('hands a billing dispute sideways from the front line to the Billing Specialist, both Tier 1', () => {
    const view = viewOf(billingTicket);
    expect(view.owner).toMatchObject({ tier: 'T1', role: 'billing-specialist', by: 'policy' });
    expect(view.handoff).toMatchObject({ move: 'sideways', from: { tier: 'T1', role: 'front-line-agent' }, to: { tier: 'T1', role: 'billing-specialist' } });
  });

  it('hands a how-to question down to the knowledge base, never up a tier', () => {
    const view = viewOf(howToTicket);
    expect(view.owner).toMatchObject({ tier: 'T0', role: 'knowledge-base' });
    expect(view.handoff).toMatchObject({ move: 'down', from: { tier: 'T1' }, to: { tier: 'T0', role: 'knowledge-base' } });
  });

  it('sends a breach up to the Security Incident Lead with the context of every stage it crosses', () => {
    const view = viewOf(breachTicket);
    expect(view.handoff).toMatchObject({ move: 'up', from: { tier: 'T1' }, to: { tier: 'T4', role: 'security-incident-lead' } });
    const stageItems = view.handoff?.items.filter((i) => i.stage).length ?? 0;
    expect(stageItems).toBeGreaterThan(0);
  });

  it('carries the checklist prefill with the one source each value came from, and nothing for what only the agent can say', () => {
    const items = viewOf(breachTicket).handoff?.items ?? [];
    const prefill = (id: string) => items.find((i) => i.id === id)?.prefill;
    expect(prefill('summary')).toEqual({ value: breachTicket.subject, source: 'summary' });
    expect(prefill('escalation-reason')?.source).toBe('triggers');
    expect(prefill('customer-tier-sla')).toEqual({ value: 'Customer tier: enterprise\nSeverity: Critical (urgent)', source: 'customer-tier' });
    for (const agentOnly of ['business-impact', 'communication-owner', 'internal-diagnostics', 'contractual-authority']) expect(prefill(agentOnly)).toBeUndefined();
  });

  it('offers no handoff when the ticket already sits with its owner', () => {
    const held = ticketSchema.parse({ ...billingTicket, assigneeRole: 'billing-specialist' });
    expect(viewOf(held).handoff).toBeNull();
  });

  it('follows an override everywhere: owner, handoff target and the triggers it does not follow', () => {
    const view = viewOf(breachTicket, { override: { to: { tier: 'T0', role: 'knowledge-base' }, reason: 'Spam' } });
    expect(view.owner).toMatchObject({ tier: 'T0', role: 'knowledge-base', by: 'override' });
    expect(view.policyOwner).toMatchObject({ tier: 'T4', role: 'security-incident-lead' });
    expect(view.handoff?.to).toMatchObject({ tier: 'T0', role: 'knowledge-base' });
    expect(view.triggers.find((t) => t.id === 'severity-security-breach')?.overruled).toBe(true);
    expect(view.override).toMatchObject({ reason: 'Spam', to: { roleName: 'Knowledge Base / AI Agent' } });
  });

  it('never calls a trigger unfollowed without an override: the policy owner already weighs them all', () => {
    const view = viewOf(breachTicket);
    expect(view.triggers.length).toBeGreaterThan(1);
    expect(view.triggers.some((t) => t.overruled)).toBe(false);
  });

  it('drops an override that names the policy owner itself', () => {
    const view = viewOf(billingTicket, { override: { to: { tier: 'T1', role: 'billing-specialist' }, reason: 'same' } });
    expect(view.owner.by).toBe('policy');
    expect(view.override).toBeUndefined();
  });

  it('says how the model suggestion stands to the owner: applied, the same, or different', () => {
    const decision = decide(defaultPolicy, billingTicket, { now: NOW, model: { label: 'billing', confidence: 0.95 } });
    const base = { policy: defaultPolicy, policySource: 'default' as const, ticket: billingTicket, decision };
    expect(buildTicketView({ ...base, suggestion: suggestion() }).ai?.relation).toBe('applied');
    expect(buildTicketView({ ...base, suggestion: suggestion({ gate: 'confirm' }) }).ai?.relation).toBe('agrees');
    const unaided = decide(defaultPolicy, billingTicket, { now: NOW });
    expect(buildTicketView({ ...base, decision: unaided, suggestion: suggestion() }).ai?.relation).toBe('agrees');
    const other = suggestion({ route: { label: 'bug', p: 0.95, issueType: 'bug', tier: 'T2', role: 'senior-specialist' } });
    expect(buildTicketView({ ...base, suggestion: other }).ai?.relation).toBe('differs');
  });

  it('names the policy in force: name, revision and where it came from', () => {
    const view = buildTicketView({ policy: { ...defaultPolicy, name: 'Acme support', revision: 7 }, policySource: 'managed', ticket: billingTicket, decision: decide(defaultPolicy, billingTicket, { now: NOW }) });
    expect(view.policy).toEqual({ name: 'Acme support', revision: 7, source: 'managed' });
  });

  it('counts a business day as the calendar working day, a 24x7 day as 24 hours', () => {
    expect(businessDayMinutes(defaultPolicy, 'business-hours')).toBe(480);
    expect(businessDayMinutes(defaultPolicy, '24x7')).toBe(1440);
  });
});
