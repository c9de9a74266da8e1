import { z } from 'zod';
import { getJson } from '../shared/http';
import { getMapping } from '../shared/policy-mapping';
import { textToEscapedHtml } from '../shared/text';
import { otherTierTags, tierGroupId, tierTag } from '../shared/write-back';
import { listOf } from './api-schema';
import type { FetchLike, HelpdeskGroup, WriteBackInput, WriteBackPlan } from '../types';

/**
 * Freshdesk takes two calls: a private note (its body is HTML, so the text is
 * escaped), then a ticket update with the whole tag list (Freshdesk replaces
 * tags, it has no add/remove) and the group.
 * https://developers.freshdesk.com/api/#add_note_to_a_ticket
 * https://developers.freshdesk.com/api/#update_ticket
 */
export function buildFreshdeskWriteBack({ ref, noteText, tier, policy, currentTags, csrfToken, groups }: WriteBackInput): WriteBackPlan {
  const mapping = getMapping(policy, 'freshdesk');
  const notes: string[] = [];
  const group = tierGroupId(mapping, tier, groups);
  if (group.note) notes.push(group.note);
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const remove = new Set(otherTierTags(mapping, currentTags, tier));
  const tags = [...new Set([...currentTags.filter((t) => !remove.has(t)), tierTag(mapping, tier)])];
  const update: Record<string, unknown> = { tags };
  if (group.id !== undefined) update.group_id = group.id;
  return {
    requests: [
      { method: 'POST', url: `/api/v2/tickets/${ref}/notes`, headers, body: { body: textToEscapedHtml(noteText), private: true }, purpose: 'Add the handoff packet as a private note' },
      { method: 'PUT', url: `/api/v2/tickets/${ref}`, headers, body: update, purpose: `Move the ticket to ${tier}` },
    ],
    notes,
  };
}

/** Freshdesk's agent pages (a Rails app) carry a CSRF token in a meta tag. */
export function readFreshdeskCsrfToken(document: Document): string | undefined {
  return document.querySelector('meta[name="csrf-token"]')?.getAttribute('content')?.trim() || undefined;
}

/** GET /api/v2/groups: the helpdesk's groups (first page). */
export async function readFreshdeskGroups({ fetch, origin }: { fetch: FetchLike; origin: string }): Promise<HelpdeskGroup[]> {
  const groups = await getJson(fetch, origin, '/api/v2/groups', listOf('groups', z.object({ id: z.number(), name: z.string() }).loose()));
  return groups.map((g) => ({ id: String(g.id), name: g.name }));
}
