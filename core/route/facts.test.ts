import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy';
import { ticketSchema } from '../ticket';
import { buildFacts } from './facts';

const ticket = ticketSchema.parse({
  id: '7',
  helpdesk: 'zendesk',
  subject: 'Report totals',
  description: 'The totals are wrong.',
  comments: [
    { author: 'customer', body: 'The totals are wrong.' },
    { author: 'agent', body: 'Internal: check the rounding job.', public: false },
    { author: 'customer', body: 'Any news?' },
    { author: 'system', body: 'Automation: priority raised.' },
  ],
  fields: { Plan: 'Enterprise', 'Issue type': 'Data integrity' },
  group: 'Tier 2',
  amount: { value: 120, currency: 'EUR' },
  createdAt: '2026-03-09T09:00:00+01:00',
  tierEnteredAt: '2026-03-10T09:00:00+01:00',
  status: 'open',
});

describe('buildFacts', () => {
  const facts = buildFacts(defaultPolicy, ticket, { now: '2026-03-10T11:00:00+01:00' });

  it('keeps every ticket field readable by its path', () => {
    expect(facts.subject).toBe('Report totals');
    expect((facts.amount as { value: number }).value).toBe(120);
    expect((facts.fields as Record<string, unknown>).Plan).toBe('Enterprise');
  });

  it('joins all text, and the customer’s own text separately', () => {
    expect(facts.text).toContain('Internal: check the rounding job.');
    expect(facts.customerText).toContain('Any news?');
    expect(facts.customerText).not.toContain('rounding job');
  });

  it('counts customer messages once when the description is also the first comment', () => {
    expect(facts.customerMessageCount).toBe(2);
    expect(facts.agentMessageCount).toBe(1);
    expect(facts.reopenCount).toBe(0);
  });

  it('reads the customer tier, issue type and current tier through the Zendesk mapping', () => {
    expect((facts.requester as { customerTier?: string }).customerTier).toBe('enterprise');
    expect(facts.issueType).toBe('data-integrity');
    expect(facts.currentTier).toBe('T2');
  });

  it('measures time in queue since tierEnteredAt and age since createdAt in business minutes', () => {
    expect(facts.severity).toBe('normal');
    expect(facts.timeInQueue).toBe(120);
    expect(facts.age).toBe(8 * 60 + 120);
    expect(facts.paused).toBe(false);
  });
});
