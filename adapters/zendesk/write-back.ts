import { z } from 'zod';
import { getJson } from '../shared/http';
import { getMapping } from '../shared/policy-mapping';
import { otherTierTags, tierGroupId, tierTag } from '../shared/write-back';
import type { FetchLike, HelpdeskGroup, WriteBackInput, WriteBackPlan } from '../types';

/**
 * One ticket update carries the internal note, the tier tag and the group, so
 * Zendesk applies them together. `comment.body` is plain text (Zendesk escapes
 * it); `additional_tags` / `remove_tags` change tags without replacing the list.
 * https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#update-ticket
 * Session-authenticated writes need the page's CSRF token:
 * https://developer.zendesk.com/documentation/ticketing/using-the-zendesk-api/making-requests-to-the-zendesk-api-from-the-browser/
 */
export function buildZendeskWriteBack({ ref, noteText, tier, policy, currentTags, csrfToken, groups }: WriteBackInput): WriteBackPlan {
  const mapping = getMapping(policy, 'zendesk');
  const notes: string[] = [];
  const group = tierGroupId(mapping, tier, groups);
  if (group.note) notes.push(group.note);
  if (!csrfToken) notes.push('No CSRF token was found on the page; Zendesk will refuse the update.');
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const ticket: Record<string, unknown> = {
    comment: { body: noteText, public: false },
    additional_tags: [tierTag(mapping, tier)],
    remove_tags: otherTierTags(mapping, currentTags, tier),
  };
  if (group.id !== undefined) ticket.group_id = group.id;
  return {
    requests: [{ method: 'PUT', url: `/api/v2/tickets/${ref}.json`, headers, body: { ticket }, purpose: `Add the handoff packet as an internal note and move the ticket to ${tier}` }],
    notes,
  };
}

/** Zendesk's agent pages carry the CSRF token in a meta tag. */
export function readZendeskCsrfToken(document: Document): string | undefined {
  return document.querySelector('meta[name="csrf-token"]')?.getAttribute('content')?.trim() || undefined;
}

/** GET /api/v2/groups.json: the account's groups (first page of 100, enough for tier groups). */
export async function readZendeskGroups({ fetch, origin }: { fetch: FetchLike; origin: string }): Promise<HelpdeskGroup[]> {
  const body = await getJson(fetch, origin, '/api/v2/groups.json', z.object({ groups: z.array(z.object({ id: z.number(), name: z.string() }).loose()) }).loose());
  return body.groups.map((g) => ({ id: String(g.id), name: g.name }));
}
