import { fetchJson, fetchJsonOptional, isRecord, withSecondary } from '../shared/http';
import type { ApiFetchInput, ApiResponses } from '../types';

/**
 * Fetching a Freshdesk ticket through API v2 on the helpdesk's own origin, with
 * the agent's session, as it answers: the worker validates it (./api.ts, issue 13).
 * https://developers.freshdesk.com/api/#view_a_ticket
 */

export const freshdeskApiPaths = {
  ticket: (id: string) => `/api/v2/tickets/${id}?include=requester,stats`,
  // 30 per page by default; 100 is the documented maximum.
  conversations: (id: string) => `/api/v2/tickets/${id}/conversations?per_page=100`,
  group: (id: string) => `/api/v2/groups/${id}`,
  company: (id: string) => `/api/v2/companies/${id}`,
  currentUser: '/api/v2/agents/me',
  groups: '/api/v2/groups',
};

/** A numeric id the ticket names (`group_id`, `company_id`): which secondary resources to fetch, nothing more. */
function idIn(ticket: unknown, key: string): string | undefined {
  const id = isRecord(ticket) ? ticket[key] : undefined;
  return typeof id === 'number' && Number.isInteger(id) && id > 0 ? String(id) : undefined;
}

export async function fetchFreshdeskApiResponses({ ref, fetch, origin, early }: ApiFetchInput): Promise<ApiResponses> {
  // The conversations do not depend on the ticket's answer: asked at once. The group and the company are named by the
  // ticket and follow when they come (`early`).
  const comments = fetchJsonOptional(fetch, origin, freshdeskApiPaths.conversations(ref));
  const ticket = await fetchJson(fetch, origin, freshdeskApiPaths.ticket(ref));
  const groupId = idIn(ticket, 'group_id');
  const companyId = idIn(ticket, 'company_id');
  return withSecondary(
    comments.then((comments) => ({ ticket, comments })),
    {
      ...(groupId ? { group: fetchJsonOptional(fetch, origin, freshdeskApiPaths.group(groupId)) } : {}),
      ...(companyId ? { company: fetchJsonOptional(fetch, origin, freshdeskApiPaths.company(companyId)) } : {}),
    },
    early,
  );
}
