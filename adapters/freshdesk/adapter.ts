import { createMountGetter, findIn } from '../shared/dom';
import type { HelpdeskAdapter } from '../types';
import { freshdeskTicketFromApiResponses, readFreshdeskTicketFromApi } from './api';
import { findFreshdeskTicketRoot, readFreshdeskTicketFromDom } from './dom';
import { getFreshdeskPageKind, getFreshdeskTicketRef } from './page-kind';
import { headerAnchor, observeTarget, sidebarAnchor } from './selectors';
import { buildFreshdeskWriteBack, readFreshdeskCsrfToken, readFreshdeskCurrentUser, readFreshdeskGroups } from './write-back';

/** The first anchor inside the ticket view (or, for the sidebar, anywhere on a ticket page). */
const anchorIn = (selectors: string[], scope: 'ticket' | 'page') => (container: Element) => {
  const root = findFreshdeskTicketRoot(container);
  const within = scope === 'ticket' ? root : root ? container : null;
  return within ? findIn(within, selectors) : null;
};

/** Freshdesk, the Ember agent UI at `/a/` (and the classic helpdesk page as a fallback). */
export const freshdesk = {
  id: 'freshdesk',
  name: 'Freshdesk',
  hosts: ['https://*.freshdesk.com/*'],
  getPageKind: getFreshdeskPageKind,
  getTicketRef: getFreshdeskTicketRef,
  readTicketFromApi: readFreshdeskTicketFromApi,
  ticketFromApiResponses: freshdeskTicketFromApiResponses,
  readTicketFromDom: readFreshdeskTicketFromDom,
  mounts: {
    badge: createMountGetter({ part: 'badge', findAnchor: anchorIn(headerAnchor, 'ticket'), position: 'after' }),
    checklist: createMountGetter({ part: 'checklist', findAnchor: anchorIn(sidebarAnchor, 'ticket'), position: 'after' }),
  },
  observeTarget,
  buildWriteBack: buildFreshdeskWriteBack,
  readCurrentUser: readFreshdeskCurrentUser,
  readGroups: readFreshdeskGroups,
  readCsrfToken: readFreshdeskCsrfToken,
} satisfies HelpdeskAdapter;
