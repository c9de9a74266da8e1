import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../core/policy/default-policy';
import { createRouter } from '../../core/route/decide';
import { ticketSchema } from '../../core/ticket';
import { openDb } from '../store/open-db';
import { createStore } from '../store/store';
import { startQueueTimers, TIMER_ALARM, type TimerApis } from './queue-timers';

let n = 0;
const route = createRouter(defaultPolicy);

/** Records what the worker would show; `fire` delivers an alarm. */
function fakeApis() {
  const notifications: { id: string; title: string; message: string }[] = [];
  const badge: string[] = [];
  const alarms = new Map<string, number>();
  let listener: ((alarm: { name: string }) => void) | undefined;
  const apis: TimerApis = {
    alarms: {
      create: (name, info) => alarms.set(name, info.periodInMinutes),
      get: async (name) => (alarms.has(name) ? { periodInMinutes: alarms.get(name) } : undefined),
      onAlarm: {
        addListener: (l) => {
          listener = l;
        },
      },
    },
    notifications: { create: (id, o) => notifications.push({ id, title: o.title, message: o.message }) },
    action: { setBadgeText: ({ text }) => badge.push(text), setBadgeBackgroundColor: () => undefined },
  };
  return { apis, notifications, badge, alarms, fire: (name: string) => listener?.({ name }) };
}

// An enterprise customer's ticket that entered Tier 1 on Tuesday 10 March 2026 at 10:00 Berlin time.
const enterprise = ticketSchema.parse({
  id: '4711',
  helpdesk: 'zendesk',
  subject: 'SSO login fails for all users',
  status: 'open',
  requester: { customerTier: 'enterprise' },
  currentTier: 'T1',
  createdAt: '2026-03-10T10:00:00+01:00',
  tierEnteredAt: '2026-03-10T10:00:00+01:00',
});

async function setup(at: { value: string }) {
  const name = `tierline-timers-${++n}`;
  const store = createStore(openDb({ name }));
  await store.putTicket('zendesk:4711', enterprise, '2026-03-10T10:00:00+01:00');
  const fake = fakeApis();
  const start = (apis = fake.apis) =>
    startQueueTimers({ store, apis, route: async () => route, notificationsEnabled: async () => true, now: () => new Date(at.value) });
  return { store, fake, start };
}

describe('queue timers', () => {
  it('announces an enterprise ticket 15 business minutes into Tier 1 once, with a notification and the badge', async () => {
    const at = { value: '2026-03-10T10:10:00+01:00' };
    const { fake, start } = await setup(at);
    const timers = start();
    expect(await timers.tick()).toEqual([]);
    expect(fake.badge).toEqual(['']);

    at.value = '2026-03-10T10:16:00+01:00';
    const fired = await timers.tick();
    expect(fired.map((a) => a.trigger)).toEqual(['time-enterprise-t1']);
    expect(fake.notifications).toEqual([
      { id: 'zendesk:4711|time-enterprise-t1', title: expect.stringContaining('#4711 SSO login fails for all users'), message: 'Hand off to a Senior Specialist now with the Tier 1 → 2 packet.' },
    ]);
    expect(fake.badge.at(-1)).toBe('1');

    at.value = '2026-03-10T10:20:00+01:00';
    expect(await timers.tick()).toEqual([]);
    expect(fake.notifications).toHaveLength(1);
  });

  it('does not announce again after the worker is stopped and started over the same store', async () => {
    const at = { value: '2026-03-10T10:16:00+01:00' };
    const { fake, start } = await setup(at);
    await start().tick();
    at.value = '2026-03-10T10:30:00+01:00';
    const restarted = fakeApis();
    expect(await start(restarted.apis).tick()).toEqual([]);
    expect(restarted.notifications).toEqual([]);
    // The badge still counts the ticket whose trigger fired before the restart.
    expect(restarted.badge.at(-1)).toBe('1');
    expect(fake.notifications).toHaveLength(1);
  });

  it('stops watching a ticket once it is solved', async () => {
    const at = { value: '2026-03-10T10:16:00+01:00' };
    const { store, fake, start } = await setup(at);
    await store.putTicket('zendesk:4711', { ...enterprise, status: 'solved' }, '2026-03-10T10:05:00+01:00');
    expect(await start().tick()).toEqual([]);
    expect(fake.badge.at(-1)).toBe('');
  });

  it('re-decides on the alarm and stores the decision at that time', async () => {
    const at = { value: '2026-03-10T10:16:00+01:00' };
    const { store, fake, start } = await setup(at);
    const timers = start();
    await timers.ensureAlarm(1);
    expect(fake.alarms.get(TIMER_ALARM)).toBe(1);
    fake.fire(TIMER_ALARM);
    await expect.poll(() => fake.notifications.length).toBe(1);
    expect((await store.getDecision('zendesk:4711'))?.clock.timeInQueueMinutes).toBe(16);
  });
});

describe('the toolbar badge', () => {
  it('drops a ticket once it moved on to Tier 2, without announcing anything new', async () => {
    const at = { value: '2026-03-10T10:16:00+01:00' };
    const { store, fake, start } = await setup(at);
    const timers = start();
    await timers.tick();
    expect(fake.badge.at(-1)).toBe('1');
    at.value = '2026-03-10T10:20:00+01:00';
    await store.putTicket('zendesk:4711', { ...enterprise, currentTier: 'T2', tierEnteredAt: '2026-03-10T10:18:00+01:00' }, at.value);
    expect(await timers.tick()).toEqual([]);
    expect(fake.badge.at(-1)).toBe('');
    expect(fake.notifications).toHaveLength(1);
  });
});
