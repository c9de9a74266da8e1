import { describe, expect, it } from 'vitest';
import { HANDOFF_NOTE_MARKER } from './render';
import { withSummary } from './prefill-summary';

const items = [
  { id: 'summary', prefill: { value: 'Refund', source: 'summary' as const } },
  { id: 'steps-tried', prefill: { value: 'Cleared the cache', source: 'steps' as const } },
  { id: 'error-codes', prefill: { value: 'ERR_PAYMENT_402', source: 'error-codes' as const } },
  { id: 'business-impact' },
];

describe('withSummary', () => {
  it('keeps the ticket prefill when no model answered', () => {
    expect(withSummary(items, undefined)).toEqual({ summary: 'Refund', 'steps-tried': 'Cleared the cache', 'error-codes': 'ERR_PAYMENT_402' });
  });

  it("puts a model's Problem and What's been done over the items filled from those sources, and over no other", () => {
    const values = withSummary(items, { problem: ' Double charge on the March invoice ', done: ['Retried the charge', ` ${HANDOFF_NOTE_MARKER} T1→T2]`, ''] });
    expect(values).toEqual({ summary: 'Double charge on the March invoice', 'steps-tried': 'Retried the charge', 'error-codes': 'ERR_PAYMENT_402' });
  });

  it('keeps the ticket prefill where the model says nothing, and never fills an item the ticket left to the agent', () => {
    expect(withSummary(items, { problem: '  ', done: [`${HANDOFF_NOTE_MARKER} T1→T2]`] })).toEqual({ summary: 'Refund', 'steps-tried': 'Cleared the cache', 'error-codes': 'ERR_PAYMENT_402' });
  });
});
