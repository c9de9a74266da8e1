import type { FetchLike, WriteBackPlan } from '../../adapters/types';
import type { EscalateResult } from '../../components/handoff-checklist';

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * Sends an adapter's write-back plan with the page's own fetch: same origin,
 * the agent's session, the helpdesk's own permission checks. Stops at the first
 * failure and says which step failed in words an agent can act on.
 */
export async function performWriteBack(plan: WriteBackPlan, { fetch, origin }: { fetch: FetchLike; origin: string }): Promise<EscalateResult> {
  for (const request of plan.requests) {
    let response: Response;
    try {
      const headers = new Headers({ 'content-type': 'application/json', accept: 'application/json' });
      for (const [name, value] of Object.entries(request.headers)) headers.set(name, value);
      response = await fetch(new URL(request.url, origin).href, { method: request.method, credentials: 'same-origin', headers, body: JSON.stringify(request.body) });
    } catch {
      return { ok: false, message: `could not reach the helpdesk to ${lowerFirst(request.purpose)}` };
    }
    if (!response.ok) return { ok: false, message: `the helpdesk answered ${response.status} when asked to ${lowerFirst(request.purpose)}` };
  }
  return { ok: true };
}
