import { HELPDESK_NAMES } from './names';

/**
 * Links from the dashboard back to a ticket in its helpdesk. Events record the
 * helpdesk and the ticket's id, not the helpdesk's web address; the one
 * address Tierline knows is a custom host an admin lists in the settings
 * (`extraHelpdeskHosts`, e.g. help.acme.com → Zendesk). With exactly one
 * host for a helpdesk its tickets link; otherwise the id is shown with the
 * helpdesk's name and the page says why there is no link.
 */

/** A custom host from the settings. */
export interface HelpdeskHost {
  host: string;
  helpdesk: string;
}

/**
 * Ticket paths as each vendor's agent UI opens them: the paths the adapters'
 * page kinds recognise and their APIs build (adapters/<helpdesk>/page-kind.ts, api.ts).
 */
const TICKET_PATHS: Record<string, (id: string) => string> = {
  zendesk: (id) => `/agent/tickets/${encodeURIComponent(id)}`,
  freshdesk: (id) => `/a/tickets/${encodeURIComponent(id)}`,
  jira: (id) => `/browse/${encodeURIComponent(id)}`,
};

export interface TicketLink {
  /** "Zendesk ticket 4711" */
  label: string;
  href?: string;
}

export interface TicketLinker {
  link(ref: { helpdesk: string; ticketId: string }): TicketLink;
  /** Why some helpdesks' tickets cannot link, in one sentence each; empty when all can. */
  why(helpdesks: Iterable<string>): string[];
}

/**
 * @example createTicketLinker([{ host: 'help.acme.com', helpdesk: 'zendesk' }]).link({ helpdesk: 'zendesk', ticketId: '4711' })
 * // { label: 'Zendesk ticket 4711', href: 'https://help.acme.com/agent/tickets/4711' }
 */
export function createTicketLinker(hosts: readonly HelpdeskHost[]): TicketLinker {
  const byHelpdesk = new Map<string, string[]>();
  for (const { host, helpdesk } of hosts) {
    const clean = host.trim().toLowerCase();
    if (!clean) continue;
    const list = byHelpdesk.get(helpdesk) ?? [];
    if (!list.includes(clean)) list.push(clean);
    byHelpdesk.set(helpdesk, list);
  }
  const name = (helpdesk: string) => HELPDESK_NAMES[helpdesk] ?? helpdesk;
  return {
    link({ helpdesk, ticketId }) {
      const label = `${name(helpdesk)} ticket ${ticketId}`;
      const list = byHelpdesk.get(helpdesk);
      const path = TICKET_PATHS[helpdesk];
      if (!path || list?.length !== 1) return { label };
      return { label, href: `https://${list[0]}${path(ticketId)}` };
    },
    why(helpdesks) {
      const reasons: string[] = [];
      for (const helpdesk of new Set(helpdesks)) {
        const list = byHelpdesk.get(helpdesk);
        if (list?.length === 1 && TICKET_PATHS[helpdesk]) continue;
        reasons.push(
          list && list.length > 1
            ? `${name(helpdesk)} tickets are not linked: the settings list ${list.length} addresses for ${name(helpdesk)} (${list.join(', ')}) and events do not say which a ticket lives on.`
            : `${name(helpdesk)} tickets are not linked: events record the ticket number but not your ${name(helpdesk)} address, and the settings list no helpdesk host for it.`,
        );
      }
      return reasons;
    },
  };
}
