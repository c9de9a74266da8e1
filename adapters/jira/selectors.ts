import { attr, text } from '../shared/dom';
import { readText } from '../shared/text';
import type { Resolver } from '../types';

/**
 * Jira Cloud issue view DOM hooks. Atlassian documents none of these. Summary,
 * breadcrumbs, layout containers, status, reporter, description, labels and
 * custom fields follow public code (toggl/track-extension src/content/atlassian.js
 * and others; see the team's SELECTORS.md §3). Current builds use `data-testid`,
 * older ones `data-test-id`: the `...Legacy` resolvers read those, and the
 * pre-2019 `#summary-val` / `#key-val` page. The comment hooks are modelled
 * (no public code selects them) and kept apart so they are easy to correct.
 */

const tid = (id: string) => `[data-testid="${id}"]`;
/** TODO(2026-03-01): older Jira builds spell the attribute data-test-id; drop when no tenant serves them. */
const tidLegacy = (id: string) => `[data-test-id="${id}"]`;
const both = (id: string, inner = '') => [`${tid(id)}${inner}`, `${tidLegacy(id)}${inner}`];

const SUMMARY = 'issue.views.issue-base.foundation.summary.heading';
export const summary: Resolver<string>[] = [...both(SUMMARY).map((sel) => text(`h1${sel}`)), summaryLegacy()];
/** TODO(2026-03-01): the pre-2019 issue page. */
function summaryLegacy(): Resolver<string> {
  return text('#summary-val');
}

const KEY_PATTERN = /[A-Z][A-Z0-9_]+-\d+/;
const keyOf = (el: Element) => KEY_PATTERN.exec(readText(el))?.[0];
export const issueKey: Resolver<string>[] = [
  ...both('issue.views.issue-base.foundation.breadcrumbs.current-issue.item').map((selector) => ({ selector, resolve: keyOf })),
  ...both('issue.views.issue-base.foundation.breadcrumbs.breadcrumb-current-issue-container', ' a').map((selector) => ({ selector, resolve: keyOf })),
  { selector: '#key-val', resolve: keyOf },
];

export const status: Resolver<string>[] = [
  ...both('issue.views.issue-base.foundation.status.status-button-item').map(text),
  ...both('issue-field-status.ui.status-view.status-button.status-button').map(text),
];
export const priority: Resolver<string>[] = [...both('issue.views.issue-base.foundation.priority.priority-lozenge').map(text)];
export const reporter: Resolver<string>[] = [
  ...both('issue.views.field.user.reporter', ' [data-testid="profilecard-next.ui.profilecard.profilecard-trigger"]').map(text),
  ...both('issue.views.field.user.reporter').map(text),
];
export const description: Resolver<string>[] = [...both('issue.views.field.rich-text.description', ' .ak-renderer-document').map(text), text('#description-val')];
export const labels: Resolver<string>[] = [...both('issue.views.issue-base.context.labels', ' a').map(text)];

/** Custom field values (`…customfield_<n>`), labelled by their field heading. */
export interface NamedValue {
  id: string;
  name: string;
  value: string;
}
const customField = (attrName: 'data-testid' | 'data-test-id'): Resolver<NamedValue> => ({
  selector: `[${attrName}^="issue.views.field."][${attrName}*=".customfield_"], [${attrName}^="issue.views.issue-base.context."][${attrName}*=".customfield_"]`,
  resolve: (el) => {
    const id = /customfield_\d+/.exec(el.getAttribute(attrName) ?? '')?.[0];
    if (!id) return undefined;
    const heading = el.ownerDocument.querySelector(`[${attrName}="issue-field-heading-styled-field-heading.${id}"]`);
    const value = readText(el);
    return value ? { id, name: heading ? readText(heading) : id, value } : undefined;
  },
});
export const customFields: Resolver<NamedValue>[] = [customField('data-testid'), customField('data-test-id')];

// Modelled hooks (see the file comment).
export const commentItems = [tid('issue.activity.comment'), tidLegacy('issue.activity.comment')];
export const commentAuthor: Resolver<string>[] = [...both('issue.activity.comment.author').map(text)];
export const commentBody: Resolver<string>[] = [text('.ak-renderer-document')];
export const commentTime: Resolver<string>[] = [attr('time', 'datetime')];
export const internalCommentMarker = [tid('issue.activity.comment.internal-lozenge'), tidLegacy('issue.activity.comment.internal-lozenge')].join(', ');

/** The badge goes after the summary heading; the checklist after the context fields. */
export const headerAnchor = [...both(SUMMARY).map((sel) => `h1${sel}`), '#summary-val'];
export const sidebarAnchor = [...both('issue.views.issue-base.context.context-items.primary-items'), '#peoplemodule'];
/** The issue view re-renders its summary and breadcrumb when another issue opens (page, queue or side panel). */
export const observeTarget = [...both(SUMMARY).map((sel) => `h1${sel}`), ...both('issue.views.issue-details.issue-layout.compact-layout'), '#summary-val'];
