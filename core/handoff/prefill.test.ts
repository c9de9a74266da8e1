import { describe, expect, it } from 'vitest';
import { checkHandoff } from './check';
import { handoffPacketSchema } from './packet';
import { HANDOFF_NOTE_MARKER } from './render';
import { requiredItems } from './stages';
import { defaultPolicy } from '../policy/default-policy';
import type { Policy } from '../policy/schema';
import { decisionSchema } from '../route/decision';
import { ticketSchema, type TierId } from '../ticket';
import { billingDecision, hostileTicket } from './__fixtures__/decisions';
import { prefillHandoff, prefillSourceOf, readTicketFacts } from './prefill';
import { readImpactedUsers } from '../view/impact';

describe('readTicketFacts', () => {
  it('finds error codes and links in comments and the steps agents wrote in internal notes', () => {
    const facts = readTicketFacts(hostileTicket, billingDecision);
    expect(facts.errorCodes).toEqual(['ERR_PAYMENT_402']);
    expect(facts.links).toEqual(['https://status.acme.test/incidents/42']);
    expect(facts.agentSteps).toEqual(['Cleared cache and retried the charge: same error.']);
    expect(facts.customerTier).toBe('enterprise');
    expect(facts.severity).toBe('Normal');
  });
});

describe('prefillHandoff', () => {
  it('fills summary, steps, evidence and reason from the ticket, and leaves business impact and the owner to the agent', () => {
    const values = prefillHandoff(
      [
        { id: 'summary', label: 'Issue summary' },
        { id: 'steps-tried', label: 'Troubleshooting steps already tried' },
        { id: 'technical-evidence', label: 'Technical evidence' },
        { id: 'business-impact', label: 'Business impact' },
        { id: 'escalation-reason', label: 'Escalation reason' },
        { id: 'communication-owner', label: 'Communication owner' },
      ],
      hostileTicket,
      billingDecision,
    );
    expect(values.summary).toBe('<img src=x onerror="window.__pwned=1"> Refund');
    expect(values['steps-tried']).toBe('Cleared cache and retried the charge: same error.');
    expect(values['technical-evidence']).toBe('Error code ERR_PAYMENT_402\nhttps://status.acme.test/incidents/42');
    // Issue 10: tier and severity are not the customer's context; only the agent can say how the business is hit.
    expect(values['business-impact']).toBeUndefined();
    expect(values['escalation-reason']).toBe('Billing dispute over $1,000');
    expect(values['communication-owner']).toBeUndefined();
  });

  it('answers a policy’s own items by a label that names the source, and never what only a person can say', () => {
    expect(prefillSourceOf({ id: 'affected', label: 'Number of affected users' })).toBe('impacted-users');
    expect(prefillSourceOf({ id: 'codes', label: 'Error codes seen' })).toBe('error-codes');
    expect(prefillSourceOf({ id: 'ask', label: 'What is needed from Tier 3' })).toBeNull();
    expect(prefillSourceOf({ id: 'mood', label: 'Customer context (emotional state)' })).toBeNull();
    expect(prefillSourceOf({ id: 'impact', label: 'Business impact' })).toBeNull();
  });
});

/** A ticket rich in everything a source could misuse: the helpdesk's own links, an earlier handoff note, a macro, a quoted reply. */
const PREVIOUS_NOTE = [
  `${HANDOFF_NOTE_MARKER} T1→T2 by ana]`,
  'Handoff: Tier 1: Frontline → Tier 2: Technical',
  '',
  'What has already been tried?',
  '  Rotated the API key (ERR_AUTH_401).',
  '',
  'Customer context and business impact:',
  '  Enterprise customer, 5,000 users blocked, very angry.',
].join('\n');

const rich = ticketSchema.parse({
  id: '4711',
  helpdesk: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/4711',
  subject: 'Checkout fails at the payment step',
  description: [
    'Since this morning all 1,200 users get ERR_CHECKOUT_500 at checkout. We are furious, this is the third time this month.',
    '',
    'Steps to reproduce:',
    '1. Add any item to the cart',
    '2. Press Pay',
    '',
    'Screenshot: https://files.initech.test/shots/checkout-error.png',
    'Log:',
    '2026-03-03T09:01:12Z ERROR payment-gateway timeout after 30s',
  ].join('\n'),
  comments: [
    { author: 'customer', public: true, body: 'Our status page: https://status.initech.test/incidents/9. My request: https://acme.zendesk.com/hc/requests/4711 (also https://support.initech.test/tickets/4711).' },
    { author: 'agent', public: false, body: 'Restarted the checkout worker; still HTTP 502.' },
    { author: 'agent', public: false, body: PREVIOUS_NOTE },
    { author: 'agent', public: true, body: 'We are looking into it. If all 10,000 customers see E9999, clear the cache.' },
    { author: 'customer', public: true, body: 'Still broken.\n\nOn Tue, 3 Mar 2026, Support wrote:\n> Do you see ERR_QUOTED_999?' },
  ],
  requester: { id: 'u-77', email: 'dana@initech.test', customerTier: 'enterprise' },
  priority: 'urgent',
  currentTier: 'T1',
});

const richDecision = decisionSchema.parse({
  ...billingDecision,
  ticketId: '4711',
  tier: 'T3',
  role: 'engineering-product',
  severity: 'critical',
  severityName: 'Critical (urgent)',
  triggers: [
    { id: 'systemic-many-users', kind: 'systemic', description: 'Many users are affected (100 or more).', action: 'Escalate', toTier: 'T3', bypass: false },
    { id: 'sentiment-furious', kind: 'sentiment', description: 'A furious first contact: a warning, no tier move.', action: 'Take care', bypass: false, warnOnly: true },
  ],
});

/** Every item the default policy defines, base and every stage, once. */
const allItems = requiredItems(defaultPolicy, { from: 'T0', to: 'T4' });
// The worker reads the head-count with the router's text pipeline and hands it over in the view (core/view/impact.ts).
const values = prefillHandoff(allItems, rich, richDecision, { impactedUsers: readImpactedUsers(rich) });

const EVIDENCE = [
  'Error code ERR_CHECKOUT_500',
  'Error code HTTP 502',
  '2026-03-03T09:01:12Z ERROR payment-gateway timeout after 30s',
  'https://files.initech.test/shots/checkout-error.png',
  '1. Add any item to the cart',
  '2. Press Pay',
  'https://status.initech.test/incidents/9',
].join('\n');

/** What each default-policy item may hold, from its own source only; absent: only the agent fills it. */
const EXPECTED: Record<string, string | undefined> = {
  summary: 'Checkout fails at the payment step',
  'steps-tried': 'Restarted the checkout worker; still HTTP 502.',
  evidence: EVIDENCE,
  'business-impact': undefined,
  'escalation-reason': 'Many users are affected (100 or more).',
  'communication-owner': undefined,
  'user-id': 'u-77',
  'search-queries': undefined,
  'failed-self-service-path': undefined,
  'steps-taken': 'Restarted the checkout worker; still HTTP 502.',
  'account-configuration': undefined,
  screenshots: 'https://files.initech.test/shots/checkout-error.png',
  'customer-tier-sla': 'Customer tier: enterprise\nSeverity: Critical (urgent)',
  logs: '2026-03-03T09:01:12Z ERROR payment-gateway timeout after 30s',
  'reproduction-steps': '1. Add any item to the cart\n2. Press Pay',
  'error-codes': 'ERR_CHECKOUT_500, HTTP 502',
  'impacted-users': '1200 (the ticket says “all 1,200 users”)',
  'vendor-evidence': EVIDENCE,
  'internal-diagnostics': undefined,
  'contractual-authority': undefined,
};

/** Words only one source holds, and the items that source answers. */
const OWNED_BY: [string, string[]][] = [
  ['Checkout fails at the payment step', ['summary']],
  ['Restarted the checkout worker', ['steps-tried', 'steps-taken']],
  ['ERR_CHECKOUT_500', ['error-codes', 'evidence', 'vendor-evidence']],
  ['payment-gateway timeout', ['logs', 'evidence', 'vendor-evidence']],
  ['checkout-error.png', ['screenshots', 'evidence', 'vendor-evidence']],
  ['Press Pay', ['reproduction-steps', 'evidence', 'vendor-evidence']],
  ['status.initech.test', ['evidence', 'vendor-evidence']],
  ['1,200', ['impacted-users']],
  ['1200', ['impacted-users']],
  ['enterprise', ['customer-tier-sla']],
  ['Critical', ['customer-tier-sla']],
  ['Many users are affected', ['escalation-reason']],
  ['u-77', ['user-id']],
];

/** What no item may hold: the helpdesk's own pages, an earlier packet, a macro, a quoted reply, a warning-only trigger, the customer's mood. */
const NOWHERE = ['acme.zendesk.com', 'support.initech.test', HANDOFF_NOTE_MARKER, 'Rotated the API key', 'ERR_AUTH_401', '5,000', '10,000', 'E9999', 'ERR_QUOTED_999', 'a warning, no tier move', 'furious', 'angry'];

describe('prefill of every default-policy item from its own source', () => {
  it('covers every item the default policy defines', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(allItems.map((i) => i.id).sort());
  });

  it.each(allItems.map((item) => [item.label, item.id] as const))('fills "%s" only from its own source', (_label, id) => {
    expect(values[id]).toBe(EXPECTED[id]);
    const value = values[id] ?? '';
    for (const [words, owners] of OWNED_BY) {
      if (!owners.includes(id)) expect(value, `"${id}" holds "${words}", which only ${owners.join(', ')} may`).not.toContain(words);
    }
    for (const words of NOWHERE) expect(value).not.toContain(words);
  });

  it('reads the helpdesk’s origin as given, not only from the ticket’s URL', () => {
    const onCustomDomain = ticketSchema.parse({ ...rich, url: undefined, comments: [{ author: 'customer', public: true, body: 'See https://help.initech.test/agent/filters/12 and https://files.initech.test/a.png' }] });
    expect(prefillHandoff([{ id: 'evidence', label: 'Technical evidence' }], onCustomDomain, richDecision, { helpdeskOrigin: 'https://help.initech.test' }).evidence).not.toContain('help.initech.test');
  });

  it('leaves out a summary provider’s lines that retell an earlier packet', () => {
    const summary = { problem: 'Checkout times out at the payment gateway.', done: ['Restarted the worker.', `${HANDOFF_NOTE_MARKER} T1→T2 by ana] Rotated the API key.`] };
    const filled = prefillHandoff([{ id: 'summary', label: 'Issue summary' }, { id: 'steps-tried', label: 'Troubleshooting steps tried' }], rich, richDecision, { summary });
    expect(filled).toEqual({ summary: 'Checkout times out at the payment gateway.', 'steps-tried': 'Restarted the worker.' });
  });
});

const blocking: Policy = { ...defaultPolicy, handoff: { ...defaultPolicy.handoff, mode: 'block' } };

/** The packet as the checklist opens it: every prefilled value untouched, none confirmed. */
function untouchedPacket(from: TierId, to: TierId, confirm = false) {
  const prefill = prefillHandoff(requiredItems(blocking, { from, to }), rich, richDecision, { impactedUsers: readImpactedUsers(rich) });
  return handoffPacketSchema.parse({
    id: 'p',
    ticketId: rich.id,
    helpdesk: 'zendesk',
    from,
    to,
    items: Object.fromEntries(Object.entries(prefill).map(([id, value]) => [id, { value, source: 'prefill', confirmed: confirm }])),
    createdAt: '2026-03-03T10:00:00Z',
    updatedAt: '2026-03-03T10:00:00Z',
  });
}

const MOVES: [TierId, TierId][] = [
  ['T0', 'T1'],
  ['T1', 'T2'],
  ['T2', 'T3'],
  ['T3', 'T4'],
  ['T1', 'T4'],
];

describe('an untouched prefilled packet', () => {
  it.each(MOVES)('scores below the block threshold from %s to %s, however much the ticket holds', (from, to) => {
    const check = checkHandoff(blocking, untouchedPacket(from, to), { from, to });
    // "block" lets only a complete packet through: the threshold is every required item, written or confirmed.
    expect(check.score).toBe(0);
    expect(check.blocked).toBe(true);
    // Even with every prefill right, what only a person can say is still missing.
    expect(check.filledScore).toBeLessThan(100);
    expect(check.missing.map((m) => m.id)).toEqual(expect.arrayContaining(['business-impact', 'communication-owner']));
  });

  it.each(MOVES)('scores what it holds once the agent confirms the prefill, from %s to %s', (from, to) => {
    const before = checkHandoff(blocking, untouchedPacket(from, to), { from, to });
    const after = checkHandoff(blocking, untouchedPacket(from, to, true), { from, to });
    expect(after.score).toBeGreaterThan(before.score);
    expect(after.score).toBe(before.filledScore);
    expect(after.unconfirmed).toEqual([]);
  });
});
