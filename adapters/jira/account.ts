import * as z from 'zod/mini';
import { parseJson } from '../shared/http';
import type { CurrentUser } from '../types';
import { jiraApiPaths } from './fetch';

/**
 * GET /rest/api/3/myself: the signed-in account. Jira hides `emailAddress`
 * when the user's profile visibility says so.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-myself/#api-rest-api-3-myself-get
 */
const jiraMyselfSchema = z.looseObject({ accountId: z.string().check(z.minLength(1)), displayName: z.string().check(z.minLength(1)), emailAddress: z.nullish(z.string()) });

export function jiraCurrentUserFromResponse(body: unknown): CurrentUser {
  const me = parseJson(jiraMyselfSchema, body, jiraApiPaths.currentUser);
  return { id: me.accountId, name: me.displayName, ...(me.emailAddress ? { email: me.emailAddress } : {}) };
}
