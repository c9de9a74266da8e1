import { describe, expect, it } from 'vitest';
import { getReviewCadence } from './review-cadence';

const rollout = '2026-01-10T00:00:00.000Z';

describe('getReviewCadence', () => {
  it('plans the first review one month after a rollout on 2026-01-10', () => {
    const r = getReviewCadence(rollout, { now: new Date('2026-01-20T00:00:00Z') });
    expect(r).toEqual({ ok: true, cadence: { phase: 'monthly', nextReviewAt: '2026-02-10T00:00:00.000Z', due: false, daysUntil: 21 } });
  });

  it('says the monthly review is due on 2026-02-15 when none was recorded since rollout', () => {
    const r = getReviewCadence(rollout, { now: new Date('2026-02-15T00:00:00Z') });
    expect(r.ok && r.cadence.due).toBe(true);
    expect(r.ok && r.cadence.daysUntil).toBe(-5);
  });

  it('moves to the next month once the 2026-02-10 review is recorded', () => {
    const r = getReviewCadence(rollout, { now: new Date('2026-02-15T00:00:00Z'), lastReviewedAt: '2026-02-12T00:00:00Z' });
    expect(r.ok && r.cadence).toMatchObject({ phase: 'monthly', nextReviewAt: '2026-03-10T00:00:00.000Z', due: false });
  });

  it('keeps the third review (2026-04-10, day 90) monthly and switches to quarterly after it', () => {
    const third = getReviewCadence(rollout, { now: new Date('2026-03-20T00:00:00Z'), lastReviewedAt: '2026-03-10T00:00:00Z' });
    expect(third.ok && third.cadence).toMatchObject({ phase: 'monthly', nextReviewAt: '2026-04-10T00:00:00.000Z' });
    const fourth = getReviewCadence(rollout, { now: new Date('2026-04-20T00:00:00Z'), lastReviewedAt: '2026-04-10T00:00:00Z' });
    expect(fourth.ok && fourth.cadence).toMatchObject({ phase: 'quarterly', nextReviewAt: '2026-07-10T00:00:00.000Z', due: false });
  });

  it('plans quarterly reviews a year after rollout', () => {
    const r = getReviewCadence(rollout, { now: new Date('2027-01-05T00:00:00Z'), lastReviewedAt: '2026-10-11T00:00:00Z' });
    expect(r.ok && r.cadence).toMatchObject({ phase: 'quarterly', nextReviewAt: '2027-01-10T00:00:00.000Z', due: false, daysUntil: 5 });
  });

  it('switches to quarterly after 90 days for a rollout on 2026-01-31 whose months are short', () => {
    const r = getReviewCadence('2026-01-31T00:00:00.000Z', { now: new Date('2026-05-01T00:00:00Z'), lastReviewedAt: '2026-04-30T00:00:00Z' });
    expect(r.ok && r.cadence.phase).toBe('quarterly');
  });

  it('names the latest missed review, the quarterly one of 2026-10-10, when none was recorded by 2026-11-27', () => {
    const r = getReviewCadence(rollout, { now: new Date('2026-11-27T00:00:00Z') });
    expect(r.ok && r.cadence).toMatchObject({ phase: 'quarterly', nextReviewAt: '2026-10-10T00:00:00.000Z', due: true });
  });

  it('returns a typed error when the policy has no rollout date', () => {
    expect(getReviewCadence(undefined, { now: new Date('2026-01-01T00:00:00Z') }).ok).toBe(false);
    expect(getReviewCadence('not a date', { now: new Date('2026-01-01T00:00:00Z') }).ok).toBe(false);
  });
});
