import { z } from 'zod';
import type { Store } from '../store/store';
import { type FetchLike, joinUrl, readError, request, SyncError } from './http';

/** The endpoint takes at most this many events per request (server/app.ts allows more; we stay well under). */
export const MAX_BATCH = 500;

const ingestAnswerSchema = z.object({ accepted: z.number().int().nonnegative(), duplicates: z.number().int().nonnegative() });

export interface SendResult {
  sent: number;
  accepted: number;
  duplicates: number;
  /** Events the endpoint refused as invalid; set aside so they do not block the rest. */
  rejected: number;
}

export interface RejectedEvent {
  id: string;
  message: string;
  at: string;
}

/**
 * Sends the outbox oldest first in batches of ≤ 500 until it is empty. A batch
 * leaves the outbox only after a 2xx answer: a worker killed while a request is
 * in flight sends the same ids again on restart, and the endpoint counts them
 * as duplicates, so each event is stored exactly once. Events the endpoint
 * declares invalid (400 with paths `events[i]…`) are moved to the `rejected`
 * list (meta) so one bad event never blocks the queue.
 */
export async function sendOutbox(options: {
  store: Store;
  fetch: FetchLike;
  endpoint: string;
  token: string;
  now: () => Date;
  batchSize?: number;
  /** Called before each POST (tests hold the request here). */
  onBatch?: (ids: string[]) => void;
}): Promise<SendResult> {
  const { store, endpoint, token, now } = options;
  let batchSize = Math.min(MAX_BATCH, options.batchSize ?? MAX_BATCH);
  const total: SendResult = { sent: 0, accepted: 0, duplicates: 0, rejected: 0 };
  for (;;) {
    const batch = await store.peekOutbox(batchSize);
    if (batch.length === 0) return total;
    const ids = batch.map((r) => r.id);
    options.onBatch?.(ids);
    const res = await request(
      options.fetch,
      joinUrl(endpoint, '/v1/events'),
      { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ events: batch.map((r) => r.event) }) },
      'Sending events',
    );
    if (res.ok) {
      const answer = ingestAnswerSchema.safeParse(await res.json().catch(() => undefined));
      await store.removeFromOutbox(ids);
      total.sent += ids.length;
      total.accepted += answer.success ? answer.data.accepted : 0;
      total.duplicates += answer.success ? answer.data.duplicates : 0;
      continue;
    }
    const error = await readError(res, 'Sending events');
    if (res.status === 413 && batchSize > 1) {
      batchSize = Math.max(1, Math.floor(batchSize / 2));
      continue;
    }
    const badIndexes = res.status === 400 ? invalidEventIndexes(error) : [];
    if (badIndexes.length === 0) throw error;
    await setAside(store, badIndexes.map((i) => ({ id: ids[i] as string, message: messageFor(error, i), at: now().toISOString() })));
    total.rejected += badIndexes.length;
  }
}

function invalidEventIndexes(error: SyncError): number[] {
  const issues = error.body?.error.issues ?? [];
  const indexes = issues.flatMap((issue) => (issue.path[0] === 'events' && typeof issue.path[1] === 'number' ? [issue.path[1]] : []));
  return [...new Set(indexes)];
}

function messageFor(error: SyncError, index: number): string {
  const issues = (error.body?.error.issues ?? []).filter((i) => i.path[1] === index);
  return issues.map((i) => `${i.path.slice(2).join('.')}: ${i.message}`).join('; ') || error.message;
}

const REJECTED_KEEP = 200;

async function setAside(store: Store, rejected: RejectedEvent[]): Promise<void> {
  const known = (await store.getMeta<RejectedEvent[]>('rejectedEvents')) ?? [];
  await store.setMeta('rejectedEvents', [...known, ...rejected].slice(-REJECTED_KEEP));
  await store.removeFromOutbox(rejected.map((r) => r.id));
}

export { SyncError };
