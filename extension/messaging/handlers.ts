import { adapterOf, ticketFromPage } from '../../adapters/read-page';
import type { PageRead } from '../../adapters/types';
import { EVENT_LIMITS, eventSchema, type TierlineEvent } from '../../core/events';
import type { Router } from '../../core/route/decide';
import type { Decision } from '../../core/route/decision';
import type { ModelSuggestion } from '../../core/route/facts';
import type { HelpdeskId, Ticket } from '../../core/ticket';
import type { AiSuggestion } from '../../core/triage/suggestion';
import { readImpactedUsers } from '../../core/view/impact';
import { buildTicketView } from '../../core/view/build-ticket-view';
import type { SettingsReader } from '../settings/read-settings';
import type { Store } from '../store/store';
import type { Sync } from '../sync/sync';
import type { QueueTimers } from '../timers/queue-timers';
import { type EventDraft, type ListenOptions, onValidated, ticketKeyString } from './protocol';

export interface HandlerDeps {
  store: Store;
  settings: SettingsReader;
  route: () => Promise<Router>;
  sync: Sync;
  timers: QueueTimers;
  extensionId: string;
  now?: () => Date;
  newId?: () => string;
  onMessage?: ListenOptions['onMessage'];
  /**
   * The triage model's label and confidence for a ticket (extension/ai). The
   * router uses it for the issue type only when the ticket names none, the
   * confidence clears the auto-route gate and no sensitive case matches.
   */
  modelFor?: (ticket: Ticket) => Promise<ModelSuggestion | undefined>;
  /**
   * The triage model's gated suggestion (extension/ai), shown in the ticket's view; null when AI is off. With
   * `ifLoaded`, undefined while the model is not loaded yet (a cold worker).
   */
  suggest?: (ticket: Ticket, options?: { ifLoaded?: boolean }) => Promise<AiSuggestion | null | undefined>;
  /** Loads the triage model (extension/ai), which a view's second ask then suggests with. */
  loadModel?: () => Promise<unknown>;
}

const PENDING = Symbol('model not loaded yet');

/** What `read` gives, or null when it throws or gives nothing. */
function attempt<T>(read: () => T | undefined): T | null {
  try {
    return read() ?? null;
  } catch {
    return null;
  }
}

/** What a decision event keeps: enough for metrics, and its signature tells a changed decision from a repeated one. */
function decisionData(decision: Decision) {
  return {
    tier: decision.tier,
    role: decision.role,
    severity: decision.severity,
    bypass: decision.bypass,
    triggers: decision.triggers.map((t) => t.id),
    source: 'rules' as const,
    ...(decision.issueType ? { category: decision.issueType } : {}),
  };
}

/**
 * The worker's answers to the protocol. Every handler is registered through
 * `onValidated`, so it sees only parsed payloads from this extension.
 */
export function registerHandlers(deps: HandlerDeps): void {
  const { store, settings, route, sync, timers } = deps;
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const listen = { extensionId: deps.extensionId, ...(deps.onMessage ? { onMessage: deps.onMessage } : {}) };

  /** Completes an event draft (id, time, agent, team), validates it and queues it; the outbox is the only way out. */
  async function record(draft: EventDraft): Promise<TierlineEvent> {
    const { values } = await settings.get();
    const event = eventSchema.parse({
      ...draft,
      id: draft.id ?? newId(),
      at: draft.at ?? now().toISOString(),
      // A helpdesk display name longer than events store is cut, never refused (the tab sends it as the helpdesk says it).
      agent: (draft.agent ?? (values.agent || 'unknown-agent')).slice(0, EVENT_LIMITS.name),
      ...(values.team && !('team' in draft) ? { team: values.team } : {}),
    });
    await store.enqueue([event], now().getTime());
    if (event.type === 'override') await store.putOverride(`${event.helpdesk}:${event.ticketId}`, event.data, event.at);
    sync.soon();
    return event;
  }

  /** The model's suggestion, or none when it fails: a broken model never blocks a decision. */
  const modelOf = async (ticket: Ticket): Promise<{ model?: ModelSuggestion }> => {
    const model = await deps.modelFor?.(ticket).catch(() => undefined);
    return model ? { model } : {};
  };

  /** Remembers the ticket and its decision so the queue timers watch it; a changed decision is recorded once. */
  async function seen(ticket: Ticket & { helpdesk: HelpdeskId }, decision: Decision, at: Date): Promise<void> {
    const key = ticketKeyString({ helpdesk: ticket.helpdesk, ticketId: ticket.id });
    await store.putTicket(key, ticket, at.toISOString());
    await store.putDecision(key, decision, at.toISOString());
    const data = decisionData(decision);
    const signature = JSON.stringify(data);
    if ((await store.getMeta<string>(`decided:${key}`)) !== signature) {
      await record({ type: 'decision', ticketId: ticket.id, helpdesk: ticket.helpdesk, data });
      await store.setMeta(`decided:${key}`, signature);
    }
    await timers.tick({ onlyKey: key });
  }

  const withHelpdesk = (ticket: Ticket, message: string): Ticket & { helpdesk: HelpdeskId } => {
    if (!ticket.helpdesk) throw new Error(`${message} needs the ticket helpdesk.`);
    return ticket as Ticket & { helpdesk: HelpdeskId };
  };

  /**
   * The model's suggestion, or PENDING when the model is not loaded yet (a cold worker): the badge does not wait for
   * the model file to be fetched and decoded. `settled` (the second ask) loads it; the model source retries a failed load.
   */
  async function suggestionOf(ticket: Ticket, settled: boolean): Promise<AiSuggestion | null | typeof PENDING> {
    const answer = await (deps.suggest?.(ticket, { ifLoaded: !settled }).catch(() => null) ?? Promise.resolve(null));
    return answer === undefined ? PENDING : answer;
  }

  onValidated('decide', async ({ ticket }) => (await route())(ticket, { now: now(), ...(await modelOf(ticket)) }), listen);

  // The worker's own decision: it holds the policy in force, whatever the tab decided with.
  onValidated('ticketSeen', async ({ ticket }) => {
    const at = now();
    await seen(withHelpdesk(ticket, 'ticketSeen'), (await route())(ticket, { now: at, ...(await modelOf(ticket)) }), at);
  }, listen);

  // One answer per ticket load: the overlay draws the view and nothing else, so its parts cannot disagree. The tab
  // sends what it read raw; the vendor schemas and the policy mapping run here, not in every helpdesk tab (issue 13).
  onValidated(
    'viewTicket',
    async (data, _sender) => {
      // The second ask waits for the managed settings a browser that just started had not given yet, while the
      // triage model loads (the suggestion itself is worked out below, under the settled policy).
      if (data.settled) void deps.loadModel?.().catch(() => undefined);
      const resolved = data.settled ? await settings.settled() : await settings.get();
      const policy = resolved.policy;
      const router = await route();
      const read = 'page' in data ? ticketFromPage(data.page as PageRead, policy.value) : { ok: true as const, ticket: data.ticket, unreadable: data.ticket.unreadable };
      if (!read.ok) return read;
      const { ticket, unreadable } = read;
      const known = withHelpdesk(ticket, 'viewTicket');
      const key = ticketKeyString({ helpdesk: known.helpdesk, ticketId: ticket.id });
      const at = now();
      const [suggestion, override, draft] = await Promise.all([suggestionOf(ticket, data.settled === true), store.getOverride(key), store.getDraft(key)]);
      // The gated suggestion already holds the model's label and confidence: no second prediction.
      const aiPending = suggestion === PENDING;
      const ready = aiPending ? null : suggestion;
      const model = ready ? { model: { label: ready.label, confidence: ready.confidence } } : aiPending ? {} : await modelOf(ticket);
      const pending = aiPending || resolved.provisional === true;
      const decision = router(ticket, { now: at, ...model });
      // The view carries the checklist's prefill: the ticket's text is read here, not in the tab (issue 13).
      const view = buildTicketView({
        policy: policy.value,
        policySource: policy.source,
        ticket,
        decision,
        override,
        suggestion: ready,
        impactedUsers: readImpactedUsers(ticket),
        helpdeskOrigin: 'page' in data ? data.page.origin : undefined,
      });
      // The tab draws as soon as it has the view; remembering the ticket, the decision event and the queue timers follow,
      // under the settings in force (a view under settings the browser has not confirmed yet records nothing).
      if (!resolved.provisional) seen(known, decision, at).catch((error: unknown) => console.warn('Tierline could not record the ticket', error));
      return { ok: true as const, view, ticket, unreadable, draft: draft ?? null, ...(pending ? { pending: true } : {}) };
    },
    listen,
  );
  onValidated(
    'readTicket',
    async ({ page }) => {
      const { policy } = await settings.get();
      return ticketFromPage(page as PageRead, policy.value);
    },
    listen,
  );
  // A body that is not a user or a group list is no answer: the tab goes on with the options' name, or without groups.
  onValidated('readCurrentUser', ({ helpdesk, body }) => attempt(() => adapterOf(helpdesk)?.currentUserFromResponse(body)), listen);
  onValidated('readGroups', ({ helpdesk, body }) => attempt(() => adapterOf(helpdesk)?.groupsFromResponse?.(body)), listen);
  onValidated('clearOverride', ({ key }) => store.deleteOverride(ticketKeyString(key)), listen);

  onValidated('getDraft', async ({ key }) => (await store.getDraft(ticketKeyString(key))) ?? null, listen);
  onValidated('saveDraft', ({ key, values }) => store.saveDraft(ticketKeyString(key), values, now().toISOString()), listen);
  onValidated('deleteDraft', ({ key }) => store.deleteDraft(ticketKeyString(key)), listen);
  onValidated('savePacket', ({ packet }) => store.savePacket(ticketKeyString(packet), packet, now().toISOString()), listen);
  onValidated('getPacket', async ({ key }) => (await store.getPacket(ticketKeyString(key))) ?? null, listen);

  onValidated('recordEvent', async ({ event }) => ({ id: (await record(event as EventDraft)).id }), listen);
  onValidated(
    'recordOverride',
    async ({ key, override, id }) => ({ id: (await record({ type: 'override', ...key, data: override, ...(id ? { id } : {}) })).id }),
    listen,
  );

  onValidated('getSettings', () => settings.get(), listen);
  onValidated('saveSetting', ({ key, value }) => settings.saveLocal(key, value), listen);
  onValidated(
    'getPolicy',
    async () => {
      const { policy } = await settings.get();
      return { policy: policy.value, source: policy.source, locked: policy.locked, revision: policy.value.revision };
    },
    listen,
  );
  onValidated('getStatus', () => sync.status(), listen);
  onValidated('syncNow', () => sync.run({ force: true }), listen);
  onValidated('listSetAside', () => store.listSetAside(), listen);
  onValidated(
    'sendSetAsideAgain',
    async ({ ids }) => {
      const requeued = await store.requeueSetAside(ids, now().getTime());
      if (requeued > 0) sync.soon();
      return { requeued };
    },
    listen,
  );
}
