import type { Policy } from '../core/policy/schema';
import type { HelpdeskId, Ticket, TierId } from '../core/ticket-schema';
import type { ScrapedTicket } from './shared/scrape-schema';

/**
 * The contract every helpdesk adapter fulfils. An adapter reads a helpdesk
 * page (URL, same-origin API, DOM) into the normalized `Ticket`, says where the
 * overlay may mount, and builds the write-back requests for an escalation.
 * It never draws: components do that with what the adapter returns.
 *
 * One interface in two halves (issue 13): `HelpdeskTab` is what the helpdesk
 * tab runs (it fetches the vendor's JSON and scrapes the page, raw, with no
 * zod), and `HelpdeskAdapter` adds what validates and normalizes that raw read
 * with the vendor schemas and the policy: the worker, the CLI and the tab's
 * lazily loaded fallback run it. Each helpdesk's content script carries only its
 * `<helpdesk>Tab`; `ADAPTERS` (./index.ts) holds the whole adapters.
 */

/** What kind of helpdesk page a URL shows; `null` from `getPageKind` means "not a ticket page". */
export type PageKind =
  /** A ticket page: Zendesk `/agent/tickets/:id`, Freshdesk `/a/tickets/:id`. */
  | 'ticket'
  /** A Jira issue on its own page: `/browse/KEY-1`. */
  | 'issue'
  /** A JSM issue opened from a queue: `/jira/servicedesk/projects/:p/queues/.../KEY-1`. */
  | 'queue-issue'
  /** A Jira issue in the side panel of a board, backlog or list: `?selectedIssue=KEY-1`. */
  | 'selected-issue';

/** The `fetch` an adapter calls: the content script passes the page's own, tests pass a fake. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** A normalized ticket and the fields that could not be read (also in `ticket.unreadable`). */
export interface TicketRead {
  ticket: Ticket;
  unreadable: string[];
}

/** What an adapter hands on (the style guide's `TicketSnapshot`; its schema is in ./snapshot-schema.ts). */
export type TicketSnapshot = TicketRead;

/** What the tab scraped from the page: plain strings the worker validates (`ticketScrapeSchema`) and normalizes. */
export interface TicketScrape {
  ticket: ScrapedTicket;
  /** Fields the page did not show. */
  unreadable: string[];
}

/**
 * The tab's raw read of a ticket page, sent to the worker (`viewTicket`): the vendor API's JSON bodies as they came,
 * or, when the API failed or answered something that is not a ticket, what the page shows.
 */
export type PageRead = { helpdesk: HelpdeskId; ref: string; origin: string } & (
  | { via: 'api'; responses: ApiResponses }
  | { via: 'dom'; scrape: TicketScrape; /** Why the API read was not used. */ apiError: string }
);

/**
 * The raw JSON bodies of a ticket's API responses, by role. The tab's
 * `fetchApiResponses` fetches them; `tierline read --api` loads them from files; both hand them to
 * `ticketFromApiResponses`, so the CLI runs the extension's own code.
 */
export interface ApiResponses {
  /** The ticket or issue itself (required). */
  ticket: unknown;
  /** Comments or conversations. */
  comments?: unknown;
  /** Zendesk ticket audits: group and tag history, reopens. */
  audits?: unknown;
  /** Zendesk ticket field definitions: custom field titles. */
  fields?: unknown;
  /** Jira Service Management request SLAs. */
  sla?: unknown;
  /** Freshdesk group of the ticket (its name). */
  group?: unknown;
  /** Freshdesk company of the requester (account tier, custom fields). */
  company?: unknown;
}

export interface ApiFetchInput {
  /** The ticket id (Zendesk, Freshdesk) or issue key (Jira), from `getTicketRef`. */
  ref: string;
  /** Called with same-origin paths resolved against `origin`, so the agent's session cookie applies. */
  fetch: FetchLike;
  /** The helpdesk origin, e.g. `https://acme.zendesk.com`. */
  origin: string;
  /**
   * Called once, as soon as the ticket data itself is in, with the secondary resources (audits, field names,
   * groups, companies, SLAs) that are in by then, when some are still coming: the overlay draws from it and
   * fills in the rest when the promise resolves with everything (issue 13). Not called when nothing is pending.
   */
  early?: (responses: ApiResponses) => void;
}

export interface ApiReadInput extends ApiFetchInput {
  /** Maps groups, tags, request types and fields onto tiers, issue types and customer tiers. */
  policy: Policy;
}

/**
 * A DOM lookup: the selector to find, and how to read a value out of the
 * element. Several resolvers for one field are tried in order (current UI
 * first, `...Legacy` ones after), so a vendor UI change degrades instead of breaking.
 */
export interface Resolver<T> {
  selector: string;
  resolve: (el: Element) => T | undefined;
}

/**
 * Where an overlay part mounts. Given a container (usually `document.body` or
 * the active ticket pane) it returns the existing mount, creates it next to the
 * helpdesk's own element, or returns `null` when the container holds no such
 * element (the container is not this helpdesk's ticket page).
 */
export type MountGetter = (container: Element) => HTMLElement | null;

/** One HTTP request of a write-back, relative to the helpdesk origin. */
export interface WriteBackRequest {
  method: 'POST' | 'PUT';
  /** Same-origin path, e.g. `/api/v2/tickets/1001.json`. */
  url: string;
  headers: Record<string, string>;
  /** The JSON body (serialize with `JSON.stringify`). */
  body: Record<string, unknown>;
  /** What this request does, for the agent and the event log ("add internal note"). */
  purpose: string;
}

/** One end of a handoff: a tier and a role of the policy (its id, e.g. `billing-specialist`). */
export interface HandoffEnd {
  tier: TierId;
  role: string;
}

export interface WriteBackInput {
  ref: string;
  /** The handoff packet as plain text. Adapters escape or wrap it; it never becomes markup. */
  noteText: string;
  /** Where the ticket is: named in the purposes when the move is sideways (same tier, another role). */
  from: HandoffEnd;
  /** Where the ticket goes: its tier's tag and its role's tag are written, and the role's group (else the tier's). */
  to: HandoffEnd;
  /**
   * `false` plans the move alone, without the note (default `true`): for a retry once the note is known to be on
   * the ticket. Still safe to repeat, since it sets the group and swaps tags rather than adding anything.
   */
  includeNote?: boolean | undefined;
  policy: Policy;
  /** The ticket's tags as read, so tier and role tags can be swapped on helpdesks that replace the whole list. */
  currentTags: string[];
  /** The page's CSRF token (`readCsrfToken`); Zendesk refuses session-authenticated writes without it. */
  csrfToken?: string | undefined;
  /** The helpdesk's groups (`readGroups`), so a policy naming "Tier 2" can assign the group by its id. */
  groups?: HelpdeskGroup[] | undefined;
}

/** A helpdesk group (team) the ticket can be assigned to. */
export interface HelpdeskGroup {
  id: string;
  name: string;
}

/** The agent signed in to the helpdesk, as its own current-user API says. */
export interface CurrentUser {
  /** The helpdesk's user id (Jira: the account id). */
  id: string;
  /** The display name, as the helpdesk shows it to colleagues. */
  name: string;
  email?: string;
}

export interface WriteBackPlan {
  /** Sent in order; the first one carries the note (unless `includeNote: false`) so the packet is never lost to a later failure. */
  requests: WriteBackRequest[];
  /** What the plan cannot do with this policy (e.g. a group name where the API needs an id). */
  notes: string[];
}

/** The half of an adapter the helpdesk tab runs: no zod, no policy mapping (issue 13). */
export interface HelpdeskTab {
  /** Which helpdesk this adapter reads. */
  id: HelpdeskId;
  /** The vendor's display name, for notices ("Could not read from Zendesk"). */
  name: string;
  /** Match patterns of the vendor's hosted domains (custom domains are mapped by the admin and registered by extension/hosts/register.ts). */
  hosts: readonly string[];
  /** The page kind of a URL, from its path and query only (no host check, so custom domains work). Pure. */
  getPageKind: (url: URL) => PageKind | null;
  /** The ticket id or issue key a ticket URL names, or `null` on other pages. Pure. */
  getTicketRef: (url: URL) => string | null;
  /**
   * Fetches the ticket's JSON through the helpdesk's same-origin REST API, as it comes: `ticketFromApiResponses`
   * validates it. Rejects with `AdapterApiError` when the ticket itself cannot be fetched (network, HTTP, not JSON).
   */
  fetchApiResponses: (input: ApiFetchInput) => Promise<ApiResponses>;
  /** Reads the ticket's fields off the page as plain strings, for when the API is unavailable; what it cannot find is listed. */
  scrapeTicket: (document: Document, url: URL) => TicketScrape;
  /** Where the badge (by the ticket header) and the checklist panel mount. */
  mounts: { badge: MountGetter; checklist: MountGetter };
  /**
   * Selectors of the elements the helpdesk replaces (or re-flags active) when the agent moves to another ticket;
   * observe them instead of polling. The first match in document order is a container the mount getters accept
   * (`document.body` always is one too).
   */
  observeTarget: readonly string[];
  /**
   * The request(s) that add the handoff packet as an internal note and move the ticket to the new tier and role:
   * the role's group (else the tier's), the tier and role tags in, other tiers' and roles' tags out. Pure.
   */
  buildWriteBack: (input: WriteBackInput) => WriteBackPlan;
  /**
   * Same-origin API paths of the account: the signed-in agent (Zendesk `/api/v2/users/me.json`, Freshdesk
   * `/api/v2/agents/me`, Jira `/rest/api/3/myself`) and the helpdesk's groups (helpdesks with groups only).
   */
  accountPaths: { currentUser: string; groups?: string };
  /** The page's CSRF token for write-back, when the helpdesk uses one. */
  readCsrfToken?: (document: Document) => string | undefined;
}

/** A whole adapter: the tab's half, and what validates and normalizes the tab's raw reads (worker, CLI, the tab's fallback). */
export interface HelpdeskAdapter extends HelpdeskTab {
  /** Normalizes already-fetched API responses. Pure; throws `AdapterApiError` when `responses.ticket` is not a ticket. */
  ticketFromApiResponses: (responses: ApiResponses, input: { ref: string; policy: Policy; origin?: string | undefined }) => TicketRead;
  /** The signed-in agent from the body `accountPaths.currentUser` answered. Throws `AdapterApiError` when it is not one (nobody is signed in). */
  currentUserFromResponse: (body: unknown) => CurrentUser;
  /** The helpdesk's groups from the body `accountPaths.groups` answered (helpdesks with groups only). Throws `AdapterApiError`. */
  groupsFromResponse?: (body: unknown) => HelpdeskGroup[];
  /** `fetchApiResponses`, then `ticketFromApiResponses`. Rejects with `AdapterApiError` when the ticket itself cannot be read. */
  readTicketFromApi: (input: ApiReadInput) => Promise<TicketRead>;
  /** `scrapeTicket`, normalized with the policy. */
  readTicketFromDom: (document: Document, url: URL, policy: Policy) => TicketRead;
  /** The agent signed in to the helpdesk, through the page's session. Rejects with `AdapterApiError` when it cannot be read or nobody is signed in. */
  readCurrentUser: (input: { fetch: FetchLike; origin: string }) => Promise<CurrentUser>;
  /** The helpdesk's groups through the same-origin API, for write-back by group name (helpdesks with groups only). */
  readGroups?: (input: { fetch: FetchLike; origin: string }) => Promise<HelpdeskGroup[]>;
}

/** The same-origin API answered with an error, or with a body that is not a ticket. */
export class AdapterApiError extends Error {
  readonly status: number | undefined;
  readonly path: string;
  constructor(message: string, options: { path: string; status?: number | undefined; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'AdapterApiError';
    this.status = options.status;
    this.path = options.path;
  }
}
