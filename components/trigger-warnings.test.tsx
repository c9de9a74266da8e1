// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPolicy } from '../core/policy/default-policy';
import { billingTicket, breachTicket, viewOf } from './__fixtures__/views';
import { TriggerWarnings } from './trigger-warnings';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));
const names = new Map(defaultPolicy.roles.map((r) => [r.id, r.name]));
const roleName = (id: string) => names.get(id) ?? id;

describe('TriggerWarnings', () => {
  it('says what a contractual trigger means and where the ticket goes, as a bypass and not as "critical"', () => {
    act(() => render(<TriggerWarnings triggers={viewOf(billingTicket).triggers} roleName={roleName} />, root));
    const item = root.querySelector('.tl-trigger');
    expect(item?.querySelector('.tl-trigger-kind')?.textContent).toBe('Bypass · Contractual');
    expect(item?.textContent).toContain('→ Tier 1 · Billing Specialist');
    expect(root.textContent?.toLowerCase()).not.toContain('critical');
  });

  it('announces a bypass and says when an override does not follow the trigger', () => {
    const view = viewOf(breachTicket, { override: { to: { tier: 'T2', role: 'senior-specialist' }, reason: 'test' } });
    act(() => render(<TriggerWarnings triggers={view.triggers} roleName={roleName} />, root));
    const breach = [...root.querySelectorAll('.tl-trigger')].find((li) => li.textContent?.includes('Tier 4'));
    expect(breach?.querySelector('[role="alert"]')?.textContent).toBe('Bypass · Severity');
    expect(breach?.querySelector('[data-testid="tl-trigger-overruled"]')?.textContent).toBe('The override does not follow this trigger.');
  });

  it('marks a warn-only trigger as a warning with no destination', () => {
    const furious = { id: 'sentiment-furious-first-contact', kind: 'sentiment' as const, description: 'A furious, high-impact first contact', action: 'Acknowledge the impact.', bypass: false, warnOnly: true, overruled: false };
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
