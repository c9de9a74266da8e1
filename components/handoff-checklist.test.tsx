// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ChecklistItem, type Completeness, type EscalateResult, HandoffChecklist } from './handoff-checklist';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

const items: ChecklistItem[] = [
  { id: 'summary', label: 'Issue summary' },
  { id: 'steps-tried', label: 'Steps already tried' },
  { id: 'error-codes', label: 'Error codes', stage: true },
];

/** Stands in for core/handoff checkHandoff: share of non-empty items. */
function check(values: Record<string, string>): Completeness {
  const missing = items.filter((i) => !(values[i.id] ?? '').trim()).map((i) => i.label);
  return { score: Math.round((100 * (items.length - missing.length)) / items.length), missing, blocked: false };
}

function type(textarea: HTMLTextAreaElement, text: string) {
  textarea.value = text;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

async function flush() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

function mount(onEscalate: (v: Record<string, string>) => Promise<EscalateResult>, onDraftChange = vi.fn()) {
  act(() =>
    render(
      <HandoffChecklist stageLabel="Tier 1 → Tier 2" items={items} initial={{ summary: 'Invoice charged twice' }} check={check} onDraftChange={onDraftChange} onEscalate={onEscalate} />,
      root,
    ),
  );
}

function button(label: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent === label);
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}

describe('HandoffChecklist', () => {
  it('shows the prefilled item as done and the score of the packet', () => {
    mount(async () => ({ ok: true }));
    expect(root.querySelector('[data-testid="tl-score"]')?.textContent).toBe('33%');
    expect(root.querySelector('[data-testid="tl-missing"]')?.textContent).toBe('Missing: Steps already tried, Error codes');
    expect((root.querySelector('#tl-item-summary') as HTMLTextAreaElement).value).toBe('Invoice charged twice');
  });

  it('raises the score as the agent types and hands every edit to the draft saver', () => {
    const onDraftChange = vi.fn();
    mount(async () => ({ ok: true }), onDraftChange);
    act(() => type(root.querySelector('#tl-item-steps-tried') as HTMLTextAreaElement, 'Cleared cache'));
    expect(root.querySelector('[data-testid="tl-score"]')?.textContent).toBe('67%');
    expect(onDraftChange).toHaveBeenLastCalledWith({ summary: 'Invoice charged twice', 'steps-tried': 'Cleared cache' });
  });

  it('asks for confirmation before escalating, then reports success', async () => {
    const onEscalate = vi.fn(async () => ({ ok: true }) as const);
    mount(onEscalate);
    act(() => button('Escalate').click());
    expect(onEscalate).not.toHaveBeenCalled();
    expect(root.querySelector('[role="dialog"]')).not.toBeNull();
    act(() => button('Escalate now').click());
    await flush();
    expect(onEscalate).toHaveBeenCalledWith({ summary: 'Invoice charged twice' });
    expect(root.querySelector('[data-testid="tl-escalate-result"]')?.textContent).toContain('Escalated');
  });

  it('keeps the draft and says why when the helpdesk refuses the write', async () => {
    mount(async () => ({ ok: false, message: 'the helpdesk answered 500' }));
    act(() => type(root.querySelector('#tl-item-error-codes') as HTMLTextAreaElement, 'ERR_42'));
    act(() => button('Escalate').click());
    act(() => button('Escalate now').click());
    await flush();
    expect(root.querySelector('[data-testid="tl-escalate-result"]')?.textContent).toBe('Escalation failed: the helpdesk answered 500. Your draft is kept; try again.');
    expect((root.querySelector('#tl-item-error-codes') as HTMLTextAreaElement).value).toBe('ERR_42');
    expect(button('Escalate').disabled).toBe(false);
  });

  it('cancelling the confirmation changes nothing', () => {
    const onEscalate = vi.fn(async () => ({ ok: true }) as const);
    mount(onEscalate);
    act(() => button('Escalate').click());
    act(() => button('Cancel').click());
    expect(root.querySelector('[role="dialog"]')).toBeNull();
    expect(onEscalate).not.toHaveBeenCalled();
  });
});
