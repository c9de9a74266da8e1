import type { TicketInput } from '../../core/ticket';

/**
 * Tickets the simulator offers, one per case of the support-levels model, so
 * an admin can see what a policy change does before pushing it. Times are
 * relative to the simulated "now" so queue clocks read the same every day.
 */
export interface SampleTicket {
  id: string;
  label: string;
  ticket: (now: Date) => TicketInput;
}

const minutesAgo = (now: Date, m: number) => new Date(now.getTime() - m * 60_000).toISOString();

export const SAMPLE_TICKETS: readonly SampleTicket[] = [
  {
    id: 'faq',
    label: 'FAQ: how do I export my invoices?',
    ticket: (now) => ({ id: 'SIM-1', subject: 'How do I export my invoices?', description: 'Where is the export button for invoices? Is there a FAQ?', createdAt: minutesAgo(now, 5), currentTier: 'T0' }),
  },
  {
    id: 'password-urgent',
    label: 'Urgent password reset',
    ticket: (now) => ({ id: 'SIM-2', subject: 'Locked out, cannot reset password', description: 'Password reset link does not arrive; we need access now.', priority: 'urgent', issueType: 'access', createdAt: minutesAgo(now, 3), currentTier: 'T1' }),
  },
  {
    id: 'billing-dispute',
    label: 'Billing dispute over $1,000',
    ticket: (now) => ({
      id: 'SIM-3',
      subject: 'Disputed invoice',
      description: 'We were charged twice for the annual plan and dispute the invoice.',
      issueType: 'billing',
      amount: { value: 2400, currency: 'USD' },
      createdAt: minutesAgo(now, 20),
      currentTier: 'T1',
    }),
  },
  {
    id: 'enterprise-waiting',
    label: 'Enterprise ticket 16 minutes at Tier 1',
    ticket: (now) => ({
      id: 'SIM-4',
      subject: 'SSO login fails for some users',
      description: 'Some of our users see an error after the SSO redirect.',
      requester: { customerTier: 'enterprise', organization: 'Globex' },
      issueType: 'configuration',
      currentTier: 'T1',
      tierEnteredAt: minutesAgo(now, 16),
      createdAt: minutesAgo(now, 16),
    }),
  },
  {
    id: 'security',
    label: 'Security breach reported in a comment',
    ticket: (now) => ({
      id: 'SIM-5',
      subject: 'Strange logins',
      description: 'We noticed logins from unknown countries.',
      comments: [{ author: 'customer', public: true, body: 'This looks like a security breach: someone exported our customer list.' }],
      createdAt: minutesAgo(now, 2),
      currentTier: 'T1',
    }),
  },
  {
    id: 'outage',
    label: 'Outage hitting thousands of users',
    ticket: (now) => ({ id: 'SIM-6', subject: 'Dashboard down for everyone', description: 'Nobody in our company can load the dashboard.', impactedUsers: 4200, priority: 'urgent', createdAt: minutesAgo(now, 4), currentTier: 'T1' }),
  },
];
