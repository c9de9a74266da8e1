import { describe, expect, it } from 'vitest';
import { summarizeBacktest } from './backtest';

describe('summarizeBacktest', () => {
  const rows = [
    { ticketId: '1', decided: 'T1', actual: 'T1', entry: 'T1' },
    { ticketId: '2', decided: 'T2', actual: 'T2', entry: 'T1', decidedRole: 'senior-specialist', actualRole: 'senior-specialist' },
    { ticketId: '3', decided: 'T2', actual: 'T3', entry: 'T1', decidedRole: 'senior-specialist', actualRole: 'engineering-product' },
    { ticketId: '4', decided: 'T1', actual: 'T2', entry: 'T1' },
  ] as const;

  it('counts a ticket as misrouted when the decided tier differs from where it really ended', () => {
    expect(summarizeBacktest(rows)).toMatchObject({ tickets: 4, misrouted: 2, misroutingRate: 0.5, roleChecked: 2, roleMismatches: 1, roleMismatchRate: 0.5 });
  });

  it('compares how often the policy escalates with how often tickets really were', () => {
    expect(summarizeBacktest(rows)).toMatchObject({ escalationRate: 0.5, actualEscalationRate: 0.75 });
  });

  it('scores each tier by precision and recall from the confusion counts', () => {
    const summary = summarizeBacktest(rows);
    expect(summary.confusion.T3.T2).toBe(1);
    expect(summary.perTier.find((t) => t.tier === 'T2')).toEqual({ tier: 'T2', actual: 2, decided: 2, correct: 1, precision: 0.5, recall: 0.5 });
    expect(summary.perTier.find((t) => t.tier === 'T3')).toEqual({ tier: 'T3', actual: 1, decided: 0, correct: 0, precision: null, recall: 0 });
  });

  it('reports zero rates, not NaN, for an empty history', () => {
    expect(summarizeBacktest([])).toMatchObject({ tickets: 0, misroutingRate: 0, escalationRate: 0, roleMismatchRate: 0 });
  });
});
