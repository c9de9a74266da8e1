// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ticketSchema } from '../../core/ticket';
import handoffChecklist from './handoff-checklist';
import { fakeFeatureContext } from './testing/fake-feature-context';

const NOW = new Date('2026-03-02T10:30:00Z');

const ticket = ticketSchema.parse({
  id: '4711',
  helpdesk: 'zendesk',
  subject: 'SSO login loops back to the sign-in page',
  comments: [
    { author: 'customer', public: true, body: 'Error SSO_LOOP_302 in the console.' },
    { author: 'agent', public: false, body: 'Cleared the IdP metadata cache; still looping.' },
  ],
  requester: { customerTier: 'enterprise' },
  group: 'Tier 1',
  currentTier: 'T1',
  tierEnteredAt: '2026-03-02T09:00:00Z',
  status: 'open',
  priority: 'normal',
});

function setup(draft?: Record<string, string>) {
  const requests: { url: string; init?: RequestInit }[] = [];
  const fake = fakeFeatureContext(ticket, {
    agent: 'alex',
    now: NOW,
    ...(draft ? { draft } : {}),
    fetch: async (url, init) => {
      requests.push({ url, init });
      return new Response(url.endsWith('/groups.json') ? JSON.stringify({ groups: [{ id: 22, name: 'Tier 2' }] }) : '{}', { status: 200, headers: { 'content-type': 'application/json' } });
    },
  });
  return { ...fake, requests };
}

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

/** Starts the feature and lets the drawer chunk (the modules themselves here) draw the checklist. */
async function init(...args: Parameters<typeof handoffChecklist.init>) {
  await act(async () => void (await handoffChecklist.init(...args)));
  await flush();
}

function button(root: HTMLElement, label: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent === label);
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}

describe('the handoff-checklist feature', () => {
  it('prefills the Tier 1 → Tier 2 packet from the ticket and restores a saved draft over it', async () => {
    const { ctx, controller, panel } = setup({ 'communication-owner': 'Alex keeps Initech updated' });
    await init(controller.signal, ctx);
    expect(panel.textContent).toContain('Handoff Tier 1 → Tier 2');
    expect((panel.querySelector('#tl-item-summary') as HTMLTextAreaElement).value).toBe('SSO login loops back to the sign-in page');
    expect((panel.querySelector('#tl-item-steps-tried') as HTMLTextAreaElement).value).toBe('Cleared the IdP metadata cache; still looping.');
    expect((panel.querySelector('#tl-item-communication-owner') as HTMLTextAreaElement).value).toBe('Alex keeps Initech updated');
    controller.abort();
  });

  it('writes back, then records an escalation and a handoff event with the completeness', async () => {
    const { ctx, controller, panel, events, requests } = setup();
    await init(controller.signal, ctx);
    act(() => button(panel, 'Escalate').click());
    act(() => button(panel, 'Escalate now').click());
    for (let i = 0; i < 5; i++) await flush();
    const put = requests.find((r) => r.init?.method === 'PUT');
    expect(put?.url).toBe('https://acme.zendesk.com/api/v2/tickets/4711.json');
    expect(JSON.parse(String(put?.init?.body)).ticket.group_id).toBe(22);
    // The note opens with the marker naming the sender, so the receiving agent's overlay can find it and skip the sender.
    // It names both roles and carries the handoff id that a retried escalation looks for.
    expect(JSON.parse(String(put?.init?.body)).ticket.comment.body).toMatch(/^\[Tierline handoff T1→T2 \(Front-line Agent → Senior Specialist\) by alex · tl-[0-9a-f]{12}\]\n/);
    expect(events.map((e) => e.type)).toEqual(['escalation', 'handoff']);
    expect(events[0]).toMatchObject({ ticketId: '4711', helpdesk: 'zendesk', agent: 'alex', at: '2026-03-02T10:30:00.000Z', data: { from: 'T1', to: 'T2' } });
    expect(events[1]?.data).toMatchObject({ from: 'T1', to: 'T2', blocked: false });
    // Issue 10: the audit gets both numbers; untouched prefill (6 of 10 items) is not the agent's work.
    expect(events[1]?.data).toMatchObject({ completeness: 0, prefilledUnconfirmed: 60 });
    expect(events[1]?.data).toHaveProperty('missing', expect.arrayContaining(['Communication owner']));
    controller.abort();
  });

  it('sends nothing and says so when the escalation code cannot be loaded, keeping the draft', async () => {
    const { ctx, controller, panel, events, requests } = setup();
    ctx.lazy = { ...ctx.lazy, escalation: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')) };
    await init(controller.signal, ctx);
    act(() => button(panel, 'Escalate').click());
    act(() => button(panel, 'Escalate now').click());
    for (let i = 0; i < 5; i++) await flush();
    expect(requests.filter((r) => r.init?.method === 'PUT')).toEqual([]);
    expect(events).toEqual([]);
    expect(panel.textContent).toContain('Escalation failed: Tierline could not load its escalation code, so nothing was sent (reload the page)');
    controller.abort();
  });

  it('says "Loading" until the drawer chunk is in, and draws nothing while the drawer is folded', async () => {
    const { ctx, controller, panel } = setup();
    let open: () => void = () => undefined;
    ctx.ui = { ...ctx.ui, whenOpen: () => new Promise<void>((resolve) => (open = resolve)) };
    let loads = 0;
    const load = ctx.lazy.drawer;
    ctx.lazy = {
      ...ctx.lazy,
      drawer: () => {
        loads++;
        return load();
      },
    };
    await init(controller.signal, ctx);
    expect(panel.textContent).toBe('Loading the handoff checklist…');
    expect(loads).toBe(0);
    open();
    await flush();
    expect(loads).toBe(1);
    expect(panel.textContent).toContain('Handoff Tier 1 → Tier 2');
    controller.abort();
    expect(panel.textContent).toBe('');
  });

  it('says so in the drawer when the drawer chunk cannot be loaded, and leaves the saved draft alone', async () => {
    const { ctx, controller, panel, saved } = setup({ 'communication-owner': 'Alex keeps Initech updated' });
    ctx.lazy = { ...ctx.lazy, drawer: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')) };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await init(controller.signal, ctx);
    warn.mockRestore();
    expect(panel.querySelector('[role="alert"]')?.textContent).toContain('Tierline could not load its handoff checklist');
    expect(panel.textContent).toContain('your saved handoff draft is kept');
    expect(saved).toEqual([]);
    controller.abort();
  });
});
