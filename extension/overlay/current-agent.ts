import type { FetchLike, HelpdeskAdapter } from '../../adapters/types';

/**
 * The name of the agent signed in to the helpdesk, as the helpdesk's own
 * current-user API says (`adapter.readCurrentUser`), for the handoff note's
 * "by …" and the event log. `undefined` when the helpdesk has no such API, the
 * agent is not signed in, or the answer is unusable: the caller falls back to
 * the name from the options. Never throws.
 *
 * @example
 * await readSignedInAgent(zendesk, { fetch: window.fetch.bind(window), origin: location.origin }) // 'Dana Reyes'
 */
export async function readSignedInAgent(adapter: Pick<HelpdeskAdapter, 'readCurrentUser'>, { fetch, origin }: { fetch: FetchLike; origin: string }): Promise<string | undefined> {
  try {
    const user = await adapter.readCurrentUser?.({ fetch, origin });
    // The worker cuts a name longer than events store when it records one (extension/messaging/handlers.ts).
    const name = user?.name.replace(/\s+/g, ' ').trim();
    return name ? name : undefined;
  } catch {
    return undefined;
  }
}
