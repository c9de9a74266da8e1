import { HANDOFF_NOTE_MARKER } from '../handoff/render';
import { readTicketText } from '../text/ticket-text';
import type { Ticket } from '../ticket';

/** An agent's note up to a Tierline handoff note pasted into it. */
function beforeHandoffNote(body: string): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const at = lines.findIndex((line) => line.trim().startsWith(HANDOFF_NOTE_MARKER));
  return at === -1 ? body : lines.slice(0, at).join('\n');
}

/**
 * How many users the customer says are affected, as the router reads it (core/text): the largest head-count in
 * the ticket's words, without earlier Tierline handoff notes (they quote the ticket). Read in the worker and carried
 * by the view, so the tab's checklist never tokenizes text itself. A helpdesk field wins over the text.
 *
 * @example readImpactedUsers(ticket) // { count: 1200, written: 'all 1,200 users' }
 */
export function readImpactedUsers(ticket: Ticket): { count: number; written?: string } | undefined {
  if (ticket.impactedUsers !== undefined) return { count: ticket.impactedUsers };
  const comments = ticket.comments.map((c) => (c.author === 'agent' && !c.public ? { ...c, body: beforeHandoffNote(c.body) } : c));
  let best: { count: number; written: string } | undefined;
  for (const h of readTicketText({ ...ticket, comments }).headcounts) {
    if (!best || h.count > best.count) best = { count: h.count, written: h.written };
  }
  return best;
}
