import { accountReader, apiReader, domReader } from '../shared/readers';
import type { HelpdeskAdapter } from '../types';
import { freshdeskCurrentUserFromResponse, freshdeskGroupsFromResponse } from './account';
import { freshdeskTicketFromApiResponses } from './api';
import { freshdeskTab } from './tab';

/** Freshdesk: the tab's half (./tab.ts) and the validation of what it reads. */
export const freshdesk = {
  ...freshdeskTab,
  ticketFromApiResponses: freshdeskTicketFromApiResponses,
  currentUserFromResponse: freshdeskCurrentUserFromResponse,
  groupsFromResponse: freshdeskGroupsFromResponse,
  readTicketFromApi: apiReader(freshdeskTab, freshdeskTicketFromApiResponses),
  readTicketFromDom: domReader(freshdeskTab),
  readCurrentUser: accountReader(freshdeskTab.accountPaths.currentUser, freshdeskCurrentUserFromResponse),
  readGroups: accountReader(freshdeskTab.accountPaths.groups, freshdeskGroupsFromResponse),
} satisfies HelpdeskAdapter;
