import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../core/policy/default-policy';
import { createFormat } from './format';
import { createNames, trendWords, verdictWords } from './names';
import { createTicketLinker } from './ticket-links';

describe('createFormat', () => {
  const fmt = createFormat('en-US');

  it('writes days, periods and moments in one style from the locale', () => {
    expect(fmt.day('2026-03-04T00:00:00.000Z')).toBe('Mar 4, 2026');
    // The period's end is exclusive: Feb 25 to Mar 4 (midnight) is Feb 25 – Mar 3.
    expect(fmt.span({ from: '2026-02-25T00:00:00.000Z', to: '2026-03-04T00:00:00.000Z' }).replace(/\s/g, ' ')).toBe('Feb 25 – Mar 3, 2026');
    expect(fmt.dateTime('2026-03-04T09:05:00.000Z')).toMatch(/^Mar 4, 2026, \d{1,2}:05\s[AP]M$/);
  });

  it('writes German days the German way', () => {
    expect(createFormat('de-DE').day('2026-03-04T00:00:00.000Z')).toBe('04.03.2026');
  });

  it('writes shares as percentages and changes as signed points', () => {
    expect(fmt.percent(0.125)).toBe('12.5%');
    expect(fmt.points(-17.5)).toBe('-17.5 points');
    expect(fmt.points(1)).toBe('+1 point');
  });
});

describe('createNames', () => {
  const names = createNames(defaultPolicy);

  it('names stages, issue types and helpdesks in words, not policy keys', () => {
    expect(names.stage('T1-T2')).toBe('Tier 1 → Tier 2');
    expect(names.stage('T1')).toBe('Stayed at Tier 1');
    expect(names.issueType('data-integrity')).toBe('Data integrity');
    expect(names.issueType('(none)')).toBe('No issue type');
    expect(names.helpdesk('jira')).toBe('Jira Service Management');
    expect(names.tier('T2')).toBe('Tier 2 (Technical)');
  });

  it('keeps an id the policy does not name', () => {
    expect(names.issueType('warp-drive')).toBe('warp-drive');
    expect(createNames(undefined).tier('T3')).toBe('Tier 3');
  });
});

describe('verdict and trend words', () => {
  const fmt = createFormat('en-US');
  const handoffs = { one: 'handoff', other: 'handoffs' };

  it('says "not enough data: 12 handoffs, need 30" instead of a verdict', () => {
    expect(verdictWords({ kind: 'not-enough-data', period: 'current', cases: 12, need: 30 }, handoffs)).toBe('Not enough data: 12 handoffs, need 30');
    expect(verdictWords({ kind: 'not-enough-data', period: 'previous', cases: 1, need: 30 }, handoffs)).toBe('Not enough data in the previous period: 1 handoff, need 30');
  });

  it('says why there is no trend, or which way it went', () => {
    expect(trendWords({ kind: 'unknown', period: 'previous', cases: 4, need: 30 }, handoffs, fmt)).toBe('No trend: the previous period has 4 handoffs, need 30');
    expect(trendWords({ kind: 'worse', changePoints: -17.5 }, handoffs, fmt)).toBe('Worse: -17.5 points');
  });
});

describe('createTicketLinker', () => {
  it('links a Zendesk, Freshdesk or Jira ticket on the one host the settings list for that helpdesk', () => {
    const linker = createTicketLinker([
      { host: 'help.acme.test', helpdesk: 'zendesk' },
      { host: 'desk.acme.test', helpdesk: 'freshdesk' },
      { host: 'jira.acme.test', helpdesk: 'jira' },
    ]);
    expect(linker.link({ helpdesk: 'zendesk', ticketId: '4711' })).toEqual({ label: 'Zendesk ticket 4711', href: 'https://help.acme.test/agent/tickets/4711' });
    expect(linker.link({ helpdesk: 'freshdesk', ticketId: '2001' }).href).toBe('https://desk.acme.test/a/tickets/2001');
    expect(linker.link({ helpdesk: 'jira', ticketId: 'SUP-101' }).href).toBe('https://jira.acme.test/browse/SUP-101');
    expect(linker.why(['zendesk', 'jira'])).toEqual([]);
  });

  it('shows the id with the helpdesk name, and says why, when the address is unknown or ambiguous', () => {
    const linker = createTicketLinker([
      { host: 'a.acme.test', helpdesk: 'freshdesk' },
      { host: 'b.acme.test', helpdesk: 'freshdesk' },
    ]);
    expect(linker.link({ helpdesk: 'zendesk', ticketId: '4711' })).toEqual({ label: 'Zendesk ticket 4711' });
    expect(linker.link({ helpdesk: 'freshdesk', ticketId: '1' }).href).toBeUndefined();
    const why = linker.why(['zendesk', 'freshdesk', 'zendesk']);
    expect(why).toHaveLength(2);
    expect(why[0]).toContain('not your Zendesk address');
    expect(why[1]).toContain('2 addresses for Freshdesk');
  });

  it('escapes a ticket id into the path', () => {
    expect(createTicketLinker([{ host: 'help.acme.test', helpdesk: 'zendesk' }]).link({ helpdesk: 'zendesk', ticketId: 'a/b?c' }).href).toBe('https://help.acme.test/agent/tickets/a%2Fb%3Fc');
  });
});
