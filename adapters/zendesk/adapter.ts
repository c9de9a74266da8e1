import { accountReader, apiReader, domReader } from '../shared/readers';
import type { HelpdeskAdapter } from '../types';
import { zendeskCurrentUserFromResponse, zendeskGroupsFromResponse } from './account';
import { zendeskTicketFromApiResponses } from './api';
import { zendeskTab } from './tab';

/** Zendesk: the tab's half (./tab.ts) and the validation of what it reads. */
export const zendesk = {
  ...zendeskTab,
  ticketFromApiResponses: zendeskTicketFromApiResponses,
  currentUserFromResponse: zendeskCurrentUserFromResponse,
  groupsFromResponse: zendeskGroupsFromResponse,
  readTicketFromApi: apiReader(zendeskTab, zendeskTicketFromApiResponses),
  readTicketFromDom: domReader(zendeskTab),
  readCurrentUser: accountReader(zendeskTab.accountPaths.currentUser, zendeskCurrentUserFromResponse),
  readGroups: accountReader(zendeskTab.accountPaths.groups, zendeskGroupsFromResponse),
} satisfies HelpdeskAdapter;
