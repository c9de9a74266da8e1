// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { draftValuesSchema } from '../extension/messaging/protocol';
import { CONFIRMED_KEY, itemValuesOf, readConfirmed, withConfirmed } from './checklist-draft';
import { type ChecklistItem, type Completeness, type EscalateResult, HandoffChecklist } from './handoff-checklist';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

const items: ChecklistItem[] = [
  { id: 'summary', label: 'Issue summary' },
  { id: 'steps-tried', label: 'Steps already tried' },
  { id: 'error-codes', label: 'Error codes', stage: true },
];

/** Stands in for core/handoff checkHandoff: share of non-empty items, a prefilled one only once confirmed. */
function checkWith(prefilled: readonly string[] = [], blocking = false) {
  return (values: Record<string, string>): Completeness => {
    const confirmed = readConfirmed(values);
    const filled = items.filter((i) => (values[i.id] ?? '').trim());
    const toCheck = filled.filter((i) => prefilled.includes(i.id) && !confirmed.has(i.id));
    const missing = items.filter((i) => !filled.includes(i)).map((i) => i.label);
    const share = (n: number) => Math.round((100 * n) / items.length);
    const done = filled.length - toCheck.length;
    return { score: share(done), filledScore: share(filled.length), required: items.length, confirmed: done, missing, toCheck: toCheck.map((i) => i.label), blocked: blocking && done < items.length };
  };
}
const check = checkWith();

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
      <HandoffChecklist
        stageLabel="Tier 1 → Tier 2 · Senior Specialist"
        targetLabel="Tier 2 · Senior Specialist"
        items={items}
        initial={{ summary: 'Invoice charged twice' }}
        check={check}
        onDraftChange={onDraftChange}
        onEscalate={onEscalate}
      />,
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

  it('stays on "Escalated" after a successful escalation, so a second click cannot write a second note', async () => {
    const onEscalate = vi.fn(async () => ({ ok: true }) as const);
    mount(onEscalate);
    act(() => button('Escalate').click());
    expect(root.querySelector('[role="dialog"]')?.textContent).toContain('move the ticket to Tier 2 · Senior Specialist?');
    const now = button('Escalate now');
    act(() => {
      now.click();
      now.click();
    });
    await flush();
    expect(onEscalate).toHaveBeenCalledTimes(1);
    expect(button('Escalated').disabled).toBe(true);
  });
});

describe('HandoffChecklist with prefilled items', () => {
  const prefilled = ['summary', 'error-codes'];

  function mountPrefilled(initial: Record<string, string>, { onDraftChange = vi.fn(), blocking = false } = {}) {
    act(() =>
      render(
        <HandoffChecklist
          stageLabel="Tier 2 → Tier 3 · Engineering / Product"
          targetLabel="Tier 3 · Engineering / Product"
          items={items}
          initial={initial}
          prefilled={prefilled}
          check={checkWith(prefilled, blocking)}
          onDraftChange={onDraftChange}
          onEscalate={async () => ({ ok: true })}
        />,
        root,
      ),
    );
    return onDraftChange;
  }

  const fromTicket = { summary: 'Checkout fails at the payment step', 'error-codes': 'ERR_CHECKOUT_500' };
  const score = () => root.querySelector('[data-testid="tl-score"]')?.textContent;
  const detail = () => root.querySelector('[data-testid="tl-score-detail"]')?.textContent;

  it('marks prefilled items "prefilled — check" and leaves them out of the score', () => {
    mountPrefilled(fromTicket);
    expect(score()).toBe('0%');
    expect(detail()).toBe('0 of 3 confirmed · 2 prefilled to check');
    expect(root.querySelector('[data-testid="tl-prefilled-summary"]')?.textContent?.trim()).toBe('prefilled — check');
    expect(root.querySelector('[data-testid="tl-to-check"]')?.textContent).toBe('To check: Issue summary, Error codes');
    expect(root.querySelector('[data-testid="tl-prefilled-steps-tried"]')).toBeNull();
  });

  it('counts a prefilled item once the agent says it looks right, and keeps the confirmation in the draft', () => {
    const onDraftChange = mountPrefilled(fromTicket);
    act(() => (root.querySelector('[data-testid="tl-confirm-summary"]') as HTMLInputElement).click());
    expect(score()).toBe('33%');
    expect(detail()).toBe('1 of 3 confirmed · 1 prefilled to check');
    expect(root.querySelector('[data-testid="tl-prefilled-summary"]')).toBeNull();
    expect(onDraftChange).toHaveBeenLastCalledWith({ ...fromTicket, [CONFIRMED_KEY]: 'summary' });
  });

  it('takes an edit of a prefilled item as a confirmation', () => {
    const onDraftChange = mountPrefilled(fromTicket);
    act(() => type(root.querySelector('#tl-item-error-codes') as HTMLTextAreaElement, 'ERR_CHECKOUT_500 and HTTP 502'));
    expect(score()).toBe('33%');
    expect(onDraftChange).toHaveBeenLastCalledWith({ ...fromTicket, 'error-codes': 'ERR_CHECKOUT_500 and HTTP 502', [CONFIRMED_KEY]: 'error-codes' });
  });

  it('keeps Escalate disabled under a blocking policy until the prefill is checked', () => {
    mountPrefilled({ ...fromTicket, 'steps-tried': 'Restarted the worker' }, { blocking: true });
    expect(button('Escalate').disabled).toBe(true);
    act(() => (root.querySelector('[data-testid="tl-confirm-summary"]') as HTMLInputElement).click());
    act(() => (root.querySelector('[data-testid="tl-confirm-error-codes"]') as HTMLInputElement).click());
    expect(score()).toBe('100%');
    expect(button('Escalate').disabled).toBe(false);
  });

  it('restores confirmations from a saved draft and never shows the reserved key as an item', () => {
    const saved = draftValuesSchema.parse(JSON.parse(JSON.stringify(withConfirmed(fromTicket, ['error-codes']))));
    mountPrefilled(saved);
    expect(detail()).toBe('1 of 3 confirmed · 1 prefilled to check');
    expect((root.querySelector('[data-testid="tl-confirm-error-codes"]') as HTMLInputElement).checked).toBe(true);
    expect(root.querySelectorAll('textarea')).toHaveLength(items.length);
    expect(root.textContent).not.toContain(CONFIRMED_KEY);
  });
});

describe('the confirmations in a draft', () => {
  it('round-trip through the stored draft under the reserved key', () => {
    const draft = withConfirmed({ summary: 'Refund', evidence: 'ERR_1' }, ['summary', 'evidence', 'summary']);
    expect(draft).toEqual({ summary: 'Refund', evidence: 'ERR_1', [CONFIRMED_KEY]: 'evidence,summary' });
    const stored = draftValuesSchema.parse(JSON.parse(JSON.stringify(draft)));
    expect([...readConfirmed(stored)]).toEqual(['evidence', 'summary']);
    expect(itemValuesOf(stored)).toEqual({ summary: 'Refund', evidence: 'ERR_1' });
  });

  it('drops the key when nothing is confirmed, and ignores ids no policy item can have', () => {
    expect(withConfirmed({ summary: 'Refund', [CONFIRMED_KEY]: 'summary' }, [])).toEqual({ summary: 'Refund' });
    expect(withConfirmed({}, ['a,b', 'tierline:x', 'logs'])).toEqual({ [CONFIRMED_KEY]: 'logs' });
    expect(readConfirmed({})).toEqual(new Set());
  });
});
