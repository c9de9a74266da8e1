import { eventSchema } from '../../core/events';
import type { OutboxRecord, SetAsideRecord } from '../store/schema';
import type { Store } from '../store/store';
import type { FetchLike, SyncError } from './http';
import { postEvents } from './post-events';
import { halves, readSuspects, type SuspectBatch, verdict, writeSuspects } from './probe';

/** The endpoint takes at most this many events per request (server/app.ts allows more; we stay well under). */
export const MAX_BATCH = 500;

/** A pass stops after this many 5xx with nothing taken, and tries one unsent batch to tell an outage from a bad batch. */
const FAILURES_BEFORE_CONTROL = 2;

export interface SendResult {
  sent: number;
  accepted: number;
  duplicates: number;
  /** Events moved to the set-aside store (invalid, refused, or failing the endpoint) so they do not block the rest. */
  setAside: number;
}

/**
 * Sends the outbox oldest first in batches of ≤ 500 until it is empty, so that
 * no event can hold up the others (issue 12). A batch leaves the outbox only
 * after a 2xx: a worker stopped mid-request sends the same ids again and the
 * endpoint counts them as duplicates, so each event is stored exactly once.
 *
 * Events go to the set-aside store (kept whole, with the error and when) when:
 * - they fail the event schema here (the zod path is the error);
 * - the endpoint names them in a 400/422, or a lone event gets a 413;
 * - the endpoint answers 5xx to every batch that holds them. A batch that
 *   gets a 5xx is remembered, and the rest of the outbox goes on. It is split
 *   in two after 3 5xx (`STRIKES`) in runs where nothing else went through
 *   (with backoff between runs), or at once when the endpoint took another
 *   batch in the same pass, which shows the endpoint is up and the fault is in
 *   the batch. A lone event is set aside only on that evidence, so an outage
 *   answering 500 to everything never sets anything aside.
 *
 * No answer, 429 and 503 are never an event's fault: they end the run with a
 * `SyncError` and count nothing; the caller backs off (sync.ts).
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
  const { store, now } = options;
  let batchSize = Math.min(MAX_BATCH, options.batchSize ?? MAX_BATCH);
  const total: SendResult = { sent: 0, accepted: 0, duplicates: 0, setAside: 0 };
  let suspects = await readSuspects(store);

  async function setAside(items: { record: OutboxRecord; reason: SetAsideRecord['reason']; error: string }[]): Promise<void> {
    if (items.length === 0) return;
    const at = now().toISOString();
    await store.setAside(items.map(({ record, reason, error }) => ({ id: record.id, event: record.event, reason, error, setAsideAt: at })));
    total.setAside += items.length;
  }

  /** The batch's records still queued, after setting aside those that fail the event schema. */
  async function sendable(batch: SuspectBatch): Promise<OutboxRecord[]> {
    const records = await store.readOutbox(batch.ids);
    const invalid = records.flatMap((record) => {
      const parsed = eventSchema.safeParse(record.event);
      return parsed.success ? [] : [{ record, reason: 'invalid' as const, error: parsed.error.issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`).join('; ') }];
    });
    await setAside(invalid);
    const setAsideNow = new Set(invalid.map((i) => i.record));
    return records.filter((r) => !setAsideNow.has(r));
  }

  for (;;) {
    // One pass: every remembered batch once, then the rest of the outbox.
    const pending = [...suspects];
    const failed: { batch: SuspectBatch; error: SyncError }[] = [];
    let tookSome = false;
    let misses = 0;
    let controlUsed = false;
    let lastError: SyncError | undefined;

    async function unsent(): Promise<SuspectBatch | undefined> {
      const known = new Set([...pending, ...failed.map((f) => f.batch)].flatMap((b) => b.ids));
      const records = (await store.peekOutbox(batchSize + known.size)).filter((r) => !known.has(r.id)).slice(0, batchSize);
      return records.length > 0 ? { ids: records.map((r) => r.id), failures: 0 } : undefined;
    }

    /** The next batch to post: `suspect` was remembered, `control` only tells an outage from bad batches. */
    async function next(): Promise<{ batch: SuspectBatch; from: 'suspect' | 'unsent' | 'control' } | undefined> {
      if (!tookSome && misses >= FAILURES_BEFORE_CONTROL) {
        if (controlUsed) return undefined;
        controlUsed = true;
        const batch = await unsent();
        return batch && { batch, from: 'control' };
      }
      const suspect = pending.shift();
      if (suspect) return { batch: suspect, from: 'suspect' };
      const batch = await unsent();
      return batch && { batch, from: 'unsent' };
    }

    for (let step = await next(); step; step = await next()) {
      const { batch, from } = step;
      const records = await sendable(batch);
      if (records.length === 0) continue;
      const ids = records.map((r) => r.id);
      options.onBatch?.(ids);
      const answer = await postEvents(options, records.map((r) => r.event)).catch(async (error: unknown) => {
        // Not the batch's fault (no answer, 429, 503, …): remembered as it was, nothing counted.
        await writeSuspects(store, [...failed.map((f) => f.batch), ...(from === 'suspect' ? [{ ids, failures: batch.failures }] : []), ...pending]);
        throw error;
      });
      if (answer.kind === 'stored') {
        await store.removeFromOutbox(ids);
        total.sent += ids.length;
        total.accepted += answer.accepted;
        total.duplicates += answer.duplicates;
        tookSome = true;
      } else if (answer.kind === 'invalid') {
        await setAside([...answer.errors].map(([i, error]) => ({ record: records[i] as OutboxRecord, reason: 'refused', error })));
        const rest = ids.filter((_, i) => !answer.errors.has(i));
        if (rest.length > 0) pending.unshift({ ids: rest, failures: batch.failures });
      } else if (answer.kind === 'too-large') {
        if (ids.length === 1) await setAside([{ record: records[0] as OutboxRecord, reason: 'refused', error: answer.error.message }]);
        else {
          batchSize = Math.min(batchSize, Math.ceil(ids.length / 2));
          pending.unshift(...halves({ ids, failures: batch.failures }));
        }
      } else {
        misses++;
        lastError = answer.error;
        if (from !== 'control') failed.push({ batch: { ids, failures: batch.failures + 1 }, error: answer.error });
      }
    }

    // Verdicts on the batches that got a 5xx in this pass.
    let changed = false;
    const kept: SuspectBatch[] = [];
    for (const { batch, error } of failed) {
      const next = verdict(batch, { endpointUp: tookSome });
      if (next === 'keep') kept.push(batch);
      if (next === 'split') kept.push(...halves(batch));
      if (next === 'set-aside') {
        const [record] = await store.readOutbox(batch.ids);
        if (record) await setAside([{ record, reason: 'failed', error: error.message }]);
      }
      changed ||= next !== 'keep';
    }
    suspects = [...kept, ...pending];
    await writeSuspects(store, suspects);
    if (!lastError) return total;
    if (!changed) throw lastError;
  }
}
