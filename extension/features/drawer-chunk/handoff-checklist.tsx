import { render } from 'preact';
import { ownerLabel, tierLabel } from '../../../components/format';
import { HandoffChecklist } from '../../../components/handoff-checklist';
import { type ProvidedSummary, withSummary } from '../../../core/handoff/prefill-summary';
import type { HandoffTarget } from '../../../core/view/ticket-view';
import { modelSummaryFor } from '../../ai/handoff-summary';
import { debounce } from '../../overlay/debounce';
import { checkPacket, type HandoffStage } from '../../overlay/handoff-stage';
import type { FeatureContext } from '../context';

/** "Tier 1 → Tier 4 · Security Incident Lead", or for a move within a tier "Front-line Agent → Billing Specialist (Tier 1)". */
function moveLabel(handoff: HandoffTarget): string {
  if (handoff.move === 'sideways') return `${handoff.from.roleName} → ${handoff.to.roleName} (${tierLabel(handoff.to.tier)})`;
  return `${tierLabel(handoff.from.tier)} → ${ownerLabel(handoff.to)}`;
}

/**
 * The handoff-checklist feature's checklist (../handoff-checklist.tsx), drawn
 * into `host`: the packet the view's handoff needs, prefilled by the worker
 * from the ticket and restored from the agent's draft, saved as it is typed.
 */
export function drawHandoffChecklist(signal: AbortSignal, ctx: FeatureContext, handoff: HandoffTarget, host: HTMLElement): void {
  signal.addEventListener('abort', () => render(null, host), { once: true });
  const key = { helpdesk: ctx.adapter.id, ticketId: ctx.ticket.id };
  const stage: HandoffStage = { from: handoff.from.tier, to: handoff.to.tier, items: handoff.items };
  const save = debounce((values: Record<string, string>) => ctx.worker.saveDraft(key, values).catch(() => undefined), 400, signal);
  // A reload or a closed tab must not eat the last keystrokes.
  window.addEventListener('pagehide', () => save.flush(), { signal: AbortSignal.any([signal, ctx.wxt.signal]) });
  let typed = false;
  /** Draws the checklist from the worker's prefill, with the model's Problem / What's been done once there is one; the agent's draft wins. */
  const draw = (summary: ProvidedSummary | undefined) => {
    const prefill = withSummary(handoff.items, summary);
    const initial = { ...prefill, ...ctx.draft };
    // Prefilled until the agent confirms it: a draft value that differs from the prefill was typed (and so confirmed).
    const prefilled = Object.keys(prefill).filter((id) => initial[id] === prefill[id]);
    render(
      <HandoffChecklist
        key={summary ? 'with-summary' : 'from-ticket'}
        stageLabel={moveLabel(handoff)}
        targetLabel={ownerLabel(handoff.to)}
        target={`${handoff.to.tier}:${handoff.to.role}`}
        items={stage.items}
        initial={initial}
        prefilled={prefilled}
        check={(values) => checkPacket(ctx.policy, stage, values, prefilled)}
        onDraftChange={(values) => {
          typed = true;
          save(values);
        }}
        onEscalate={async (values) => {
          save.flush();
          // The escalation is a lazily imported chunk; one that cannot load (Tierline was updated under this page) sends nothing.
          const code = await ctx.lazy.escalation().catch(() => undefined);
          if (!code) return { ok: false, message: 'Tierline could not load its escalation code, so nothing was sent (reload the page)' };
          return code.escalate(ctx, handoff, values, prefilled);
        }}
      />,
      host,
    );
  };
  // The checklist never waits on a model: it draws now, and takes a model summary (Chrome's built-in, or the worker's
  // admin-configured endpoint) only if one comes before the agent starts typing.
  draw(undefined);
  modelSummaryFor(ctx.ticket, { worker: ctx.worker, scope: window, loadSummary: ctx.lazy.summary }).then((summary) => {
    if (summary && !signal.aborted && !typed) draw(summary);
  });
}
