import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../core/policy/default-policy';
import { decide } from '../../core/route/decide';
import { parseTicket } from '../../core/ticket-parse';
import { SAMPLE_TICKETS, simulatedNow } from './sample-tickets';

/** What each sample's label promises, under the default policy. */
const STORIES: Record<string, { tier: string; role: string; bypass: boolean; fires?: string }> = {
  faq: { tier: 'T0', role: 'knowledge-base', bypass: false },
  'password-urgent': { tier: 'T1', role: 'front-line-agent', bypass: false },
  'billing-dispute': { tier: 'T1', role: 'billing-specialist', bypass: true, fires: 'contractual-billing-dispute' },
  'enterprise-waiting': { tier: 'T2', role: 'senior-specialist', bypass: false, fires: 'time-enterprise-t1' },
  security: { tier: 'T4', role: 'security-incident-lead', bypass: true, fires: 'severity-security-breach' },
  outage: { tier: 'T4', role: 'engineering-a-team', bypass: true, fires: 'severity-system-outage' },
};

const opened = [
  ['on a Monday morning in Berlin', '2026-03-09T10:00:00Z'],
  ['on a Saturday afternoon', '2026-03-07T14:00:00Z'],
  ['at night', '2026-03-10T02:30:00Z'],
  ['five minutes after opening', '2026-03-10T08:05:00Z'],
  ['on Christmas Day', '2026-12-25T11:00:00Z'],
] as const;

describe('the simulator samples', () => {
  it('tells one story per sample', () => {
    expect(SAMPLE_TICKETS.map((s) => s.id).sort()).toEqual(Object.keys(STORIES).sort());
  });

  for (const [when, iso] of opened) {
    it(`hold their stories when the page is opened ${when}`, () => {
      const now = simulatedNow(defaultPolicy, new Date(iso));
      for (const sample of SAMPLE_TICKETS) {
        const parsed = parseTicket(sample.ticket(now));
        if (!parsed.ok) throw new Error(`${sample.id}: ${JSON.stringify(parsed.errors)}`);
        const decision = decide(defaultPolicy, parsed.ticket, { now });
        const story = STORIES[sample.id]!;
        expect({ tier: decision.tier, role: decision.role, bypass: decision.bypass }, sample.label).toEqual({ tier: story.tier, role: story.role, bypass: story.bypass });
        if (story.fires) expect(decision.triggers.map((t) => t.id), sample.label).toContain(story.fires);
      }
    });
  }

  it('simulates at the real time inside business hours, else at the first moment two business hours later', () => {
    expect(simulatedNow(defaultPolicy, new Date('2026-03-09T12:00:00Z')).toISOString()).toBe('2026-03-09T12:00:00.000Z');
    // Saturday 15:00 Berlin → Monday 11:00 Berlin.
    expect(simulatedNow(defaultPolicy, new Date('2026-03-07T14:00:00Z')).toISOString()).toBe('2026-03-09T10:00:00.000Z');
    // Tuesday 09:05 Berlin: only five minutes open so far → 11:05.
    expect(simulatedNow(defaultPolicy, new Date('2026-03-10T08:05:00Z')).toISOString()).toBe('2026-03-10T10:05:00.000Z');
  });

  it('keeps the real time when every calendar is open round the clock', () => {
    const open = { ...defaultPolicy, calendars: defaultPolicy.calendars.map((c) => ({ ...c, alwaysOpen: true })) };
    expect(simulatedNow(open, new Date('2026-03-07T22:00:00Z')).toISOString()).toBe('2026-03-07T22:00:00.000Z');
  });
});
