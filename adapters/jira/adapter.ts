import { createMountGetter, findIn } from '../shared/dom';
import type { HelpdeskAdapter } from '../types';
import { jiraTicketFromApiResponses, readJiraTicketFromApi } from './api';
import { findJiraIssueRoot, readJiraTicketFromDom } from './dom';
import { getJiraPageKind, getJiraTicketRef } from './page-kind';
import { headerAnchor, observeTarget, sidebarAnchor } from './selectors';
import { buildJiraWriteBack, readJiraCurrentUser } from './write-back';

const anchorIn = (selectors: string[]) => (container: Element) => findIn(findJiraIssueRoot(container), selectors);

/** Jira Service Management on Jira Cloud: issue page, queue and side panel. */
export const jira = {
  id: 'jira',
  name: 'Jira Service Management',
  hosts: ['https://*.atlassian.net/*'],
  getPageKind: getJiraPageKind,
  getTicketRef: getJiraTicketRef,
  readTicketFromApi: readJiraTicketFromApi,
  ticketFromApiResponses: jiraTicketFromApiResponses,
  readTicketFromDom: readJiraTicketFromDom,
  mounts: {
    badge: createMountGetter({ part: 'badge', findAnchor: anchorIn(headerAnchor), position: 'after' }),
    checklist: createMountGetter({ part: 'checklist', findAnchor: anchorIn(sidebarAnchor), position: 'after' }),
  },
  observeTarget,
  buildWriteBack: buildJiraWriteBack,
  readCurrentUser: readJiraCurrentUser,
} satisfies HelpdeskAdapter;
