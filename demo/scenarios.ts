/**
 * The demo tickets, helpdesk-neutral: each vendor module turns them into that
 * vendor's API JSON and agent page. One of each case the support-levels model
 * is about, plus a hostile ticket that tries to run script in the overlay, and
 * a ticket Tier 1 already escalated with a Tierline handoff note for Tier 2 to confirm.
 */

/** An internal note as the overlay writes it on escalation (core/handoff renderPacketText), sent by another agent. */
const HANDOFF_NOTE = [
  '[Tierline handoff T1→T2 by ana]',
  'Handoff: Tier 1: Frontline → Tier 2: Technical',
  'Ticket · communication owner: Ana',
  '',
  'What is the problem?',
  '  Salesforce webhooks fail with 401 (ERR_AUTH_401) since the key rotation.',
  '',
  'What has already been tried?',
  '  Rotated the API key and re-sent event 88412.',
  '',
  'What is needed from Tier 2: Technical?',
  '  Check the token scope on the webhook backend.',
  '',
  'Customer context and business impact:',
  '  Premium customer, orders not syncing since Tuesday.',
].join('\n');

export type ScenarioKey = 'faq' | 'billing' | 'breach' | 'enterprise' | 'hostile' | 'handoff';
export type Plan = 'Free' | 'Standard' | 'Premium' | 'Enterprise';

export interface DemoComment {
  author: 'customer' | 'agent';
  /** false: an internal note. */
  public: boolean;
  body: string;
  minutesAgo: number;
  /** Written through the demo API by the signed-in agent (the overlay's write-back) at this instant, not part of the scenario. */
  writtenAt?: string;
}

/** The agent signed in to a demo helpdesk: whom its current-user API names and who writes what the overlay sends. */
export interface DemoAgent {
  name: string;
  email: string;
}

/**
 * A demo ticket as it stands: the scenario's tags, group and comments plus
 * whatever was written back since the routes were made (each `demoRoutes()` /
 * `startDemoServer()` starts from the scenarios again). Writing back changes
 * it as the helpdesk would, so a reload or a retried escalation sees the note
 * and the move that already happened.
 */
export interface TicketState {
  tags: string[];
  /** The vendor's group name ("Tier 1", "Tier 1 - Frontline", "Billing"). */
  group: string;
  comments: DemoComment[];
  /** Group and tag changes written back, oldest first (Zendesk shows them as audits). */
  changes: { at: string; group?: { from: string; to: string }; tags?: { from: string[]; to: string[] } }[];
  /**
   * When the route table was made: a scenario's "minutes ago" count back from here, so a ticket's creation and
   * conversation times stay put from one request to the next, as a real helpdesk's do.
   */
  openedAt: Date;
}

export function initialState(s: Scenario, group: string = s.group, openedAt: Date = new Date()): TicketState {
  return { tags: [...s.tags], group, comments: s.comments.map((c) => ({ ...c })), changes: [], openedAt };
}

/** Records a write-back's group and tag change on the ticket, as an audit entry when something changed. */
export function applyMove(state: TicketState, { tags, group }: { tags?: string[]; group?: string }, now: Date): void {
  const at = minutesBefore(now, 0);
  const change: TicketState['changes'][number] = { at };
  if (group !== undefined && group !== state.group) {
    change.group = { from: state.group, to: group };
    state.group = group;
  }
  if (tags !== undefined && (tags.length !== state.tags.length || tags.some((t, i) => t !== state.tags[i]))) {
    change.tags = { from: state.tags, to: tags };
    state.tags = tags;
  }
  if (change.group || change.tags) state.changes.push(change);
}

/** Adds an internal note (or reply) by the signed-in agent, written now. */
export function addAgentComment(state: TicketState, body: string, isPublic: boolean, now: Date): DemoComment {
  const comment: DemoComment = { author: 'agent', public: isPublic, body, minutesAgo: 0, writtenAt: minutesBefore(now, 0) };
  state.comments.push(comment);
  return comment;
}

/** When a comment was written: its write-back instant, else the scenario's minutes before `now`. */
export function commentAt(c: DemoComment, now: Date): string {
  return c.writtenAt ?? minutesBefore(now, c.minutesAgo);
}

export interface Scenario {
  key: ScenarioKey;
  /** What the overlay should say, for the README and the tests. */
  expect: { trigger?: string; bypass: boolean };
  subject: string;
  description: string;
  comments: DemoComment[];
  requester: { name: string; email: string };
  organization: { name: string; plan: Plan };
  priority: 'low' | 'normal' | 'high' | 'urgent';
  tags: string[];
  /** The support group, which maps to the current tier. */
  group: string;
  disputedAmount?: number;
  createdMinutesAgo: number;
}

/** Seven days: long enough that any business-hours calendar has run past every time trigger. */
const WEEK = 7 * 24 * 60;

export const SCENARIOS: readonly Scenario[] = [
  {
    key: 'faq',
    expect: { bypass: false },
    subject: 'How do I export my invoices as PDF?',
    description: 'Hi, where in the dashboard can I download all invoices for last year as PDF files?',
    comments: [{ author: 'customer', public: true, body: 'Hi, where in the dashboard can I download all invoices for last year as PDF files?', minutesAgo: 20 }],
    requester: { name: 'Mia Chen', email: 'mia@smallshop.test' },
    organization: { name: 'Small Shop', plan: 'Standard' },
    priority: 'low',
    tags: ['how_to'],
    group: 'Tier 1',
    createdMinutesAgo: 20,
  },
  {
    key: 'billing',
    expect: { trigger: 'contractual-billing-dispute', bypass: true },
    subject: 'Charged twice for the annual plan — please refund $2,400',
    description: 'Our card was charged twice for the annual plan on invoice INV-2291. We dispute the second charge of $2,400.',
    comments: [
      { author: 'customer', public: true, body: 'Our card was charged twice for the annual plan on invoice INV-2291. We dispute the second charge of $2,400.', minutesAgo: 90 },
      { author: 'agent', public: false, body: 'Checked the payment provider: two captures, ids ch_1 and ch_2. Error code BILLING_DUP_402 on the second.', minutesAgo: 60 },
    ],
    requester: { name: 'Tom Rivera', email: 'tom@northwind.test' },
    organization: { name: 'Northwind', plan: 'Premium' },
    priority: 'normal',
    tags: ['billing_question'],
    group: 'Tier 1',
    disputedAmount: 2400,
    createdMinutesAgo: 90,
  },
  {
    key: 'breach',
    expect: { trigger: 'severity-security-breach', bypass: true },
    subject: 'Unauthorized access to our admin account',
    description: 'Someone logged into our admin account from an unknown country last night and created API keys. We think we were hacked.',
    comments: [
      { author: 'customer', public: true, body: 'Someone logged into our admin account from an unknown country last night and created API keys. We think we were hacked.', minutesAgo: 25 },
      { author: 'agent', public: false, body: 'Audit log shows logins from 203.0.113.9 at 02:14 UTC; see https://admin.acme.test/audit/88213', minutesAgo: 10 },
    ],
    requester: { name: 'Priya Nair', email: 'priya@globex.test' },
    organization: { name: 'Globex', plan: 'Enterprise' },
    priority: 'high',
    tags: [],
    group: 'Tier 1',
    createdMinutesAgo: 25,
  },
  {
    key: 'enterprise',
    expect: { trigger: 'time-enterprise-t1', bypass: false },
    subject: 'SSO login loops back to the sign-in page',
    description: 'Since this morning our users are sent back to the sign-in page after the SSO redirect. Error SSO_LOOP_302 in the console.',
    comments: [
      { author: 'customer', public: true, body: 'Since this morning our users are sent back to the sign-in page after the SSO redirect. Error SSO_LOOP_302 in the console.', minutesAgo: WEEK },
      { author: 'agent', public: false, body: 'Asked for a HAR file; cleared the IdP metadata cache; still looping.', minutesAgo: WEEK - 30 },
    ],
    requester: { name: 'Lena Vogel', email: 'lena@initech.test' },
    organization: { name: 'Initech', plan: 'Enterprise' },
    priority: 'normal',
    tags: ['sso'],
    group: 'Tier 1',
    createdMinutesAgo: WEEK,
  },
  {
    key: 'hostile',
    expect: { bypass: false },
    subject: '<img src=x onerror="window.__pwned=1;alert(1)"> Invoice question <script>window.__pwned=1</script>',
    description: '<script>window.__pwned=1;alert("xss")</script>Hello, I have a question about my invoice.',
    comments: [
      { author: 'customer', public: true, body: '<script>window.__pwned=1;alert("xss")</script>Hello, I have a question about my invoice.', minutesAgo: 15 },
      { author: 'customer', public: true, body: '<svg onload="window.__pwned=1"></svg><a href="javascript:window.__pwned=1">click me</a> "><iframe src=javascript:alert(1)>', minutesAgo: 5 },
    ],
    requester: { name: '<b onmouseover="window.__pwned=1">Mallory</b>', email: 'mallory@evil.test' },
    organization: { name: 'Evil Corp', plan: 'Free' },
    priority: 'normal',
    tags: [],
    group: 'Tier 1',
    createdMinutesAgo: 15,
  },
  {
    key: 'handoff',
    expect: { bypass: false },
    subject: 'Salesforce webhooks return 401',
    description: 'Our Salesforce webhooks have failed with 401 since yesterday. Orders are not syncing.',
    comments: [
      { author: 'customer', public: true, body: 'Our Salesforce webhooks have failed with 401 since yesterday. Orders are not syncing.', minutesAgo: 120 },
      { author: 'agent', public: false, body: HANDOFF_NOTE, minutesAgo: 30 },
    ],
    requester: { name: 'Omar Haddad', email: 'omar@umbrella.test' },
    organization: { name: 'Umbrella', plan: 'Premium' },
    priority: 'normal',
    tags: ['integrations'],
    group: 'Tier 2',
    createdMinutesAgo: 120,
  },
];

export function scenario(key: ScenarioKey): Scenario {
  const found = SCENARIOS.find((s) => s.key === key);
  if (!found) throw new Error(`no demo scenario "${key}"`);
  return found;
}

/** ISO time `minutes` before `now`. */
export function minutesBefore(now: Date, minutes: number): string {
  return new Date(now.getTime() - minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
