import { describe, expect, it } from 'vitest';
import { billingDecision } from './__fixtures__/decisions';
import { hostileTicket } from './__fixtures__/decisions';
import { prefillHandoff, readTicketFacts } from './handoff-prefill';

describe('readTicketFacts', () => {
  it('finds error codes and links in comments and the steps agents wrote in internal notes', () => {
    const facts = readTicketFacts(hostileTicket, billingDecision);
    expect(facts.errorCodes).toEqual(['ERR_PAYMENT_402']);
    expect(facts.links).toEqual(['https://status.acme.test/incidents/42']);
    expect(facts.agentSteps).toEqual(['Cleared cache and retried the charge: same error.']);
    expect(facts.customerTier).toBe('enterprise');
    expect(facts.severity).toBe('Normal');
  });
});

describe('prefillHandoff', () => {
  it('fills summary, steps, evidence, impact and reason from the ticket, and leaves the owner to the agent', () => {
    const values = prefillHandoff(
      [
        { id: 'summary', label: 'Issue summary' },
        { id: 'steps-tried', label: 'Troubleshooting steps already tried' },
        { id: 'technical-evidence', label: 'Technical evidence' },
        { id: 'business-impact', label: 'Business impact' },
        { id: 'escalation-reason', label: 'Escalation reason' },
        { id: 'communication-owner', label: 'Communication owner' },
      ],
      hostileTicket,
      billingDecision,
    );
    expect(values.summary).toBe('<img src=x onerror="window.__pwned=1"> Refund');
    expect(values['steps-tried']).toBe('Cleared cache and retried the charge: same error.');
    expect(values['technical-evidence']).toBe('Error code ERR_PAYMENT_402\nhttps://status.acme.test/incidents/42');
    expect(values['business-impact']).toBe('Customer tier: enterprise\nSeverity: Normal');
    expect(values['escalation-reason']).toBe('Billing dispute over $1,000');
    expect(values['communication-owner']).toBeUndefined();
  });
});
