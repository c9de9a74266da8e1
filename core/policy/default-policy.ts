import type { Condition } from '../conditions/schema';
import {
  ALL_USERS, ANNOYED, API_DEFECT, DELIBERATE, ELSEWHERE, OUTAGE_SUBJECT, API_NAMED, SERVER_ERROR, BILLING_DISPUTE, BUSINESS_STOPPED, CANCELLATION, DATA_LOSS, FURY, HUMAN_REQUESTED, ISSUE_TYPE_WORDS, LEGAL, MAJOR_OUTAGE, NEEDS_BACKEND,
  PLANNED_MAINTENANCE, REPEAT_CONTACT, REST_WORKS, SECURITY_INCIDENT, SOLVED,
} from './default-phrases';
import type { TierId } from '../ticket';
import { type Policy, type PolicyInput, policySchema } from './schema';

/**
 * The default policy: the support-levels model of the spec article, as data.
 * Tier 0 self-service to Tier 4 specialist, roles (not people), the
 * issue-type matrix, severities with their clocks, measurable escalation
 * triggers of every kind, handoff requirements, AI gates and helpdesk
 * mappings. It is what the demo and the CLI use when no policy is given.
 */

const OPEN: Condition = { field: 'status', op: 'notIn', value: ['solved', 'closed'] };

/** The queue clock runs only while the ball is in the team's court: not paused, not just declared solved by the customer. */
const WAITING_ON_US: Condition[] = [
  OPEN,
  { field: 'paused', op: 'eq', value: false },
  { not: { field: 'lastCustomerMessage', op: 'mentions', value: SOLVED } },
];

/** Open at `tier`, the ball in the team's court, for longer than `duration` business time. */
const waitedAt = (tier: string, duration: string): Condition[] => [atTier(tier), ...WAITING_ON_US, { field: 'timeInQueue', op: 'longerThan', value: duration }];

/** What the customer (or an agent's internal note) says, in their own words: never a quoted reply, a signature or a macro. */
const reported = (phrases: string[]): Condition => ({ any: [{ field: 'customerText', op: 'mentions', value: phrases }, { field: 'agentNotes', op: 'mentions', value: phrases }] });

/** An issue type a field or tag names, not one guessed from the words. */
const namedIssueType = (id: string): Condition => ({ all: [{ field: 'issueType', op: 'eq', value: id }, { field: 'issueTypeStrength', op: 'eq', value: 'strong' }] });

const atTier = (tier: string): Condition => ({ field: 'currentTier', op: 'eq', value: tier });

const issueTypeRow = (id: string, name: string, tier: TierId, weight?: number) => ({ id, name, tier, keywords: ISSUE_TYPE_WORDS[id] ?? [], ...(weight ? { weight } : {}) });

/** The tag (Jira: label) that marks each default role on every helpdesk, written beside the tier tag. */
const ROLE_TAGS = {
  'knowledge-base': { tag: 'role_knowledge_base' },
  'front-line-agent': { tag: 'role_front_line_agent' },
  'billing-specialist': { tag: 'role_billing_specialist' },
  'senior-specialist': { tag: 'role_senior_specialist' },
  'engineering-product': { tag: 'role_engineering_product' },
  'on-call-api-engineer': { tag: 'role_on_call_api_engineer' },
  'engineering-a-team': { tag: 'role_engineering_a_team' },
  'security-incident-lead': { tag: 'role_security_incident_lead' },
};

export const defaultPolicyInput = {
  schemaVersion: 1,
  name: 'Tierline default support levels',
  revision: 1,
  tiers: [
    { id: 'T0', name: 'Tier 0: Self-service', boundary: 'Self-service answers repeat questions, setup basics and FAQs through the knowledge base or an AI agent, without a person.', ownerRole: 'knowledge-base', human: false },
    { id: 'T1', name: 'Tier 1: Frontline', boundary: 'Front-line agents resolve known issues, billing questions and access or permission requests that have a documented fix.', ownerRole: 'front-line-agent' },
    { id: 'T2', name: 'Tier 2: Technical', boundary: 'Senior specialists take configuration, integration and reproducible-bug cases that have no documented fix or need backend access.', ownerRole: 'senior-specialist' },
    { id: 'T3', name: 'Tier 3: Expert', boundary: 'Engineering and product fix confirmed code defects, data-integrity problems and feature outages that need a code change.', ownerRole: 'engineering-product' },
    { id: 'T4', name: 'Tier 4: Specialist', boundary: 'The engineering A-team handles security incidents, architectural failures and major outages that are immediately high-impact or high-risk.', ownerRole: 'engineering-a-team' },
  ],
  roles: [
    { id: 'knowledge-base', name: 'Knowledge Base / AI Agent', tier: 'T0', description: 'Customer-facing search and the AI bot.' },
    { id: 'front-line-agent', name: 'Front-line Agent', tier: 'T1', description: 'Owns new tickets and stays the communication owner after a handoff.' },
    { id: 'billing-specialist', name: 'Billing Specialist', tier: 'T1', description: 'Disputes, refunds and contract questions beyond the front line.' },
    { id: 'senior-specialist', name: 'Senior Specialist', tier: 'T2', description: 'Product-area expert for configuration, integrations and reproducible bugs.' },
    { id: 'engineering-product', name: 'Engineering / Product', tier: 'T3', description: 'Fixes confirmed defects and data-integrity problems in code.' },
    { id: 'on-call-api-engineer', name: 'On-call API Engineer', tier: 'T3', description: 'The engineer on call for the public API and webhooks.' },
    { id: 'engineering-a-team', name: 'Engineering A-Team', tier: 'T4', description: 'Architects and incident commanders for major outages.' },
    { id: 'security-incident-lead', name: 'Security Incident Lead', tier: 'T4', description: 'Runs the security incident process from the first report.' },
  ],
  issueTypes: [
    issueTypeRow('faq', 'FAQ / repeat question', 'T0'),
    issueTypeRow('how-to', 'How-to question', 'T0'),
    issueTypeRow('setup', 'Setup basics', 'T0'),
    issueTypeRow('known-issue', 'Known issue', 'T1'),
    issueTypeRow('billing', 'Billing', 'T1'),
    issueTypeRow('access', 'Access / permissions', 'T1'),
    issueTypeRow('configuration', 'Configuration', 'T2'),
    issueTypeRow('integration', 'Integration', 'T2'),
    issueTypeRow('bug', 'Reproducible bug', 'T2'),
    issueTypeRow('code-defect', 'Confirmed code defect', 'T3'),
    issueTypeRow('data-integrity', 'Data integrity', 'T3'),
    // Data loss, security incidents and outages are found by their severity triggers (which read negation), not guessed from words.
    issueTypeRow('data-loss', 'Data loss', 'T3'),
    issueTypeRow('feature-outage', 'Feature outage', 'T3'),
    issueTypeRow('outage', 'Major outage', 'T4'),
    issueTypeRow('security', 'Security incident', 'T4'),
    issueTypeRow('architecture', 'Architectural failure', 'T4'),
  ],
  severities: [
    {
      id: 'critical',
      name: 'Critical (urgent)',
      when: { any: [{ field: 'priority', op: 'eq', value: 'urgent' }, { field: 'tags', op: 'in', value: ['sev1', 'severity_critical'] }] },
      response: '15m',
      escalation: '1h',
      calendar: '24x7',
    },
    { id: 'high', name: 'High', when: { any: [{ field: 'priority', op: 'eq', value: 'high' }, { field: 'tags', op: 'in', value: ['sev2'] }] }, response: '1h', escalation: '4h', calendar: 'business-hours' },
    { id: 'normal', name: 'Normal', when: { field: 'priority', op: 'eq', value: 'normal' }, response: '4h', escalation: '8h', calendar: 'business-hours' },
    { id: 'low', name: 'Low', when: { field: 'priority', op: 'eq', value: 'low' }, response: '8h', escalation: '24h', calendar: 'business-hours' },
  ],
  defaultSeverity: 'normal',
  calendars: [
    {
      id: 'business-hours',
      name: 'Business hours, Mon–Fri 09:00–17:00 Berlin',
      timeZone: 'Europe/Berlin',
      hours: {
        mon: [{ start: '09:00', end: '17:00' }],
        tue: [{ start: '09:00', end: '17:00' }],
        wed: [{ start: '09:00', end: '17:00' }],
        thu: [{ start: '09:00', end: '17:00' }],
        fri: [{ start: '09:00', end: '17:00' }],
        sat: [],
        sun: [],
      },
      // German national holidays 2026–2027.
      holidays: [
        '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25', '2026-10-03', '2026-12-25', '2026-12-26',
        '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-17', '2027-10-03', '2027-12-25', '2027-12-26',
      ],
    },
    { id: '24x7', name: 'Round the clock', timeZone: 'UTC', alwaysOpen: true },
  ],
  pausedStatuses: ['pending', 'on-hold'],
  entryTier: 'T1',
  triggers: [
    {
      id: 'severity-security-breach',
      kind: 'severity',
      description: 'A security breach is reported: bypass Tier 1–2 and page the Security Incident Lead.',
      // "Hacked", "kompromittiert", "piraté", "acceso no autorizado" in the customer's own words or an agent's note; not
      // "SLA breach", not "nobody hacked us", not a quoted macro or a signature title.
      when: {
        any: [
          { field: 'tags', op: 'in', value: ['security_incident', 'breach'] },
          namedIssueType('security'),
          // Another company's breach read about in the news is a question, not this customer's incident.
          { all: [reported(SECURITY_INCIDENT), { not: { field: 'customerText', op: 'mentions', value: ELSEWHERE } }] },
        ],
      },
      route: { tier: 'T4', role: 'security-incident-lead', bypass: true },
      issueType: 'security',
      severity: 'critical',
      action: 'Page the Security Incident Lead now; keep the customer updated as communication owner.',
    },
    {
      id: 'severity-data-loss',
      kind: 'severity',
      description: 'Customer data is lost or destroyed: bypass Tier 1–2 to Engineering.',
      when: {
        any: [
          { field: 'tags', op: 'in', value: ['data_loss'] },
          namedIssueType('data-loss'),
          { all: [reported(DATA_LOSS), { not: { field: 'customerText', op: 'mentions', value: DELIBERATE } }] },
        ],
      },
      route: { tier: 'T3', bypass: true },
      issueType: 'data-loss',
      severity: 'critical',
      action: 'Hand off to Engineering / Product with logs and the time of loss; stop any destructive sync.',
    },
    {
      id: 'severity-system-outage',
      kind: 'severity',
      description: 'A system-wide outage: bypass Tier 1–2 to the Engineering A-Team.',
      when: {
        any: [
          namedIssueType('outage'),
          { field: 'tags', op: 'in', value: ['outage', 'major_incident'] },
          {
            all: [
              { any: [reported(MAJOR_OUTAGE), { field: 'subject', op: 'mentions', value: OUTAGE_SUBJECT }] },
              // Planned maintenance is no outage; one feature down while the rest works is a feature outage (Tier 3).
              { not: { field: 'text', op: 'mentions', value: PLANNED_MAINTENANCE } },
              { not: { field: 'text', op: 'mentions', value: REST_WORKS } },
            ],
          },
        ],
      },
      route: { tier: 'T4', bypass: true },
      issueType: 'outage',
      severity: 'critical',
      action: 'Open a major incident with the Engineering A-Team and link this ticket to it.',
    },
    {
      id: 'contractual-billing-dispute',
      kind: 'contractual',
      description: 'A billing dispute over $1,000 goes straight to a Billing Specialist.',
      // The amount may be a helpdesk field or only written in the text ("$2,400", "1.500,00 €"); text.currencies says which count.
      when: { all: [{ any: [{ field: 'tags', op: 'in', value: ['billing_dispute', 'chargeback'] }, reported(BILLING_DISPUTE)] }, { field: 'amount.value', op: 'gt', value: 1000 }] },
      route: { role: 'billing-specialist', bypass: true },
      action: 'Assign to the Billing Specialist; attach the invoice and the disputed amount.',
    },
    {
      id: 'systemic-many-users',
      kind: 'systemic',
      description: 'Many users or accounts are affected (100 or more, or "all our users").',
      when: { any: [{ field: 'impactedUsers', op: 'gte', value: 100 }, reported(ALL_USERS)] },
      route: { tier: 'T3' },
      action: 'Escalate to Engineering / Product with the number of impacted users and error codes; check the status page.',
    },
    {
      id: 'functional-backend-access',
      kind: 'functional',
      description: 'The fix needs backend access or a specialist, or has no documented fix.',
      when: { any: [{ field: 'tags', op: 'in', value: ['needs_backend', 'needs_specialist'] }, { field: 'text', op: 'mentions', value: NEEDS_BACKEND }] },
      route: { tier: 'T2' },
      action: 'Hand off to a Senior Specialist with the account configuration and the steps already taken.',
    },
    {
      id: 'functional-api-defect',
      kind: 'functional',
      description: 'The public API itself fails: the On-call API Engineer owns it.',
      when: {
        any: [
          { field: 'tags', op: 'in', value: ['api_error'] },
          { field: 'text', op: 'mentions', value: API_DEFECT },
          { all: [{ field: 'text', op: 'mentions', value: API_NAMED }, { field: 'text', op: 'mentions', value: SERVER_ERROR }] },
        ],
      },
      route: { tier: 'T3', role: 'on-call-api-engineer' },
      action: 'Page the On-call API Engineer with request ids, timestamps and error codes.',
    },
    {
      id: 'functional-specialist-issue',
      kind: 'functional',
      description: 'Configuration, integrations and reproducible bugs need a Senior Specialist.',
      when: { field: 'issueType', op: 'in', value: ['configuration', 'integration', 'bug'] },
      route: { tier: 'T2' },
      action: 'Hand off to a Senior Specialist with the steps tried, the account configuration and screenshots.',
    },
    {
      id: 'functional-engineering-issue',
      kind: 'functional',
      description: 'Confirmed code defects, data-integrity problems and feature outages need Engineering / Product.',
      when: { field: 'issueType', op: 'in', value: ['code-defect', 'data-integrity', 'feature-outage'] },
      route: { tier: 'T3' },
      action: 'Hand off to Engineering / Product with logs, reproduction steps, error codes and the number of impacted users.',
    },
    {
      id: 'functional-architecture',
      kind: 'functional',
      description: 'Architectural failures (capacity, scaling, cross-region) need the Engineering A-Team.',
      when: { field: 'issueType', op: 'eq', value: 'architecture' },
      route: { tier: 'T4' },
      action: 'Hand off to the Engineering A-Team with the diagnostics and the contractual context.',
    },
    {
      id: 'functional-human-requested',
      kind: 'functional',
      description: 'Self-service failed or the customer asks for a person: a Front-line Agent takes it.',
      // A question no issue type claims is most likely one self-service could not answer either.
      when: { all: [{ field: 'issueType', op: 'in', value: ['faq', 'how-to', 'setup', null] }, { field: 'customerText', op: 'mentions', value: HUMAN_REQUESTED }] },
      route: { tier: 'T1' },
      action: 'Answer as a person; note the search queries and the self-service path that failed.',
    },
    {
      id: 'time-enterprise-t1',
      kind: 'time',
      description: 'An enterprise ticket unresolved for more than 15 business minutes at Tier 1 moves to Tier 2.',
      when: { all: [{ field: 'requester.customerTier', op: 'eq', value: 'enterprise' }, ...waitedAt('T1', '15m')] },
      route: { tier: 'T2' },
      action: 'Hand off to a Senior Specialist now with the Tier 1 → 2 packet.',
    },
    {
      id: 'time-premium-t1',
      kind: 'time',
      description: 'A premium ticket unresolved for more than 1 business hour at Tier 1 moves to Tier 2.',
      when: { all: [{ field: 'requester.customerTier', op: 'eq', value: 'premium' }, ...waitedAt('T1', '1h')] },
      route: { tier: 'T2' },
      action: 'Hand off to a Senior Specialist with the Tier 1 → 2 packet.',
    },
    {
      id: 'time-standard-t1',
      kind: 'time',
      description: 'Any other ticket unresolved for more than 8 business hours at Tier 1 moves to Tier 2.',
      when: { all: [{ field: 'requester.customerTier', op: 'notIn', value: ['enterprise', 'premium'] }, ...waitedAt('T1', '8h')] },
      route: { tier: 'T2' },
      action: 'Hand off to a Senior Specialist with the Tier 1 → 2 packet.',
    },
    {
      id: 'time-enterprise-t2',
      kind: 'time',
      description: 'An enterprise ticket unresolved for more than 4 business hours at Tier 2 moves to Tier 3.',
      when: { all: [{ field: 'requester.customerTier', op: 'eq', value: 'enterprise' }, ...waitedAt('T2', '4h')] },
      route: { tier: 'T3' },
      action: 'Hand off to Engineering / Product with logs, reproduction steps and error codes.',
    },
    {
      id: 'sentiment-angry-repeat',
      kind: 'sentiment',
      description: 'A frustrated customer on a repeat contact (third message, a reopen, "again", "third time") goes to a senior agent.',
      // 0.35: one clear complaint ("unacceptable", "frustrated", "THIRD TIME!!!") scores 0.39–0.68; thanks, "not unhappy"
      // or a softened "a bit disappointed, to be honest" stay below 0.3 (core/policy/default-policy.test.ts). The English
      // lexicon cannot read German, Spanish or French fury, so their words count too.
      when: {
        all: [
          {
            any: [
              { field: 'customerMessageCount', op: 'gte', value: 3 },
              { field: 'reopenCount', op: 'gte', value: 1 },
              { field: 'sentiment.repeatContact', op: 'eq', value: true },
              { field: 'customerText', op: 'mentions', value: REPEAT_CONTACT },
            ],
          },
          {
            any: [
              // The sentiment lexicon is English: other languages are read through their words of fury.
              { all: [{ field: 'language', op: 'eq', value: 'en' }, { field: 'sentiment.frustration', op: 'gte', value: 0.35 }, { field: 'sentiment.signals', op: 'exists', value: true }] },
              { field: 'customerText', op: 'mentions', value: FURY },
              // Losing patience on a repeat contact, in any language: "endlich", "por fin", "It is NOT solved??".
              { field: 'customerText', op: 'mentions', value: ANNOYED },
              { field: 'emphasis', op: 'gte', value: 3 },
            ],
          },
        ],
      },
      route: { tier: 'T2' },
      action: 'Give it to a Senior Specialist; acknowledge the repeat contact and name one communication owner.',
    },
    {
      id: 'sentiment-furious-first-contact',
      kind: 'sentiment',
      description: 'A first contact that is clearly furious and high-impact (enterprise, many users, business stopped): a warning, no tier move.',
      when: {
        all: [
          {
            any: [
              { all: [{ field: 'language', op: 'eq', value: 'en' }, { field: 'sentiment.frustration', op: 'gte', value: 0.6 }] },
              { field: 'customerText', op: 'mentions', value: FURY },
              // Shouting ("WHAT IS GOING ON??", "Call me NOW") with a complaint: clearly furious in any language.
              { all: [{ field: 'emphasis', op: 'gte', value: 3 }, { any: [{ field: 'sentiment.frustration', op: 'gte', value: 0.35 }, { field: 'customerText', op: 'mentions', value: ANNOYED }] }] },
            ],
          },
          {
            any: [
              { field: 'requester.customerTier', op: 'eq', value: 'enterprise' },
              { field: 'impactedUsers', op: 'gte', value: 100 },
              { field: 'customerText', op: 'mentions', value: ALL_USERS },
              { field: 'customerText', op: 'mentions', value: BUSINESS_STOPPED },
            ],
          },
        ],
      },
      route: { stay: true },
      action: 'Acknowledge the impact in the first reply, name one communication owner and keep the clock in view.',
    },
  ],
  handoff: {
    mode: 'warn',
    base: [
      { id: 'summary', label: 'Issue summary', hint: 'One sentence: what is the problem?' },
      { id: 'steps-tried', label: 'Troubleshooting steps tried', hint: 'What has already been done, so nobody repeats it.' },
      { id: 'evidence', label: 'Technical evidence', hint: 'Logs, screenshots or steps to reproduce.' },
      { id: 'business-impact', label: 'Business impact', hint: 'Customer tier, severity and who is blocked.' },
      { id: 'escalation-reason', label: 'Escalation reason', hint: 'Why now, e.g. a confirmed bug or an SLA breach.' },
      { id: 'communication-owner', label: 'Communication owner', hint: 'Who keeps the customer updated.' },
    ],
    stages: {
      'T0-T1': [
        { id: 'user-id', label: 'User ID' },
        { id: 'search-queries', label: 'Search queries used' },
        { id: 'failed-self-service-path', label: 'Failed self-service path' },
      ],
      'T1-T2': [
        { id: 'steps-taken', label: 'Troubleshooting steps taken' },
        { id: 'account-configuration', label: 'Account configuration details' },
        { id: 'screenshots', label: 'Screenshots' },
        { id: 'customer-tier-sla', label: 'Customer tier / SLA' },
      ],
      'T2-T3': [
        { id: 'logs', label: 'System logs' },
        { id: 'reproduction-steps', label: 'Reproduction steps' },
        { id: 'error-codes', label: 'Error codes' },
        { id: 'impacted-users', label: 'Number of impacted users' },
      ],
      'T3-T4': [
        { id: 'vendor-evidence', label: 'Evidence packet for the vendor' },
        { id: 'internal-diagnostics', label: 'Internal diagnostic results' },
        { id: 'contractual-authority', label: 'Contractual authority details' },
      ],
    },
  },
  ai: {
    autoRouteAt: 0.9,
    humanBelow: 0.7,
    // Money moves on a billing decision: ask for more confidence before acting alone.
    categories: { billing: { autoRouteAt: 0.95, humanBelow: 0.8 } },
    sensitive: [
      { id: 'cancellation', description: 'Cancellations are always handled by a person.', when: { field: 'customerText', op: 'mentions', value: CANCELLATION } },
      { id: 'legal-dispute', description: 'Legal disputes are always handled by a person.', when: { field: 'customerText', op: 'mentions', value: LEGAL } },
      {
        id: 'high-value-customer',
        description: 'High-value customers (enterprise, or a contract of 100,000 or more) are always routed by a person.',
        when: { any: [{ field: 'requester.customerTier', op: 'eq', value: 'enterprise' }, { field: 'requester.contractValue', op: 'gte', value: 100000 }] },
      },
    ],
    labels: {
      faq: { issueType: 'faq' },
      'how-to': { issueType: 'how-to' },
      setup: { issueType: 'setup' },
      'known-issue': { issueType: 'known-issue' },
      billing: { issueType: 'billing' },
      'billing-dispute': { issueType: 'billing', role: 'billing-specialist' },
      access: { issueType: 'access' },
      configuration: { issueType: 'configuration' },
      integration: { issueType: 'integration' },
      bug: { issueType: 'bug' },
      'code-defect': { issueType: 'code-defect' },
      'data-integrity': { issueType: 'data-integrity' },
      'feature-outage': { issueType: 'feature-outage' },
      outage: { issueType: 'outage' },
      security: { issueType: 'security', role: 'security-incident-lead' },
      architecture: { issueType: 'architecture' },
    },
  },
  helpdesks: {
    zendesk: {
      groups: { Support: 'T1', 'Tier 1': 'T1', 'Tier 2': 'T2', 'Tier 3': 'T3', 'Tier 4': 'T4' },
      tags: { tier_0: 'T0', tier_1: 'T1', tier_2: 'T2', tier_3: 'T3', tier_4: 'T4' },
      issueTypeTags: { billing_question: 'billing', password_reset: 'access', known_issue: 'known-issue', confirmed_bug: 'code-defect', integration_issue: 'integration', security_incident: 'security', outage: 'outage' },
      issueTypeFields: {
        'Issue type': {
          FAQ: 'faq', 'How-to': 'how-to', Setup: 'setup', 'Known issue': 'known-issue', Billing: 'billing', Access: 'access', Configuration: 'configuration',
          Integration: 'integration', Bug: 'bug', 'Code defect': 'code-defect', 'Data integrity': 'data-integrity', 'Feature outage': 'feature-outage', Outage: 'outage', Security: 'security', Architecture: 'architecture',
        },
      },
      customerTierFields: { Plan: { Free: 'free', Standard: 'standard', Premium: 'premium', Enterprise: 'enterprise' } },
      writeBack: { T0: { tag: 'tier_0' }, T1: { group: 'Tier 1', tag: 'tier_1' }, T2: { group: 'Tier 2', tag: 'tier_2' }, T3: { group: 'Tier 3', tag: 'tier_3' }, T4: { group: 'Tier 4', tag: 'tier_4' } },
      // No role has a group of its own here: each keeps its tier's group, and views and triggers find it by its tag.
      roleWriteBack: ROLE_TAGS,
    },
    freshdesk: {
      groups: { 'Tier 1 - Frontline': 'T1', 'Tier 2 - Technical': 'T2', 'Tier 3 - Engineering': 'T3', 'Tier 4 - Specialist': 'T4', 'Billing': 'T1' },
      tags: { tier_0: 'T0', tier_1: 'T1', tier_2: 'T2', tier_3: 'T3', tier_4: 'T4' },
      issueTypeFields: {
        // Freshdesk's built-in "Type" field with its default choices.
        Type: { Question: 'how-to', Incident: 'bug', Problem: 'code-defect', 'Feature Request': 'faq', Refund: 'billing' },
      },
      // Freshdesk fills "Type" with one of its defaults; "Question", "Incident" and "Problem" say little about the issue.
      genericIssueTypeValues: { Type: ['Question', 'Incident', 'Problem'] },
      customerTierFields: { cf_plan: { Free: 'free', Standard: 'standard', Premium: 'premium', Enterprise: 'enterprise' } },
      writeBack: { T0: { tag: 'tier_0' }, T1: { group: 'Tier 1 - Frontline', tag: 'tier_1' }, T2: { group: 'Tier 2 - Technical', tag: 'tier_2' }, T3: { group: 'Tier 3 - Engineering', tag: 'tier_3' }, T4: { group: 'Tier 4 - Specialist', tag: 'tier_4' } },
      // The Billing Specialists work from their own "Billing" group (mapped to Tier 1 above); every other role keeps its tier's group.
      roleWriteBack: { ...ROLE_TAGS, 'billing-specialist': { group: 'Billing', tag: 'role_billing_specialist' } },
    },
    jira: {
      groups: { 'Tier 1': 'T1', 'Tier 2': 'T2', 'Tier 3': 'T3', 'Tier 4': 'T4' },
      tags: { tier_0: 'T0', tier_1: 'T1', tier_2: 'T2', tier_3: 'T3', tier_4: 'T4' },
      issueTypeFields: {
        // Jira Service Management request types of the IT service management template.
        'Request type': {
          'Ask a question': 'faq', 'Get help with setup': 'setup', 'Billing question': 'billing', 'Request access': 'access', 'Get IT help': 'how-to',
          'Report a bug': 'bug', 'Report a system problem': 'outage', 'Report a security incident': 'security', 'Change a configuration': 'configuration', 'Integration problem': 'integration',
        },
      },
      // The portal's catch-all request types say little about the issue.
      genericIssueTypeValues: { 'Request type': ['Get IT help', 'Ask a question', 'Report a system problem'] },
      writeBack: { T0: { tag: 'tier_0' }, T1: { tag: 'tier_1' }, T2: { tag: 'tier_2' }, T3: { tag: 'tier_3' }, T4: { tag: 'tier_4' } },
      // Jira issues have no group to assign: the role is a label, as the tier is.
      roleWriteBack: ROLE_TAGS,
    },
  },
} satisfies PolicyInput;

/** The default policy, parsed (defaults filled in). A test proves it passes `policySchema`. */
export const defaultPolicy: Policy = policySchema.parse(defaultPolicyInput);
