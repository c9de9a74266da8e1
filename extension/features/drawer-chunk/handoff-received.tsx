import { render } from 'preact';
import { HandoffReceived, type SummaryConfirmation } from '../../../components/handoff-received';
import type { HandoffNote } from '../../../core/handoff/find-note';
import { newEventId } from '../../overlay/event-id';
import type { FeatureContext } from '../context';

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

/** The handoff-received feature's panel (../handoff-received.tsx), drawn into `host`: the note's summary, for the receiving agent to confirm. */
export function drawHandoffReceived(signal: AbortSignal, ctx: FeatureContext, note: HandoffNote, host: HTMLElement): void {
  render(<HandoffReceived from={note.from} to={note.to} {...(note.author ? { sender: note.author } : {})} summary={note.summary} onConfirm={(c) => confirm(ctx, note, c)} />, host);
  signal.addEventListener('abort', () => render(null, host), { once: true });
}
