import { HANDOFF_NOTE_MARKER } from './render';
import { type PrefilledValue, type PrefillSourceId, type ProvidedSummary, summaryAnswer } from './prefill-summary';
import type { Decision } from '../route/decision';
import { ownWords } from '../text/segment';
import type { Ticket, TicketComment } from '../ticket';

/** Error codes as agents paste them: "ERR_4012", "E1234", "HTTP 502", "0x80070005". */
const ERROR_CODE = /\b(?:[A-Z][A-Z0-9]*_[A-Z0-9_]*\d[A-Z0-9_]*|E\d{3,}|HTTP\s?[45]\d\d|0x[0-9a-fA-F]{6,})\b/g;
const LINK = /\bhttps?:\/\/[^\s<>"')\]]+/g;
/** A file named in the text ("checkout-error.png", "console.log"): what helpdesks show for an attachment. */
const IMAGE = /\.(?:png|jpe?g|gif|webp|bmp|heic)$/i;
const IMAGE_FILE = /(?<![\w/.-])[\w-][\w.-]*\.(?:png|jpe?g|gif|webp|bmp|heic)\b/gi;
const LOG_FILE = /(?<![\w/.-])[\w-][\w.-]*\.(?:log|har)\b/gi;
/** A log file, or a log viewer's host or path ("logs.example.com", "/logs?query="). */
const LOG_LINK = /\.(?:log|har)$|(?:^|[./])logs?(?:[./]|$)/i;
/** A pasted log line: a timestamp or a level first, or a stack frame. */
const LOG_LINE = [
  /^\s*\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?/,
  /^\s*\[?\d{2}:\d{2}:\d{2}(?:[.,]\d+)?\]?\s+\S/,
  /^\s*\[?(?:FATAL|ERROR|WARN(?:ING)?|INFO|DEBUG|TRACE)\]?[\s:]/,
  /^\s+at\s+\S+\s+\(?\S+:\d+(?::\d+)?\)?\s*$/,
  /^\s*Traceback \(most recent call last\):|^\s*File ".+", line \d+|^\s*Exception in thread /,
];
/** "Steps to reproduce:" and the numbered or bulleted lines under it. */
const REPRO_HEADING = /^\s*(?:steps to reproduce|to reproduce|how to reproduce|repro(?:duction)? steps)\s*:?\s*$/i;
const LIST_LINE = /^\s*(?:\d+[.)]|[-*•])\s+\S/;

/** How many log lines a packet takes: enough to show the failure, not the whole file. */
const MAX_LOG_LINES = 20;

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * A Tierline handoff note, or the part of a note from a pasted one on: an
 * earlier packet, not this conversation (core/handoff/render.ts writes them).
 */
function withoutHandoffNote(body: string): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const at = lines.findIndex((line) => line.trim().startsWith(HANDOFF_NOTE_MARKER));
  return at === -1 ? body : lines.slice(0, at).join('\n');
}

/** What the conversation says in its own words: customers' messages and agents' internal notes, never earlier packets, quoted replies or agents' public replies (macros). */
function conversation(ticket: Ticket): { customer: string[]; notes: string[] } {
  const own = (body: string) => ownWords(withoutHandoffNote(body)).own;
  const customerComments = ticket.comments.filter((c) => c.author === 'customer');
  return {
    customer: [ticket.description, ...customerComments.map((c) => c.body)].map(own).filter(Boolean),
    notes: ticket.comments.filter(isAgentNote).map((c) => own(c.body)).filter(Boolean),
  };
}

const isAgentNote = (c: TicketComment) => c.author === 'agent' && !c.public;

/** The helpdesk's own pages (the ticket, its audits, the agent UI) are where the packet goes, not evidence. */
function isEvidenceLink(link: string, ticket: Ticket, helpdeskOrigin: string | undefined): boolean {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return false;
  }
  if (helpdeskOrigin !== undefined && url.origin === helpdeskOrigin) return false;
  const segments = url.pathname.split('/').map((s) => decodeURIComponent(s).replace(/\.json$/, ''));
  return !segments.includes(ticket.id);
}

/** What the conversation holds that a handoff packet can use, each read from where it is said. */
export interface TicketFacts {
  customerTier?: string;
  severity?: string;
  errorCodes: string[];
  /** Links that are evidence: not the helpdesk's own pages. */
  links: string[];
  /** Screenshots: image links and image files named in the text. */
  screenshots: string[];
  /** Pasted log lines, log links and log files named in the text. */
  logs: string[];
  /** The lines under a "Steps to reproduce:" heading. */
  reproduction: string[];
  /** Agents' internal notes, without earlier handoff notes and quoted replies: the steps already tried. */
  agentSteps: string[];
  /** The helpdesk's count, else the largest head-count the text states ("all 1,200 users"). */
  impactedUsers?: { count: number; written?: string };
}

export interface ReadFactsOptions {
  /** The helpdesk's origin ("https://acme.zendesk.com"): its links are the ticket's own pages. Defaults to the ticket's URL's. */
  helpdeskOrigin?: string;
  /** The head-count the router read in the customer's words (the view's `impactedUsers`), when the helpdesk has no field for it. */
  impactedUsers?: { count: number; written?: string } | undefined;
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * The facts a packet can take from the conversation: customers' own words and
 * agents' internal notes, never an earlier handoff note, a quoted reply or a
 * macro, and never the helpdesk's own pages as evidence.
 *
 * @example readTicketFacts(ticket, decision, { helpdeskOrigin: 'https://acme.zendesk.com' }).errorCodes // ['ERR_PAYMENT_402']
 */
export function readTicketFacts(ticket: Ticket, decision?: Decision, options: ReadFactsOptions = {}): TicketFacts {
  const { customer, notes } = conversation(ticket);
  const texts = [...customer, ...notes];
  // Codes and file names are read outside links: a link's path ("/E1234/report.png") is the link's, listed as one.
  const prose = texts.map((t) => t.replace(LINK, ' '));
  const helpdeskOrigin = options.helpdeskOrigin ?? originOf(ticket.url);
  // A sentence's full stop is not part of the link: "see https://status.example.com/incidents/9."
  const links = unique(texts.flatMap((t) => (t.match(LINK) ?? []).map((link) => link.replace(/[.,;:!?]+$/, '')))).filter((link) => isEvidenceLink(link, ticket, helpdeskOrigin));
  const pathOf = (link: string) => new URL(link).pathname;
  const hostAndPath = (link: string) => `${new URL(link).hostname}${pathOf(link)}`;
  const namedFiles = (pattern: RegExp) => unique(prose.flatMap((t) => t.match(pattern) ?? []));
  const logLines = unique(texts.flatMap((t) => t.split('\n').filter((line) => LOG_LINE.some((p) => p.test(line))).map((line) => line.trimEnd())));
  const facts: TicketFacts = {
    errorCodes: unique(prose.flatMap((t) => t.match(ERROR_CODE) ?? [])),
    links,
    screenshots: [...links.filter((l) => IMAGE.test(pathOf(l))), ...namedFiles(IMAGE_FILE)],
    logs: [...logLines.slice(0, MAX_LOG_LINES), ...links.filter((l) => LOG_LINK.test(hostAndPath(l))), ...namedFiles(LOG_FILE)],
    reproduction: texts.flatMap(reproductionSteps),
    agentSteps: notes,
  };
  if (ticket.requester.customerTier) facts.customerTier = ticket.requester.customerTier;
  if (decision?.severityName) facts.severity = decision.severityName;
  // The router's reading of the head-count (the worker's view carries it, core/view/impact.ts): the tab reads no text itself.
  const impacted = ticket.impactedUsers !== undefined ? { count: ticket.impactedUsers } : options.impactedUsers;
  if (impacted) facts.impactedUsers = impacted;
  return facts;
}

function reproductionSteps(text: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => REPRO_HEADING.test(line));
  if (at === -1) return [];
  const steps: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (LIST_LINE.test(line)) steps.push(line.trim());
    else if (steps.length > 0 || line.trim() !== '') break;
  }
  return steps;
}

/**
 * Where a prefill value may come from (`PrefillSourceId`, ./prefill-summary.ts).
 * Each source answers only the items listed for it: the default policy's ids,
 * and other policies' items by a label that names exactly what the source
 * holds. An item no source answers stays empty for the agent.
 */
interface PrefillSource {
  ids: readonly string[];
  labels: RegExp;
  read(input: SourceInput): string;
}

interface SourceInput {
  ticket: Ticket;
  decision: Decision | undefined;
  facts: TicketFacts;
  summary: ProvidedSummary | undefined;
}

/** Evidence is what can be checked: codes, logs, screenshots, reproduction steps and the links to them. */
function evidence({ facts }: SourceInput): string {
  return unique([...facts.errorCodes.map((c) => `Error code ${c}`), ...facts.logs, ...facts.screenshots, ...facts.reproduction, ...facts.links]).join('\n');
}

/** Order matters for labels only: the first source whose label pattern matches answers a policy's own item. */
export const PREFILL_SOURCES: Readonly<Record<PrefillSourceId, PrefillSource>> = {
  summary: { ids: ['summary'], labels: /\bsummary\b|what is the problem/, read: ({ ticket, summary }) => summaryAnswer('summary', summary) || ticket.subject.trim() },
  reproduction: { ids: ['reproduction-steps'], labels: /\brepro(?:duction|duce)?\b/, read: ({ facts }) => facts.reproduction.join('\n') },
  steps: {
    ids: ['steps-tried', 'steps-taken'],
    labels: /\b(?:steps? (?:tried|taken)|troubleshooting|already (?:tried|done)|what has been (?:tried|done))\b/,
    read: ({ facts, summary }) => summaryAnswer('steps', summary) || facts.agentSteps.join('\n'),
  },
  'error-codes': { ids: ['error-codes'], labels: /\berror codes?\b/, read: ({ facts }) => facts.errorCodes.join(', ') },
  screenshots: { ids: ['screenshots'], labels: /\bscreenshots?\b|\bscreen ?captures?\b/, read: ({ facts }) => facts.screenshots.join('\n') },
  logs: { ids: ['logs'], labels: /\blogs?\b/, read: ({ facts }) => facts.logs.join('\n') },
  evidence: { ids: ['evidence', 'vendor-evidence'], labels: /\bevidence\b/, read: evidence },
  'impacted-users': {
    ids: ['impacted-users'],
    labels: /\b(?:impacted|affected) (?:users|accounts|people|seats)\b|\bhow many users\b/,
    read: ({ facts }) => {
      const found = facts.impactedUsers;
      if (!found) return '';
      return found.written ? `${found.count} (the ticket says “${found.written}”)` : String(found.count);
    },
  },
  'customer-tier': {
    ids: ['customer-tier-sla'],
    labels: /\bcustomer tier\b|\bsla\b/,
    read: ({ facts }) => [facts.customerTier && `Customer tier: ${facts.customerTier}`, facts.severity && `Severity: ${facts.severity}`].filter(Boolean).join('\n'),
  },
  // The triggers that fired are measurable facts; a warning-only trigger moves nothing, so it is no reason to escalate.
  triggers: { ids: ['escalation-reason'], labels: /\bescalation reason\b|\breason for (?:the )?escalation\b/, read: ({ decision }) => unique(decision?.triggers.filter((t) => !t.warnOnly).map((t) => t.description) ?? []).join('\n') },
  requester: { ids: ['user-id'], labels: /\buser ?id\b|\brequester id\b/, read: ({ ticket }) => ticket.requester.id ?? ticket.requester.email ?? '' },
};

/**
 * What only a person can say, never prefilled: what is needed from the next
 * tier, the customer's state and the business impact (the note's "Customer
 * context"), who owns the communication, diagnostics and contractual authority.
 * And what the ticket does not hold: Tier 0's search queries and self-service
 * path, the account's configuration.
 */
export const AGENT_ONLY = {
  ids: ['business-impact', 'communication-owner', 'internal-diagnostics', 'contractual-authority', 'search-queries', 'failed-self-service-path', 'account-configuration', 'needed'],
  labels: /\bneeded\b|\bneeds?\b|\bnext steps?\b|\bask\b|\bcustomer context\b|\bemotion|\bsentiment|\bmood\b|\bbusiness impact\b|\bcommunication owner\b|\bdiagnos|\bcontract|\bauthority\b|\bsearch quer|\bself-service\b|\bconfiguration\b/,
} as const;

/**
 * The one source allowed to fill an item, or null when only the agent may.
 *
 * @example prefillSourceOf({ id: 'impacted-users', label: 'Number of impacted users' }) // 'impacted-users'
 * @example prefillSourceOf({ id: 'business-impact', label: 'Business impact' }) // null
 */
export function prefillSourceOf(item: { id: string; label: string }): PrefillSourceId | null {
  const entries = Object.entries(PREFILL_SOURCES) as [PrefillSourceId, PrefillSource][];
  const byId = entries.find(([, source]) => source.ids.includes(item.id));
  if (byId) return byId[0];
  const label = `${item.id.replace(/-/g, ' ')} ${item.label}`.toLowerCase();
  if ((AGENT_ONLY.ids as readonly string[]).includes(item.id) || AGENT_ONLY.labels.test(label)) return null;
  return entries.find(([, source]) => source.labels.test(label))?.[0] ?? null;
}

export interface PrefillOptions extends ReadFactsOptions {
  /** Problem / What's been done from a summary provider (extension/ai); without it the subject and the agents' notes. */
  summary?: ProvidedSummary | undefined;
}

/**
 * Prefills checklist items from the ticket, each only from the source that
 * answers it (see `prefillSourceOf`), and says which source that was. The
 * agent still confirms every value: prefilled is not confirmed.
 *
 * @example
 * prefillItems([{ id: 'error-codes', label: 'Error codes' }, { id: 'business-impact', label: 'Business impact' }], ticket, decision)
 * // { 'error-codes': { value: 'ERR_PAYMENT_402', source: 'error-codes' } }
 */
export function prefillItems(items: readonly { id: string; label: string }[], ticket: Ticket, decision?: Decision, options: PrefillOptions = {}): Record<string, PrefilledValue> {
  const input: SourceInput = { ticket, decision, facts: readTicketFacts(ticket, decision, options), summary: options.summary };
  const values: Record<string, PrefilledValue> = {};
  for (const item of items) {
    const source = prefillSourceOf(item);
    if (source === null) continue;
    const value = PREFILL_SOURCES[source].read(input).trim();
    if (value !== '') values[item.id] = { value, source };
  }
  return values;
}

/**
 * The prefilled values alone, by item id.
 *
 * @example
 * prefillHandoff([{ id: 'error-codes', label: 'Error codes' }, { id: 'business-impact', label: 'Business impact' }], ticket, decision)
 * // { 'error-codes': 'ERR_PAYMENT_402' }
 */
export function prefillHandoff(items: readonly { id: string; label: string }[], ticket: Ticket, decision?: Decision, options: PrefillOptions = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(prefillItems(items, ticket, decision, options)).map(([id, { value }]) => [id, value]));
}
