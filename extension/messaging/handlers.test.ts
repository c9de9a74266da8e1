import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { defaultPolicy } from '../../core/policy/default-policy';
import { createRouting } from '../routing';
import { createSettingsReader, LOCAL_SETTINGS_KEY, type StorageAreas } from '../settings/read-settings';
import { openDb } from '../store/open-db';
import { createStore } from '../store/store';
import type { Sync } from '../sync/sync';
import type { QueueTimers } from '../timers/queue-timers';
import { registerHandlers } from './handlers';
import { type ListenOptions, type MessageName, ticketViewAnswerSchema } from './protocol';

const EXTENSION_ID = 'jglkbkmpocllbbcbgnaadklnbbopaemd';
let n = 0;

function memoryStorage(managed: Record<string, unknown> = {}, local: Record<string, unknown> = {}): StorageAreas {
  const area = { ...local };
  return {
    managed: { get: async () => managed },
    local: { get: async (key) => (key in area ? { [key]: area[key] } : {}), set: async (items) => void Object.assign(area, items) },
  };
}

function setup(storage = memoryStorage({}, { [LOCAL_SETTINGS_KEY]: { agent: 'ana@acme.test', team: 'payments' } }), deps: Pick<Parameters<typeof registerHandlers>[0], 'suggest'> = {}) {
  const store = createStore(openDb({ name: `tierline-handlers-${++n}` }));
  const settings = createSettingsReader({ storage, store });
  const listeners = new Map<string, (m: { data: unknown; sender: { id?: string } }) => Promise<unknown>>();
  const onMessage = ((name: string, l: (m: { data: unknown; sender: { id?: string } }) => Promise<unknown>) => {
    listeners.set(name, l);
    return () => listeners.delete(name);
  }) as unknown as NonNullable<ListenOptions['onMessage']>;
  const wakeups: string[] = [];
  const sync = { soon: () => wakeups.push('soon'), run: async () => ({}) as never, status: async () => ({}) as never } satisfies Sync;
  const ticks: (string | undefined)[] = [];
  const timers = { tick: async (o?: { onlyKey?: string }) => {
      ticks.push(o?.onlyKey);
      return [];
    }, ensureAlarm: async () => undefined } satisfies QueueTimers;
  let ids = 0;
  registerHandlers({
    store,
    settings,
    route: createRouting(settings),
    sync,
    timers,
    extensionId: EXTENSION_ID,
    now: () => new Date('2026-03-10T09:30:00.000Z'),
    newId: () => `generated-${++ids}`,
    onMessage,
    ...deps,
  });
  const send = (name: MessageName, data?: unknown) => {
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no handler for ${name}`);
    return listener({ data, sender: { id: EXTENSION_ID } });
  };
  return { store, send, wakeups, ticks };
}

const ticket = { id: '4711', helpdesk: 'zendesk', subject: 'Invoice charged twice', status: 'open', currentTier: 'T1', createdAt: '2026-03-10T09:00:00.000Z' };

describe('the worker handlers', () => {
  it('completes an event with id, time, agent and team, queues it and wakes the sync', async () => {
    const { store, send, wakeups } = setup();
    const answer = await send('recordEvent', { event: { type: 'handoff', ticketId: '4711', helpdesk: 'zendesk', data: { from: 'T1', to: 'T2', completeness: 83 } } });
    expect(answer).toEqual({ id: 'generated-1' });
    const [queued] = await store.peekOutbox(10);
    expect(queued?.event).toEqual({
      id: 'generated-1',
      type: 'handoff',
      at: '2026-03-10T09:30:00.000Z',
      ticketId: '4711',
      helpdesk: 'zendesk',
      agent: 'ana@acme.test',
      team: 'payments',
      data: { from: 'T1', to: 'T2', completeness: 83, missing: [], blocked: false },
    });
    expect(wakeups).toEqual(['soon']);
  });

  it('cuts an agent name longer than events store instead of refusing the event', async () => {
    const { store, send } = setup();
    await send('recordEvent', { event: { type: 'csat', ticketId: '4711', helpdesk: 'zendesk', agent: 'D'.repeat(250), data: { score: 4 } } });
    const [queued] = await store.peekOutbox(10);
    expect(queued?.event.agent).toBe('D'.repeat(200));
  });

  it('keeps the id a sender chose, so its retry is the same event', async () => {
    const { store, send } = setup();
    const event = { id: '7d1f0c2e-aaaa-4bbb-8ccc-123456789abc', type: 'csat', ticketId: '4711', helpdesk: 'zendesk', data: { score: 4 } };
    await send('recordEvent', { event });
    await send('recordEvent', { event });
    expect(await store.outboxSize()).toBe(1);
  });

  it('refuses an event whose data does not fit its type, and queues nothing', async () => {
    const { store, send } = setup();
    await expect(send('recordEvent', { event: { type: 'csat', ticketId: '4711', helpdesk: 'zendesk', data: { score: 9 } } })).rejects.toThrow();
    expect(await store.outboxSize()).toBe(0);
  });

  it('stores an override for the ticket and records it as an override event', async () => {
    const { store, send } = setup();
    const override = { from: { tier: 'T1', role: 'tier-1-agent' }, to: { tier: 'T2', role: 'billing-specialist' }, reason: 'Refund over $1,000' };
    await send('recordOverride', { key: { helpdesk: 'zendesk', ticketId: '4711' }, override });
    expect(await store.getOverride('zendesk:4711')).toMatchObject(override);
    expect((await store.peekOutbox(1))[0]?.event.type).toBe('override');
  });

  it('records a decision event when a ticket is first seen and again only when the decision changes', async () => {
    const { store, send, ticks } = setup();
    await send('ticketSeen', { ticket });
    await send('ticketSeen', { ticket });
    expect((await store.peekOutbox(10)).map((r) => r.event.type)).toEqual(['decision']);
    await send('ticketSeen', { ticket: { ...ticket, priority: 'urgent', tags: ['sev1'] } });
    const decisions = (await store.peekOutbox(10)).map((r) => r.event);
    expect(decisions).toHaveLength(2);
    expect(decisions[1]?.type === 'decision' && decisions[1].data.severity).not.toBe(decisions[0]?.type === 'decision' && decisions[0].data.severity);
    expect(await store.getTicket('zendesk:4711')).toMatchObject({ seenAt: '2026-03-10T09:30:00.000Z' });
    expect(ticks).toEqual(['zendesk:4711', 'zendesk:4711', 'zendesk:4711']);
  });

  it('keeps a handoff draft per ticket and answers null for a ticket without one', async () => {
    const { send } = setup();
    const key = { helpdesk: 'zendesk', ticketId: '4711' };
    await send('saveDraft', { key, values: { problem: 'Charged twice', done: 'Checked the invoice' } });
    expect(await send('getDraft', { key })).toEqual({ problem: 'Charged twice', done: 'Checked the invoice' });
    expect(await send('getDraft', { key: { helpdesk: 'zendesk', ticketId: '9' } })).toBeNull();
    await send('deleteDraft', { key });
    expect(await send('getDraft', { key })).toBeNull();
  });

  it('decides with the default policy when nothing else is configured', async () => {
    const { send } = setup();
    const decision = (await send('decide', { ticket })) as { policyRevision: number; tier: string };
    expect(decision.policyRevision).toBe(defaultPolicy.revision);
    expect(decision.tier).toBe('T1');
    expect(await send('getPolicy')).toMatchObject({ source: 'default', locked: false });
  });

  it('saves a local setting, but not over an administrator lock', async () => {
    const { send } = setup(memoryStorage({ syncEndpoint: 'https://sync.acme.test' }));
    const saved = (await send('saveSetting', { key: 'agent', value: 'ben@acme.test' })) as { values: { agent: string } };
    expect(saved.values.agent).toBe('ben@acme.test');
    const locked = (await send('saveSetting', { key: 'syncEndpoint', value: 'https://elsewhere.test' })) as { rows: { syncEndpoint: { value: string; locked: boolean } } };
    expect(locked.rows.syncEndpoint).toEqual({ value: 'https://sync.acme.test', source: 'managed', locked: true });
    await expect(send('saveSetting', { key: 'alarmPeriodMinutes', value: 0 })).rejects.toThrow(/alarmPeriodMinutes/);
    await expect(send('saveSetting', { key: 'colour', value: 'red' })).rejects.toThrow(/not a Tierline setting/);
  });

  it('answers a ticket load with one view: decision, owner, handoff target, policy in force and draft; and records the decision', async () => {
    const { store, send, ticks } = setup();
    const dispute = { ...ticket, description: 'We were charged $2,400 twice and dispute the second charge. Refund it please.' };
    await send('saveDraft', { key: { helpdesk: 'zendesk', ticketId: '4711' }, values: { summary: 'Double charge' } });
    const answer = ticketViewAnswerSchema.parse(await send('viewTicket', { ticket: dispute }));
    expect(answer.view.owner).toMatchObject({ tier: 'T1', role: 'billing-specialist', by: 'policy' });
    expect(answer.view.handoff).toMatchObject({ move: 'sideways', to: { role: 'billing-specialist' } });
    expect(answer.view.policy).toEqual({ name: defaultPolicy.name, revision: defaultPolicy.revision, source: 'default' });
    expect(answer.draft).toEqual({ summary: 'Double charge' });
    // The checklist's prefill is read here, not in the tab: each item with the one source that answers it (issue 13).
    const prefill = (id: string) => answer.view.handoff?.items.find((i) => i.id === id)?.prefill;
    expect(prefill('summary')).toEqual({ value: 'Invoice charged twice', source: 'summary' });
    expect(prefill('escalation-reason')?.source).toBe('triggers');
    expect(prefill('business-impact')).toBeUndefined();
    // The answer does not wait for the bookkeeping: the decision event and the timer tick follow it.
    await vi.waitFor(async () => expect((await store.peekOutbox(10)).map((q) => q.event.type)).toEqual(['decision']));
    await vi.waitFor(() => expect(ticks).toEqual(['zendesk:4711']));
  });

  it('answers the first view of a cold worker without loading the triage model, and loads it for the settled ask', async () => {
    const asked: boolean[] = [];
    // A model that is not loaded yet answers `undefined` to a view that must not wait for it.
    const suggest = async (_ticket: unknown, options?: { ifLoaded?: boolean }) => {
      asked.push(options?.ifLoaded === true);
      return options?.ifLoaded ? undefined : null;
    };
    const { send } = setup(undefined, { suggest });
    const first = ticketViewAnswerSchema.parse(await send('viewTicket', { ticket }));
    expect(first.pending).toBe(true);
    expect(first.view.ai).toBeUndefined();
    const settled = ticketViewAnswerSchema.parse(await send('viewTicket', { ticket, settled: true }));
    expect(settled.pending).toBeUndefined();
    expect(asked).toEqual([true, false]);
  });

  it('answers with the copy of the last managed settings while the browser has not given them, and records the decision only once it has', async () => {
    let answer: (managed: Record<string, unknown>) => void = () => undefined;
    const managed = new Promise<Record<string, unknown>>((resolve) => {
      answer = resolve;
    });
    const storage = memoryStorage();
    const { store, send } = setup({ ...storage, managed: { get: () => managed } });
    const first = ticketViewAnswerSchema.parse(await send('viewTicket', { ticket }));
    expect(first.pending).toBe(true);
    const asking = send('viewTicket', { ticket, settled: true });
    answer({ disabledFeatures: ['override'] });
    const settled = ticketViewAnswerSchema.parse(await asking);
    expect(settled.pending).toBeUndefined();
    expect(settled.view.policy.source).toBe('default');
    await vi.waitFor(async () => expect((await store.peekOutbox(10)).map((q) => q.event.type)).toEqual(['decision']));
  });

  it('puts a stored override into the view until it is cleared', async () => {
    const { send } = setup();
    const key = { helpdesk: 'zendesk', ticketId: '4711' };
    await send('recordOverride', { key, override: { from: { tier: 'T1', role: 'front-line-agent' }, to: { tier: 'T3', role: 'engineering-product' }, reason: 'Export bug' } });
    const overridden = ticketViewAnswerSchema.parse(await send('viewTicket', { ticket }));
    expect(overridden.view.owner).toMatchObject({ tier: 'T3', role: 'engineering-product', by: 'override' });
    expect(overridden.view.handoff?.to).toMatchObject({ tier: 'T3' });
    await send('clearOverride', { key });
    const cleared = ticketViewAnswerSchema.parse(await send('viewTicket', { ticket }));
    expect(cleared.view.owner.by).toBe('policy');
  });

  it('reads what the tab fetched from the vendor API with the vendor schemas, and answers the ticket with the view', async () => {
    const { send } = setup();
    const responses = {
      ticket: { ticket: { id: 4711, subject: 'Invoice charged twice', status: 'open', tags: ['billing_question', 'tier_1'], group_id: 6101, created_at: '2026-03-10T09:00:00Z' }, groups: [{ id: 6101, name: 'Tier 1' }] },
      comments: { comments: [{ id: 1, body: 'We were charged twice.', public: true, author_id: 70 }], users: [{ id: 70, name: 'Tom Rivera', role: 'end-user' }] },
    };
    const answer = ticketViewAnswerSchema.parse(await send('viewTicket', { page: { helpdesk: 'zendesk', ref: '4711', origin: 'https://acme.zendesk.com', via: 'api', responses } }));
    expect(answer.ticket).toMatchObject({ id: '4711', helpdesk: 'zendesk', tags: ['billing_question', 'tier_1'], group: 'Tier 1', currentTier: 'T1' });
    expect(answer.view.ticketId).toBe('4711');
    // No audits or field definitions were sent: the notice says what could not be read.
    expect(answer.unreadable).not.toContain('comments');
  });

  it('says, without throwing, that an API answer is not a ticket, and reads a scrape of the page instead', async () => {
    const { send } = setup();
    const origin = 'https://acme.zendesk.com';
    expect(await send('viewTicket', { page: { helpdesk: 'zendesk', ref: '4711', origin, via: 'api', responses: { ticket: { error: 'RecordNotFound' } } } })).toMatchObject({ ok: false, error: expect.stringMatching(/Zendesk ticket 4711/) });
    const scrape = { ticket: { id: '4711', subject: '<img src=x onerror=alert(1)>', description: '', comments: [], requester: {}, tags: ['tier_2'], fields: {} }, unreadable: ['group'] };
    const answer = ticketViewAnswerSchema.parse(await send('viewTicket', { page: { helpdesk: 'zendesk', ref: '4711', origin, via: 'dom', scrape, apiError: 'HTTP 500' } }));
    expect(answer.ticket).toMatchObject({ subject: '<img src=x onerror=alert(1)>', currentTier: 'T2' });
    expect(answer.unreadable).toEqual(['group', 'tierEnteredAt']);
    // A scrape that is not plain strings is refused where it arrives.
    await expect(send('viewTicket', { page: { helpdesk: 'zendesk', ref: '4711', origin, via: 'dom', scrape: { ...scrape, ticket: { ...scrape.ticket, tags: [{ toString: 'x' }] } }, apiError: '' } })).rejects.toThrow(/Invalid "viewTicket"/);
  });

  it('reads the signed-in agent and the groups the tab fetched, and answers null for a body that is neither', async () => {
    const { send } = setup();
    expect(await send('readCurrentUser', { helpdesk: 'zendesk', body: { user: { id: 901, name: 'Dana Reyes' } } })).toEqual({ id: '901', name: 'Dana Reyes' });
    expect(await send('readCurrentUser', { helpdesk: 'zendesk', body: { user: { id: null, name: 'Anonymous user' } } })).toBeNull();
    expect(await send('readGroups', { helpdesk: 'freshdesk', body: [{ id: 7005, name: 'Billing' }] })).toEqual([{ id: '7005', name: 'Billing' }]);
    expect(await send('readGroups', { helpdesk: 'jira', body: [] })).toBeNull();
  });
});
