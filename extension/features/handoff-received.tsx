import { render } from 'preact';
import { HandoffReceived, type SummaryConfirmation } from '../../components/handoff-received';
// From its own file, not the index: the index brings the packet schema, and the tab carries no zod (issue 13).
import { findHandoffNote, type HandoffNote } from '../../core/handoff/find-note';
import { newEventId } from '../overlay/event-id';
import type { FeatureContext } from './context';
import { defineFeature, isTicketPage } from './registry';

/** The sender's own overlay shows no confirmation: only someone else can vouch for the summary. */
function sentByThisAgent(note: HandoffNote, agent: string): boolean {
  const me = agent.trim().toLowerCase();
  return [note.author, note.authorName].some((name) => name !== undefined && name.trim().toLowerCase() === me);
}

async function confirm(ctx: FeatureContext, note: HandoffNote, confirmation: SummaryConfirmation): Promise<void> {
  await ctx.worker.recordEvent({
    id: newEventId(),
    type: 'summary-confirmation',
    at: ctx.now().toISOString(),
    ticketId: ctx.ticket.id,
    helpdesk: ctx.adapter.id,
    ...(ctx.agent ? { agent: ctx.agent } : {}),
    data: { packetStage: note.stage, from: note.from, to: note.to, accurate: confirmation.accurate, ...(confirmation.note ? { note: confirmation.note } : {}) },
  });
}

export default defineFeature({
  id: 'handoff-received',
  include: [isTicketPage],
  async init(signal, ctx) {
    const note = findHandoffNote(ctx.ticket);
    if (!note) return false;
    // The sender's own overlay shows no confirmation: wait for the helpdesk to say who is signed in.
    if (sentByThisAgent(note, await ctx.agentName()) || signal.aborted) return false;
    const container = ctx.ui.panel('handoff-received');
    render(<HandoffReceived from={note.from} to={note.to} {...(note.author ? { sender: note.author } : {})} summary={note.summary} onConfirm={(c) => confirm(ctx, note, c)} />, container);
    signal.addEventListener('abort', () => render(null, container), { once: true });
    return true;
  },
});
