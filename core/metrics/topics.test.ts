import { describe, expect, it } from 'vitest';
import { eventSchema, type TierlineEvent, type TierlineEventInput } from '../events';
import { learningTopics } from './topics';

let counter = 0;
function ev(type: TierlineEventInput['type'], ticketId: string, at: string, data: Record<string, unknown>): TierlineEvent {
  counter++;
  return eventSchema.parse({ id: `evt-${String(counter).padStart(6, '0')}`, type, ticketId, at, helpdesk: 'zendesk', agent: 'ana', data });
}

const FEBRUARY = { from: '2026-02-02T00:00:00Z', to: '2026-03-02T00:00:00Z', now: new Date('2026-03-02T00:00:00Z') };

function escalated(ticketId: string, at: string, category: string, reason: string, extra: { to?: 'T2' | 'T3'; unnecessary?: boolean } = {}): TierlineEvent[] {
  return [
    ev('decision', ticketId, at, { tier: 'T1', role: 'front-line-agent', severity: 'normal', category }),
    ev('escalation', ticketId, at, { from: 'T1', to: extra.to ?? 'T2', reason, unnecessary: extra.unnecessary }),
  ];
}

describe('learningTopics', () => {
  it('splits integration escalations into a webhook topic and an SSO topic by the words agents wrote', () => {
    const events = [
      ...escalated('1', '2026-02-03T09:00:00Z', 'integration', 'Webhook signature fails after the key rotation'),
      ...escalated('2', '2026-02-10T09:00:00Z', 'integration', 'The webhooks are failing with signature errors'),
      ...escalated('3', '2026-02-17T09:00:00Z', 'integration', 'Webhook retries pile up'),
      ...escalated('4', '2026-02-18T09:00:00Z', 'integration', 'SSO login loops back to the SAML page'),
      ...escalated('5', '2026-02-24T09:00:00Z', 'integration', 'SAML assertion rejected by SSO'),
      ...escalated('6', '2026-02-25T09:00:00Z', 'billing', 'Refund over the limit for the invoice'),
      ...escalated('7', '2026-02-26T09:00:00Z', 'billing', 'Invoice refund needs approval'),
    ];
    const topics = learningTopics(events, FEBRUARY);
    expect(topics.map((t) => [t.issueType, t.terms[0], t.escalations])).toEqual([
      ['integration', 'webhook', 3],
      ['billing', 'invoice', 2],
      ['integration', 'saml', 2],
    ]);
    expect(topics[0]?.terms).toContain('signature');
    expect(topics[2]?.terms).toContain('sso');
  });

  it('counts a topic per ISO week, the last week of the period in full', () => {
    const events = [
      ...escalated('1', '2026-02-03T09:00:00Z', 'configuration', 'Custom field mapping lost'),
      ...escalated('2', '2026-02-04T09:00:00Z', 'configuration', 'Field mapping reset'),
      ...escalated('3', '2026-02-25T09:00:00Z', 'configuration', 'Mapping of the field broke again'),
    ];
    const [topic] = learningTopics(events, FEBRUARY);
    expect(topic?.counts).toEqual([
      { key: '2026-02-02', count: 2, partial: false },
      { key: '2026-02-09', count: 0, partial: false },
      { key: '2026-02-16', count: 0, partial: false },
      { key: '2026-02-23', count: 1, partial: false },
    ]);
    expect(topic).toMatchObject({ firstAt: '2026-02-03T09:00:00.000Z', lastAt: '2026-02-25T09:00:00.000Z' });
    expect(topic?.examples.map((t) => t.ticketId)).toEqual(['3', '2', '1']);
  });

  it('suggests a Tier 1 playbook when a fifth or more of the escalations proved avoidable, else a knowledge-base article', () => {
    const avoidable = [
      ...escalated('1', '2026-02-03T09:00:00Z', 'access', 'Password reset link expired', { unnecessary: true }),
      ...escalated('2', '2026-02-04T09:00:00Z', 'access', 'Reset link expired again'),
    ];
    const defects = [
      ...escalated('3', '2026-02-05T09:00:00Z', 'code-defect', 'Export crashes on large files', { to: 'T3' }),
      ...escalated('4', '2026-02-06T09:00:00Z', 'code-defect', 'Export crash with 2 GB file', { to: 'T3' }),
    ];
    const topics = learningTopics([...avoidable, ...defects], FEBRUARY);
    expect(topics.find((t) => t.issueType === 'access')).toMatchObject({ suggestion: 'tier-1-playbook', unnecessary: 1, byTier: { T2: 2, T3: 0 } });
    expect(topics.find((t) => t.issueType === 'code-defect')).toMatchObject({ suggestion: 'knowledge-base-article', byTier: { T2: 0, T3: 2 } });
  });

  it('keeps escalations without a reason as one topic of their issue type, and drops a topic seen once', () => {
    const events = [
      ...escalated('1', '2026-02-03T09:00:00Z', 'bug', ''),
      ...escalated('2', '2026-02-04T09:00:00Z', 'bug', ''),
      ...escalated('3', '2026-02-05T09:00:00Z', 'outage', 'Region down'),
    ];
    expect(learningTopics(events, FEBRUARY).map((t) => [t.issueType, t.terms, t.escalations])).toEqual([['bug', [], 2]]);
  });

  it('does not depend on the order the events arrived in', () => {
    const events = [
      ...escalated('1', '2026-02-03T09:00:00Z', 'integration', 'Webhook signature fails'),
      ...escalated('2', '2026-02-10T09:00:00Z', 'integration', 'Webhook signature wrong'),
    ];
    expect(learningTopics([...events].reverse(), FEBRUARY)).toEqual(learningTopics(events, FEBRUARY));
  });
});
