import type { z } from 'zod';
import type { overrideDataSchema } from '../../core/events';
import type { Policy } from '../../core/policy/schema';
import type { SummaryInput } from '../../core/summary/extractive';
import type { PageTicket } from '../../adapters/read-page';
import type { CurrentUser, HelpdeskGroup, PageRead } from '../../adapters/types';
import type { HelpdeskId, Ticket } from '../../core/ticket';
import type { PolicyInForce } from '../../core/view/ticket-view';
import type { SummaryOutcomeAnswer } from '../ai/schema-summary';
import type { EventDraft, TicketViewAnswer } from '../messaging/protocol';

/** Which ticket a draft belongs to. */
export interface DraftKey {
  helpdesk: HelpdeskId;
  ticketId: string;
}

/** What the overlay needs from settings (managed policy, options page, synced policy). */
export interface OverlaySettings {
  policy?: Policy;
  /** Where that policy comes from, for the "policy in force" line. */
  policySource?: PolicyInForce['source'];
  /** Feature ids an admin switched off. */
  disabledFeatures: string[];
  /** The agent's name set in the options ("" when none). */
  agent: string;
}

/**
 * The overlay's view of the background worker. The content script talks to
 * it through the typed message protocol; tests pass their own.
 */
export interface WorkerClient {
  getSettings(): Promise<OverlaySettings>;
  /** Everything the overlay shows for the ticket the tab read, in one answer (see core/view/ticket-view.ts), or why the page is not one. */
  view(page: PageRead, options?: { settled?: boolean }): Promise<TicketViewAnswer>;
  /** The ticket the tab read, validated and normalized, and nothing else (the escalation's second look). */
  readTicket?(page: PageRead): Promise<PageTicket>;
  /** The signed-in agent from the body the helpdesk's current-user API answered; null when it names nobody. */
  readCurrentUser?(helpdesk: HelpdeskId, body: unknown): Promise<CurrentUser | null>;
  /** The helpdesk's groups from the body its groups API answered; null when it is not a list of groups. */
  readGroups?(helpdesk: HelpdeskId, body: unknown): Promise<HelpdeskGroup[] | null>;
  getDraft(key: DraftKey): Promise<Record<string, string> | undefined>;
  saveDraft(key: DraftKey, values: Record<string, string>): Promise<void>;
  /** Queues an event; the worker fills what the draft leaves out (id, time, the agent from the options). */
  recordEvent(event: EventDraft): Promise<void>;
  /** Stores the override for the ticket and records it as an `override` event. */
  recordOverride(key: DraftKey, override: z.input<typeof overrideDataSchema>): Promise<void>;
  /** Forgets the ticket's override: the policy's owner stands again. */
  clearOverride(key: DraftKey): Promise<void>;
  /** The agent corrected the model: the ticket is `label`, not `modelLabel`. */
  saveCorrection?(ticket: Ticket, label: string, modelLabel: string): Promise<void>;
  /** A handoff summary from the worker (admin-configured endpoint, else extractive). */
  summarize?(input: SummaryInput): Promise<SummaryOutcomeAnswer>;
}
