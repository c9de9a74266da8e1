// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { billingTicket, suggestion, viewOf } from './__fixtures__/views';
import { AiTriage } from './ai-triage';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));
const owner = viewOf(billingTicket).owner;
const text = (id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent;

describe('AiTriage', () => {
  it('presents the output as the model’s suggestion and never shows certainty', () => {
    act(() => render(<AiTriage suggestion={suggestion({ confidence: 0.9996 })} relation="applied" owner={owner} state="open" onConfirm={vi.fn()} onOverride={vi.fn()} />, root));
    expect(text('tl-ai-from')).toBe('Suggested by the triage model · 99% · demo model');
    expect(text('tl-ai-gate')).toBe('Applied: the badge follows this suggestion');
  });

  it('says when the rules route elsewhere instead of claiming the suggestion was applied', () => {
    const other = suggestion({ route: { label: 'bug', p: 0.95, tier: 'T2', role: 'senior-specialist', target: 'Tier 2 · Senior Specialist' } });
    act(() => render(<AiTriage suggestion={other} relation="differs" owner={owner} state="open" onConfirm={vi.fn()} onOverride={vi.fn()} />, root));
    expect(text('tl-ai-gate')).toBe('Not applied: the rules route it to Tier 1 · Billing Specialist');
  });

  it('states a sensitive case once and offers to confirm or correct', () => {
    const sensitive = suggestion({ gate: 'confirm', sensitive: [{ id: 'cancellation', description: 'Cancellations are always handled by a person.' }], reason: 'Sensitive case (Cancellations are always handled by a person.): never routed automatically, the agent confirms.' });
    act(() => render(<AiTriage suggestion={sensitive} relation="agrees" owner={owner} state="open" onConfirm={vi.fn()} onOverride={vi.fn()} />, root));
    expect(root.textContent?.split('Cancellations are always handled by a person.').length).toBe(2);
    expect(text('tl-ai-reason')).toBe('Sensitive cases are never routed automatically; the agent confirms or corrects it.');
    expect(text('tl-ai-confirm')).toBe('Confirm suggestion');
  });

  it('confirms a differing suggestion as a move', () => {
    const onConfirm = vi.fn();
    const other = suggestion({ gate: 'confirm', route: { label: 'bug', p: 0.8, tier: 'T2', role: 'senior-specialist' } });
    act(() => render(<AiTriage suggestion={other} relation="differs" owner={owner} state="open" onConfirm={onConfirm} onOverride={vi.fn()} />, root));
    expect(text('tl-ai-gate')).toBe('Differs from the badge (Tier 1 · Billing Specialist); confirm to move it');
    act(() => (root.querySelector('[data-testid="tl-ai-confirm"]') as HTMLButtonElement).click());
    expect(onConfirm).toHaveBeenCalled();
  });
});
