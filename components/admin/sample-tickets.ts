import { addBusinessMinutes, businessMinutesBetween, isOpenAt } from '../../core/clock/business-time';
import { MINUTE } from '../../core/clock/zone';
import type { Calendar, Policy } from '../../core/policy/schema';
import type { TicketInput } from '../../core/ticket';

/**
 * Tickets the simulator offers, one per case of the support-levels model, so
 * an admin can see what a policy change does before pushing it. Times are
 * relative to the simulated "now", which lies inside business hours (see
 * `simulatedNow`), so a story about waiting holds whenever the page is opened.
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
    label: 'FAQ: how do I export a report?',
    ticket: (now) => ({ id: 'SIM-1', subject: 'How do I export a report as CSV?', description: 'Where do I find the export button for the monthly report? Is there a guide?', createdAt: minutesAgo(now, 5), currentTier: 'T0' }),
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
    // A Tier 1 question: only the 16 business minutes of waiting move it up.
    id: 'enterprise-waiting',
    label: 'Enterprise ticket 16 minutes at Tier 1',
    ticket: (now) => ({
      id: 'SIM-4',
      subject: 'Invitation emails not arriving',
      description: 'We invited five new colleagues this morning, but none of them got the invitation email. Can you send them again?',
      requester: { customerTier: 'enterprise', organization: 'Globex' },
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
    // A major outage as customers write it: everything down, for everyone, since a time, with the error they see.
    id: 'outage',
    label: 'Outage hitting thousands of users',
    ticket: (now) => ({
      id: 'SIM-6',
      subject: 'Everything is down, nobody can log in',
      description: 'Since this morning your whole platform is down for all 4,200 users in our company: the login page returns 503 Service Unavailable and nothing loads. Our support floor is at a standstill.',
      impactedUsers: 4200,
      priority: 'urgent',
      createdAt: minutesAgo(now, 4),
      currentTier: 'T1',
    }),
  },
];

/** Open time the samples need before the simulated now: the longest wait a sample tells is 16 minutes. */
const OPEN_BEFORE_MINUTES = 120;

/** The calendar ordinary tickets run on: the default severity's, else the first with business hours. */
export function businessCalendarOf(policy: Policy): Calendar | undefined {
  const id = policy.severities.find((s) => s.id === policy.defaultSeverity)?.calendar;
  const own = policy.calendars.find((c) => c.id === id);
  return own && !own.alwaysOpen ? own : policy.calendars.find((c) => !c.alwaysOpen);
}

/**
 * When the simulator decides: the real time when the business calendar has
 * been open for the last two hours, else the first moment it will have been
 * (Saturday 15:00 → Monday 11:00 with Mon–Fri 09:00–17:00 hours), so
 * "16 minutes at Tier 1" means 16 business minutes whatever the hour.
 *
 * @example
 * simulatedNow(defaultPolicy, new Date('2026-03-07T14:00:00Z')) // 2026-03-09T10:00:00.000Z (Monday 11:00 in Berlin)
 */
export function simulatedNow(policy: Policy, real: Date): Date {
  const calendar = businessCalendarOf(policy);
  if (!calendar) return real;
  const since = new Date(real.getTime() - OPEN_BEFORE_MINUTES * MINUTE);
  if (isOpenAt(calendar, real) && businessMinutesBetween(calendar, since, real) >= OPEN_BEFORE_MINUTES) return real;
  const later = addBusinessMinutes(calendar, real, OPEN_BEFORE_MINUTES);
  return later ? new Date(later) : real;
}
