import { z } from 'zod';
import type { TierlineEvent } from '../../core/events';
import { type FetchLike, joinUrl, readError, request, type SyncError } from './http';

const ingestAnswerSchema = z.object({ accepted: z.number().int().nonnegative(), duplicates: z.number().int().nonnegative() });

/** What one `POST /v1/events` said about a batch, when the answer may be the batch's own doing. */
export type PostAnswer =
  | { kind: 'stored'; accepted: number; duplicates: number }
  /** 400/422 naming events (`events[i]…`): error by index in the batch. Nothing was stored. */
  | { kind: 'invalid'; errors: Map<number, string>; error: SyncError }
  /** 413: the batch (or a lone event) is more than the endpoint takes. */
  | { kind: 'too-large'; error: SyncError }
  /** A 5xx other than 503: the endpoint failed, perhaps because of an event in this batch. */
  | { kind: 'failed'; error: SyncError };

/**
 * Posts one batch and sorts the answer. Answers that are never an event's
 * fault are thrown as a `SyncError`, to be retried with backoff: no answer
 * (offline, refused), 429 and 503 (the endpoint is busy or down), and any
 * other 4xx (a bad token, a wrong address).
 *
 * @example
 * await postEvents({ fetch, endpoint: 'https://sync.acme.test', token }, [event]) // { kind: 'stored', accepted: 1, duplicates: 0 }
 */
export async function postEvents(options: { fetch: FetchLike; endpoint: string; token: string }, events: readonly TierlineEvent[]): Promise<PostAnswer> {
  const res = await request(
    options.fetch,
    joinUrl(options.endpoint, '/v1/events'),
    { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` }, body: JSON.stringify({ events }) },
    'Sending events',
  );
  if (res.ok) {
    const answer = ingestAnswerSchema.safeParse(await res.json().catch(() => undefined));
    return { kind: 'stored', accepted: answer.success ? answer.data.accepted : 0, duplicates: answer.success ? answer.data.duplicates : 0 };
  }
  const error = await readError(res, 'Sending events');
  if (res.status === 400 || res.status === 422) {
    const errors = errorsByEvent(error, events.length);
    if (errors.size > 0) return { kind: 'invalid', errors, error };
  }
  if (res.status === 413) return { kind: 'too-large', error };
  if (res.status >= 500 && res.status !== 503) return { kind: 'failed', error };
  throw error;
}

/** `events[1].data.tier: Invalid option` → 1 → `data.tier: Invalid option`. */
function errorsByEvent(error: SyncError, count: number): Map<number, string> {
  const errors = new Map<number, string>();
  for (const issue of error.body?.error.issues ?? []) {
    const [root, index] = issue.path;
    if (root !== 'events' || typeof index !== 'number' || index < 0 || index >= count) continue;
    const text = `${issue.path.slice(2).join('.') || '(event)'}: ${issue.message}`;
    errors.set(index, errors.has(index) ? `${errors.get(index)}; ${text}` : text);
  }
  return errors;
}
