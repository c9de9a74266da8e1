// From its own file, not the index: the index brings the packet schema, and the tab carries no zod (issue 13).
import { findHandoffNote, type HandoffNote } from '../../core/handoff/find-note';
import { drawLazySection } from '../overlay/lazy-section';
import { defineFeature, isTicketPage } from './registry';

/** The sender's own overlay shows no confirmation: only someone else can vouch for the summary. */
function sentByThisAgent(note: HandoffNote, agent: string): boolean {
  const me = agent.trim().toLowerCase();
  return [note.author, note.authorName].some((name) => name !== undefined && name.trim().toLowerCase() === me);
}

/**
 * A Tierline handoff note another agent wrote on this ticket, for the receiving
 * agent to confirm. The panel is in the drawer chunk
 * (./drawer-chunk/handoff-received.tsx), loaded when the open drawer first shows it.
 */
export default defineFeature({
  id: 'handoff-received',
  include: [isTicketPage],
  async init(signal, ctx) {
    const note = findHandoffNote(ctx.ticket);
    if (!note) return false;
    // The sender's own overlay shows no confirmation: wait for the helpdesk to say who is signed in.
    if (sentByThisAgent(note, await ctx.agentName()) || signal.aborted) return false;
    drawLazySection(signal, ctx.ui, ctx.ui.panel('handoff-received'), { what: 'received handoff', load: ctx.lazy.drawer, draw: (code, host) => code.drawHandoffReceived(signal, ctx, note, host) });
    return true;
  },
});
