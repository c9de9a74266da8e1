import { findIn, queryAllOf, readDomComments, resolveAll, resolveFirst } from '../shared/dom';
import type { Fields } from '../shared/policy-mapping';
import { pickLabel } from '../shared/text';
import type { TicketScrape } from '../types';
import { getFreshdeskTicketRef } from './page-kind';
import * as s from './selectors';

/** Reading a Freshdesk ticket from the agent page, for when the API is unreachable. */

const STATUS = { open: 'open', pending: 'pending', resolved: 'solved', closed: 'closed', 'waiting on customer': 'pending', 'waiting on third party': 'on-hold' } as const;
const PRIORITY = { low: 'low', medium: 'normal', high: 'high', urgent: 'urgent' } as const;

/** The ticket view inside a container, or null when the container shows no Freshdesk ticket. */
export function findFreshdeskTicketRoot(container: Element | Document): Element | null {
  return findIn(container, s.ticketRoot);
}

/** "[#2001] Subject : Acme Support" → "Subject". */
const subjectFromTitle = (title: string) => /^\s*\[#\d+\]\s*(.+?)\s*:\s*[^:]*$/.exec(title)?.[1];

export function scrapeFreshdeskTicket(document: Document, url: URL): TicketScrape {
  const unreadable: string[] = [];
  const root = findFreshdeskTicketRoot(document) ?? document;
  const ref = getFreshdeskTicketRef(url) ?? resolveFirst(document, s.ticketNumber) ?? null;
  const subject = resolveFirst(root, s.subject) ?? subjectFromTitle(document.title);
  const requesterName = resolveFirst(document, s.requesterName);
  const group = resolveFirst(root, s.group);
  const status = pickLabel(STATUS, resolveFirst(root, s.status));
  const priority = pickLabel(PRIORITY, resolveFirst(root, s.priority));
  const type = resolveFirst(root, s.type);
  const tags = resolveAll(root, s.tags);
  const fields: Fields = {};
  for (const { name, value } of resolveAll(root, s.customFields) ?? []) fields[name] = value;
  if (type) fields.Type = type;

  const items = queryAllOf(document, s.conversationItems);
  const comments = readDomComments(items, { body: s.conversationBody, author: s.conversationAuthor, time: s.conversationTime }, (item, authorName) => {
    const isPrivate = item.matches(s.privateNote);
    const fromCustomer = !isPrivate && (item.matches(s.incoming) || (authorName !== undefined && authorName === requesterName));
    return { author: fromCustomer ? 'customer' : 'agent', public: !isPrivate };
  });

  if (!ref) unreadable.push('id');
  if (!subject) unreadable.push('subject');
  if (!requesterName) unreadable.push('requester');
  if (!group) unreadable.push('group');
  if (!tags) unreadable.push('tags');
  if (!priority) unreadable.push('priority');
  if (!status) unreadable.push('status');
  if (items.length === 0) unreadable.push('comments');

  const email = resolveFirst(document, s.requesterEmail)?.replace(/^mailto:/, '');
  return {
    ticket: {
      id: ref ?? 'unknown',
      url: url.href,
      subject: subject ?? '',
      description: comments[0]?.body ?? '',
      comments,
      requester: { name: requesterName, email, organization: resolveFirst(document, s.requesterCompany) },
      priority,
      status,
      tags: tags ?? [],
      fields,
      group,
      createdAt: comments[0]?.at,
    },
    unreadable,
  };
}
