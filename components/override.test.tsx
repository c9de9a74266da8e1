// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Override } from './override';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

const roles = [
  { id: 'frontline-agent', name: 'Frontline Agent', tier: 'T1' as const },
  { id: 'billing-specialist', name: 'Billing Specialist', tier: 'T1' as const },
  { id: 'integration-engineer', name: 'Integration Engineer', tier: 'T2' as const },
];

describe('Override', () => {
  it('records a new tier and role with a reason in two clicks', async () => {
    const onSave = vi.fn();
    act(() => render(<Override roles={roles} current={{ tier: 'T1', role: 'frontline-agent' }} onSave={onSave} />, root));
    const open = root.querySelector('button') as HTMLButtonElement;
    act(() => open.click());
    expect(open.getAttribute('aria-expanded')).toBe('true');
    const select = root.querySelector('select') as HTMLSelectElement;
    act(() => {
      select.value = 'integration-engineer';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const save = root.querySelector('button[type="submit"]') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    const reason = root.querySelector('input') as HTMLInputElement;
    act(() => {
      reason.value = 'Webhook signature mismatch, not billing';
      reason.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => save.click());
    expect(onSave).toHaveBeenCalledWith({ tier: 'T2', role: 'integration-engineer', reason: 'Webhook signature mismatch, not billing' });
    expect(root.textContent).toContain('Overridden to Tier 2 · Integration Engineer.');
  });
});
