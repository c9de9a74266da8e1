import { describe, expect, it } from 'vitest';
import { bypassText, fieldLabel, formatBreach, formatBusinessTime, policyLabel } from './format';

describe('the overlay vocabulary', () => {
  it('writes business time with the calendar working day, never a 24-hour "day"', () => {
    expect(formatBusinessTime(25, 480)).toBe('25 min');
    expect(formatBusinessTime(185, 480)).toBe('3 h 05 min');
    expect(formatBusinessTime(480, 480)).toBe('1 business day');
    expect(formatBusinessTime(2400, 480)).toBe('5 business days');
    expect(formatBusinessTime(600, 480)).toBe('1 business day 2 h');
    expect(formatBusinessTime(1500, 1440)).toBe('1 day 1 h');
    expect(formatBusinessTime(1500, 0)).toBe('25 h');
  });

  it('says whether a clock breaches, breached or waits on the customer', () => {
    expect(formatBreach({ remainingMinutes: 12, breached: false, paused: false }, 480)).toBe('breaches in 12 min');
    expect(formatBreach({ remainingMinutes: -5, breached: true, paused: false }, 480)).toBe('breached 5 min ago');
    expect(formatBreach({ remainingMinutes: 5, breached: false, paused: true }, 480)).toBe('clock paused (waiting on the customer)');
  });

  it('says which tiers a bypass skips, and none for a move within a tier', () => {
    expect(bypassText({ tier: 'T1' }, { tier: 'T3', roleName: 'Engineering' })).toBe('Bypass: straight from Tier 1 to Tier 3 · Engineering, skipping Tier 2.');
    expect(bypassText({ tier: 'T1' }, { tier: 'T1', roleName: 'Billing Specialist' })).toBe('Bypass: straight to Tier 1 · Billing Specialist, without the usual queue.');
  });

  it('names fields and the policy in words', () => {
    expect(fieldLabel('tierEnteredAt')).toBe('when the ticket reached its tier');
    expect(fieldLabel('comments[2]')).toBe('message 3 of the conversation');
    expect(fieldLabel('someCustomField')).toBe('some custom field');
    expect(policyLabel({ name: 'Acme', revision: 4, source: 'managed' })).toBe('Policy “Acme” · revision 4 · set by your administrator');
  });
});
