import type { Router } from '../../core/route/decide';
import type { Store } from '../store/store';
import { alertedTicketCount, checkQueueTimers, type TimerAlert } from './check-timers';

export const TIMER_ALARM = 'tierline-queue-timers';

/** The slice of the extension APIs the timers use, so tests pass fakes. */
export interface TimerApis {
  alarms: {
    create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): unknown;
    get(name: string): Promise<{ periodInMinutes?: number } | undefined>;
    onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
  };
  notifications: { create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string; priority?: number }): unknown };
  action: { setBadgeText(details: { text: string }): unknown; setBadgeBackgroundColor(details: { color: string }): unknown };
}

export interface QueueTimers {
  /** Recompute now (the alarm, a ticket just seen, tests); resolves with the alerts announced. */
  tick(options?: { onlyKey?: string }): Promise<TimerAlert[]>;
  /** Makes sure the alarm exists with this period (settings may change it). */
  ensureAlarm(periodMinutes: number): Promise<void>;
}

/**
 * Queue timers: an alarm wakes the worker every period (one minute in
 * production; Chrome clamps packed extensions to ≥ 30 s), every open ticket is
 * re-decided at the current time, and each time trigger or clock breach that
 * newly fired is announced once: a notification (when enabled) and the
 * toolbar badge. The alarm listener is added synchronously, as MV3 requires
 * for events that wake a stopped worker.
 */
export function startQueueTimers(deps: {
  store: Store;
  apis: TimerApis;
  /** The router for the policy in force. */
  route: () => Promise<Router>;
  notificationsEnabled: () => Promise<boolean>;
  now?: () => Date;
  iconUrl?: string;
  /** Other work the alarm drives (sync). */
  onAlarm?: () => void;
}): QueueTimers {
  const { store, apis, now = () => new Date(), iconUrl = 'icon/128.png' } = deps;

  async function announce(alerts: TimerAlert[]): Promise<void> {
    if (alerts.length > 0 && (await deps.notificationsEnabled())) {
      for (const alert of alerts) {
        await apis.notifications.create(`${alert.ticketKey}|${alert.trigger}`, { type: 'basic', iconUrl, title: alert.title, message: alert.message, priority: 1 });
      }
    }
    const count = await alertedTicketCount(store, now());
    await apis.action.setBadgeBackgroundColor({ color: '#b91c1c' });
    await apis.action.setBadgeText({ text: count > 0 ? String(count) : '' });
  }

  async function tick(options: { onlyKey?: string } = {}): Promise<TimerAlert[]> {
    const { alerts } = await checkQueueTimers({ store, route: await deps.route(), now: now(), ...options });
    await announce(alerts);
    return alerts;
  }

  apis.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== TIMER_ALARM) return;
    void tick().catch((error: unknown) => console.error('Tierline queue timers:', error));
    deps.onAlarm?.();
  });

  return {
    tick,
    async ensureAlarm(periodMinutes) {
      const existing = await apis.alarms.get(TIMER_ALARM);
      if (existing?.periodInMinutes === periodMinutes) return;
      await apis.alarms.create(TIMER_ALARM, { periodInMinutes: periodMinutes, delayInMinutes: periodMinutes });
    },
  };
}
