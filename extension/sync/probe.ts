import { z } from 'zod';
import type { Store } from '../store/store';

/**
 * Batches the endpoint answered with a 5xx, remembered across runs (the worker
 * is stopped and restarted at will) so that "the third 5xx for the same batch"
 * means the same ids, whatever was queued since.
 */
const probeSchema = z.array(
  z.object({
    /** Event ids, in queue order. */
    ids: z.array(z.string()).min(1),
    /** 5xx answers this exact batch got in passes where the endpoint took nothing else. */
    failures: z.number().int().nonnegative(),
  }),
);
export type SuspectBatch = z.infer<typeof probeSchema>[number];

const PROBE = 'outboxProbe';

export async function readSuspects(store: Store): Promise<SuspectBatch[]> {
  const parsed = probeSchema.safeParse(await store.getMeta(PROBE));
  return parsed.success ? parsed.data : [];
}

export async function writeSuspects(store: Store, batches: readonly SuspectBatch[]): Promise<void> {
  await store.setMeta(PROBE, batches.length > 0 ? batches : undefined);
}

/**
 * The two halves of a batch, each starting its count again.
 *
 * @example
 * halves({ ids: ['a', 'b', 'c'], failures: 3 }) // [{ ids: ['a', 'b'], failures: 0 }, { ids: ['c'], failures: 0 }]
 */
export function halves(batch: SuspectBatch): SuspectBatch[] {
  const middle = Math.ceil(batch.ids.length / 2);
  return [
    { ids: batch.ids.slice(0, middle), failures: 0 },
    { ids: batch.ids.slice(middle), failures: 0 },
  ].filter((half) => half.ids.length > 0);
}

/** 5xx answers for the same batch, with backoff between them, before it is split to find the event at fault. */
export const STRIKES = 3;

/**
 * What becomes of a batch that just got a 5xx. When the endpoint took another
 * batch in the same pass it is up, so the fault is in this batch: split it, or
 * set aside the lone event. Otherwise the 5xx may be an outage: the batch is
 * split after {@link STRIKES} of them, and a lone event is kept, never set aside
 * on an outage's word.
 *
 * @example
 * verdict({ ids: ['a', 'b'], failures: 1 }, { endpointUp: false }) // 'keep'
 * verdict({ ids: ['a', 'b'], failures: 3 }, { endpointUp: false }) // 'split'
 * verdict({ ids: ['a'], failures: 1 }, { endpointUp: true }) // 'set-aside'
 */
export function verdict(batch: SuspectBatch, options: { endpointUp: boolean }): 'keep' | 'split' | 'set-aside' {
  if (batch.ids.length === 1) return options.endpointUp ? 'set-aside' : 'keep';
  return options.endpointUp || batch.failures >= STRIKES ? 'split' : 'keep';
}
