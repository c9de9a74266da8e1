import type { Policy } from '../../core/policy/schema';
import type { overrideDataSchema, TierlineEventInput } from '../../core/events';
import type { z } from 'zod';
import type { Decision } from '../../core/route/decision';
import type { HelpdeskId, Ticket } from '../../core/ticket';
import type { SummaryInput } from '../../core/summary/extractive';
import type { AiSuggestion } from '../ai/schema';
import type { SummaryOutcomeAnswer } from '../ai/schema-summary';

/** Which ticket a draft belongs to. */
export interface DraftKey {
  helpdesk: HelpdeskId;
  ticketId: string;
}

/** What the overlay needs from settings (managed policy, options page, synced policy). */
export interface OverlaySettings {
  policy?: Policy;
  /** Feature ids an admin switched off. */
  disabledFeatures: string[];
  agent: string;
}

/**
 * The overlay's view of the background worker. The content script talks to
 * it through the typed message protocol; tests pass their own.
 */
export interface WorkerClient {
  getSettings(): Promise<OverlaySettings>;
  decide(ticket: Ticket): Promise<Decision>;
  getDraft(key: DraftKey): Promise<Record<string, string> | undefined>;
  saveDraft(key: DraftKey, values: Record<string, string>): Promise<void>;
  recordEvent(event: TierlineEventInput): Promise<void>;
  /** Stores the override for the ticket and records it as an `override` event. */
  recordOverride(key: DraftKey, override: z.input<typeof overrideDataSchema>): Promise<void>;
  /** The overlay shows this ticket: the worker's queue timers watch it from now on. */
  ticketSeen(ticket: Ticket, decision?: Decision): Promise<void>;
  /** The triage model's gated suggestion (null when AI is off or no model is in use). */
  suggest?(ticket: Ticket): Promise<AiSuggestion | null>;
  /** The agent corrected the model: the ticket is `label`, not `modelLabel`. */
  saveCorrection?(ticket: Ticket, label: string, modelLabel: string): Promise<void>;
  /** A handoff summary from the worker (admin-configured endpoint, else extractive). */
  summarize?(input: SummaryInput): Promise<SummaryOutcomeAnswer>;
}
