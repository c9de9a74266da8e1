import { render } from 'preact';
import { type EscalateResult, HandoffChecklist } from '../../components/handoff-checklist';
import { type ProvidedSummary, prefillHandoff } from '../../components/handoff-prefill';
import { ownerLabel, tierLabel } from '../../components/format';
import { handoffIdFor } from '../../core/handoff/render';
import type { HandoffTarget } from '../../core/view/ticket-view';
import { summarizeForHandoff } from '../ai/summarize-ticket';
import { debounce } from '../overlay/debounce';
import { checkPacket, type HandoffStage, packetText } from '../overlay/handoff-stage';
import { performEscalationWriteBack } from '../overlay/write-back';
import type { FeatureContext } from './context';
import { defineFeature, isTicketPage } from './registry';

/** "Tier 1 → Tier 4 · Security Incident Lead", or for a move within a tier "Front-line Agent → Billing Specialist (Tier 1)". */
function moveLabel(handoff: HandoffTarget): string {
  if (handoff.move === 'sideways') return `${handoff.from.roleName} → ${handoff.to.roleName} (${tierLabel(handoff.to.tier)})`;
  return `${tierLabel(handoff.from.tier)} → ${ownerLabel(handoff.to)}`;
}

/** Event ids derived from the handoff id: a second click or a retried escalation records the same events again, which the store drops as duplicates. */
const eventId = (handoffId: string, type: string) => `${handoffId}-${type}`;

async function escalate(ctx: FeatureContext, handoff: HandoffTarget, values: Record<string, string>, prefilled: readonly string[]): Promise<EscalateResult> {
  const stage: HandoffStage = { from: handoff.from.tier, to: handoff.to.tier, items: handoff.items };
  const check = checkPacket(ctx.policy, stage, values, prefilled);
  const handoffId = handoffIdFor({
    helpdesk: ctx.adapter.id,
    ticketId: ctx.ticket.id,
    from: handoff.from,
    to: handoff.to,
    since: ctx.ticket.tierEnteredAt ?? ctx.ticket.createdAt,
  });
  // Group ids for a policy that names groups ("Tier 2"); without them the tier and role tags still go through.
  const groups = await ctx.adapter.readGroups?.({ fetch: ctx.fetch, origin: ctx.url.origin }).catch(() => undefined);
  const noteText = packetText(ctx.policy, stage, values, {
    ticketId: ctx.ticket.id,
    helpdesk: ctx.adapter.id,
    at: ctx.now().toISOString(),
    ...(ctx.agent ? { author: ctx.agent } : {}),
    handoffId,
    roles: { from: handoff.from.role, to: handoff.to.role },
    prefilled,
  });
  const result = await performEscalationWriteBack({
    adapter: ctx.adapter,
    input: {
      ref: ctx.ticket.id,
      noteText,
      from: { tier: handoff.from.tier, role: handoff.from.role },
      to: { tier: handoff.to.tier, role: handoff.to.role },
      policy: ctx.policy,
      currentTags: ctx.ticket.tags,
      csrfToken: ctx.adapter.readCsrfToken?.(ctx.document),
      groups,
    },
    handoffId,
    fetch: ctx.fetch,
    origin: ctx.url.origin,
  });
  if (!result.ok) return result;
  const base = { at: ctx.now().toISOString(), ticketId: ctx.ticket.id, helpdesk: ctx.adapter.id, ...(ctx.agent ? { agent: ctx.agent } : {}) };
  const { from, to } = handoff;
  await Promise.allSettled([
    ctx.worker.recordEvent({ ...base, id: eventId(handoffId, 'escalation'), type: 'escalation', data: { from: from.tier, to: to.tier, role: to.role, reason: values['escalation-reason'], triggers: ctx.view.triggers.map((t) => t.id) } }),
    ctx.worker.recordEvent({
      ...base,
      id: eventId(handoffId, 'handoff'),
      type: 'handoff',
      data: { from: from.tier, to: to.tier, completeness: check.score, prefilledUnconfirmed: check.filledScore - check.score, missing: check.missing, blocked: false },
    }),
  ]);
  return { ok: true };
}

export default defineFeature({
  id: 'handoff-checklist',
  include: [isTicketPage],
  init(signal, ctx) {
    const container = ctx.ui.panel('handoff-checklist');
    signal.addEventListener('abort', () => render(null, container), { once: true });
    const handoff = ctx.view.handoff;
    if (!handoff) {
      render(
        <p class="tl-muted" data-testid="tl-no-handoff">
          No handoff: the ticket already sits with {ownerLabel(ctx.view.owner)}. To hand it off anyway, override the owner first.
        </p>,
        container,
      );
      return true;
    }
    const key = { helpdesk: ctx.adapter.id, ticketId: ctx.ticket.id };
    const stage: HandoffStage = { from: handoff.from.tier, to: handoff.to.tier, items: handoff.items };
    const save = debounce((values: Record<string, string>) => ctx.worker.saveDraft(key, values).catch(() => undefined), 400, signal);
    // A reload or a closed tab must not eat the last keystrokes.
    window.addEventListener('pagehide', () => save.flush(), { signal: AbortSignal.any([signal, ctx.wxt.signal]) });
    let typed = false;
    /** Draws the checklist from the ticket's prefill, with the model's Problem / What's been done once there is one; the agent's draft wins. */
    const draw = (summary: ProvidedSummary | undefined) => {
      const prefill = prefillHandoff(stage.items, ctx.ticket, ctx.view.decision, { summary, helpdeskOrigin: ctx.url.origin, impactedUsers: ctx.view.impactedUsers });
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
          onEscalate={(values) => {
            save.flush();
            return escalate(ctx, handoff, values, prefilled);
          }}
        />,
        container,
      );
    };
    // The checklist never waits on a model: it draws now, and takes a model summary (Chrome's built-in, or the worker's
    // admin-configured endpoint) only if one comes before the agent starts typing. An extractive summary is not used:
    // the ticket's own prefill (the subject, the agents' notes) reads better.
    draw(undefined);
    summarizeForHandoff(ctx.ticket, {
      ...(ctx.worker.summarize ? { askWorker: (input) => ctx.worker.summarize?.(input) ?? Promise.reject(new Error('no worker')) } : {}),
      scope: window,
    }).then(({ summary }) => {
      if (!signal.aborted && !typed && summary.provider !== 'extractive') draw(summary);
    });
    return true;
  },
});
