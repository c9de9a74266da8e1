import { describe, expect, it } from 'vitest';
import { bucketsOf, bucketUnitFor, periodPair } from './periods';

describe('periodPair', () => {
  it('takes the last 7 whole UTC days up to and including Tuesday 2026-03-10, and the 7 days before', () => {
    expect(periodPair(new Date('2026-03-10T15:00:00Z'), 7)).toEqual({
      days: 7,
      current: { from: '2026-03-04T00:00:00.000Z', to: '2026-03-11T00:00:00.000Z' },
      previous: { from: '2026-02-25T00:00:00.000Z', to: '2026-03-04T00:00:00.000Z' },
    });
  });
});

describe('bucketsOf', () => {
  it('draws the week cut by the start of the period and the week still running as partial', () => {
    const weeks = bucketsOf({ from: '2026-03-04T00:00:00Z', to: '2026-03-18T00:00:00Z' }, 'week', new Date('2026-03-17T12:00:00Z'));
    expect(weeks.map((w) => [w.key, w.coverage, w.partial])).toEqual([
      ['2026-03-02', 0.714, true],
      ['2026-03-09', 1, false],
      ['2026-03-16', 0.214, true],
    ]);
  });

  it('starts weeks on Monday as the endpoint groups them: Sunday 2026-03-15 is in the week of 2026-03-09', () => {
    const weeks = bucketsOf({ from: '2026-03-15T00:00:00Z', to: '2026-03-16T00:00:00Z' }, 'week', new Date('2026-04-01T00:00:00Z'));
    expect(weeks.map((w) => w.key)).toEqual(['2026-03-09']);
    expect(weeks[0]?.coverage).toBeCloseTo(1 / 7, 3);
  });

  it('marks today as partial and leaves out days that have not begun', () => {
    const days = bucketsOf({ from: '2026-03-08T00:00:00Z', to: '2026-03-12T00:00:00Z' }, 'day', new Date('2026-03-10T06:00:00Z'));
    expect(days.map((d) => [d.key, d.partial])).toEqual([
      ['2026-03-08', false],
      ['2026-03-09', false],
      ['2026-03-10', true],
    ]);
    expect(days[2]?.coverage).toBe(0.25);
  });

  it('has no bucket for an empty span', () => {
    expect(bucketsOf({ from: '2026-03-10T00:00:00Z', to: '2026-03-10T00:00:00Z' }, 'day', new Date('2026-04-01T00:00:00Z'))).toEqual([]);
  });
});

describe('bucketUnitFor', () => {
  it('charts 7 days by day and 30 or 90 days by week', () => {
    expect([bucketUnitFor(7), bucketUnitFor(30), bucketUnitFor(90)]).toEqual(['day', 'week', 'week']);
  });
});
