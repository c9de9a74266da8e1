import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy';
import { type TicketInput, ticketSchema } from '../ticket';
import { createRouter, decide } from './decide';
import { decisionSchema } from './decision';

/** Tuesday 10 March 2026, 10:16 in Berlin: inside the default policy's business hours. */
const TUESDAY_1016 = '2026-03-10T10:16:00+01:00';

function route(input: Omit<TicketInput, 'id'> & { id?: string }, now: string = TUESDAY_1016, model?: { label: string; confidence: number }) {
  const ticket = ticketSchema.parse({ id: 'T-1', ...input });
  const decision = decide(defaultPolicy, ticket, { now, ...(model ? { model } : {}) });
  expect(decisionSchema.safeParse(decision).success).toBe(true);
  return decision;
}

const firedIds = (d: ReturnType<typeof route>) => d.triggers.map((t) => t.id);

describe('decide with the default policy: the model’s cases', () => {
  it('keeps an FAQ at Tier 0 with the knowledge base', () => {
    const d = route({ subject: 'Do you offer an annual plan?', description: 'Is it possible to pay yearly instead of monthly?' });
    expect(d).toMatchObject({ tier: 'T0', role: 'knowledge-base', issueType: 'faq', bypass: false, triggers: [] });
  });

  it('keeps an urgent password reset at Tier 1 on the urgent (24x7) clock, counting the weekend', () => {
    const d = route(
      { subject: 'Password reset', description: 'I am locked out and need to reset my password before my demo.', priority: 'urgent', createdAt: '2026-03-07T10:00:00+01:00', status: 'open' },
      '2026-03-07T10:30:00+01:00',
    );
    expect(d).toMatchObject({ tier: 'T1', role: 'front-line-agent', issueType: 'access', severity: 'critical', bypass: false, triggers: [] });
    expect(d.clock).toMatchObject({ calendar: '24x7', timeInQueueMinutes: 30, remainingMinutes: 30, breached: false, dueAt: '2026-03-07T10:00:00.000Z' });
  });

  it('sends a reproducible integration bug to Tier 2', () => {
    const d = route({ subject: 'Salesforce integration fails', description: 'The Salesforce sync fails every night. Steps to reproduce: connect, run a sync, see error 422.' });
    expect(d).toMatchObject({ tier: 'T2', role: 'senior-specialist', bypass: false });
    expect(['integration', 'bug']).toContain(d.issueType);
  });

  it('sends a confirmed code defect to Tier 3, from the issue-type field, a mapped Zendesk tag or the text', () => {
    expect(route({ subject: 'Totals off by one', issueType: 'code-defect' }).tier).toBe('T3');
    expect(route({ helpdesk: 'zendesk', subject: 'Totals off by one', tags: ['confirmed_bug'] })).toMatchObject({ tier: 'T3', role: 'engineering-product', issueType: 'code-defect' });
    expect(route({ subject: 'Regression in 4.2', description: 'Engineering confirmed bug: a regression in the invoice rounding needs a code fix.' }).tier).toBe('T3');
  });

  it('bypasses a security breach to the Tier 4 Security Incident Lead, also when only the text says so', () => {
    for (const d of [
      route({ subject: 'Incident', tags: ['security_incident'], priority: 'low' }),
      route({ subject: 'Strange logins', description: 'I think we were hacked: someone changed our admin email overnight.', priority: 'low' }),
    ]) {
      expect(d).toMatchObject({ tier: 'T4', role: 'security-incident-lead', bypass: true, severity: 'critical' });
      expect(firedIds(d)).toContain('severity-security-breach');
      expect(d.clock.calendar).toBe('24x7');
    }
  });

  it('does not mistake an SLA breach for a security breach', () => {
    expect(firedIds(route({ subject: 'SLA breach on ticket 123', description: 'Your reply came late, that is an SLA breach.' }))).not.toContain('severity-security-breach');
  });

  it('bypasses data loss to the Tier 3 owner when only the text says so', () => {
    const d = route({ subject: 'Help!!', description: 'After the import yesterday we lost all our data in the CRM.' });
    expect(d).toMatchObject({ tier: 'T3', role: 'engineering-product', bypass: true, severity: 'critical' });
    expect(firedIds(d)).toEqual(['severity-data-loss']);
  });

  it('sends a billing dispute over $1,000 to the Billing Specialist, and one under it to the front line', () => {
    const over = route({ subject: 'Invoice dispute', description: 'We dispute invoice INV-2026-031: we were charged twice.', amount: { value: 1500, currency: 'USD' } });
    expect(over).toMatchObject({ tier: 'T1', role: 'billing-specialist', bypass: true, issueType: 'billing' });
    expect(firedIds(over)).toEqual(['contractual-billing-dispute']);
    for (const value of [999, 1000]) {
      const under = route({ subject: 'Invoice dispute', description: 'We dispute invoice INV-2026-031: we were charged twice.', amount: { value, currency: 'USD' } });
      expect(under).toMatchObject({ tier: 'T1', role: 'front-line-agent', bypass: false, triggers: [] });
    }
  });

  it('fires the time trigger for an enterprise ticket 16 business minutes at Tier 1, and not for a standard one', () => {
    const base = { subject: 'Export stuck', description: 'The CSV export never finishes.', currentTier: 'T1', tierEnteredAt: '2026-03-10T10:00:00+01:00', status: 'open' } as const;
    const enterprise = route({ ...base, requester: { customerTier: 'enterprise' } });
    expect(firedIds(enterprise)).toEqual(['time-enterprise-t1']);
    expect(enterprise).toMatchObject({ tier: 'T2', role: 'senior-specialist' });
    expect(enterprise.clock.timeInQueueMinutes).toBe(16);
    const standard = route({ ...base, requester: { customerTier: 'standard' } });
    expect(standard.triggers).toEqual([]);
    expect(standard).toMatchObject({ tier: 'T1', role: 'front-line-agent' });
  });

  it('does not count the weekend towards time in queue: Friday 16:55 to Monday 09:05 is 10 business minutes', () => {
    const d = route(
      { subject: 'Question', description: 'Which plan am I on?', currentTier: 'T1', tierEnteredAt: '2026-03-06T16:55:00+01:00', status: 'open', requester: { customerTier: 'enterprise' } },
      '2026-03-09T09:05:00+01:00',
    );
    expect(d.clock.timeInQueueMinutes).toBe(10);
    expect(d.triggers).toEqual([]);
  });

  it('stops the clock while the ticket waits on the customer', () => {
    const d = route({
      subject: 'Export stuck',
      requester: { customerTier: 'enterprise' },
      currentTier: 'T1',
      tierEnteredAt: '2026-03-10T10:00:00+01:00',
      updatedAt: '2026-03-10T10:05:00+01:00',
      status: 'pending',
    });
    expect(d.clock).toMatchObject({ paused: true, timeInQueueMinutes: 5 });
    expect(d.clock.dueAt).toBeUndefined();
    expect(d.triggers).toEqual([]);
  });

  it('fires the systemic trigger for an outage hitting thousands of users', () => {
    const d = route({ subject: 'Dashboard is down', description: 'Service unavailable for all our users since 09:40.', impactedUsers: 4200, priority: 'urgent' });
    expect(firedIds(d)).toEqual(expect.arrayContaining(['systemic-many-users', 'severity-system-outage']));
    expect(d).toMatchObject({ tier: 'T4', role: 'engineering-a-team', bypass: true });
  });

  it('fires the sentiment trigger on an angry third contact, and not on a calm one', () => {
    const comments = [
      { author: 'customer', body: 'Any update on this?' },
      { author: 'agent', body: 'We are looking into it.' },
      { author: 'customer', body: 'This is the third time I write. Absolutely unacceptable.' },
    ] as const;
    const angry = route({ subject: 'Onboarding call', description: 'When is our onboarding call?', comments: [...comments] });
    expect(firedIds(angry)).toContain('sentiment-angry-repeat');
    expect(angry.tier).toBe('T2');
    const calm = route({ subject: 'Onboarding call', description: 'When is our onboarding call?', comments: [comments[0], comments[1], { author: 'customer', body: 'Thanks, I will wait.' }] });
    expect(firedIds(calm)).not.toContain('sentiment-angry-repeat');
  });
});

describe('decide: precedence, reasons and purity', () => {
  it('lets a bypass to Tier 4 win over a sideways route to the Billing Specialist', () => {
    const d = route({ subject: 'Refund', description: 'We were hacked and an attacker made purchases; we dispute the charges.', amount: { value: 5000, currency: 'USD' } });
    expect(firedIds(d)).toEqual(expect.arrayContaining(['severity-security-breach', 'contractual-billing-dispute']));
    expect(d).toMatchObject({ tier: 'T4', role: 'security-incident-lead' });
  });

  it('never moves a ticket below its issue type: an angry repeat on a code defect stays at Tier 3', () => {
    const d = route({ issueType: 'code-defect', subject: 'Still broken', reopenCount: 1, description: 'Still broken, this is unacceptable.' });
    expect(firedIds(d)).toContain('sentiment-angry-repeat');
    expect(d.tier).toBe('T3');
  });

  it('falls back to the mapped helpdesk group, then to the entry tier', () => {
    expect(route({ helpdesk: 'zendesk', group: 'Tier 3', subject: 'zzz' })).toMatchObject({ tier: 'T3', role: 'engineering-product' });
    expect(route({ subject: 'zzz' })).toMatchObject({ tier: 'T1', role: 'front-line-agent' });
  });

  it('explains every conclusion with the rule and the value it saw', () => {
    const d = route({ subject: 'Invoice dispute', description: 'We dispute invoice 7.', amount: { value: 1500, currency: 'USD' } });
    const about = new Set(d.reasons.map((r) => r.about));
    for (const a of ['issue-type', 'trigger', 'tier', 'role', 'severity', 'clock']) expect(about).toContain(a);
    const trigger = d.reasons.find((r) => r.about === 'trigger');
    expect(trigger?.rule).toBe('triggers[3] contractual-billing-dispute');
    expect(trigger?.saw['amount.value']).toBe(1500);
    expect(d.reasons.find((r) => r.about === 'tier')?.rule).toBe('triggers[3] contractual-billing-dispute');
  });

  it('uses a triage suggestion only above the auto-route gate and never for a sensitive case', () => {
    const plain = { subject: 'Problem', description: 'Please look at my account.' };
    expect(route(plain, TUESDAY_1016, { label: 'integration', confidence: 0.95 })).toMatchObject({ issueType: 'integration', tier: 'T2' });
    expect(route(plain, TUESDAY_1016, { label: 'integration', confidence: 0.8 }).issueType).toBeUndefined();
    expect(route({ ...plain, requester: { customerTier: 'enterprise' } }, TUESDAY_1016, { label: 'integration', confidence: 0.99 }).issueType).toBeUndefined();
    expect(route(plain, TUESDAY_1016, { label: 'billing', confidence: 0.92 }).issueType).toBeUndefined();
  });

  it('is pure: the same input gives the same decision and the ticket is not changed', () => {
    const ticket = ticketSchema.parse({ id: '9', subject: 'We were hacked', tags: ['x'], requester: { customerTier: 'enterprise' } });
    const copy = structuredClone(ticket);
    const a = decide(defaultPolicy, ticket, { now: TUESDAY_1016 });
    const b = createRouter(defaultPolicy)(ticket, { now: TUESDAY_1016 });
    expect(a).toEqual(b);
    expect(ticket).toEqual(copy);
  });
});
