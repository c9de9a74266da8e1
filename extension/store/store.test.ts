import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { TierlineEvent } from '../../core/events';
import { openDb } from './open-db';
import { createStore } from './store';

let n = 0;
const freshName = () => `tierline-store-${++n}`;

const decisionEvent = (id: string, at: string): TierlineEvent => ({
  id,
  type: 'decision',
  at,
  ticketId: '4711',
  helpdesk: 'zendesk',
  agent: 'ana',
  data: { tier: 'T1', role: 'tier-1-agent', severity: 'normal', bypass: false, triggers: [], source: 'rules' },
});

describe('the local store', () => {
  it('keeps a handoff draft after the database is closed and opened again (a browser restart)', async () => {
    const name = freshName();
    const db = await openDb({ name });
    await createStore(db).saveDraft('zendesk:4711', { problem: 'Charged twice' }, '2026-03-09T09:15:00.000Z');
    db.close();
    const reopened = createStore(openDb({ name }));
    expect(await reopened.getDraft('zendesk:4711')).toEqual({ problem: 'Charged twice' });
  });

  it('queues an event id once, however often it is recorded', async () => {
    const store = createStore(openDb({ name: freshName() }));
    const event = decisionEvent('5b0c3f3e-8a2e-4c1a-9d57-2f6c0a3b9e11', '2026-03-09T09:12:01.000Z');
    await store.enqueue([event], Date.parse('2026-03-09T09:12:01Z'));
    await store.enqueue([event], Date.parse('2026-03-09T09:12:02Z'));
    expect(await store.outboxSize()).toBe(1);
  });

  it('hands out the outbox oldest first, in batches, and forgets only what was removed', async () => {
    const store = createStore(openDb({ name: freshName() }));
    const t0 = Date.parse('2026-03-09T09:00:00Z');
    await store.enqueue([decisionEvent('event-aaaaaaaa', '2026-03-09T09:00:00Z'), decisionEvent('event-bbbbbbbb', '2026-03-09T09:00:00Z')], t0);
    await store.enqueue([decisionEvent('event-cccccccc', '2026-03-09T08:00:00Z')], t0 + 1000);
    expect((await store.peekOutbox(2)).map((r) => r.id)).toEqual(['event-aaaaaaaa', 'event-bbbbbbbb']);
    await store.removeFromOutbox(['event-aaaaaaaa', 'event-bbbbbbbb']);
    expect((await store.peekOutbox(10)).map((r) => r.id)).toEqual(['event-cccccccc']);
  });

  it('claims an alert for a ticket and trigger only once', async () => {
    const store = createStore(openDb({ name: freshName() }));
    const alert = { ticketKey: 'zendesk:4711', trigger: 'clock-breach', firedAt: '2026-03-09T10:00:00.000Z' };
    expect(await store.claimAlert(alert)).toBe(true);
    expect(await store.claimAlert({ ...alert, firedAt: '2026-03-09T10:01:00.000Z' })).toBe(false);
    expect(await store.claimAlert({ ...alert, trigger: 'enterprise-15-min' })).toBe(true);
    expect((await store.listAlerts('zendesk:4711')).map((a) => a.trigger).sort()).toEqual(['clock-breach', 'enterprise-15-min']);
  });

  it('moves an event aside with its error and back to the tail of the outbox, never holding it twice', async () => {
    const store = createStore(openDb({ name: freshName() }));
    const t0 = Date.parse('2026-03-09T09:00:00Z');
    const [a, b] = [decisionEvent('event-aaaaaaaa', '2026-03-09T09:00:00Z'), decisionEvent('event-bbbbbbbb', '2026-03-09T09:00:00Z')];
    await store.enqueue([a, b], t0);
    await store.setAside([
      { id: a.id, event: a, reason: 'failed', error: 'Sending events: 500 Something went wrong', setAsideAt: '2026-03-09T09:01:00.000Z' },
      // Set aside under version 2, which kept no event: it can be exported, not sent again.
      { id: 'event-legacy00', reason: 'refused', error: 'data.tier: Invalid option', setAsideAt: '2026-03-08T09:00:00.000Z' },
    ]);
    expect((await store.peekOutbox(10)).map((r) => r.id)).toEqual([b.id]);
    expect((await store.listSetAside()).map((r) => r.id)).toEqual(['event-legacy00', a.id]);
    expect(await store.requeueSetAside(undefined, t0 + 60_000)).toBe(1);
    expect((await store.peekOutbox(10)).map((r) => r.id)).toEqual([b.id, a.id]);
    expect((await store.listSetAside()).map((r) => r.id)).toEqual(['event-legacy00']);
    expect(await store.readOutbox([a.id, 'event-missing0', b.id])).toMatchObject([{ id: a.id }, { id: b.id }]);
  });

  it('remembers metadata such as the policy ETag', async () => {
    const store = createStore(openDb({ name: freshName() }));
    expect(await store.getMeta('policyEtag')).toBeUndefined();
    await store.setMeta('policyEtag', '"4"');
    expect(await store.getMeta<string>('policyEtag')).toBe('"4"');
  });
});
