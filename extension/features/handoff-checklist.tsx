import { render } from 'preact';
import { HandoffChecklist, type EscalateResult } from '../../components/handoff-checklist';
import { prefillHandoff } from '../../components/handoff-prefill';
import { tierLabel } from '../../components/format';
import { summarizeForHandoff } from '../ai/summarize-ticket';
import { debounce } from '../overlay/debounce';
import { newEventId } from '../overlay/event-id';
import { checkPacket, type HandoffStage, handoffStage, packetText } from '../overlay/handoff-stage';
import { performWriteBack } from '../overlay/write-back';
import type { FeatureContext } from './context';
import { defineFeature, isTicketPage } from './registry';

async function escalate(ctx: FeatureContext, stage: HandoffStage, values: Record<string, string>): Promise<EscalateResult> {
  const check = checkPacket(ctx.policy, stage, values);
  // Group ids for a policy that names groups ("Tier 2"); without them the tier tag still goes through.
  const groups = await ctx.adapter.readGroups?.({ fetch: ctx.fetch, origin: ctx.url.origin }).catch(() => undefined);
  const plan = ctx.adapter.buildWriteBack({
    ref: ctx.ticket.id,
    noteText: packetText(ctx.policy, stage, values, { ticketId: ctx.ticket.id, helpdesk: ctx.adapter.id, at: ctx.now().toISOString(), author: ctx.agent }),
    tier: stage.to,
    policy: ctx.policy,
    currentTags: ctx.ticket.tags,
    csrfToken: ctx.adapter.readCsrfToken?.(ctx.document),
    groups,
  });
  const result = await performWriteBack(plan, { fetch: ctx.fetch, origin: ctx.url.origin });
  if (!result.ok) return result;
  const base = { at: ctx.now().toISOString(), ticketId: ctx.ticket.id, helpdesk: ctx.adapter.id, agent: ctx.agent };
  const role = ctx.overrides.get()?.role ?? ctx.decision.role;
  await Promise.allSettled([
    ctx.worker.recordEvent({ ...base, id: newEventId(), type: 'escalation', data: { from: stage.from, to: stage.to, role, reason: values['escalation-reason'], triggers: ctx.decision.triggers.map((t) => t.id) } }),
    ctx.worker.recordEvent({ ...base, id: newEventId(), type: 'handoff', data: { from: stage.from, to: stage.to, completeness: check.score, missing: check.missing, blocked: false } }),
  ]);
  return result;
}

export default defineFeature({
  id: 'handoff-checklist',
  include: [isTicketPage],
  async init(signal, ctx) {
    const stage = handoffStage(ctx.policy, ctx.ticket, ctx.decision);
    if (!stage) return false;
    const key = { helpdesk: ctx.adapter.id, ticketId: ctx.ticket.id };
    // Problem / What's been done from the summary providers (extension/ai), beside the draft read, within a short timeout; the agent's draft wins.
    const summarizing = summarizeForHandoff(ctx.ticket, { ...(ctx.worker.summarize ? { askWorker: (input) => ctx.worker.summarize?.(input) ?? Promise.reject(new Error('no worker')) } : {}), scope: window });
    const draft = await (ctx.draft ?? ctx.worker.getDraft(key)).catch(() => undefined);
    if (signal.aborted) return false;
    const { summary } = await summarizing;
    if (signal.aborted) return false;
    // Without a model summary, the checklist's own prefill (the subject, the agents' notes) reads better than extracted sentences.
    const initial = { ...prefillHandoff(stage.items, ctx.ticket, ctx.decision, summary.provider === 'extractive' ? undefined : summary), ...draft };
    const save = debounce((values: Record<string, string>) => ctx.worker.saveDraft(key, values).catch(() => undefined), 400, signal);
    // A reload or a closed tab must not eat the last keystrokes.
    window.addEventListener('pagehide', () => save.flush(), { signal: AbortSignal.any([signal, ctx.wxt.signal]) });
    const container = ctx.ui.panel('handoff-checklist');
    const roleName = ctx.policy.roles.find((r) => r.id === ctx.decision.role)?.name ?? ctx.decision.roleName;
    render(
      <HandoffChecklist
        stageLabel={`${tierLabel(stage.from)} → ${tierLabel(stage.to)} · ${roleName}`}
        items={stage.items}
        initial={initial}
        check={(values) => checkPacket(ctx.policy, stage, values)}
        onDraftChange={save}
        onEscalate={(values) => {
          save.flush();
          return escalate(ctx, stage, values);
        }}
      />,
      container,
    );
    signal.addEventListener('abort', () => render(null, container), { once: true });
    return true;
  },
});
