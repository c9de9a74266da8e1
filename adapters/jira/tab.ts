import { createMountGetter, findIn } from '../shared/dom';
import type { HelpdeskTab } from '../types';
import { findJiraIssueRoot, scrapeJiraTicket } from './dom';
import { fetchJiraApiResponses, jiraApiPaths } from './fetch';
import { getJiraPageKind, getJiraTicketRef } from './page-kind';
import { headerAnchor, observeTarget, sidebarAnchor } from './selectors';
import { buildJiraWriteBack } from './write-back';

const anchorIn = (selectors: string[]) => (container: Element) => findIn(findJiraIssueRoot(container), selectors);

/** Jira Service Management on Jira Cloud (issue page, queue and side panel): what the Jira tab runs. */
export const jiraTab = {
  id: 'jira',
  name: 'Jira Service Management',
  hosts: ['https://*.atlassian.net/*'],
  getPageKind: getJiraPageKind,
  getTicketRef: getJiraTicketRef,
  fetchApiResponses: fetchJiraApiResponses,
  scrapeTicket: scrapeJiraTicket,
  mounts: {
    badge: createMountGetter({ part: 'badge', findAnchor: anchorIn(headerAnchor), position: 'after' }),
    checklist: createMountGetter({ part: 'checklist', findAnchor: anchorIn(sidebarAnchor), position: 'after' }),
  },
  observeTarget,
  buildWriteBack: buildJiraWriteBack,
  accountPaths: { currentUser: jiraApiPaths.currentUser },
} satisfies HelpdeskTab;
