// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { HandoffReceived, type SummaryConfirmation } from './handoff-received';

const summary = { problem: 'Salesforce webhooks fail with 401 (ERR_AUTH_401).', done: 'Rotated the API key.', needed: 'Check the token scope.', customerContext: '' };

function mount(onConfirm: (c: SummaryConfirmation) => Promise<void> | void = () => undefined, parts = summary) {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  act(() => render(<HandoffReceived from="T1" to="T2" sender="ana" summary={parts} onConfirm={onConfirm} />, root));
  return root;
}

function button(root: HTMLElement, label: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent === label);
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

describe('HandoffReceived', () => {
  it('shows who the handoff came from and the answered parts of the summary', () => {
    const root = mount();
    expect(root.querySelector('h3')?.textContent).toBe('Handoff received from Tier 1');
    expect(root.textContent).toContain('sent by ana');
    expect([...root.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual(['Problem', "What's been done", "What's needed"]);
    expect(root.querySelector('[data-part="problem"] dd')?.textContent).toBe('Salesforce webhooks fail with 401 (ERR_AUTH_401).');
  });

  it('confirms an accurate summary in one click and says so', async () => {
    const answers: SummaryConfirmation[] = [];
    const root = mount((c) => void answers.push(c));
    act(() => button(root, 'Summary is accurate').click());
    await flush();
    expect(answers).toEqual([{ accurate: true }]);
    expect(root.querySelector('[role="status"]')?.textContent).toContain('confirmed as accurate');
    expect(root.querySelectorAll('button')).toHaveLength(0);
  });

  it('asks what is missing, focuses the reason field and sends the reason', async () => {
    const answers: SummaryConfirmation[] = [];
    const root = mount((c) => void answers.push(c));
    act(() => button(root, 'Something is missing').click());
    const input = root.querySelector('input') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    expect(button(root, 'Send').disabled).toBe(true);
    act(() => {
      input.value = '  the customer\'s invoice number  ';
      input.dispatchEvent(new Event('input'));
    });
    act(() => (root.querySelector('form') as HTMLFormElement).requestSubmit());
    await flush();
    expect(answers).toEqual([{ accurate: false, note: "the customer's invoice number" }]);
    expect(root.querySelector('[role="status"]')?.textContent).toContain('recorded what was missing');
  });

  it('keeps the buttons and shows an alert when the answer could not be recorded', async () => {
    const root = mount(() => Promise.reject(new Error('worker gone')));
    act(() => button(root, 'Summary is accurate').click());
    await flush();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Could not record');
    expect(button(root, 'Summary is accurate').disabled).toBe(false);
  });

  it('renders hostile summary text as text, never as markup', () => {
    const root = mount(undefined, { ...summary, problem: '<img src=x onerror=alert(1)>' });
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('[data-part="problem"] dd')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
