import { textToEscapedHtml } from '../shared/text';
import { planMove } from '../shared/write-back';
import type { WriteBackInput, WriteBackPlan, WriteBackRequest } from '../types';

/**
 * Freshdesk takes two calls: a private note (its body is HTML, so the text is
 * escaped), then a ticket update with the whole tag list (Freshdesk replaces
 * tags, it has no add/remove) and the group.
 * https://developers.freshdesk.com/api/#add_note_to_a_ticket
 * https://developers.freshdesk.com/api/#update_ticket
 */
export function buildFreshdeskWriteBack(input: WriteBackInput): WriteBackPlan {
  const { ref, noteText, includeNote = true, currentTags, csrfToken } = input;
  const move = planMove('freshdesk', input, { groups: true });
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const remove = new Set(move.removeTags);
  const tags = [...new Set([...currentTags.filter((t) => !remove.has(t)), ...move.addTags])];
  const update: Record<string, unknown> = { tags };
  if (move.groupId !== undefined) update.group_id = move.groupId;
  const note: WriteBackRequest = { method: 'POST', url: `/api/v2/tickets/${ref}/notes`, headers, body: { body: textToEscapedHtml(noteText), private: true }, purpose: 'Add the handoff packet as a private note' };
  const moveRequest: WriteBackRequest = { method: 'PUT', url: `/api/v2/tickets/${ref}`, headers, body: update, purpose: `Move the ticket to ${move.target}` };
  return { requests: includeNote ? [note, moveRequest] : [moveRequest], notes: move.notes };
}

/** Freshdesk's agent pages (a Rails app) carry a CSRF token in a meta tag. */
export function readFreshdeskCsrfToken(document: Document): string | undefined {
  return document.querySelector('meta[name="csrf-token"]')?.getAttribute('content')?.trim() || undefined;
}
