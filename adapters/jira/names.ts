/** Jira's status and priority names as Tierline's, for the API read and the page scrape alike (no zod: the tab runs it). */

/** Fields whose value is the team a request sits with (Jira issues have no helpdesk "group"). */
export const JIRA_GROUP_FIELDS = ['support group', 'team', 'group', 'assignment group', 'support level'];

const STATUS_NAMES: Record<string, 'pending' | 'on-hold' | 'solved' | 'closed' | 'open'> = {
  'waiting for customer': 'pending',
  pending: 'pending',
  'waiting for approval': 'pending',
  'on hold': 'on-hold',
  'waiting for third party': 'on-hold',
  'waiting for vendor': 'on-hold',
  resolved: 'solved',
  done: 'solved',
  completed: 'solved',
  closed: 'closed',
  canceled: 'closed',
  cancelled: 'closed',
  declined: 'closed',
};
const PRIORITY_NAMES: Record<string, 'low' | 'normal' | 'high' | 'urgent'> = { highest: 'urgent', blocker: 'urgent', critical: 'urgent', high: 'high', major: 'high', medium: 'normal', low: 'low', lowest: 'low', minor: 'low', trivial: 'low' };

export function jiraStatus(name: string | undefined, category?: string | null): 'open' | 'pending' | 'on-hold' | 'solved' | 'closed' | undefined {
  const byName = name ? STATUS_NAMES[name.trim().toLowerCase()] : undefined;
  if (byName) return byName;
  if (category === 'done') return 'solved';
  return category === 'new' || category === 'indeterminate' || name ? 'open' : undefined;
}

export function jiraPriority(name: string | undefined): 'low' | 'normal' | 'high' | 'urgent' | undefined {
  return name ? PRIORITY_NAMES[name.trim().toLowerCase()] : undefined;
}
