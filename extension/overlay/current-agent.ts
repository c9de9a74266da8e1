import type { FetchLike, HelpdeskTab } from '../../adapters/types';
import { fetchJson } from '../../adapters/shared/http';
import type { WorkerClient } from './worker-client';

/**
 * The name of the agent signed in to the helpdesk, as the helpdesk's own
 * current-user API says (`adapter.accountPaths.currentUser`, fetched here with
 * the page's session and validated by the worker: issue 13), for the handoff
 * note's "by …" and the event log. `undefined` when the agent is not signed in,
 * the answer is unusable or the worker does not read it: the caller falls back
 * to the name from the options. Never throws.
 *
 * @example
 * await readSignedInAgent(zendeskTab, { fetch: window.fetch.bind(window), origin: location.origin, worker }) // 'Dana Reyes'
 */
export async function readSignedInAgent(
  adapter: Pick<HelpdeskTab, 'id' | 'accountPaths'>,
  { fetch, origin, worker }: { fetch: FetchLike; origin: string; worker: Pick<WorkerClient, 'readCurrentUser'> },
): Promise<string | undefined> {
  try {
    if (!worker.readCurrentUser) return undefined;
    const user = await worker.readCurrentUser(adapter.id, await fetchJson(fetch, origin, adapter.accountPaths.currentUser));
    // The worker cuts a name longer than events store when it records one (extension/messaging/handlers.ts).
    const name = user?.name.replace(/\s+/g, ' ').trim();
    return name ? name : undefined;
  } catch {
    return undefined;
  }
}
