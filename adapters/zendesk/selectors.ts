import { attr, text } from '../shared/dom';
import { readText, readValue } from '../shared/text';
import type { Resolver } from '../types';

/**
 * Zendesk Agent Workspace DOM hooks. Zendesk documents none of these: they are
 * the front-end's own test ids, seen in public extensions (see
 * ../shared/reference/SELECTORS.md §1 in the team notes: toggl, clockify,
 * holatuwol). The current workspace comes first; `...Legacy` entries read the
 * pre-workspace (Lotus / Ember) ticket page.
 */

/** The pane of one ticket; several exist in the multi-tab workspace, one active. */
export const paneSelectors = (ref: string) => [
  `.ticket-panes-grid-layout[data-is-active="true"][data-side-conversations-anchor-id="${ref}"]`,
  `[data-side-conversations-anchor-id="${ref}"]`,
  '.ticket-panes-grid-layout[data-is-active="true"]',
  // TODO(2026-03-01): drop once no customer runs the pre-workspace UI (Zendesk retired it for new accounts in 2023).
  '.workspace:not([style*="display: none"])',
];

export const subject: Resolver<string>[] = [text('input[data-test-id="omni-header-subject"]'), text('input[data-test-id="ticket-pane-subject"]'), subjectLegacy()];

/** TODO(2026-03-01): Lotus ticket page subject; remove with the legacy fixture. */
function subjectLegacy(): Resolver<string> {
  return text('input[aria-label="Subject"]');
}

export const requester: Resolver<string>[] = [
  text('[data-test-id="ticket-system-field-requester-select"] [data-garden-id="typography.ellipsis"]'),
  text('[data-test-id="ticket-system-field-requester-select"]'),
  text('[data-test-id="ticket-system-field-requester-label"]'),
  requesterLegacy(),
];

/** TODO(2026-03-01): the Lotus requester link. */
function requesterLegacy(): Resolver<string> {
  return text('.ticket_requester .requester_name');
}

export const group: Resolver<string>[] = [text('[data-test-id="assignee-field-selected-group-tag"]'), groupLegacy()];

/** TODO(2026-03-01): Lotus assignee field, "Group / Agent" in one label (holatuwol src/priority.ts). */
function groupLegacy(): Resolver<string> {
  return { selector: '.js-zero-state-ticket-tutorial-assignee-field > div > div', resolve: (el) => readText(el).split('/')[0]?.trim() || undefined };
}

export const tags: Resolver<string>[] = [
  text('[data-test-id="ticket-system-field-tags-item-selected"] .garden-tag-item'),
  text('[data-test-id="ticket-system-field-tags-item-selected"]'),
  tagsLegacy(),
];

/** TODO(2026-03-01): Lotus tag chips. */
function tagsLegacy(): Resolver<string> {
  return text('[data-test-id="ticket-fields-tags"] .zd-tag-item');
}

export const channel: Resolver<string>[] = [{ selector: '[data-test-id="omni-header-via-label"]', resolve: (el) => readText(el).replace(/^via\s+/i, '').toLowerCase() || undefined }];

/** The status of the selected header tab, from its badge's test id (`status-badge-open`). */
export const status: Resolver<string>[] = [
  {
    selector: '[data-test-id="header-tab"][data-selected="true"] [data-test-id^="status-badge-"], [role="tab"][aria-selected="true"] [data-test-id^="status-badge-"]',
    resolve: (el) => el.getAttribute('data-test-id')?.replace('status-badge-', '') || undefined,
  },
];

/** A labelled field: sidebar rows and ticket form fields, value from the dropdown button, the input, or the text. */
export interface LabelledField {
  label: string;
  value: string;
}
const fieldValue = (el: Element): string | undefined => {
  const control = el.querySelector('[data-test-id="ticket-form-field-dropdown-button"], [data-test-id="ticket-form-field-multiselect-button"], input, textarea, [data-garden-id="typography.ellipsis"]');
  return control ? readValue(control) : undefined;
};
const labelled = (selector: string): Resolver<LabelledField> => ({
  selector,
  resolve: (el) => {
    const label = el.querySelector('label');
    const value = fieldValue(el);
    return label && value !== undefined && value !== '' && value !== '-' ? { label: readText(label), value } : undefined;
  },
});
export const fields: Resolver<LabelledField>[] = [labelled('[data-test-id^="ticket-form-field-"]:not([data-test-id$="-button"]), #ticket_sidebar div[data-garden-id="grid.row"]'), fieldsLegacy()];

/** TODO(2026-03-01): Lotus custom fields `.custom_field_<id>` (holatuwol src/ticket.ts). */
function fieldsLegacy(): Resolver<LabelledField> {
  return {
    selector: '[class*="custom_field_"]',
    resolve: (el) => {
      const label = el.querySelector('label');
      const control = el.querySelector('.ember-text-field, .zd-selectmenu-base-content, input');
      const value = control ? readValue(control) : '';
      return label && value ? { label: readText(label), value } : undefined;
    },
  };
}

/** Conversation log entries. */
export const commentItems = ['article[data-test-id="omni-log-comment-item"]', commentItemsLegacy()];
/** TODO(2026-03-01): Lotus event list. */
function commentItemsLegacy(): string {
  return '.event.is-public, .event.is-private';
}
export const commentBody: Resolver<string>[] = [
  { selector: '[data-test-id="omni-log-message-content"]', resolve: (el) => readText(el) || undefined },
  { selector: 'div[data-test-id="omni-log-item-message"]:not([aria-hidden="true"])', resolve: (el) => readText(el) || undefined },
  { selector: '.zd-comment', resolve: (el) => readText(el) || undefined },
];
export const commentAuthor: Resolver<string>[] = [text('[data-test-id="omni-log-item-sender"] strong'), text('[data-test-id="omni-log-item-sender"]'), text('.actor .name')];
export const commentTime: Resolver<string>[] = [attr('time[data-test-id="timestamp-relative"]', 'datetime'), attr('time', 'datetime')];
export const internalNoteMarker = '[data-test-id="omni-log-internal-note-tag"]';
export const internalNoteMarkerLegacy = '.is-private';

/** Where the badge goes: after the subject in the ticket header. */
export const headerAnchor = ['input[data-test-id="omni-header-subject"]', 'input[data-test-id="ticket-pane-subject"]'];
/** Where the checklist goes: the ticket's sidebar of fields. */
export const sidebarAnchor = ['[data-test-id="ticket-sidebar"]', '#ticket_sidebar', '.ticket_fields'];

/**
 * The active ticket's pane: another pane becomes active when the agent switches tabs or opens a ticket.
 * (Not the selected header tab: it comes first in the document and holds neither header nor sidebar.)
 */
export const observeTarget = ['.ticket-panes-grid-layout[data-is-active="true"]', '.workspace:not([style*="display: none"])'];
