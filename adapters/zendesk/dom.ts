import type { Policy } from '../../core/policy/schema';
import type { TicketComment } from '../../core/ticket';
import { resolveAll, resolveFirst } from '../shared/dom';
import { normalizeTicket } from '../shared/normalize';
import type { Fields } from '../shared/policy-mapping';
import { toIsoDateTime } from '../shared/text';
import type { TicketRead } from '../types';
import { getZendeskTicketRef } from './page-kind';
import * as s from './selectors';

/**
 * Reading a Zendesk ticket from the Agent Workspace page, for when the API is
 * unreachable. Only the active ticket's pane is read (the workspace keeps the
 * other open tabs in the DOM); what cannot be found is listed as unreadable.
 */

/** The active ticket's pane, or the container itself on pages without panes. */
export function findZendeskPane(container: ParentNode, ref: string | null): Element | null {
  const root = container as Element;
  const selectors = s.paneSelectors(ref ?? '');
  if (typeof root.matches === 'function' && selectors.some((sel) => root.matches(sel))) return root;
  for (const sel of selectors) {
    const pane = container.querySelector(sel);
    if (pane) return pane;
  }
  return null;
}

const PRIORITY = { low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' } as const;
const STATUS = { new: 'new', open: 'open', pending: 'pending', hold: 'on-hold', 'on-hold': 'on-hold', solved: 'solved', closed: 'closed' } as const;

function pick<T extends Record<string, string>>(table: T, key: string | undefined): T[keyof T] | undefined {
  const k = key?.trim().toLowerCase();
  return k && Object.hasOwn(table, k) ? table[k as keyof T] : undefined;
}

function takeField(fields: Fields, label: string): string | undefined {
  const key = Object.keys(fields).find((k) => k.toLowerCase() === label);
  if (!key) return undefined;
  const value = fields[key];
  delete fields[key];
  return typeof value === 'string' ? value : undefined;
}

export function readZendeskTicketFromDom(document: Document, url: URL, policy: Policy): TicketRead {
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
  const priority = pick(PRIORITY, takeField(fields, 'priority'));
  const status = pick(STATUS, resolveFirst(document, s.status) ?? takeField(fields, 'status'));

  const items = s.commentItems.flatMap((sel) => Array.from(pane.querySelectorAll(sel)));
  const comments: TicketComment[] = items.flatMap((item) => {
    const body = resolveFirst(item, s.commentBody);
    if (body === undefined) return [];
    const authorName = resolveFirst(item, s.commentAuthor);
    const internal = item.querySelector(s.internalNoteMarker) !== null || item.matches(s.internalNoteMarkerLegacy);
    const author = !internal && authorName !== undefined && authorName === requesterName ? 'customer' : 'agent';
    return [{ author, public: !internal, body, at: toIsoDateTime(resolveFirst(item, s.commentTime)), authorName }];
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

  return normalizeTicket(
    {
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
    { helpdesk: 'zendesk', policy, unreadable },
  );
}
