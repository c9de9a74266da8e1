import { attr, ownText, text } from '../shared/dom';
import { readText, readValue } from '../shared/text';
import type { Resolver } from '../types';

/**
 * Freshdesk agent UI DOM hooks (the Ember app at `/a/`). Freshdesk documents
 * none of these; they follow what public extensions select (toggl/track-extension
 * src/content/freshdesk.js, clockify/browser-extension src/integrations/freshdesk.js;
 * see the team's SELECTORS.md §2). `...Legacy` entries read the classic
 * `/helpdesk/tickets/:id` page.
 */

/** The ticket view: present only on a ticket page. */
export const ticketRoot = ['.app-main-wrapper #ticket-details', '#ticket-details', ticketRootLegacy()];
/** TODO(2026-03-01): classic helpdesk page area. */
function ticketRootLegacy(): string {
  return '#Pagearea';
}

// toggl reads the heading's own text: the element also holds child badges.
export const subject: Resolver<string>[] = [ownText('.ticket-subject-heading'), ownText('.sentiment-ticket-heading'), subjectLegacy()];
/** TODO(2026-03-01): classic helpdesk subject. */
function subjectLegacy(): Resolver<string> {
  return text('#Pagearea h2.subject');
}

export const ticketNumber: Resolver<string>[] = [
  { selector: '.breadcrumb__item.active', resolve: (el) => /\d+/.exec(readText(el))?.[0] },
  { selector: '#ticket-display-id', resolve: (el) => /\d+/.exec(readText(el))?.[0] },
];

/** A property dropdown's selected value (`.custom-placeholder` means "none chosen"). */
const property = (testId: string): Resolver<string> => ({
  selector: `[data-test-id="${testId}"] .ember-power-select-selected-item`,
  resolve: (el) => (el.classList.contains('custom-placeholder') ? undefined : readText(el) || undefined),
});
/** TODO(2026-03-01): classic helpdesk property selects. */
const propertyLegacy = (name: string): Resolver<string> => ({ selector: `select#helpdesk_ticket_${name} option[selected]`, resolve: (el) => readText(el) || undefined });

export const status: Resolver<string>[] = [property('tkt-properties-status'), propertyLegacy('status')];
export const priority: Resolver<string>[] = [property('priority'), propertyLegacy('priority')];
export const group: Resolver<string>[] = [property('Group'), propertyLegacy('group_id')];
export const type: Resolver<string>[] = [property('tkt-properties-ticket_type'), propertyLegacy('ticket_type')];

/** Custom fields: dropdowns `tkt-properties-cf_<name>` and text inputs `customFields.cf_<name>`. */
export interface NamedValue {
  name: string;
  value: string;
}
export const customFields: Resolver<NamedValue>[] = [
  {
    selector: '[data-test-id^="tkt-properties-cf_"] .ember-power-select-selected-item:not(.custom-placeholder), input[name^="customFields."]',
    resolve: (el) => {
      const name = el.matches('input') ? el.getAttribute('name')?.replace('customFields.', '') : el.closest('[data-test-id^="tkt-properties-cf_"]')?.getAttribute('data-test-id')?.replace('tkt-properties-', '');
      const value = readValue(el);
      return name && value ? { name, value } : undefined;
    },
  },
  customFieldsLegacy(),
];
/** TODO(2026-03-01): classic helpdesk custom field inputs. */
function customFieldsLegacy(): Resolver<NamedValue> {
  return {
    selector: 'input[name^="helpdesk_ticket[custom_field]"]',
    resolve: (el) => {
      const name = /\[custom_field\]\[(\w+?)(?:_\d+)?\]/.exec(el.getAttribute('name') ?? '')?.[1];
      const value = readValue(el);
      return name && value ? { name: name.startsWith('cf_') ? name : `cf_${name}`, value } : undefined;
    },
  };
}

export const requesterName: Resolver<string>[] = [text('.widget-requestor-info [data-test-id="user-name"]'), text('.requester-wrap [data-test-id="user-name"]'), text('#Pagearea .requester-info .name')];
export const requesterEmail: Resolver<string>[] = [attr('.widget-requestor-info a[href^="mailto:"]', 'href')];
export const requesterCompany: Resolver<string>[] = [text('[data-test-id="requester-info-contact-company"] .info-details-content')];

export const tags: Resolver<string>[] = [text('.ticket-tags ul li .tag-options'), text('#Pagearea .tag-list .tag')];

/** Conversation entries: the original request first, then replies and notes. */
export const conversationItems = ['#ticket-details .ticket-details__item', '#Pagearea .conversation'];
export const conversationBody: Resolver<string>[] = [
  { selector: '.ticket-details__item__content', resolve: (el) => readText(el) || undefined },
  { selector: '.details', resolve: (el) => readText(el) || undefined },
];
export const conversationAuthor: Resolver<string>[] = [text('[data-test-id="conversation-user-name"]'), text('.user-name')];
export const conversationTime: Resolver<string>[] = [attr('time', 'datetime')];
/** Freshdesk marks private notes and incoming (customer) messages on the item. */
export const privateNote = '.private-note, .conversation.private';
export const incoming = '.incoming, .conversation.incoming';

/** The badge goes after the subject heading. */
export const headerAnchor = ['.ticket-subject-heading', '.sentiment-ticket-heading', '#Pagearea h2.subject'];
/** The checklist goes after the requester widget in the right sidebar. */
export const sidebarAnchor = ['.widget-requestor-info', '#Pagearea .requester-info'];

/** Ember replaces the ticket view when the agent opens another ticket. */
export const observeTarget = ['.app-main-wrapper #ticket-details', '#Pagearea'];
