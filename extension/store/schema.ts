import type { DBSchema } from 'idb';
import type { TierlineEvent } from '../../core/events';
import type { HandoffPacket } from '../../core/handoff/packet';
import type { Decision } from '../../core/route/decision';
import type { Ticket } from '../../core/ticket';
import type { OverrideData } from './types';

/**
 * The worker's IndexedDB database, latest version. Records are keyed by the
 * ticket key `"<helpdesk>:<ticketId>"` (see messaging/protocol `ticketKeyString`),
 * except the outbox (event id) and meta (a name). Older versions and how each
 * one becomes the next live in ./migrations.ts.
 */

export interface TicketRecord {
  key: string;
  ticket: Ticket;
  /** Last time the overlay showed it (ISO). Timers watch tickets seen recently and still open. */
  seenAt: string;
}

export interface DecisionRecord {
  key: string;
  decision: Decision;
  decidedAt: string;
}

export interface OverrideRecord {
  key: string;
  override: OverrideData;
  at: string;
}

export interface DraftRecord {
  key: string;
  values: Record<string, string>;
  updatedAt: string;
}

export interface PacketRecord {
  key: string;
  packet: HandoffPacket;
  savedAt: string;
}

export interface OutboxRecord {
  /** The event's client-generated id: re-queuing the same event replaces, never duplicates. */
  id: string;
  event: TierlineEvent;
  /** Milliseconds since the epoch when queued, plus a sequence fraction: the send order. */
  queuedAt: number;
}

/** Since version 2: a time trigger (or a breached clock) the agent was told about, once. */
export interface AlertRecord {
  /** `"<ticket key>|<trigger id>"`. */
  key: string;
  ticketKey: string;
  trigger: string;
  firedAt: string;
}

/**
 * Since version 3: an event the outbox took out of the queue because the
 * endpoint cannot take it as it is (issue 12). Kept, never deleted by the
 * sync: the options page counts, exports and sends these again.
 */
export interface SetAsideRecord {
  /** The event's id. */
  id: string;
  /** The event as queued; absent for events set aside before version 3, which kept only the id and the error. */
  event?: TierlineEvent;
  /**
   * `invalid`: fails the event schema here, before sending; `refused`: the
   * endpoint named it as invalid or too large (400/413); `failed`: the endpoint
   * answers 5xx to every batch that holds it.
   */
  reason: 'invalid' | 'refused' | 'failed';
  /** Why, as the schema or the endpoint said it (a zod path and message, or the endpoint's answer). */
  error: string;
  /** When it was set aside (ISO). */
  setAsideAt: string;
}

export interface TierlineDb extends DBSchema {
  tickets: { key: string; value: TicketRecord };
  decisions: { key: string; value: DecisionRecord };
  overrides: { key: string; value: OverrideRecord };
  drafts: { key: string; value: DraftRecord };
  packets: { key: string; value: PacketRecord };
  outbox: { key: string; value: OutboxRecord; indexes: { 'by-queued': number } };
  meta: { key: string; value: unknown };
  alerts: { key: string; value: AlertRecord; indexes: { 'by-ticket': string } };
  setAside: { key: string; value: SetAsideRecord; indexes: { 'by-time': string } };
}

export type StoreName = 'tickets' | 'decisions' | 'overrides' | 'drafts' | 'packets' | 'outbox' | 'meta' | 'alerts' | 'setAside';
