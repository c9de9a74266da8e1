import { createMountGetter, findIn } from '../shared/dom';
import type { HelpdeskTab } from '../types';
import { findZendeskPane, scrapeZendeskTicket } from './dom';
import { fetchZendeskApiResponses, zendeskApiPaths } from './fetch';
import { getZendeskPageKind, getZendeskTicketRef } from './page-kind';
import { headerAnchor, observeTarget, sidebarAnchor } from './selectors';
import { buildZendeskWriteBack, readZendeskCsrfToken } from './write-back';

const inActivePane = (selectors: string[]) => (container: Element) => findIn(findZendeskPane(container, null) ?? container, selectors);

/** Zendesk Support, Agent Workspace (and the pre-workspace ticket page as a fallback): what the Zendesk tab runs. */
export const zendeskTab = {
  id: 'zendesk',
  name: 'Zendesk',
  hosts: ['https://*.zendesk.com/*'],
  getPageKind: getZendeskPageKind,
  getTicketRef: getZendeskTicketRef,
  fetchApiResponses: fetchZendeskApiResponses,
  scrapeTicket: scrapeZendeskTicket,
  mounts: {
    badge: createMountGetter({ part: 'badge', findAnchor: inActivePane(headerAnchor), position: 'after' }),
    checklist: createMountGetter({ part: 'checklist', findAnchor: inActivePane(sidebarAnchor), position: 'append' }),
  },
  observeTarget,
  buildWriteBack: buildZendeskWriteBack,
  accountPaths: { currentUser: zendeskApiPaths.currentUser, groups: zendeskApiPaths.groups },
  readCsrfToken: readZendeskCsrfToken,
} satisfies HelpdeskTab;
