import { fetchJson } from '../../adapters/shared/http';
import type { HelpdeskGroup } from '../../adapters/types';
import type { EscalateResult } from '../../components/handoff-checklist';
import type { Ticket } from '../../core/ticket';
import { handoffIdFor } from '../../core/handoff/render';
import type { HandoffTarget } from '../../core/view/ticket-view';
import type { FeatureContext } from '../features/context';
import { checkPacket, type HandoffStage } from './handoff-stage';
import { packetText } from './packet-text';
import { performEscalationWriteBack } from './write-back';

/**
 * The handoff checklist's Escalate: the note, the write-back and the events.
 * A lazily imported chunk (./chunks.ts): the tab loads it when the agent
 * escalates, not with every page (issue 13).
 */

/** Event ids derived from the handoff id: a second click or a retried escalation records the same events again, which the store drops as duplicates. */
const eventId = (handoffId: string, type: string) => `${handoffId}-${type}`;

/** The helpdesk's groups: fetched here with the agent's session, validated by the worker; undefined when either fails. */
async function readGroups(ctx: FeatureContext): Promise<HelpdeskGroup[] | undefined> {
  const path = ctx.adapter.accountPaths.groups;
  if (!path || !ctx.worker.readGroups) return undefined;
  try {
    return (await ctx.worker.readGroups(ctx.adapter.id, await fetchJson(ctx.fetch, ctx.url.origin, path))) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The ticket as it is now: the API's answer, read by the worker like the first time. */
async function readTicketAgain(ctx: FeatureContext): Promise<Ticket | undefined> {
  if (!ctx.worker.readTicket) return undefined;
  const { id: helpdesk } = ctx.adapter;
  const ref = ctx.ticket.id;
  const origin = ctx.url.origin;
  const responses = await ctx.adapter.fetchApiResponses({ ref, fetch: ctx.fetch, origin });
  const read = await ctx.worker.readTicket({ helpdesk, ref, origin, via: 'api', responses });
  return read.ok ? read.ticket : undefined;
}

/** Writes the handoff note and moves the ticket, then records the escalation and the handoff. */
export async function escalate(ctx: FeatureContext, handoff: HandoffTarget, values: Record<string, string>, prefilled: readonly string[]): Promise<EscalateResult> {
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
  const groups = await readGroups(ctx);
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
    readTicket: () => readTicketAgain(ctx),
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
