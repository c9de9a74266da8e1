import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FetchLike, HelpdeskTab } from '../../adapters/types';
import type { Policy } from '../../core/policy/schema';
import type { Ticket, TierId } from '../../core/ticket';
import type { TicketView } from '../../core/view/ticket-view';
import type { LazyCode } from '../overlay/chunks';
import type { WorkerClient } from '../overlay/worker-client';
import type { FeatureId } from './registry';

/** Where features draw: inside Tierline's open shadow roots, never in the host's DOM. */
export interface OverlayUi {
  /** The badge's container by the ticket header, or null when the header was not found. */
  badge(): HTMLElement | null;
  /** The feature's own section of the side drawer. */
  panel(id: FeatureId): HTMLElement;
  /**
   * Resolves once the drawer is open and painted (just after the next frame when it is open): a section whose code
   * loads on first need waits for it, so that code's fetch and evaluation never hold back the frame with the badge.
   */
  whenOpen(signal: AbortSignal): Promise<void>;
}

/** An agent's choice of owner, with the reason recorded in the audit. */
export interface OwnerChoice {
  tier: TierId;
  role: string;
  reason: string;
}

/** Everything a feature may use for the active ticket. Features draw `view`; none works out a target of its own. */
export interface FeatureContext {
  wxt: ContentScriptContext;
  adapter: HelpdeskTab;
  url: URL;
  document: Document;
  /** The page's fetch: same-origin, with the agent's session. */
  fetch: FetchLike;
  worker: WorkerClient;
  ui: OverlayUi;
  policy: Policy;
  ticket: Ticket;
  /** The one answer for this ticket: decision, owner, handoff target, suggestion, policy in force. */
  view: TicketView;
  /** The worker built the view, or core ran in this tab because the worker did not answer. */
  decidedBy: 'worker' | 'local';
  /** The saved handoff draft (it came with the view). */
  draft?: Record<string, string> | undefined;
  /** The signed-in helpdesk agent's name (the helpdesk's own current-user API) once known, else the name set in the options. */
  agent: string;
  /** Waits for the helpdesk's answer about who is signed in (a feature that must know before it draws, not the badge). */
  agentName(): Promise<string>;
  /** When it is now; a parameter so tests fix the clock. */
  now: () => Date;
  /** Makes `choice` the owner; every feature redraws from the worker's new view. Rejects with a reason the agent can read. */
  setOwner(choice: OwnerChoice): Promise<void>;
  /** Undoes the override: the policy's owner stands again and every feature redraws. */
  undoOverride(): Promise<void>;
  /** Code a feature uses only sometimes, loaded on first call so the script every page loads stays small (issue 13). */
  lazy: Pick<LazyCode, 'summary' | 'escalation' | 'drawer'>;
}
