// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultPolicy } from '../core/policy/default-policy';
import { buildTicketView } from '../core/view/build-ticket-view';
import { breachTicket, viewOf } from './__fixtures__/views';
import { Override } from './override';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

const roles = defaultPolicy.roles.map((r) => ({ id: r.id, name: r.name, tier: r.tier }));
const view = viewOf(breachTicket);
const preview = (to: { tier: 'T0' | 'T1' | 'T2' | 'T3' | 'T4'; role: string }) => {
  const next = buildTicketView({ policy: defaultPolicy, policySource: 'default', ticket: breachTicket, decision: view.decision, override: { to, reason: 'preview' } });
  return { owner: next.owner, handoff: next.handoff, overruled: next.triggers.filter((t) => t.overruled) };
};

function pick(value: string) {
  const select = root.querySelector('select') as HTMLSelectElement;
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('Override', () => {
  it('has no default owner: nothing can be saved until the agent picks one and gives a reason', () => {
    act(() => render(<Override roles={roles} view={view} preview={preview} onSave={vi.fn()} onUndo={vi.fn()} />, root));
    act(() => (root.querySelector('button') as HTMLButtonElement).click());
    expect((root.querySelector('select') as HTMLSelectElement).value).toBe('');
    const reason = root.querySelector('input') as HTMLInputElement;
    act(() => {
      reason.value = 'Looks like spam';
      reason.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect((root.querySelector('button[type="submit"]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows what changes before saving: owner, handoff target, clock, and the bypass it would not follow', async () => {
    const onSave = vi.fn(async () => undefined);
    act(() => render(<Override roles={roles} view={view} preview={preview} onSave={onSave} onUndo={vi.fn()} />, root));
    act(() => (root.querySelector('button') as HTMLButtonElement).click());
    pick('knowledge-base');
    const changes = root.querySelector('[data-testid="tl-override-preview"]')?.textContent ?? '';
    expect(changes).toContain('Owner: Tier 0 · Knowledge Base / AI Agent (now Tier 4 · Security Incident Lead).');
    expect(changes).toContain('Handoff: Tier 1 · Front-line Agent → Tier 0 · Knowledge Base / AI Agent');
    expect(changes).toContain('Clock: unchanged');
    expect(root.querySelector('[data-testid="tl-override-overruled"]')?.textContent).toContain('Not followed:');
    const reason = root.querySelector('input') as HTMLInputElement;
    act(() => {
      reason.value = 'Spam from a known phishing domain';
      reason.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => (root.querySelector('button[type="submit"]') as HTMLButtonElement).click());
    expect(onSave).toHaveBeenCalledWith({ tier: 'T0', role: 'knowledge-base', reason: 'Spam from a known phishing domain' });
  });

  it('offers an undo while an override stands, and says what the policy said', async () => {
    const onUndo = vi.fn(async () => undefined);
    const overridden = viewOf(breachTicket, { override: { to: { tier: 'T3', role: 'engineering-product' }, reason: 'Data export bug, not an intrusion' } });
    act(() => render(<Override roles={roles} view={overridden} preview={preview} onSave={vi.fn()} onUndo={onUndo} />, root));
    expect(root.querySelector('[data-testid="tl-override-status"]')?.textContent).toContain('Overridden to Tier 3 · Engineering / Product: Data export bug, not an intrusion. The policy says Tier 4 · Security Incident Lead.');
    await act(async () => (root.querySelector('[data-testid="tl-override-undo"]') as HTMLButtonElement).click());
    expect(onUndo).toHaveBeenCalled();
  });

  it('keeps the form open and says why when saving fails', async () => {
    const onSave = vi.fn(async () => {
      throw new Error('the Tierline worker did not take it');
    });
    act(() => render(<Override roles={roles} view={view} preview={preview} onSave={onSave} onUndo={vi.fn()} />, root));
    act(() => (root.querySelector('button') as HTMLButtonElement).click());
    pick('engineering-product');
    const reason = root.querySelector('input') as HTMLInputElement;
    act(() => {
      reason.value = 'Export bug';
      reason.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => (root.querySelector('button[type="submit"]') as HTMLButtonElement).click());
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('The override was not saved: the Tierline worker did not take it');
    expect(root.querySelector('form')).not.toBeNull();
  });
});
