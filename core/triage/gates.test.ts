import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aiGatesSchema } from '../policy/schema';
import { gateSuggestion, matchSensitive, thresholdsFor } from './gates';

const ai = aiGatesSchema.parse({
  autoRouteAt: 0.9,
  humanBelow: 0.7,
  categories: { billing: { autoRouteAt: 0.97 }, security: { autoRouteAt: 0.95, humanBelow: 0.8 } },
  sensitive: [
    { id: 'cancellation', description: 'the customer asks to cancel', when: { field: 'text', op: 'contains', value: ['cancel my subscription', 'close my account'] } },
    { id: 'legal-dispute', description: 'a legal dispute', when: { field: 'text', op: 'contains', value: ['lawyer', 'legal action', 'chargeback'] } },
    { id: 'high-value', description: 'a high-value customer', when: { field: 'requester.contractValue', op: 'gte', value: 100000 } },
  ],
  labels: { refund_request: { issueType: 'billing', role: 'billing-specialist' }, password_reset: { issueType: 'access' } },
});

describe('gateSuggestion', () => {
  it('auto-routes at or above 0.90, asks the agent to confirm from 0.70, and hands the rest to a person', () => {
    expect(gateSuggestion(ai, { label: 'password_reset', confidence: 0.9 }).gate).toBe('auto-route');
    expect(gateSuggestion(ai, { label: 'password_reset', confidence: 0.89 }).gate).toBe('confirm');
    expect(gateSuggestion(ai, { label: 'password_reset', confidence: 0.7 }).gate).toBe('confirm');
    expect(gateSuggestion(ai, { label: 'password_reset', confidence: 0.69 }).gate).toBe('human');
  });

  it('maps the label to its issue type and role through the policy', () => {
    const result = gateSuggestion(ai, { label: 'refund_request', confidence: 0.5 });
    expect(result).toMatchObject({ issueType: 'billing', role: 'billing-specialist' });
  });

  it('applies the stricter billing gate to a label that maps to billing', () => {
    expect(thresholdsFor(ai, 'refund_request')).toEqual({ autoRouteAt: 0.97, humanBelow: 0.7 });
    const result = gateSuggestion(ai, { label: 'refund_request', confidence: 0.95 });
    expect(result.gate).toBe('confirm');
    expect(result.reason).toContain('97%');
  });

  it('applies a per-category gate named by the label itself', () => {
    expect(gateSuggestion(ai, { label: 'security', confidence: 0.75 }).gate).toBe('human');
    expect(gateSuggestion(ai, { label: 'security', confidence: 0.96 }).gate).toBe('auto-route');
  });

  it('never auto-routes a sensitive case, even at 100% confidence', () => {
    const result = gateSuggestion(ai, { label: 'password_reset', confidence: 1, sensitive: ['legal-dispute'] });
    expect(result.gate).toBe('confirm');
    expect(result.reason).toContain('a legal dispute');
  });

  it('never auto-routes a sensitive case whatever the label, confidence or gates', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('refund_request', 'password_reset', 'security', 'unknown'), fc.subarray(['cancellation', 'legal-dispute', 'high-value', 'not-in-policy'], { minLength: 1 }), (confidence, label, sensitive) => {
        expect(gateSuggestion(ai, { label, confidence, sensitive }).gate).not.toBe('auto-route');
      }),
    );
  });

  it('respects the thresholds: auto-route only at or above, human only below', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('refund_request', 'password_reset', 'security'), (confidence, label) => {
        const { gate, autoRouteAt, humanBelow } = gateSuggestion(ai, { label, confidence });
        expect(gate === 'auto-route').toBe(confidence >= autoRouteAt);
        expect(gate === 'human').toBe(confidence < humanBelow);
      }),
    );
  });

  it('sends a suggestion without a usable confidence to a person', () => {
    expect(gateSuggestion(ai, { label: 'password_reset', confidence: Number.NaN }).gate).toBe('human');
  });
});

describe('matchSensitive', () => {
  it('finds a legal dispute in the ticket text and a high-value customer in its facts', () => {
    const facts = { text: 'If this is not fixed my lawyer will be in touch', requester: { contractValue: 250000 } };
    expect(matchSensitive(ai, facts).map((m) => m.id)).toEqual(['legal-dispute', 'high-value']);
  });

  it('finds nothing in an ordinary ticket', () => {
    expect(matchSensitive(ai, { text: 'How do I export a report?', requester: { contractValue: 1200 } })).toEqual([]);
  });
});
