import { createMountGetter, findIn } from '../shared/dom';
import type { HelpdeskAdapter } from '../types';
import { readZendeskTicketFromApi, zendeskTicketFromApiResponses } from './api';
import { findZendeskPane, readZendeskTicketFromDom } from './dom';
import { getZendeskPageKind, getZendeskTicketRef } from './page-kind';
import { headerAnchor, observeTarget, sidebarAnchor } from './selectors';
import { buildZendeskWriteBack, readZendeskCsrfToken, readZendeskCurrentUser, readZendeskGroups } from './write-back';

const inActivePane = (selectors: string[]) => (container: Element) => findIn(findZendeskPane(container, null) ?? container, selectors);

/** Zendesk Support, Agent Workspace (and the pre-workspace ticket page as a fallback). */
export const zendesk = {
  id: 'zendesk',
  name: 'Zendesk',
  hosts: ['https://*.zendesk.com/*'],
  getPageKind: getZendeskPageKind,
  getTicketRef: getZendeskTicketRef,
  readTicketFromApi: readZendeskTicketFromApi,
  ticketFromApiResponses: zendeskTicketFromApiResponses,
  readTicketFromDom: readZendeskTicketFromDom,
  mounts: {
    badge: createMountGetter({ part: 'badge', findAnchor: inActivePane(headerAnchor), position: 'after' }),
    checklist: createMountGetter({ part: 'checklist', findAnchor: inActivePane(sidebarAnchor), position: 'append' }),
  },
  observeTarget,
  buildWriteBack: buildZendeskWriteBack,
  readCurrentUser: readZendeskCurrentUser,
  readGroups: readZendeskGroups,
  readCsrfToken: readZendeskCsrfToken,
} satisfies HelpdeskAdapter;
