import { planMove } from '../shared/write-back';
import type { WriteBackInput, WriteBackPlan } from '../types';

/**
 * One ticket update carries the internal note, the tier and role tags and the
 * group, so Zendesk applies them together. `comment.body` is plain text (Zendesk
 * escapes it); `additional_tags` / `remove_tags` change tags without replacing the list.
 * https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#update-ticket
 * Session-authenticated writes need the page's CSRF token:
 * https://developer.zendesk.com/documentation/ticketing/using-the-zendesk-api/making-requests-to-the-zendesk-api-from-the-browser/
 */
export function buildZendeskWriteBack(input: WriteBackInput): WriteBackPlan {
  const { ref, noteText, includeNote = true, csrfToken } = input;
  const move = planMove('zendesk', input, { groups: true });
  const notes = [...move.notes];
  if (!csrfToken) notes.push('No CSRF token was found on the page; Zendesk will refuse the update.');
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const ticket: Record<string, unknown> = {
    ...(includeNote ? { comment: { body: noteText, public: false } } : {}),
    additional_tags: move.addTags,
    remove_tags: move.removeTags,
  };
  if (move.groupId !== undefined) ticket.group_id = move.groupId;
  const purpose = includeNote ? `Add the handoff packet as an internal note and move the ticket to ${move.target}` : `Move the ticket to ${move.target}`;
  return { requests: [{ method: 'PUT', url: `/api/v2/tickets/${ref}.json`, headers, body: { ticket }, purpose }], notes };
}

/** Zendesk's agent pages carry the CSRF token in a meta tag. */
export function readZendeskCsrfToken(document: Document): string | undefined {
  return document.querySelector('meta[name="csrf-token"]')?.getAttribute('content')?.trim() || undefined;
}
