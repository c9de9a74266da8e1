import { createMountGetter, findIn } from '../shared/dom';
import type { HelpdeskTab } from '../types';
import { findFreshdeskTicketRoot, scrapeFreshdeskTicket } from './dom';
import { fetchFreshdeskApiResponses, freshdeskApiPaths } from './fetch';
import { getFreshdeskPageKind, getFreshdeskTicketRef } from './page-kind';
import { headerAnchor, observeTarget, sidebarAnchor } from './selectors';
import { buildFreshdeskWriteBack, readFreshdeskCsrfToken } from './write-back';

/** The first anchor inside the ticket view. */
const anchorIn = (selectors: string[]) => (container: Element) => {
  const root = findFreshdeskTicketRoot(container);
  return root ? findIn(root, selectors) : null;
};

/** Freshdesk, the Ember agent UI at `/a/` (and the classic helpdesk page as a fallback): what the Freshdesk tab runs. */
export const freshdeskTab = {
  id: 'freshdesk',
  name: 'Freshdesk',
  hosts: ['https://*.freshdesk.com/*'],
  getPageKind: getFreshdeskPageKind,
  getTicketRef: getFreshdeskTicketRef,
  fetchApiResponses: fetchFreshdeskApiResponses,
  scrapeTicket: scrapeFreshdeskTicket,
  mounts: {
    badge: createMountGetter({ part: 'badge', findAnchor: anchorIn(headerAnchor), position: 'after' }),
    checklist: createMountGetter({ part: 'checklist', findAnchor: anchorIn(sidebarAnchor), position: 'after' }),
  },
  observeTarget,
  buildWriteBack: buildFreshdeskWriteBack,
  accountPaths: { currentUser: freshdeskApiPaths.currentUser, groups: freshdeskApiPaths.groups },
  readCsrfToken: readFreshdeskCsrfToken,
} satisfies HelpdeskTab;
