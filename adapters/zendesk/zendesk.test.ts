// @vitest-environment happy-dom
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../core/policy/default-policy';
import { createFixtureFetch } from '../node/fixture-fetch';
import { parseHtmlPage } from '../node/parse-html';
import type { FetchLike } from '../types';
import { zendesk } from './adapter';
import { zendeskFixtures as fx } from './fixtures';

const origin = fx.origin;
const readApi = (ref: string, fetch: FetchLike = createFixtureFetch(fx)) => zendesk.readTicketFromApi({ ref, fetch, origin, policy: defaultPolicy });
const readPage = async (file: string, url: string) => zendesk.readTicketFromDom(parseHtmlPage(await readFile(new URL(file, fx.dir), 'utf8'), url), new URL(url), defaultPolicy);

describe('Zendesk API read', () => {
  it('reads the enterprise billing dispute of 2 March 2026 at Tier 1 with its $1,250 amount', async () => {
    const { ticket, unreadable } = await readApi('1001');
    expect(unreadable).toEqual([]);
    expect(ticket).toMatchObject({
      id: '1001',
      helpdesk: 'zendesk',
      url: 'https://acme.zendesk.com/agent/tickets/1001',
      subject: 'Charged twice for the March invoice - need a refund',
      status: 'open',
      priority: 'high',
      channel: 'email',
      group: 'Tier 1',
      currentTier: 'T1',
      issueType: 'billing',
      amount: { value: 1250, currency: 'USD' },
      requester: { id: '5101', name: 'Dana Whitfield', organization: 'Globex Corporation', customerTier: 'enterprise', contractValue: 180000 },
      createdAt: '2026-03-02T08:05:00.000Z',
      tierEnteredAt: '2026-03-02T08:05:00.000Z',
      reopenCount: 0,
    });
    expect(ticket.fields).toMatchObject({ Plan: 'Enterprise', 'Issue type': 'Billing', 'Disputed amount': '1250.00', Type: 'incident' });
    expect(ticket.comments.map((c) => [c.author, c.public, c.authorName])).toEqual([
      ['customer', true, 'Dana Whitfield'],
      ['agent', true, 'Sam Ortiz'],
      ['agent', false, 'Sam Ortiz'],
      ['customer', true, 'Dana Whitfield'],
    ]);
    expect(ticket.comments[2]?.body).toBe('Stripe shows ch_3PxA and ch_3PxB, same amount, 40 seconds apart. Refunds over $1,000 need a Billing Specialist.');
  });

  it('dates Tier 2 entry to the 10:20 group change and counts one reopen', async () => {
    const { ticket } = await readApi('1002');
    expect(ticket).toMatchObject({ currentTier: 'T2', group: 'Tier 2', tierEnteredAt: '2026-03-02T10:20:00.000Z', reopenCount: 1, impactedUsers: 340, priority: 'urgent', issueType: 'integration' });
    expect(ticket.requester.customerTier).toBe('standard');
    expect(ticket.comments.map((c) => c.author)).toEqual(['customer', 'system', 'agent']);
  });

  it('keeps hostile markup in subject, description, names and comments as literal text', async () => {
    const { ticket } = await readApi('1003');
    expect(ticket.subject).toBe(`<img src=x onerror="document.title='pwned-subject'"> Export fails &amp; <script>document.title='pwned'</script>`);
    expect(ticket.requester.name).toBe('<b onmouseover="alert(1)">Mallory</b>');
    // plain_body is read, never html_body: the <div class="zd-comment"> wrapper is not there.
    expect(ticket.comments[0]?.body).toBe(`<script>document.title='pwned-description'</script>Tom &amp; Jerry &lt;b&gt;bold&lt;/b&gt;`);
    expect(ticket.comments.some((c) => c.body.includes('zd-comment'))).toBe(false);
  });

  it('still reads the ticket when comments answer 500, and says comments could not be read', async () => {
    const fetch = createFixtureFetch(fx, { status: (path) => (path.endsWith('/comments.json') ? 500 : undefined) });
    const { ticket, unreadable } = await readApi('1001', fetch);
    expect(ticket.subject).toBe('Charged twice for the March invoice - need a refund');
    expect(ticket.comments).toEqual([]);
    expect(unreadable).toEqual(['comments']);
  });

  it('keys custom fields by id and says so when the field titles cannot be read', async () => {
    const fetch = createFixtureFetch(fx, { status: (path) => (path === '/api/v2/ticket_fields.json' ? 403 : undefined) });
    const { ticket, unreadable } = await readApi('1001', fetch);
    expect(ticket.fields['Field 360101']).toBe('1250.00');
    expect(unreadable).toContain('field names');
  });

  it('fetches the ticket field titles once when the agent opens ticket 1001 and then 1002 in one page', async () => {
    const fetch = createFixtureFetch(fx);
    const [first, second] = [await readApi('1001', fetch), await readApi('1002', fetch)];
    expect(fetch.calls.filter((c) => new URL(c.url).pathname === '/api/v2/ticket_fields.json')).toHaveLength(1);
    expect(first.ticket.fields).toMatchObject({ Plan: 'Enterprise' });
    expect(first.unreadable).not.toContain('field names');
    expect(second.unreadable).not.toContain('field names');
  });

  it('asks for the field titles again on the next ticket when the first request for them failed', async () => {
    let failing = true;
    const fetch = createFixtureFetch(fx, { status: (path) => (failing && path === '/api/v2/ticket_fields.json' ? 503 : undefined) });
    const first = await readApi('1001', fetch);
    failing = false;
    const second = await readApi('1001', fetch);
    expect(first.unreadable).toContain('field names');
    expect(second.unreadable).not.toContain('field names');
    expect(second.ticket.fields).toMatchObject({ Plan: 'Enterprise' });
  });

  it('follows comment pages on the same origin only', async () => {
    const fixtureFetch = createFixtureFetch(fx);
    const comment = (id: number, body: string) => ({ id, body, plain_body: body, public: true, author_id: 5101, created_at: '2026-03-02T10:00:00Z' });
    const pages: Record<string, object> = {
      '/api/v2/tickets/1001/comments.json?include=users': { comments: [comment(1, 'page one')], next_page: 'https://acme.zendesk.com/api/v2/tickets/1001/comments.json?include=users&page=2' },
      '/api/v2/tickets/1001/comments.json?include=users&page=2': { comments: [comment(2, 'page two')], next_page: 'https://evil.example/api/v2/tickets/1001/comments.json?page=3' },
    };
    const requested: string[] = [];
    const fetch = async (input: string, init?: RequestInit) => {
      const url = new URL(input);
      requested.push(url.href);
      const page = pages[url.pathname + url.search];
      return page ? new Response(JSON.stringify(page)) : fixtureFetch(input, init);
    };
    const { ticket } = await readApi('1001', fetch);
    expect(ticket.comments.map((c) => c.body)).toEqual(['page one', 'page two']);
    expect(requested.every((u) => u.startsWith('https://acme.zendesk.com/'))).toBe(true);
  });

  it('calls the documented endpoints with side-loads', async () => {
    const fetch = createFixtureFetch(fx);
    await readApi('1002', fetch);
    expect(fetch.calls.map((c) => new URL(c.url).pathname + new URL(c.url).search).sort()).toEqual([
      '/api/v2/ticket_fields.json',
      '/api/v2/tickets/1002.json?include=users,groups,organizations',
      '/api/v2/tickets/1002/audits.json',
      '/api/v2/tickets/1002/comments.json?include=users',
    ]);
  });
});

describe('Zendesk DOM read', () => {
  it('reads the same ticket from the Agent Workspace page as from the API', async () => {
    const [dom, api] = [await readPage('agent-workspace/ticket.1001.html', 'https://acme.zendesk.com/agent/tickets/1001'), await readApi('1001')];
    const pick = (t: typeof api.ticket) => ({ subject: t.subject, group: t.group, tags: t.tags, currentTier: t.currentTier, issueType: t.issueType, amount: t.amount, priority: t.priority, status: t.status, customerTier: t.requester.customerTier, name: t.requester.name, comments: t.comments.map((c) => [c.author, c.public, c.body, c.at]) });
    expect(pick(dom.ticket)).toEqual(pick(api.ticket));
    expect(dom.unreadable).toEqual([]);
  });

  it('reads only the active tab when two tickets are open', async () => {
    const { ticket } = await readPage('agent-workspace/ticket.1002.html', 'https://acme.zendesk.com/agent/tickets/1002');
    expect(ticket).toMatchObject({ id: '1002', subject: 'Salesforce sync returns HTTP 500 for every workspace', group: 'Tier 2', currentTier: 'T2', impactedUsers: 340 });
    expect(ticket.requester.name).toBe('Priya Raman');
    expect(ticket.comments[2]?.body).toBe('Steps tried:\n\nRe-authorised the Salesforce connection.\n\nCleared the sync cursor.\n\nReproduced on a test workspace: same 500.\n\nEscalating to Tier 2.');
  });

  it('returns hostile text verbatim from the page, as the API does', async () => {
    const [dom, api] = [await readPage('agent-workspace/ticket.1003-hostile.html', 'https://acme.zendesk.com/agent/tickets/1003'), await readApi('1003')];
    expect(dom.ticket.subject).toBe(api.ticket.subject);
    expect(dom.ticket.comments.map((c) => c.body)).toEqual(api.ticket.comments.map((c) => c.body));
    expect(dom.ticket.requester.name).toBe(api.ticket.requester.name);
  });

  it('lists every field a page without its sidebar and conversation could not give', async () => {
    const { ticket, unreadable } = await readPage('agent-workspace/ticket.1004-missing-elements.html', 'https://acme.zendesk.com/agent/tickets/1004');
    expect(ticket.subject).toBe('Cannot log in after password reset');
    expect(unreadable).toEqual(['requester', 'group', 'tags', 'fields', 'priority', 'status', 'comments']);
  });

  it('reads the pre-workspace page through the legacy resolvers', async () => {
    const { ticket, unreadable } = await readPage('legacy-lotus/ticket.1001.html', 'https://acme.zendesk.com/agent/tickets/1001');
    expect(ticket).toMatchObject({ subject: 'Charged twice for the March invoice - need a refund', group: 'Tier 1', currentTier: 'T1', priority: 'high', amount: { value: 1250, currency: 'USD' } });
    expect(ticket.requester).toMatchObject({ name: 'Dana Whitfield', customerTier: 'enterprise' });
    expect(ticket.tags).toEqual(['billing', 'refund', 'tier_1', 'vip']);
    expect(ticket.comments.map((c) => [c.author, c.public])).toEqual([['customer', true], ['agent', false]]);
    expect(unreadable).toEqual(['status']);
  });
});

describe('Zendesk mounts', () => {
  it('mounts the badge after the active ticket subject, not in the background tab', async () => {
    const doc = parseHtmlPage(await readFile(new URL('agent-workspace/ticket.1001.html', fx.dir), 'utf8'), 'https://acme.zendesk.com/agent/tickets/1001');
    const mount = zendesk.mounts.badge(doc.body);
    expect(mount?.previousElementSibling?.getAttribute('value')).toBe('Charged twice for the March invoice - need a refund');
    expect(mount?.closest('[data-side-conversations-anchor-id]')?.getAttribute('data-side-conversations-anchor-id')).toBe('1001');
    const pane = doc.querySelector('[data-is-active="true"]') as Element;
    expect(zendesk.mounts.badge(pane)).toBe(mount);
  });
});

describe('Zendesk write-back', () => {
  const frontLine = { tier: 'T1' as const, role: 'front-line-agent' };
  const input = { ref: '1001', noteText: 'Handoff <b>packet</b>', from: frontLine, to: { tier: 'T2' as const, role: 'senior-specialist' }, policy: defaultPolicy, currentTags: ['billing', 'tier_1', 'vip'] };
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', 'X-CSRF-Token': 'abc' };

  it('adds a private comment, swaps tier_1 for tier_2 with the role tag and assigns the Tier 2 group by id in one update', async () => {
    const groups = await zendesk.readGroups({ fetch: createFixtureFetch(fx), origin });
    const plan = zendesk.buildWriteBack({ ...input, csrfToken: 'abc', groups });
    expect(plan.notes).toEqual([]);
    expect(plan.requests).toEqual([
      {
        method: 'PUT',
        url: '/api/v2/tickets/1001.json',
        headers,
        body: { ticket: { comment: { body: 'Handoff <b>packet</b>', public: false }, additional_tags: ['tier_2', 'role_senior_specialist'], remove_tags: ['tier_1'], group_id: 6102 } },
        purpose: 'Add the handoff packet as an internal note and move the ticket to Senior Specialist (Tier 2)',
      },
    ]);
  });

  it('moves a billing dispute sideways to the Billing Specialist: Tier 1 stays, the role tag changes', async () => {
    const groups = await zendesk.readGroups({ fetch: createFixtureFetch(fx), origin });
    const plan = zendesk.buildWriteBack({ ...input, to: { tier: 'T1', role: 'billing-specialist' }, currentTags: ['billing', 'tier_1', 'role_front_line_agent'], csrfToken: 'abc', groups });
    expect(plan.notes).toEqual([]);
    expect(plan.requests[0]?.body).toEqual({
      ticket: { comment: { body: 'Handoff <b>packet</b>', public: false }, additional_tags: ['tier_1', 'role_billing_specialist'], remove_tags: ['role_front_line_agent'], group_id: 6101 },
    });
    expect(plan.requests[0]?.purpose).toBe('Add the handoff packet as an internal note and move the ticket to Billing Specialist (Tier 1)');
  });

  it('leaves the note out when asked, for a retry once the note is on the ticket', () => {
    const plan = zendesk.buildWriteBack({ ...input, includeNote: false, csrfToken: 'abc', groups: [{ id: '6102', name: 'Tier 2' }] });
    expect(plan.requests).toEqual([
      { method: 'PUT', url: '/api/v2/tickets/1001.json', headers, body: { ticket: { additional_tags: ['tier_2', 'role_senior_specialist'], remove_tags: ['tier_1'], group_id: 6102 } }, purpose: 'Move the ticket to Senior Specialist (Tier 2)' },
    ]);
  });

  it('writes the tags only, and says why, when the group list or the CSRF token is missing', () => {
    const plan = zendesk.buildWriteBack(input);
    expect(plan.requests[0]?.body).not.toHaveProperty('ticket.group_id');
    expect(plan.requests[0]?.headers).not.toHaveProperty('X-CSRF-Token');
    expect(plan.notes).toHaveLength(2);
  });

  it('reads the CSRF token from the page meta tag', async () => {
    const doc = parseHtmlPage(await readFile(new URL('agent-workspace/ticket.1002.html', fx.dir), 'utf8'), 'https://acme.zendesk.com/agent/tickets/1002');
    expect(zendesk.readCsrfToken(doc)).toBe('zd-csrf-1002-demo-token');
  });
});

describe('Zendesk signed-in agent', () => {
  it('reads the agent from /api/v2/users/me.json', async () => {
    const fetch = createFixtureFetch(fx);
    expect(await zendesk.readCurrentUser({ fetch, origin })).toEqual({ id: '7301', name: 'Rosa Delgado', email: 'rosa.delgado@acme.example' });
    expect(fetch.calls.map((c) => c.url)).toEqual(['https://acme.zendesk.com/api/v2/users/me.json']);
  });

  it('refuses the anonymous user Zendesk answers when nobody is signed in', async () => {
    const anonymous: FetchLike = async () => new Response(JSON.stringify({ user: { id: null, url: null, name: 'Anonymous user', email: 'invalid@example.com', role: 'end-user' } }), { status: 200 });
    await expect(zendesk.readCurrentUser({ fetch: anonymous, origin })).rejects.toThrow(/unexpected shape/);
  });
});

describe('Zendesk role read back', () => {
  it('reads the role a sideways move left on a Tier 1 ticket from its role tag, and ignores a role of another tier', () => {
    const read = (tags: string[]) => zendesk.ticketFromApiResponses({ ticket: { ticket: { id: 1001, subject: 'Refund', status: 'open', tags, group_id: null } } }, { ref: '1001', policy: defaultPolicy }).ticket;
    expect(read(['tier_1', 'role_billing_specialist'])).toMatchObject({ currentTier: 'T1', assigneeRole: 'billing-specialist' });
    expect(read(['tier_1', 'role_senior_specialist']).assigneeRole).toBeUndefined();
    expect(read(['tier_1']).assigneeRole).toBeUndefined();
  });
});
