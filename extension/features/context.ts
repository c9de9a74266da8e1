import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FetchLike, HelpdeskAdapter } from '../../adapters/types';
import type { Policy } from '../../core/policy/schema';
import type { Decision } from '../../core/route/decision';
import type { Ticket, TierId } from '../../core/ticket';
import type { AiSuggestion } from '../ai/schema';
import type { WorkerClient } from '../overlay/worker-client';
import type { FeatureId } from './registry';

/** An agent's override of the decision, shared by the override feature and the badge. */
export interface OverrideState {
  get(): { tier: TierId; role: string; roleName: string } | undefined;
  set(value: { tier: TierId; role: string; roleName: string }): void;
  subscribe(listener: () => void, signal: AbortSignal): void;
}

/** Where features draw: inside Tierline's open shadow roots, never in the host's DOM. */
export interface OverlayUi {
  /** The badge's container by the ticket header, or null when the header was not found. */
  badge(): HTMLElement | null;
  /** The feature's own section of the side drawer. */
  panel(id: FeatureId): HTMLElement;
}

/** A model suggestion for this ticket; the triage helper supplies it. */
export interface Suggestion {
  label: string;
  confidence: number;
  target?: string;
  /** The worker's gated suggestion (gate, reason, sensitive cases, alternatives), when the worker answered. */
  gated?: AiSuggestion;
}

/** Everything a feature may use for the active ticket. */
export interface FeatureContext {
  wxt: ContentScriptContext;
  adapter: HelpdeskAdapter;
  url: URL;
  document: Document;
  /** The page's fetch: same-origin, with the agent's session. */
  fetch: FetchLike;
  worker: WorkerClient;
  ui: OverlayUi;
  policy: Policy;
  ticket: Ticket;
  decision: Decision;
  /** The worker decided, or core ran in this tab because the worker did not answer. */
  source: 'worker' | 'local';
  overrides: OverrideState;
  suggestion?: Suggestion;
  /** The saved handoff draft, asked for while the decision was being made (one round trip fewer before paint). */
  draft?: Promise<Record<string, string> | undefined>;
  /** Who is working the ticket, for the event log. */
  agent: string;
  /** When it is now; a parameter so tests fix the clock. */
  now: () => Date;
}
