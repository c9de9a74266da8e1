import * as z from 'zod/mini';
import { parseJson } from '../shared/http';
import type { CurrentUser, HelpdeskGroup } from '../types';
import { listOf } from './api-schema';
import { freshdeskApiPaths } from './fetch';

/** GET /api/v2/groups: the helpdesk's groups (first page). */
const freshdeskGroupsSchema = listOf('groups', z.looseObject({ id: z.number(), name: z.string() }));

export function freshdeskGroupsFromResponse(body: unknown): HelpdeskGroup[] {
  return parseJson(freshdeskGroupsSchema, body, freshdeskApiPaths.groups).map((g) => ({ id: String(g.id), name: g.name }));
}

/**
 * GET /api/v2/agents/me: the signed-in agent; the name and email sit on its contact.
 * https://developers.freshdesk.com/api/#me
 */
const freshdeskMeSchema = z.looseObject({ id: z.int(), contact: z.looseObject({ name: z.string().check(z.minLength(1)), email: z.nullish(z.string()) }) });

export function freshdeskCurrentUserFromResponse(body: unknown): CurrentUser {
  const agent = parseJson(freshdeskMeSchema, body, freshdeskApiPaths.currentUser);
  return { id: String(agent.id), name: agent.contact.name, ...(agent.contact.email ? { email: agent.contact.email } : {}) };
}
