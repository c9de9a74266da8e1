import { describe, expect, it } from 'vitest';
import { parseDuration } from '../conditions/duration';
import { createRouter } from '../route/decide';
import { ticketSchema } from '../ticket';
import { defaultPolicy, defaultPolicyInput } from './default-policy';
import { parsePolicy } from './parse';
import { policySchema } from './schema';

describe('the default policy', () => {
  it('parses with policySchema and with parsePolicy', () => {
    expect(policySchema.safeParse(defaultPolicyInput).success).toBe(true);
    expect(parsePolicy(defaultPolicyInput).ok).toBe(true);
  });

  it('has the five tiers of the model with their owner roles', () => {
    const owners = defaultPolicy.tiers.map((t) => defaultPolicy.roles.find((r) => r.id === t.ownerRole)?.name);
    expect(owners).toEqual(['Knowledge Base / AI Agent', 'Front-line Agent', 'Senior Specialist', 'Engineering / Product', 'Engineering A-Team']);
  });

  it('gives every tier a one-sentence boundary', () => {
    for (const t of defaultPolicy.tiers) expect(t.boundary.match(/[.!?](\s|$)/g)).toHaveLength(1);
  });

  it('places each issue type of the matrix at its tier', () => {
    const tierOf = Object.fromEntries(defaultPolicy.issueTypes.map((t) => [t.id, t.tier]));
    expect(tierOf).toEqual({
      faq: 'T0', 'how-to': 'T0', setup: 'T0',
      'known-issue': 'T1', billing: 'T1', access: 'T1',
      configuration: 'T2', integration: 'T2', bug: 'T2',
      'code-defect': 'T3', 'data-integrity': 'T3', 'data-loss': 'T3', 'feature-outage': 'T3',
      security: 'T4', architecture: 'T4', outage: 'T4',
    });
  });

  it('only refers to roles, calendars and severities it defines', () => {
    const roles = new Set(defaultPolicy.roles.map((r) => r.id));
    const calendars = new Set(defaultPolicy.calendars.map((c) => c.id));
    const severities = new Set(defaultPolicy.severities.map((s) => s.id));
    for (const t of defaultPolicy.tiers) expect(roles).toContain(t.ownerRole);
    for (const s of defaultPolicy.severities) expect(calendars).toContain(s.calendar);
    for (const t of defaultPolicy.triggers) {
      if (t.route.role) expect(roles).toContain(t.route.role);
      if (t.severity) expect(severities).toContain(t.severity);
    }
    expect(severities).toContain(defaultPolicy.defaultSeverity);
  });

  it('has a trigger of every kind and runs the critical severity on the 24x7 calendar', () => {
    expect(new Set(defaultPolicy.triggers.map((t) => t.kind))).toEqual(new Set(['functional', 'severity', 'time', 'contractual', 'systemic', 'sentiment']));
    const critical = defaultPolicy.severities.find((s) => s.id === 'critical');
    expect(critical?.calendar).toBe('24x7');
    expect(defaultPolicy.calendars.find((c) => c.id === '24x7')?.alwaysOpen).toBe(true);
    for (const s of defaultPolicy.severities) expect(parseDuration(s.escalation)).toBeGreaterThan(0);
  });

  it('requires the six base handoff items and each stage’s own context', () => {
    expect(defaultPolicy.handoff.base.map((i) => i.id)).toEqual(['summary', 'steps-tried', 'evidence', 'business-impact', 'escalation-reason', 'communication-owner']);
    const stage = (s: keyof typeof defaultPolicy.handoff.stages) => defaultPolicy.handoff.stages[s]?.map((i) => i.id);
    expect(stage('T0-T1')).toEqual(['user-id', 'search-queries', 'failed-self-service-path']);
    expect(stage('T1-T2')).toEqual(['steps-taken', 'account-configuration', 'screenshots', 'customer-tier-sla']);
    expect(stage('T2-T3')).toEqual(['logs', 'reproduction-steps', 'error-codes', 'impacted-users']);
    expect(stage('T3-T4')).toEqual(['vendor-evidence', 'internal-diagnostics', 'contractual-authority']);
  });

  it('gates AI at 0.90 and 0.70, stricter for billing, and never automates sensitive cases', () => {
    expect(defaultPolicy.ai.autoRouteAt).toBe(0.9);
    expect(defaultPolicy.ai.humanBelow).toBe(0.7);
    expect(defaultPolicy.ai.categories.billing?.autoRouteAt).toBeGreaterThan(0.9);
    expect(defaultPolicy.ai.sensitive.map((s) => s.id)).toEqual(['cancellation', 'legal-dispute', 'high-value-customer']);
  });

  it('maps Zendesk groups "Tier 1".."Tier 4" and tags tier_0..tier_4', () => {
    const zendesk = defaultPolicy.helpdesks.zendesk;
    expect(zendesk?.groups['Tier 3']).toBe('T3');
    expect(zendesk?.tags.tier_0).toBe('T0');
    expect(zendesk?.writeBack.T2).toEqual({ group: 'Tier 2', tag: 'tier_2' });
  });
});

describe('the default policy’s sentiment trigger, on Tuesday 10 March 2026 at 10:16 in Berlin', () => {
  const NOW = '2026-03-10T10:16:00+01:00';
  const route = createRouter(defaultPolicy);
  const thirdContact = (lastWords: string) =>
    ticketSchema.parse({
      id: 'S-1',
      subject: 'Weekly report totals wrong',
      description: 'The weekly report totals look wrong.',
      comments: [
        { author: 'customer', body: 'Any update on this?' },
        { author: 'agent', body: 'We are looking into it.' },
        { author: 'customer', body: lastWords },
      ],
    });
  const sentimentReason = (lastWords: string) => route(thirdContact(lastWords), { now: NOW }).reasons.find((r) => r.rule.endsWith('sentiment-angry-repeat'));

  it('fires on an angry third contact and shows the frustration score and the words behind it', () => {
    const reason = sentimentReason('This is the third time I write. Absolutely unacceptable.');
    expect(reason?.saw['sentiment.frustration']).toBeGreaterThanOrEqual(0.35);
    expect(reason?.saw['sentiment.signals']).toEqual(expect.arrayContaining([expect.stringContaining('Absolutely unacceptable'), expect.stringContaining('third time')]));
  });

  it('does not fire on a calm third contact', () => {
    expect(sentimentReason('Thanks, I will wait.')).toBeUndefined();
  });

  it('does not fire on "not unhappy, thanks" from a customer following up again', () => {
    expect(sentimentReason('I am not unhappy, thanks, just following up again.')).toBeUndefined();
  });

  it('fires on an all-capitals "THIRD TIME!!!" that names no emotion', () => {
    const reason = sentimentReason('THIRD TIME!!!');
    expect(reason?.saw['sentiment.signals']).toEqual(expect.arrayContaining([expect.stringContaining('THIRD TIME (frustration')]));
  });

  it('fires on a reopened ticket whose customer writes one complaint, and not on the first contact with the same words', () => {
    const ticket = { id: 'S-2', subject: 'Export', description: 'The export is broken and this is frustrating.' };
    expect(route(ticketSchema.parse({ ...ticket, reopenCount: 1 }), { now: NOW }).triggers.map((t) => t.id)).toContain('sentiment-angry-repeat');
    expect(route(ticketSchema.parse(ticket), { now: NOW }).triggers.map((t) => t.id)).not.toContain('sentiment-angry-repeat');
  });
});
