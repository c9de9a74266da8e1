/** Decisions and tickets shaped by the shared schemas, for the prefill tests. */
import { type Decision, decisionSchema } from '../../route/decision';
import { type Ticket, ticketSchema } from '../../ticket';

/** A billing dispute over $1,000 routed sideways to the Billing Specialist on 2026-03-02. */
export const billingDecision: Decision = decisionSchema.parse({
  ticketId: '1042',
  tier: 'T1',
  role: 'billing-specialist',
  roleName: 'Billing Specialist',
  severity: 'normal',
  severityName: 'Normal',
  issueType: 'billing',
  bypass: false,
  triggers: [
    {
      id: 'billing-dispute-over-1000',
      kind: 'contractual',
      description: 'Billing dispute over $1,000',
      action: 'Assign to the Billing Specialist queue',
      toRole: 'billing-specialist',
      bypass: false,
    },
  ],
  clock: { timeInQueueMinutes: 12, remainingMinutes: 108, breached: false, paused: false, calendar: 'business', dueAt: '2026-03-02T11:00:00Z' },
  reasons: [
    { about: 'issue-type', rule: 'issueTypes.billing', text: 'The ticket mentions an invoice dispute.', saw: { text: 'invoice' } },
    { about: 'role', rule: 'triggers[4]', text: 'Disputed amount $2,400 is over $1,000.', saw: { amount: 2400 } },
  ],
  policyRevision: 3,
});

/** A security breach that bypasses Tier 1–2. */
export const breachDecision: Decision = decisionSchema.parse({
  ...billingDecision,
  ticketId: '1043',
  tier: 'T4',
  role: 'security-engineer',
  roleName: 'Security Engineer',
  severity: 'critical',
  severityName: 'Critical',
  bypass: true,
  triggers: [
    {
      id: 'security-breach',
      kind: 'severity',
      description: 'Security breach reported',
      action: 'Page the on-call Security Engineer now',
      toTier: 'T4',
      toRole: 'security-engineer',
      bypass: true,
    },
  ],
  clock: { timeInQueueMinutes: 75, remainingMinutes: -15, breached: true, paused: false, calendar: '24x7' },
  reasons: [{ about: 'trigger', rule: 'triggers[0]', text: 'The text says "breach".', saw: {} }],
});

export const hostileTicket: Ticket = ticketSchema.parse({
  id: '666',
  subject: '<img src=x onerror="window.__pwned=1"> Refund',
  description: '<script>window.__pwned=1</script> please help',
  comments: [
    { author: 'customer', public: true, body: 'Got ERR_PAYMENT_402 again, see https://status.acme.test/incidents/42' },
    { author: 'agent', public: false, body: 'Cleared cache and retried the charge: same error.' },
    { author: 'agent', public: true, body: 'We are looking into it.' },
  ],
  requester: { customerTier: 'enterprise', email: 'dana@example.com' },
});
