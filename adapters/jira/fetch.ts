import { fetchJson, fetchJsonOptional, withSecondary } from '../shared/http';
import type { ApiFetchInput, ApiResponses } from '../types';

/**
 * Fetching a Jira Service Management request through the same-origin REST API
 * with the agent's session, as it answers: the issue with field names and
 * changelog, and the request's SLAs. The worker validates them (./api.ts, issue 13).
 */

export const jiraApiPaths = {
  issue: (key: string) => `/rest/api/3/issue/${key}?expand=names,changelog`,
  sla: (key: string) => `/rest/servicedeskapi/request/${key}/sla`,
  currentUser: '/rest/api/3/myself',
};

export async function fetchJiraApiResponses({ ref, fetch, origin, early }: ApiFetchInput): Promise<ApiResponses> {
  // The request's SLAs follow the issue when they come (`early`).
  const sla = fetchJsonOptional(fetch, origin, jiraApiPaths.sla(ref));
  return withSecondary(
    fetchJson(fetch, origin, jiraApiPaths.issue(ref)).then((ticket) => ({ ticket })),
    { sla },
    early,
  );
}
