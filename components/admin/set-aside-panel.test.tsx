// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { type SetAsideBackend, type SetAsideEntry, SetAsidePanel } from './set-aside-panel';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

const poison: SetAsideEntry = {
  id: '00000000-0000-4000-8000-000000000700',
  event: { type: 'decision', helpdesk: 'zendesk', ticketId: '4700', at: '2026-03-09T09:00:00.000Z' },
  reason: 'failed',
  error: 'Sending events: 500 Something went wrong',
  setAsideAt: '2026-03-09T09:01:00.000Z',
};
const legacy: SetAsideEntry = { id: '0e7d5a54-1f3b-4f42-8d0e-6c1b7f0f2a90', reason: 'refused', error: 'data.tier: Invalid option', setAsideAt: '2026-03-08T09:01:00.000Z' };

/** A worker holding `entries`; "send again" requeues those with an event, as the store does. */
function fakeBackend(entries: SetAsideEntry[]) {
  let held = [...entries];
  const backend: SetAsideBackend = {
    list: async () => held,
    sendAgain: async () => {
      const whole = held.filter((e) => e.event);
      held = held.filter((e) => !e.event);
      return whole.length;
    },
  };
  return backend;
}

const text = (testId: string) => root.querySelector(`[data-testid="${testId}"]`)?.textContent;
const click = (testId: string) => act(() => root.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`)?.click());

describe('the events set aside on the options page', () => {
  it('counts them and shows each with its error', async () => {
    await act(async () => render(<SetAsidePanel backend={fakeBackend([legacy, poison])} download={() => undefined} />, root));
    await settle();
    expect(text('tl-set-aside-count')).toBe('Events set aside: 2');
    expect(text('tl-set-aside-list')).toContain('decision · zendesk #4700 the endpoint fails on it: Sending events: 500 Something went wrong');
    expect(text('tl-set-aside-list')).toContain(`${legacy.id} refused by the endpoint: data.tier: Invalid option`);
  });

  it('exports all of them as JSON', async () => {
    const files: [string, string][] = [];
    await act(async () => render(<SetAsidePanel backend={fakeBackend([legacy, poison])} download={(name, body) => files.push([name, body])} />, root));
    await settle();
    await click('tl-set-aside-export');
    expect(files.map(([name]) => name)).toEqual(['tierline-events-set-aside.json']);
    expect(JSON.parse(files[0]?.[1] ?? '')).toEqual([legacy, poison]);
  });

  it('sends them again and counts what is left', async () => {
    await act(async () => render(<SetAsidePanel backend={fakeBackend([legacy, poison])} download={() => undefined} />, root));
    await settle();
    await click('tl-set-aside-send');
    await settle();
    expect(root.querySelector('[role="status"]')?.textContent).toContain('1 event is back in the outbox');
    expect(text('tl-set-aside-count')).toBe('Events set aside: 1');
    expect(root.querySelector<HTMLButtonElement>('[data-testid="tl-set-aside-send"]')?.disabled).toBe(true);
  });

  it('says when there are none', async () => {
    await act(async () => render(<SetAsidePanel backend={fakeBackend([])} download={() => undefined} />, root));
    await settle();
    expect(text('tl-set-aside-count')).toBe('Events set aside: 0');
    expect(root.querySelector('[data-testid="tl-set-aside-export"]')).toBeNull();
  });
});
