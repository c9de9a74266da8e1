import type { Decision } from '../core/route/decision';
import type { Ticket } from '../core/ticket';

/** Error codes as agents paste them: "ERR_4012", "E1234", "HTTP 502", "0x80070005". */
const ERROR_CODE = /\b(?:[A-Z][A-Z0-9]*_[A-Z0-9_]*\d[A-Z0-9_]*|E\d{3,}|HTTP\s?[45]\d\d|0x[0-9a-fA-F]{6,})\b/g;
const LINK = /\bhttps?:\/\/[^\s<>"')]+/g;

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** What the conversation already says that a handoff packet needs. */
export interface TicketFacts {
  customerTier?: string;
  severity?: string;
  errorCodes: string[];
  links: string[];
  /** Internal notes written by agents: the steps already tried. */
  agentSteps: string[];
}

export function readTicketFacts(ticket: Ticket, decision?: Decision): TicketFacts {
  const texts = [ticket.description, ...ticket.comments.map((c) => c.body)];
  return {
    customerTier: ticket.requester.customerTier,
    severity: decision?.severityName,
    errorCodes: unique(texts.flatMap((t) => t.match(ERROR_CODE) ?? [])),
    links: unique(texts.flatMap((t) => t.match(LINK) ?? [])),
    agentSteps: ticket.comments.filter((c) => c.author === 'agent' && !c.public).map((c) => c.body.trim()).filter(Boolean),
  };
}

/**
 * Prefills checklist items from the ticket, matched by the item's id or label
 * so a policy's own item names still get what the ticket knows.
 */
export function prefillHandoff(
  items: { id: string; label: string }[],
  ticket: Ticket,
  decision?: Decision,
  /** Problem / What's been done from a summary provider (extension/ai); without it the subject and the agents' notes. */
  summary?: { problem: string; done: readonly string[] },
): Record<string, string> {
  const facts = readTicketFacts(ticket, decision);
  const evidence = [...facts.errorCodes.map((c) => `Error code ${c}`), ...facts.links].join('\n');
  const impact = [facts.customerTier && `Customer tier: ${facts.customerTier}`, facts.severity && `Severity: ${facts.severity}`, ticket.impactedUsers !== undefined && `Impacted users: ${ticket.impactedUsers}`]
    .filter(Boolean)
    .join('\n');
  const reason = decision?.triggers.map((t) => t.description).join('; ') ?? '';
  const rules: [RegExp, string][] = [
    [/impacted-users|impacted users/, ticket.impactedUsers === undefined ? '' : String(ticket.impactedUsers)],
    [/summary/, summary?.problem || ticket.subject],
    [/step|tried|troubleshoot/, summary?.done.length ? summary.done.join('\n') : facts.agentSteps.join('\n')],
    [/error-code|error code/, facts.errorCodes.join(', ')],
    [/evidence|log|screenshot/, evidence],
    [/impact|customer-tier|sla/, impact],
    [/reason/, reason],
    [/user-id|user id/, ticket.requester.id ?? ticket.requester.email ?? ''],
  ];
  const values: Record<string, string> = {};
  for (const item of items) {
    const key = `${item.id} ${item.label.toLowerCase()}`;
    const match = rules.find(([pattern, value]) => pattern.test(key) && value);
    if (match) values[item.id] = match[1];
  }
  return values;
}
