import type { IDBPDatabase } from 'idb';
import type { TierlineEvent } from '../../core/events';
import type { HandoffPacket } from '../../core/handoff/packet';
import type { Decision } from '../../core/route/decision';
import type { Ticket } from '../../core/ticket';
import type { AlertRecord, OutboxRecord, SetAsideRecord, TicketRecord, TierlineDb } from './schema';
import type { OverrideData } from './types';

/**
 * The worker's local store over IndexedDB: what the overlay showed, what was
 * decided and overridden, handoff drafts and packets, the event outbox and a
 * little metadata (sync state, the org policy and its ETag). Everything an
 * agent types lands here before anything else happens, so closing the tab or
 * the browser loses nothing.
 */
export interface Store {
  putTicket(key: string, ticket: Ticket, seenAt: string): Promise<void>;
  getTicket(key: string): Promise<TicketRecord | undefined>;
  listTickets(): Promise<TicketRecord[]>;
  putDecision(key: string, decision: Decision, decidedAt: string): Promise<void>;
  getDecision(key: string): Promise<Decision | undefined>;
  putOverride(key: string, override: OverrideData, at: string): Promise<void>;
  getOverride(key: string): Promise<OverrideData | undefined>;
  /** Forgets the agent's override (undone): the policy's route stands again. */
  deleteOverride(key: string): Promise<void>;
  getDraft(key: string): Promise<Record<string, string> | undefined>;
  saveDraft(key: string, values: Record<string, string>, updatedAt: string): Promise<void>;
  deleteDraft(key: string): Promise<void>;
  savePacket(key: string, packet: HandoffPacket, savedAt: string): Promise<void>;
  getPacket(key: string): Promise<HandoffPacket | undefined>;
  /** Queues events to send; an id already queued is replaced, so a retried record is one event. */
  enqueue(events: readonly TierlineEvent[], queuedAt: number): Promise<void>;
  /** The oldest `limit` queued events, in queue order. */
  peekOutbox(limit: number): Promise<OutboxRecord[]>;
  /** Removes sent events (after the endpoint acknowledged them). */
  removeFromOutbox(ids: readonly string[]): Promise<void>;
  outboxSize(): Promise<number>;
  /** The queued records among `ids`, in the order given; ids no longer queued are skipped. */
  readOutbox(ids: readonly string[]): Promise<OutboxRecord[]>;
  /** Moves events out of the outbox into the set-aside store, in one transaction: kept, and never sent twice. */
  setAside(records: readonly SetAsideRecord[]): Promise<void>;
  /** Events set aside, oldest first. */
  listSetAside(): Promise<SetAsideRecord[]>;
  /**
   * Puts set-aside events (those in `ids`, or all) back at the tail of the
   * outbox and returns how many; those set aside without their event (before
   * version 3) stay where they are.
   */
  requeueSetAside(ids: readonly string[] | undefined, queuedAt: number): Promise<number>;
  getMeta<T>(name: string): Promise<T | undefined>;
  setMeta(name: string, value: unknown): Promise<void>;
  /** Records an announced alert; false when this ticket+trigger was already announced. */
  claimAlert(alert: Omit<AlertRecord, 'key'>): Promise<boolean>;
  listAlerts(ticketKey: string): Promise<AlertRecord[]>;
}

export const alertKey = (ticketKey: string, trigger: string) => `${ticketKey}|${trigger}`;

/** A store over an open database (`createStore(openDb())`). */
export function createStore(database: IDBPDatabase<TierlineDb> | Promise<IDBPDatabase<TierlineDb>>): Store {
  const db = Promise.resolve(database);
  let seq = 0;
  return {
    async putTicket(key, ticket, seenAt) {
      await (await db).put('tickets', { key, ticket, seenAt });
    },
    async getTicket(key) {
      return (await db).get('tickets', key);
    },
    async listTickets() {
      return (await db).getAll('tickets');
    },
    async putDecision(key, decision, decidedAt) {
      await (await db).put('decisions', { key, decision, decidedAt });
    },
    async getDecision(key) {
      return (await (await db).get('decisions', key))?.decision;
    },
    async putOverride(key, override, at) {
      await (await db).put('overrides', { key, override, at });
    },
    async deleteOverride(key) {
      await (await db).delete('overrides', key);
    },
    async getOverride(key) {
      return (await (await db).get('overrides', key))?.override;
    },
    async getDraft(key) {
      return (await (await db).get('drafts', key))?.values;
    },
    async saveDraft(key, values, updatedAt) {
      await (await db).put('drafts', { key, values, updatedAt });
    },
    async deleteDraft(key) {
      await (await db).delete('drafts', key);
    },
    async savePacket(key, packet, savedAt) {
      await (await db).put('packets', { key, packet, savedAt });
    },
    async getPacket(key) {
      return (await (await db).get('packets', key))?.packet;
    },
    async enqueue(events, queuedAt) {
      const tx = (await db).transaction('outbox', 'readwrite');
      // The fraction keeps the order of events queued within one millisecond.
      for (const event of events) void tx.store.put({ id: event.id, event, queuedAt: queuedAt + (seq++ % 1000) / 1000 });
      await tx.done;
    },
    async peekOutbox(limit) {
      return (await db).getAllFromIndex('outbox', 'by-queued', null, limit);
    },
    async removeFromOutbox(ids) {
      const tx = (await db).transaction('outbox', 'readwrite');
      for (const id of ids) void tx.store.delete(id);
      await tx.done;
    },
    async outboxSize() {
      return (await db).count('outbox');
    },
    async readOutbox(ids) {
      const tx = (await db).transaction('outbox');
      const records = await Promise.all(ids.map((id) => tx.store.get(id)));
      return records.filter((r): r is OutboxRecord => r !== undefined);
    },
    async setAside(records) {
      const tx = (await db).transaction(['outbox', 'setAside'], 'readwrite');
      for (const record of records) {
        void tx.objectStore('setAside').put(record);
        void tx.objectStore('outbox').delete(record.id);
      }
      await tx.done;
    },
    async listSetAside() {
      return (await db).getAllFromIndex('setAside', 'by-time');
    },
    async requeueSetAside(ids, queuedAt) {
      const tx = (await db).transaction(['outbox', 'setAside'], 'readwrite');
      const setAside = tx.objectStore('setAside');
      const records = ids ? await Promise.all(ids.map((id) => setAside.get(id))) : await setAside.index('by-time').getAll();
      let requeued = 0;
      for (const record of records) {
        if (!record?.event) continue;
        void tx.objectStore('outbox').put({ id: record.id, event: record.event, queuedAt: queuedAt + (seq++ % 1000) / 1000 });
        void setAside.delete(record.id);
        requeued++;
      }
      await tx.done;
      return requeued;
    },
    async getMeta<T>(name: string) {
      return (await (await db).get('meta', name)) as T | undefined;
    },
    async setMeta(name, value) {
      await (await db).put('meta', value, name);
    },
    async claimAlert(alert) {
      const tx = (await db).transaction('alerts', 'readwrite');
      const key = alertKey(alert.ticketKey, alert.trigger);
      const known = await tx.store.get(key);
      if (!known) await tx.store.put({ key, ...alert });
      await tx.done;
      return !known;
    },
    async listAlerts(ticketKey) {
      return (await db).getAllFromIndex('alerts', 'by-ticket', ticketKey);
    },
  };
}
