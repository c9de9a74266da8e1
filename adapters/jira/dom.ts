import { findIn, queryAllOf, readDomComments, resolveAll, resolveFirst } from '../shared/dom';
import type { Fields } from '../shared/policy-mapping';
import type { TicketScrape } from '../types';
import { JIRA_GROUP_FIELDS, jiraPriority, jiraStatus } from './names';
import { getJiraTicketRef } from './page-kind';
import * as s from './selectors';

/**
 * Reading a Jira issue from the issue view (own page, queue, or side panel),
 * for when the REST API is unreachable. The request type and SLAs are not on
 * the page in any way public code reads, so they are always listed as unreadable.
 */

const SIDE_PANEL = ['[data-testid="issue.views.issue-details.issue-layout.compact-layout"]', '[data-test-id="issue.views.issue-details.issue-layout.compact-layout"]'];

/** The issue view inside a container: the side panel when one is open, else the container. */
export function findJiraIssueRoot(container: ParentNode): ParentNode {
  return findIn(container, SIDE_PANEL) ?? container;
}

export function scrapeJiraTicket(document: Document, url: URL): TicketScrape {
  const unreadable: string[] = [];
  const root = findJiraIssueRoot(document);
  const ref = getJiraTicketRef(url) ?? resolveFirst(root, s.issueKey) ?? null;
  const subject = resolveFirst(root, s.summary);
  const reporterName = resolveFirst(root, s.reporter);
  const statusText = resolveFirst(root, s.status);
  const priorityText = resolveFirst(root, s.priority);
  const labels = resolveAll(root, s.labels);
  const fields: Fields = {};
  let group: string | undefined;
  let organization: string | undefined;
  for (const { name, value } of resolveAll(root, s.customFields) ?? []) {
    fields[name] = value;
    if (JIRA_GROUP_FIELDS.includes(name.toLowerCase())) group = value;
    if (name.toLowerCase() === 'organizations') organization = value.split(',')[0]?.trim();
  }

  const items = queryAllOf(root, s.commentItems);
  const comments = readDomComments(items, { body: s.commentBody, author: s.commentAuthor, time: s.commentTime }, (item, authorName) => {
    const internal = item.querySelector(s.internalCommentMarker) !== null;
    return { author: !internal && authorName !== undefined && authorName === reporterName ? 'customer' : 'agent', public: !internal };
  });

  if (!ref) unreadable.push('id');
  if (!subject) unreadable.push('subject');
  if (!reporterName) unreadable.push('requester');
  if (!statusText) unreadable.push('status');
  if (!priorityText) unreadable.push('priority');
  if (!labels) unreadable.push('tags');
  if (items.length === 0) unreadable.push('comments');
  unreadable.push('request type', 'sla');

  return {
    ticket: {
      id: ref ?? 'unknown',
      url: url.href,
      subject: subject ?? '',
      description: resolveFirst(root, s.description) ?? '',
      comments,
      requester: { name: reporterName, organization },
      priority: jiraPriority(priorityText),
      status: jiraStatus(statusText),
      tags: labels ?? [],
      fields,
      group,
      createdAt: comments[0]?.at,
    },
    unreadable,
  };
}
