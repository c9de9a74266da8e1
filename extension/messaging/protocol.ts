import type { ExtensionMessage, GetReturnType, MaybePromise } from '@webext-core/messaging';
import { z } from 'zod';
import { EVENT_TYPES, overrideDataSchema } from '../../core/events';
import { handoffPacketSchema } from '../../core/handoff/packet';
import type { Policy } from '../../core/policy/schema';
import { type Decision, decisionSchema } from '../../core/route/decision';
import type { PageTicket } from '../../adapters/read-page';
import { ticketScrapeSchema } from '../../adapters/shared/scrape-schema';
import type { CurrentUser, HelpdeskGroup } from '../../adapters/types';
import { helpdeskIdSchema, ticketSchema } from '../../core/ticket';
import { ticketViewSchema } from '../../core/view/ticket-view';
import type { AiSuggestion, ModelStatus } from '../ai/schema';
import { type SummaryOutcomeAnswer, summaryInputSchema } from '../ai/schema-summary';
import type { ResolvedSettings } from '../settings/resolve';
import type { SetAsideRecord } from '../store/schema';
import { messenger } from './messenger';

/**
 * The one message protocol between content scripts, extension pages and the
 * background worker. Every payload has a zod schema here; the worker parses
 * each message with it on receipt (`onValidated`) and refuses senders that are
 * not this extension. Web pages cannot reach the worker at all: the manifest
 * has no `externally_connectable`, so only our own content scripts and pages
 * can call `runtime.sendMessage` to it.
 *
 * Senders:  `await sendToWorker('viewTicket', { page, ...options })` (./messenger.ts, which carries no schema)
 * Worker:   `onValidated('viewTicket', (data) => …)`: the payload is parsed with this file's schema first
 */

/** Which ticket a draft, packet or timer belongs to. */
export const ticketKeySchema = z.object({ helpdesk: helpdeskIdSchema, ticketId: z.string().min(1) }).strict();
export type TicketKey = z.infer<typeof ticketKeySchema>;
/** `"zendesk:123"`: the store's key for a ticket. */
export const ticketKeyString = (key: TicketKey): string => `${key.helpdesk}:${key.ticketId}`;

/** A handoff checklist's values by item id, as the agent is typing them. */
export const draftValuesSchema = z.record(z.string().max(200), z.string().max(20_000));
export type DraftValues = z.infer<typeof draftValuesSchema>;

/**
 * An event as a sender gives it: `id` (client-generated UUID), `at` and `agent`
 * may be left out and the worker fills them (a new UUID, now, the settings'
 * agent). The worker then validates the whole event with core's `eventSchema`.
 * Senders that may retry should set `id` themselves so a retry is a duplicate.
 */
export const eventDraftSchema = z.looseObject({
  type: z.enum(EVENT_TYPES),
  id: z.string().min(8).max(64).optional(),
  at: z.iso.datetime({ offset: true }).optional(),
  agent: z.string().min(1).optional(),
  ticketId: z.string().min(1),
  helpdesk: helpdeskIdSchema,
  data: z.record(z.string(), z.unknown()),
});
export type EventDraft = z.input<typeof eventDraftSchema>;

export const syncStatusSchema = z.object({
  /** Events waiting in the outbox. */
  pending: z.number().int().nonnegative(),
  configured: z.boolean(),
  online: z.boolean(),
  lastSuccessAt: z.string().optional(),
  lastAttemptAt: z.string().optional(),
  lastError: z.string().optional(),
  /** Consecutive failed attempts (drives the backoff). */
  failures: z.number().int().nonnegative(),
  nextAttemptAt: z.string().optional(),
  policyRevision: z.number().optional(),
  policyEtag: z.string().optional(),
  policyError: z.string().optional(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/**
 * A tab's raw read of a ticket page (`PageRead`, adapters/types.ts): the vendor API's JSON bodies as they came,
 * which the adapter's vendor schemas validate (`ticketFromPage`), or the page's fields as plain strings.
 */
const apiResponsesSchema = z
  .object({ ticket: z.unknown(), comments: z.unknown(), audits: z.unknown(), fields: z.unknown(), sla: z.unknown(), group: z.unknown(), company: z.unknown() })
  .partial({ comments: true, audits: true, fields: true, sla: true, group: true, company: true })
  .strict();
const pageBase = { helpdesk: helpdeskIdSchema, ref: z.string().min(1).max(200), origin: z.string().regex(/^https?:\/\/[^/]+$/, 'an origin such as "https://acme.zendesk.com"') };
export const pageReadSchema = z.discriminatedUnion('via', [
  z.object({ ...pageBase, via: z.literal('api'), responses: apiResponsesSchema }).strict(),
  z.object({ ...pageBase, via: z.literal('dom'), scrape: ticketScrapeSchema, apiError: z.string().max(4000) }).strict(),
]);

/** Payload schemas by message name; `undefined` for messages without one. */
export const payloadSchemas = {
  /** Route a ticket with the worker's policy (managed › synced › local › default) at the worker's now. */
  decide: z.object({ ticket: ticketSchema }).strict(),
  /**
   * Everything the overlay shows for a ticket, in one answer: the view (decision, owner after an override,
   * handoff target, the model's suggestion, the policy in force) and the saved draft. Also does `ticketSeen`.
   */
  viewTicket: z.union([
    z.object({ page: pageReadSchema, /** Wait for the triage model and the managed settings however long they take (the second ask). */ settled: z.boolean().optional() }).strict(),
    /** A ticket already normalized (tests, extension pages). */
    z.object({ ticket: ticketSchema, settled: z.boolean().optional() }).strict(),
  ]),
  /** A page's ticket, validated and normalized, without a view or any bookkeeping: the escalation reads the ticket again before it writes. */
  readTicket: z.object({ page: pageReadSchema }).strict(),
  /** The signed-in agent from what the helpdesk's current-user API answered the tab (`accountPaths.currentUser`). */
  readCurrentUser: z.object({ helpdesk: helpdeskIdSchema, body: z.unknown() }).strict(),
  /** The helpdesk's groups from what its groups API answered the tab (`accountPaths.groups`). */
  readGroups: z.object({ helpdesk: helpdeskIdSchema, body: z.unknown() }).strict(),
  /** Undo the agent's override: the policy's route stands again. */
  clearOverride: z.object({ key: ticketKeySchema }).strict(),
  /** The overlay shows this ticket: remember it (and its decision) so queue timers watch it. */
  ticketSeen: z.object({ ticket: ticketSchema, decision: decisionSchema.optional() }).strict(),
  getDraft: z.object({ key: ticketKeySchema }).strict(),
  saveDraft: z.object({ key: ticketKeySchema, values: draftValuesSchema }).strict(),
  /** Forget a draft once its handoff was sent. */
  deleteDraft: z.object({ key: ticketKeySchema }).strict(),
  /** Keep the packet that was sent with an escalation (the audit and a re-send read it). */
  savePacket: z.object({ packet: handoffPacketSchema }).strict(),
  getPacket: z.object({ key: ticketKeySchema }).strict(),
  recordEvent: z.object({ event: eventDraftSchema }).strict(),
  /** An agent's override of tier or role; stored for the ticket and recorded as an `override` event. */
  recordOverride: z
    .object({ key: ticketKeySchema, override: overrideDataSchema, id: z.string().min(8).max(64).optional() })
    .strict(),
  getSettings: z.undefined(),
  /** The options page saves one local setting (ignored while an admin locks it). */
  saveSetting: z.object({ key: z.string().min(1), value: z.unknown() }).strict(),
  getPolicy: z.undefined(),
  getStatus: z.undefined(),
  /** Send the outbox and pull the policy now (the options page's "Sync now", tests). */
  syncNow: z.undefined(),
  /** Events the outbox set aside (invalid, refused, or failing the endpoint), whole, with why: the options page counts and exports them. */
  listSetAside: z.undefined(),
  /** Puts set-aside events (those in `ids`, or all) back at the tail of the outbox. */
  sendSetAsideAgain: z.object({ ids: z.array(z.string().min(1).max(64)).max(100_000).optional() }).strict(),
  /** The triage model's suggestion for a ticket, gated by the policy (null when AI is off or no model is in use). */
  suggest: z.object({ ticket: ticketSchema }).strict(),
  getModelStatus: z.undefined(),
  /** A model file from the options page; validated by the worker, which keeps the old model when it is invalid. */
  importModel: z.object({ file: z.unknown() }).strict(),
  /** An agent corrected the model: `label` is what the ticket is, kept for `tierline train`. */
  saveCorrection: z.object({ ticket: ticketSchema, label: z.string().min(1).max(200), modelLabel: z.string().min(1).max(200) }).strict(),
  /** The corrections as JSONL `{ text, label }` lines. */
  exportCorrections: z.undefined(),
  /** Handoff summary of a conversation: the admin's OpenAI-compatible endpoint (off by default, redacted), else extractive. */
  summarize: z.object({ input: summaryInputSchema }).strict(),
} as const;

export type MessageName = keyof typeof payloadSchemas;

/**
 * The worker's answer to `viewTicket` for a ticket it could read. The ticket comes back normalized: what the tab
 * writes back (the ticket's id, its tags, when it entered its tier) and shows comes from here, never from
 * re-reading the page.
 */
export const ticketViewAnswerSchema = z.object({
  ok: z.literal(true),
  view: ticketViewSchema,
  ticket: ticketSchema,
  /** Fields the page did not give (also in `ticket.unreadable`), for the "could not read" notice. */
  unreadable: z.array(z.string()),
  draft: draftValuesSchema.nullable(),
  /**
   * The worker answered before the triage model was loaded or before the browser gave it the managed settings (a
   * cold worker, a browser that just started): the view holds what was known; ask again with `settled` for the rest.
   */
  pending: z.boolean().optional(),
});
/** A view, or why the page is not a ticket (the tab then tries the page's DOM, then says so). */
export type TicketViewAnswer = z.infer<typeof ticketViewAnswerSchema> | { ok: false; error: string };

export interface PolicyAnswer {
  policy: Policy;
  source: 'managed' | 'org' | 'local' | 'default';
  locked: boolean;
  revision: number;
}

export interface Recorded {
  id: string;
}

type In<K extends MessageName> = z.input<(typeof payloadSchemas)[K]>;

/** What each message carries and answers (the function syntax of @webext-core/messaging). */
export interface ProtocolMap {
  decide(data: In<'decide'>): Decision;
  viewTicket(data: In<'viewTicket'>): TicketViewAnswer;
  readTicket(data: In<'readTicket'>): PageTicket;
  readCurrentUser(data: In<'readCurrentUser'>): CurrentUser | null;
  readGroups(data: In<'readGroups'>): HelpdeskGroup[] | null;
  clearOverride(data: In<'clearOverride'>): void;
  ticketSeen(data: In<'ticketSeen'>): void;
  getDraft(data: In<'getDraft'>): DraftValues | null;
  saveDraft(data: In<'saveDraft'>): void;
  deleteDraft(data: In<'deleteDraft'>): void;
  savePacket(data: In<'savePacket'>): void;
  getPacket(data: In<'getPacket'>): z.output<typeof handoffPacketSchema> | null;
  recordEvent(data: In<'recordEvent'>): Recorded;
  recordOverride(data: In<'recordOverride'>): Recorded;
  getSettings(): ResolvedSettings;
  saveSetting(data: In<'saveSetting'>): ResolvedSettings;
  getPolicy(): PolicyAnswer;
  getStatus(): SyncStatus;
  syncNow(): SyncStatus;
  listSetAside(): SetAsideRecord[];
  sendSetAsideAgain(data: In<'sendSetAsideAgain'>): { requeued: number };
  suggest(data: In<'suggest'>): AiSuggestion | null;
  getModelStatus(): ModelStatus;
  importModel(data: In<'importModel'>): ModelStatus;
  saveCorrection(data: In<'saveCorrection'>): void;
  exportCorrections(): { count: number; jsonl: string };
  summarize(data: In<'summarize'>): SummaryOutcomeAnswer;
}

export class ForeignSenderError extends Error {
  constructor(senderId: string | undefined) {
    super(`Message refused: it came from ${senderId ? `extension ${senderId}` : 'outside the extension'}, not Tierline.`);
    this.name = 'ForeignSenderError';
  }
}

export type Handler<K extends MessageName> = (
  data: z.output<(typeof payloadSchemas)[K]>,
  sender: ExtensionMessage['sender'],
) => MaybePromise<GetReturnType<ProtocolMap[K]>>;

export interface ListenOptions {
  /** This extension's id (`browser.runtime.id`); messages from any other sender are refused. */
  extensionId: string;
  /** Tests pass their own messenger. */
  onMessage?: typeof messenger.onMessage;
}

/**
 * Listens for one message type in the worker: refuses senders that are not
 * this extension, parses the payload with its schema (a zod error goes back to
 * the sender), then runs the handler with the parsed data.
 */
export function onValidated<K extends MessageName>(name: K, handler: Handler<K>, options: ListenOptions): () => void {
  const listen = options.onMessage ?? messenger.onMessage;
  return listen(name, async (message) => {
    if (message.sender?.id !== options.extensionId) throw new ForeignSenderError(message.sender?.id);
    const parsed = payloadSchemas[name].safeParse(message.data);
    if (!parsed.success) {
      throw new Error(`Invalid "${name}" message: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ')}`);
    }
    return handler(parsed.data as z.output<(typeof payloadSchemas)[K]>, message.sender);
  });
}
