import { describe, expect, it } from 'vitest';
import { compileCondition } from '../conditions/evaluate';
import { defaultPolicy } from '../policy/default-policy';
import { ticketSchema } from '../ticket';
import { buildFacts, type SentimentFacts } from './facts';

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

describe('the sentiment facts', () => {
  const NOW = '2026-03-10T11:00:00+01:00';
  const angry = ticketSchema.parse({
    id: '8',
    subject: 'Export',
    description: 'The export is broken.',
    comments: [
      { author: 'customer', body: 'The export is broken.' },
      { author: 'agent', body: 'Sorry for this terrible, awful experience!!!' },
      { author: 'customer', body: 'Still broken. This is unacceptable.' },
    ],
  });
  const withoutSentiment = { ...defaultPolicy, triggers: defaultPolicy.triggers.filter((t) => t.kind !== 'sentiment') };

  it('scores frustration and repeat contact from the customer’s words only', () => {
    const sentiment = buildFacts(defaultPolicy, angry, { now: NOW }).sentiment as SentimentFacts;
    expect(sentiment.frustration).toBeGreaterThan(0.35);
    expect(sentiment.repeatContact).toBe(true);
    expect(sentiment.signals.join(' ')).toContain('unacceptable');
    expect(sentiment.signals.join(' ')).not.toMatch(/terrible|awful/i);
  });

  it('reads the same as a dotted path in a condition', () => {
    const facts = buildFacts(defaultPolicy, angry, { now: NOW });
    expect(compileCondition({ field: 'sentiment.frustration', op: 'gte', value: 0.35 })(facts)).toBe(true);
    expect(compileCondition({ field: 'sentiment.repeatContact', op: 'eq', value: true })(facts)).toBe(true);
  });

  it('is left out for a policy whose conditions never read it', () => {
    expect(buildFacts(withoutSentiment, angry, { now: NOW }).sentiment).toBeUndefined();
  });

  it('counts the description once when it is also the first comment', () => {
    const sentiment = buildFacts(defaultPolicy, angry, { now: NOW }).sentiment as SentimentFacts;
    expect(sentiment.signals).not.toContain('3 customer messages (repeat)');
  });
});
