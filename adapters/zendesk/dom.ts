import { findIn, queryAllOf, readDomComments, resolveAll, resolveFirst } from '../shared/dom';
import type { Fields } from '../shared/policy-mapping';
import { pickLabel } from '../shared/text';
import type { TicketScrape } from '../types';
import { getZendeskTicketRef } from './page-kind';
import * as s from './selectors';

/**
 * Reading a Zendesk ticket from the Agent Workspace page, for when the API is
 * unreachable. Only the active ticket's pane is read (the workspace keeps the
 * other open tabs in the DOM); what cannot be found is listed as unreadable.
 */

/** The active ticket's pane, or the container itself on pages without panes. */
export function findZendeskPane(container: ParentNode, ref: string | null): Element | null {
  return findIn(container, s.paneSelectors(ref ?? ''));
}

const PRIORITY = { low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' } as const;
const STATUS = { new: 'new', open: 'open', pending: 'pending', hold: 'on-hold', 'on-hold': 'on-hold', solved: 'solved', closed: 'closed' } as const;

function takeField(fields: Fields, label: string): string | undefined {
  const key = Object.keys(fields).find((k) => k.toLowerCase() === label);
  if (!key) return undefined;
  const value = fields[key];
  delete fields[key];
  return typeof value === 'string' ? value : undefined;
}

export function scrapeZendeskTicket(document: Document, url: URL): TicketScrape {
  const unreadable: string[] = [];
  const ref = getZendeskTicketRef(url) ?? document.querySelector('[data-test-id="header-tab"][data-selected="true"]')?.getAttribute('data-entity-id') ?? null;
  const pane = findZendeskPane(document, ref) ?? document;

  const subject = resolveFirst(pane, s.subject) ?? resolveFirst(document, [{ selector: '[data-test-id="header-tab"][data-selected="true"] [data-test-id="header-tab-title"]', resolve: (el) => el.textContent?.trim() || undefined }]);
  const requesterName = resolveFirst(pane, s.requester);
  const group = resolveFirst(pane, s.group);
  const tags = resolveAll(pane, s.tags);
  const labelled = resolveAll(pane, s.fields);
  const fields: Fields = {};
  for (const { label, value } of labelled ?? []) fields[label] = value;
  const priority = pickLabel(PRIORITY, takeField(fields, 'priority'));
  const status = pickLabel(STATUS, resolveFirst(document, s.status) ?? takeField(fields, 'status'));

  const items = queryAllOf(pane, s.commentItems);
  const comments = readDomComments(items, { body: s.commentBody, author: s.commentAuthor, time: s.commentTime }, (item, authorName) => {
    const internal = item.querySelector(s.internalNoteMarker) !== null || item.matches(s.internalNoteMarkerLegacy);
    return { author: !internal && authorName !== undefined && authorName === requesterName ? 'customer' : 'agent', public: !internal };
  });
  comments.sort((a, b) => (a.at && b.at ? a.at.localeCompare(b.at) : 0));

  if (!ref) unreadable.push('id');
  if (!subject) unreadable.push('subject');
  if (!requesterName) unreadable.push('requester');
  if (!group) unreadable.push('group');
  if (!tags) unreadable.push('tags');
  if (!labelled) unreadable.push('fields');
  if (!priority) unreadable.push('priority');
  if (!status) unreadable.push('status');
  if (items.length === 0) unreadable.push('comments');

  return {
    ticket: {
      id: ref ?? 'unknown',
      url: url.href,
      subject: subject ?? '',
      description: comments[0]?.body ?? '',
      comments,
      requester: { name: requesterName },
      priority,
      status,
      tags: tags ?? [],
      fields,
      group,
      channel: resolveFirst(pane, s.channel),
      createdAt: comments[0]?.at,
    },
    unreadable,
  };
}
