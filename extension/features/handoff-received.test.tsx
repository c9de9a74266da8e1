// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { eventSchema, } from '../../core/events';
import { handoffPacketSchema, renderPacketText } from '../../core/handoff/index';
import { defaultPolicy } from '../../core/policy/default-policy';
import { type TicketComment, ticketSchema } from '../../core/ticket';
import { eventDraftSchema } from '../messaging/protocol';
import handoffReceived from './handoff-received';
import { fakeFeatureContext } from './testing/fake-feature-context';

const NOW = new Date('2026-03-02T14:00:00Z');

const noteBody = renderPacketText(
  defaultPolicy,
  handoffPacketSchema.parse({
    id: 'zendesk-4711',
    ticketId: '4711',
    helpdesk: 'zendesk',
    from: 'T1',
    to: 'T2',
    summary: { problem: 'SSO login loops (SSO_LOOP_302).', done: 'Cleared the IdP metadata cache.', needed: 'Check the SAML assertion on the backend.', customerContext: 'Enterprise, blocked since Monday.' },
    createdAt: '2026-03-02T10:30:00Z',
    updatedAt: '2026-03-02T10:30:00Z',
  }),
  { author: 'alex' },
);

function setup(agent: string, comments: Partial<TicketComment>[]) {
  const ticket = ticketSchema.parse({ id: '4711', helpdesk: 'zendesk', subject: 'SSO loop', currentTier: 'T2', comments: comments.map((c) => ({ author: 'agent', public: false, body: '', ...c })) });
  return fakeFeatureContext(ticket, { agent, now: NOW });
}

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

describe('the handoff-received feature', () => {
  it('shows the Tier 1 handoff to the receiving agent and records their confirmation as a valid event', async () => {
    const { ctx, controller, panel, events } = setup('bea', [{ body: noteBody, authorName: 'Alex Kim' }]);
    let applied: boolean | undefined;
    await act(async () => {
      applied = (await handoffReceived.init(controller.signal, ctx)) ?? undefined;
    });
    expect(applied).toBe(true);
    // The panel is in the drawer chunk: a loading line first, the panel once the chunk is in.
    expect(panel.textContent).toBe('Loading the received handoff…');
    await flush();
    expect(panel.textContent).toContain('Handoff received from Tier 1');
    expect(panel.textContent).toContain('SSO_LOOP_302');
    act(() => [...panel.querySelectorAll('button')].find((b) => b.textContent === 'Summary is accurate')?.click());
    await flush();
    expect(events).toHaveLength(1);
    expect(eventDraftSchema.safeParse(events[0]).success).toBe(true);
    expect(eventSchema.parse(events[0])).toMatchObject({ type: 'summary-confirmation', ticketId: '4711', agent: 'bea', at: '2026-03-02T14:00:00.000Z', data: { packetStage: 'T1-T2', from: 'T1', to: 'T2', accurate: true } });
    controller.abort();
    expect(panel.textContent).toBe('');
  });

  it('does not ask the agent who wrote the handoff to confirm it', async () => {
    const { ctx, controller, panel } = setup('alex', [{ body: noteBody }]);
    expect(await handoffReceived.init(controller.signal, ctx)).toBe(false);
    expect(panel.textContent).toBe('');
  });

  it('does not apply to a ticket without a Tierline handoff note', async () => {
    const { ctx, controller } = setup('bea', [{ body: 'Called the customer back.' }, { author: 'customer', public: true, body: noteBody }]);
    expect(await handoffReceived.init(controller.signal, ctx)).toBe(false);
  });
});
