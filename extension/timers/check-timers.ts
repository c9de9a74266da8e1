import type { Router } from '../../core/route/decide';
import type { Decision } from '../../core/route/decision';
import type { Store } from '../store/store';

/** An alert the agent has not been told about yet. */
export interface TimerAlert {
  ticketKey: string;
  ticketId: string;
  subject: string;
  url?: string;
  /** The time trigger's id, or `clock-breach` when the escalation clock ran out. */
  trigger: string;
  title: string;
  message: string;
}

export const CLOCK_BREACH = 'clock-breach';
/** Tickets not shown for this long are no longer watched. */
export const WATCH_DAYS = 7;
const CLOSED = new Set(['solved', 'closed']);

function alertsOf(key: string, ticket: { id: string; subject: string; url?: string }, decision: Decision): TimerAlert[] {
  const label = ticket.subject ? `#${ticket.id} ${ticket.subject}` : `#${ticket.id}`;
  const base = { ticketKey: key, ticketId: ticket.id, subject: ticket.subject, ...(ticket.url ? { url: ticket.url } : {}) };
  const alerts: TimerAlert[] = decision.triggers
    .filter((t) => t.kind === 'time')
    .map((t) => ({ ...base, trigger: t.id, title: `${t.description} — ${label}`, message: t.action }));
  if (decision.clock.breached) {
    alerts.push({
      ...base,
      trigger: CLOCK_BREACH,
      title: `Escalation clock breached — ${label}`,
      message: `${decision.severityName}: ${Math.round(decision.clock.timeInQueueMinutes)} business minutes at ${decision.tier}; move it to ${decision.roleName} or escalate.`,
    });
  }
  return alerts;
}

/**
 * Recomputes the decision of every open ticket the overlay showed in the last
 * week at `now`, stores it, and returns the time triggers and clock breaches
 * that fired for the first time. "First time" is remembered in the store, so a
 * worker stopped and restarted never announces the same ticket+trigger twice.
 */
export async function checkQueueTimers(options: { store: Store; route: Router; now: Date; onlyKey?: string }): Promise<{ alerts: TimerAlert[]; watched: number }> {
  const { store, route, now } = options;
  const since = now.getTime() - WATCH_DAYS * 86_400_000;
  const records = options.onlyKey ? [await store.getTicket(options.onlyKey)].filter((r) => r !== undefined) : await store.listTickets();
  const fresh: TimerAlert[] = [];
  let watched = 0;
  for (const { key, ticket, seenAt } of records) {
    if (Date.parse(seenAt) < since || (ticket.status && CLOSED.has(ticket.status))) continue;
    watched++;
    const decision = route(ticket, { now });
    await store.putDecision(key, decision, now.toISOString());
    for (const alert of alertsOf(key, ticket, decision)) {
      if (await store.claimAlert({ ticketKey: key, trigger: alert.trigger, firedAt: now.toISOString() })) fresh.push(alert);
    }
  }
  return { alerts: fresh, watched };
}

/**
 * How many watched tickets have a time trigger firing or a breached clock in
 * their latest decision: the number on the toolbar badge. A ticket that was
 * escalated or solved since drops out; announcing stays once per trigger.
 */
export async function alertedTicketCount(store: Store, now: Date): Promise<number> {
  const since = now.getTime() - WATCH_DAYS * 86_400_000;
  let count = 0;
  for (const { key, ticket, seenAt } of await store.listTickets()) {
    if (Date.parse(seenAt) < since || (ticket.status && CLOSED.has(ticket.status))) continue;
    const decision = await store.getDecision(key);
    if (decision && (decision.clock.breached || decision.triggers.some((t) => t.kind === 'time'))) count++;
  }
  return count;
}
