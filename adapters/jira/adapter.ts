import { accountReader, apiReader, domReader } from '../shared/readers';
import type { HelpdeskAdapter } from '../types';
import { jiraCurrentUserFromResponse } from './account';
import { jiraTicketFromApiResponses } from './api';
import { jiraTab } from './tab';

/** Jira Service Management: the tab's half (./tab.ts) and the validation of what it reads. */
export const jira = {
  ...jiraTab,
  ticketFromApiResponses: jiraTicketFromApiResponses,
  currentUserFromResponse: jiraCurrentUserFromResponse,
  readTicketFromApi: apiReader(jiraTab, jiraTicketFromApiResponses),
  readTicketFromDom: domReader(jiraTab),
  readCurrentUser: accountReader(jiraTab.accountPaths.currentUser, jiraCurrentUserFromResponse),
} satisfies HelpdeskAdapter;
