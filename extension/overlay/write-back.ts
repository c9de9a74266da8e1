import { planMove } from '../../adapters/shared/write-back';
import type { FetchLike, HelpdeskTab, WriteBackInput, WriteBackPlan } from '../../adapters/types';
import type { EscalateResult } from '../../components/handoff-checklist';
import { findHandoffNoteById, parseHandoffNote } from '../../core/handoff/find-note';
import type { Ticket } from '../../core/ticket';

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * Sends an adapter's write-back plan with the page's own fetch: same origin,
 * the agent's session, the helpdesk's own permission checks. Stops at the first
 * failure and says which step failed in words an agent can act on.
 */
export async function performWriteBack(plan: WriteBackPlan, { fetch, origin }: { fetch: FetchLike; origin: string }): Promise<EscalateResult> {
  for (const request of plan.requests) {
    let response: Response;
    try {
      const headers = new Headers({ 'content-type': 'application/json', accept: 'application/json' });
      for (const [name, value] of Object.entries(request.headers)) headers.set(name, value);
      response = await fetch(new URL(request.url, origin).href, { method: request.method, credentials: 'same-origin', headers, body: JSON.stringify(request.body) });
    } catch {
      return { ok: false, message: `could not reach the helpdesk to ${lowerFirst(request.purpose)}` };
    }
    if (!response.ok) return { ok: false, message: `the helpdesk answered ${response.status} when asked to ${lowerFirst(request.purpose)}` };
  }
  return { ok: true };
}

/**
 * What an escalation found on the ticket before it wrote: nothing (note and move sent), the note (an earlier
 * attempt's answer was lost, so only the move was sent), or the note and the move (nothing was sent).
 */
export type EscalationResult = { ok: true; found: 'nothing' | 'note' | 'note-and-move' } | { ok: false; message: string };

export interface EscalationWriteBack {
  adapter: Pick<HelpdeskTab, 'id' | 'buildWriteBack'>;
  /** The ticket as it is now, read again through the helpdesk's API (the tab fetches, the worker validates); undefined when it cannot be read. */
  readTicket: () => Promise<Ticket | undefined>;
  /** The write-back as `buildWriteBack` takes it; its note's marker line carries `handoffId` (`renderPacketText`). */
  input: WriteBackInput;
  /** The handoff's id (`handoffIdFor`): the same for a second click, a retry or a reload of the same escalation. */
  handoffId: string;
  fetch: FetchLike;
  origin: string;
}

/** Escalations in flight by handoff id, so a double click shares one write-back instead of racing a second. */
const inFlight = new Map<string, Promise<EscalationResult>>();

/**
 * Escalates once, however often it is asked: re-reads the ticket first, and
 * when a note with this handoff id is already on it (a second click, or a retry
 * after an answer that never arrived) sends the move alone, or nothing when the
 * ticket already sits with the target tier and role. When the ticket cannot be
 * re-read the whole plan is sent: a lost packet is worse than a duplicate, and
 * a helpdesk that refuses the read rarely takes the write.
 *
 * @example
 * await performEscalationWriteBack({ adapter: zendesk, input, handoffId: 'tl-7488cd267cbb', fetch, origin })
 * // { ok: true, found: 'nothing' }, then on a second click { ok: true, found: 'note-and-move' }
 */
export function performEscalationWriteBack(escalation: EscalationWriteBack): Promise<EscalationResult> {
  const key = `${escalation.origin} ${escalation.input.ref} ${escalation.handoffId}`;
  const running = inFlight.get(key);
  if (running) return running;
  const started = escalateOnce(escalation).finally(() => inFlight.delete(key));
  inFlight.set(key, started);
  return started;
}

async function escalateOnce({ adapter, readTicket, input, handoffId, fetch, origin }: EscalationWriteBack): Promise<EscalationResult> {
  // Without its id in the note, a retry could not recognise the note it wrote.
  if (parseHandoffNote({ body: input.noteText })?.handoffId !== handoffId) {
    return { ok: false, message: 'the handoff note does not carry its handoff id, so nothing was sent' };
  }
  const ticket = await readTicket().catch(() => undefined);
  const noteThere = ticket !== undefined && findHandoffNoteById(ticket, handoffId) !== null;
  if (noteThere && hasMoved(ticket, input, adapter.id)) return { ok: true, found: 'note-and-move' };
  // The tags as they are now: Freshdesk replaces the whole list, so a stale one would undo a colleague's change.
  const plan = adapter.buildWriteBack({ ...input, currentTags: ticket?.tags ?? input.currentTags, includeNote: !noteThere });
  const result = await performWriteBack(plan, { fetch, origin });
  return result.ok ? { ok: true, found: noteThere ? 'note' : 'nothing' } : result;
}

/**
 * The move already landed: the ticket carries the tags it adds and none it removes, and sits in the group it
 * assigns. Read from the tags rather than the tier the ticket reads at, since a Jira "Support group" field
 * Tierline cannot write outranks its labels there.
 */
function hasMoved(ticket: Ticket, input: WriteBackInput, helpdesk: HelpdeskTab['id']): boolean {
  const move = planMove(helpdesk, { ...input, currentTags: ticket.tags }, { groups: true });
  if (move.removeTags.length > 0 || !move.addTags.every((tag) => ticket.tags.includes(tag))) return false;
  if (move.groupId === undefined) return true;
  const group = input.groups?.find((g) => g.id === String(move.groupId))?.name ?? String(move.groupId);
  return ticket.group?.trim().toLowerCase() === group.trim().toLowerCase();
}
