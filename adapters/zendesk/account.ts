import * as z from 'zod/mini';
import { parseJson } from '../shared/http';
import type { CurrentUser, HelpdeskGroup } from '../types';
import { zendeskApiPaths } from './fetch';

/** GET /api/v2/groups.json: the account's groups (first page of 100, enough for tier groups). */
const zendeskGroupsSchema = z.looseObject({ groups: z.array(z.looseObject({ id: z.number(), name: z.string() })) });

export function zendeskGroupsFromResponse(body: unknown): HelpdeskGroup[] {
  return parseJson(zendeskGroupsSchema, body, zendeskApiPaths.groups).groups.map((g) => ({ id: String(g.id), name: g.name }));
}

/**
 * GET /api/v2/users/me.json: the signed-in user. Zendesk answers an anonymous
 * visitor with `id: null`, which the schema refuses: nobody is signed in.
 * https://developer.zendesk.com/api-reference/ticketing/users/users/#show-self
 */
const zendeskMeSchema = z.looseObject({ user: z.looseObject({ id: z.int(), name: z.string().check(z.minLength(1)), email: z.nullish(z.string()) }) });

export function zendeskCurrentUserFromResponse(body: unknown): CurrentUser {
  const { user } = parseJson(zendeskMeSchema, body, zendeskApiPaths.currentUser);
  return { id: String(user.id), name: user.name, ...(user.email ? { email: user.email } : {}) };
}
