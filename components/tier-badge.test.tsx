// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { billingTicket, breachTicket, viewOf } from './__fixtures__/views';
import { TierBadge } from './tier-badge';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

const open = () => act(() => (root.querySelector('button') as HTMLButtonElement).click());

describe('TierBadge', () => {
  it('shows owner (tier and role), severity as the clock, and business time in words', () => {
    act(() => render(<TierBadge view={viewOf(billingTicket)} decidedBy="worker" />, root));
    const text = root.querySelector('.tl-badge')?.textContent ?? '';
    expect(text).toContain('Tier 1');
    expect(text).toContain('Billing Specialist');
    expect(text).toContain('Severity: Normal');
    expect(text).toContain('12 min in queue');
    expect(text).toContain('breaches in 7 h 48 min');
  });

  it('explains a sideways bypass without claiming it skips tiers', () => {
    act(() => render(<TierBadge view={viewOf(billingTicket)} decidedBy="worker" />, root));
    open();
    expect(root.querySelector('.tl-why-bypass')?.textContent).toBe('Bypass: straight to Tier 1 · Billing Specialist, without the usual queue.');
  });

  it('names the tiers a breach skips and the policy in force', () => {
    act(() => render(<TierBadge view={viewOf(breachTicket)} decidedBy="local" />, root));
    expect(root.querySelector('.tl-bypass-flag')?.textContent).toBe('BYPASS');
    open();
    expect(root.querySelector('.tl-why-bypass')?.textContent).toBe('Bypass: straight from Tier 1 to Tier 4 · Security Incident Lead, skipping Tier 2–3.');
    expect(root.querySelector('[data-testid="tl-policy"]')?.textContent).toContain("Policy “Tierline default support levels” · revision 1 · Tierline's built-in default.");
    expect(root.textContent).toContain('the worker did not answer');
  });

  it('shows the override as the owner, keeps the policy answer in the reasons, and drops the bypass flag', () => {
    const view = viewOf(breachTicket, { override: { to: { tier: 'T2', role: 'senior-specialist' }, reason: 'Phishing test by their own IT' } });
    act(() => render(<TierBadge view={view} decidedBy="worker" />, root));
    expect(root.querySelector('.tl-badge')?.textContent).toContain('OVERRIDDENTier 2Senior Specialist');
    expect(root.querySelector('.tl-bypass-flag')).toBeNull();
    open();
    expect(root.querySelector('.tl-why-override')?.textContent).toBe('Overridden by an agent (Phishing test by their own IT); the policy says Tier 4 · Security Incident Lead.');
  });
});
