// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { billingDecision, breachDecision } from './__fixtures__/decisions';
import { TriggerWarnings } from './trigger-warnings';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

describe('TriggerWarnings', () => {
  it('says what a contractual trigger means and where the ticket goes', () => {
    const names: Record<string, string> = { 'billing-specialist': 'Billing Specialist' };
    act(() => render(<TriggerWarnings triggers={billingDecision.triggers} roleName={(id) => names[id] ?? id} />, root));
    const item = root.querySelector('.tl-trigger');
    expect(item?.textContent).toContain('Contractual');
    expect(item?.textContent).toContain('Billing dispute over $1,000 → Billing Specialist');
    expect(item?.textContent).toContain('Assign to the Billing Specialist queue');
    expect(item?.classList.contains('tl-critical')).toBe(false);
  });

  it('styles a bypass as critical and announces it', () => {
    act(() => render(<TriggerWarnings triggers={breachDecision.triggers} />, root));
    const item = root.querySelector('.tl-trigger');
    expect(item?.classList.contains('tl-critical')).toBe(true);
    expect(item?.querySelector('[role="alert"]')?.textContent).toBe('Critical bypass · Severity');
    expect(item?.textContent).toContain('Critical bypass');
    expect(item?.textContent).toContain('→ Tier 4 · security-engineer');
  });

  it('marks a warn-only trigger as a warning with no destination', () => {
    const furious = { id: 'sentiment-furious-first-contact', kind: 'sentiment' as const, description: 'A furious, high-impact first contact', action: 'Acknowledge the impact.', bypass: false, warnOnly: true };
    act(() => render(<TriggerWarnings triggers={[furious]} />, root));
    const item = root.querySelector('.tl-trigger');
    expect(item?.querySelector('.tl-trigger-kind')?.textContent).toBe('Sentiment · warning, no tier move');
    expect(item?.textContent).not.toContain('→');
  });

  it('says plainly when no trigger fired', () => {
    act(() => render(<TriggerWarnings triggers={[]} />, root));
    expect(root.textContent).toBe('No escalation trigger fired.');
  });
});
