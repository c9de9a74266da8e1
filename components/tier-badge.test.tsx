// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { billingDecision, breachDecision } from './__fixtures__/decisions';
import { TierBadge } from './tier-badge';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

describe('TierBadge', () => {
  it('shows tier, role, severity, time in queue and time to breach', () => {
    act(() => render(<TierBadge decision={billingDecision} source="worker" />, root));
    const text = root.querySelector('.tl-badge')?.textContent ?? '';
    expect(text).toContain('Tier 1');
    expect(text).toContain('Billing Specialist');
    expect(text).toContain('Normal');
    expect(text).toContain('12m in queue');
    expect(text).toContain('breaches in 1h 48m');
  });

  it('toggles the list of reasons on click and reports it with aria-expanded', () => {
    act(() => render(<TierBadge decision={billingDecision} source="worker" />, root));
    const button = root.querySelector('button') as HTMLButtonElement;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('.tl-why')).toBeNull();
    act(() => button.click());
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelector('.tl-why')?.textContent).toContain('Disputed amount $2,400 is over $1,000.');
    act(() => button.click());
    expect(root.querySelector('.tl-why')).toBeNull();
  });

  it('marks a bypass unmistakably and shows a breached clock', () => {
    act(() => render(<TierBadge decision={breachDecision} source="local" />, root));
    expect(root.querySelector('.tl-bypass-flag')?.textContent).toBe('BYPASS');
    expect(root.querySelector('.tl-badge-wrap')?.classList.contains('tl-bypass')).toBe(true);
    expect(root.textContent).toContain('breached 15m ago');
    act(() => (root.querySelector('button') as HTMLButtonElement).click());
    expect(root.textContent).toContain('the worker did not answer');
  });

  it('shows the agent override while keeping the policy answer in the reasons', () => {
    act(() => render(<TierBadge decision={billingDecision} source="worker" override={{ tier: 'T2', roleName: 'Integration Engineer' }} />, root));
    expect(root.querySelector('.tl-badge')?.textContent).toContain('Tier 2');
    act(() => (root.querySelector('button') as HTMLButtonElement).click());
    expect(root.querySelector('.tl-why-override')?.textContent).toContain('the policy said Tier 1 · Billing Specialist');
  });
});
