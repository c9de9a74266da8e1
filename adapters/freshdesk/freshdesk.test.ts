// @vitest-environment happy-dom
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../core/policy/default-policy';
import { createFixtureFetch } from '../node/fixture-fetch';
import { parseHtmlPage } from '../node/parse-html';
import { freshdesk } from './adapter';
import { freshdeskFixtures as fx } from './fixtures';

const origin = fx.origin;
const readApi = (ref: string, fetch = createFixtureFetch(fx)) => freshdesk.readTicketFromApi({ ref, fetch, origin, policy: defaultPolicy });
const readPage = async (file: string, url: string) => freshdesk.readTicketFromDom(parseHtmlPage(await readFile(new URL(file, fx.dir), 'utf8'), url), new URL(url), defaultPolicy);

describe('Freshdesk API read', () => {
  it('reads the enterprise EUR 1,480.50 refund dispute of 2 March 2026 at Tier 1', async () => {
    const { ticket, unreadable } = await readApi('2001');
    expect(unreadable).toEqual([]);
    expect(ticket).toMatchObject({
      id: '2001',
      url: 'https://acme.freshdesk.com/a/tickets/2001',
      subject: 'Refund not received for cancelled annual plan',
      description: 'We cancelled our annual plan on 20 February and were promised a pro-rata refund of EUR 1,480.50. Nothing has arrived.',
      status: 'open',
      priority: 'high',
      channel: 'email',
      group: 'Tier 1 - Frontline',
      currentTier: 'T1',
      issueType: 'billing',
      amount: { value: 1480.5, currency: 'EUR' },
      requester: { id: '43001', name: 'Hana Kobayashi', organization: 'Umbrella Health', customerTier: 'enterprise', contractValue: 96000 },
      tierEnteredAt: '2026-03-02T11:00:00.000Z',
    });
    expect(ticket.comments.map((c) => [c.author, c.public, c.authorName])).toEqual([
      ['agent', true, 'Rosa Diaz'],
      ['agent', false, undefined],
      ['customer', true, 'Hana Kobayashi'],
    ]);
  });

  it('reads the webhook bug at Tier 2 and says when it entered Tier 2 cannot be read', async () => {
    const { ticket, unreadable } = await readApi('2002');
    expect(ticket).toMatchObject({ currentTier: 'T2', priority: 'urgent', impactedUsers: 12, channel: 'portal' });
    // Freshdesk's default "Incident" type names no issue type: it stays a field, weak evidence for the router.
    expect(ticket.issueType).toBeUndefined();
    expect(ticket.fields.Type).toBe('Incident');
    expect(ticket.requester.customerTier).toBe('standard');
    expect(ticket.tierEnteredAt).toBeUndefined();
    expect(unreadable).toEqual(['tierEnteredAt']);
  });

  it('keeps hostile markup as literal text and never reads the HTML description', async () => {
    const { ticket } = await readApi('2003');
    expect(ticket.subject).toBe(`<script>document.title='pwned'</script> Invoice &amp; <img src=x onerror="document.title='pwned-img'">`);
    expect(ticket.description).toBe(`<script>document.title='pwned-text'</script> Hello &amp; bye`);
    expect(ticket.requester.name).toBe('<img src=x onerror=alert(1)>Eve');
    expect(ticket.comments[0]).toMatchObject({ author: 'customer', body: `<script>document.title='pwned-reply'</script> ok &lt;3` });
  });

  it('accepts the conversations list as the bare array the real API returns', () => {
    const { ticket } = freshdesk.ticketFromApiResponses(
      { ticket: { id: 7, status: 3, subject: 'Hi', requester_id: 1 }, comments: [{ id: 1, body_text: 'hello', incoming: true, private: false, user_id: 1 }] },
      { ref: '7', policy: defaultPolicy },
    );
    expect(ticket.status).toBe('pending');
    expect(ticket.comments).toEqual([{ author: 'customer', public: true, body: 'hello' }]);
  });

  it('still reads the ticket when the group and company answer 403, listing them', async () => {
    const fetch = createFixtureFetch(fx, { status: (path) => (path.startsWith('/api/v2/groups/') || path.startsWith('/api/v2/companies/') ? 403 : undefined) });
    const { ticket, unreadable } = await readApi('2001', fetch);
    expect(ticket.group).toBeUndefined();
    expect(ticket.currentTier).toBe('T1');
    expect(unreadable).toEqual(['group', 'requester.organization']);
  });
});

describe('Freshdesk DOM read', () => {
  it('reads the same ticket from the Ember page as from the API', async () => {
    const [dom, api] = [await readPage('ember/ticket.2001.html', 'https://acme.freshdesk.com/a/tickets/2001'), await readApi('2001')];
    const pick = (t: typeof api.ticket) => ({ subject: t.subject, group: t.group, tags: t.tags, currentTier: t.currentTier, issueType: t.issueType, amount: t.amount, priority: t.priority, status: t.status, customerTier: t.requester.customerTier, name: t.requester.name, org: t.requester.organization });
    expect(pick(dom.ticket)).toEqual(pick(api.ticket));
    expect(dom.ticket.description).toBe(api.ticket.description);
    expect(dom.ticket.comments.slice(1).map((c) => [c.author, c.public, c.body])).toEqual(api.ticket.comments.map((c) => [c.author, c.public, c.body]));
    expect(dom.unreadable).toEqual([]);
  });

  it('returns hostile text verbatim from the page', async () => {
    const [dom, api] = [await readPage('ember/ticket.2003-hostile.html', 'https://acme.freshdesk.com/a/tickets/2003'), await readApi('2003')];
    expect(dom.ticket.subject).toBe(api.ticket.subject);
    expect(dom.ticket.requester.name).toBe(api.ticket.requester.name);
    expect(dom.ticket.comments.map((c) => c.body)).toEqual([api.ticket.description, api.ticket.comments[0]?.body]);
    expect(dom.unreadable).toEqual(['group', 'tags']);
  });

  it('lists every field a page without its properties and conversation could not give', async () => {
    const { ticket, unreadable } = await readPage('ember/ticket.2004-missing-elements.html', 'https://acme.freshdesk.com/a/tickets/2004');
    expect(ticket.subject).toBe('Password reset link expired');
    expect(unreadable).toEqual(['requester', 'group', 'tags', 'priority', 'status', 'comments']);
  });

  it('reads the classic helpdesk page through the legacy resolvers', async () => {
    const { ticket, unreadable } = await readPage('legacy-helpdesk/ticket.2001.html', 'https://acme.freshdesk.com/helpdesk/tickets/2001');
    expect(ticket).toMatchObject({ id: '2001', subject: 'Refund not received for cancelled annual plan', group: 'Tier 1 - Frontline', currentTier: 'T1', priority: 'high', issueType: 'billing', amount: { value: 1480.5, currency: 'EUR' } });
    expect(ticket.requester).toMatchObject({ name: 'Hana Kobayashi', customerTier: 'enterprise' });
    expect(ticket.comments.map((c) => [c.author, c.public])).toEqual([['customer', true], ['agent', false]]);
    expect(unreadable).toEqual(['status']);
  });
});

describe('Freshdesk write-back', () => {
  const frontLine = { tier: 'T1' as const, role: 'front-line-agent' };
  const noteText = 'Summary: <script>x</script>\nSteps tried: refund check';

  it('posts an escaped private note, then replaces tier_1 by tier_2 with the role tag and sets the Tier 2 group', async () => {
    const groups = await freshdesk.readGroups({ fetch: createFixtureFetch(fx), origin });
    const plan = freshdesk.buildWriteBack({ ref: '2001', noteText, from: frontLine, to: { tier: 'T2', role: 'senior-specialist' }, policy: defaultPolicy, currentTags: ['refund', 'tier_1'], groups });
    expect(plan.notes).toEqual([]);
    expect(plan.requests.map((r) => [r.method, r.url, r.purpose])).toEqual([
      ['POST', '/api/v2/tickets/2001/notes', 'Add the handoff packet as a private note'],
      ['PUT', '/api/v2/tickets/2001', 'Move the ticket to Senior Specialist (Tier 2)'],
    ]);
    expect(plan.requests[0]?.body).toEqual({ body: '<div>Summary: &lt;script&gt;x&lt;/script&gt;</div><div>Steps tried: refund check</div>', private: true });
    expect(plan.requests[1]?.body).toEqual({ tags: ['refund', 'tier_2', 'role_senior_specialist'], group_id: 3102 });
  });

  it('moves a refund dispute sideways into the Billing group, Tier 1 kept, the front-line role tag replaced', async () => {
    const groups = await freshdesk.readGroups({ fetch: createFixtureFetch(fx), origin });
    const plan = freshdesk.buildWriteBack({ ref: '2001', noteText, from: frontLine, to: { tier: 'T1', role: 'billing-specialist' }, policy: defaultPolicy, currentTags: ['refund', 'tier_1', 'role_front_line_agent'], groups });
    expect(plan.notes).toEqual([]);
    expect(plan.requests[1]).toMatchObject({ body: { tags: ['refund', 'tier_1', 'role_billing_specialist'], group_id: 3105 }, purpose: 'Move the ticket to Billing Specialist (Tier 1)' });
  });

  it('falls back to the Tier 1 group, and says so, when the account has no Billing group', () => {
    const groups = [{ id: '3101', name: 'Tier 1 - Frontline' }];
    const plan = freshdesk.buildWriteBack({ ref: '2001', noteText, from: frontLine, to: { tier: 'T1', role: 'billing-specialist' }, policy: defaultPolicy, currentTags: ['tier_1'], groups });
    expect(plan.requests[1]?.body).toEqual({ tags: ['tier_1', 'role_billing_specialist'], group_id: 3101 });
    expect(plan.notes).toEqual(['The group "Billing" for Billing Specialist (Tier 1) was not found among the helpdesk\'s groups; the T1 group is assigned instead.']);
  });

  it('sends the ticket update alone when the note is already on the ticket', () => {
    const plan = freshdesk.buildWriteBack({ ref: '2001', noteText, includeNote: false, from: frontLine, to: { tier: 'T2', role: 'senior-specialist' }, policy: defaultPolicy, currentTags: ['tier_1'], groups: [{ id: '3102', name: 'Tier 2 - Technical' }] });
    expect(plan.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['PUT /api/v2/tickets/2001']);
    expect(plan.requests[0]?.body).toEqual({ tags: ['tier_2', 'role_senior_specialist'], group_id: 3102 });
  });
});

describe('Freshdesk signed-in agent and role', () => {
  it('reads the agent from /api/v2/agents/me, its name on the contact', async () => {
    const fetch = createFixtureFetch(fx);
    expect(await freshdesk.readCurrentUser({ fetch, origin })).toEqual({ id: '5501', name: 'Kwame Mensah', email: 'kwame.mensah@acme.example' });
    expect(fetch.calls.map((c) => c.url)).toEqual(['https://acme.freshdesk.com/api/v2/agents/me']);
  });

  it('reads a ticket in the Billing group as Tier 1 with the Billing Specialist', () => {
    const { ticket } = freshdesk.ticketFromApiResponses(
      { ticket: { id: 2001, subject: 'Refund', status: 2, group_id: 3105, tags: ['tier_1', 'role_billing_specialist'] }, group: { id: 3105, name: 'Billing' } },
      { ref: '2001', policy: defaultPolicy },
    );
    expect(ticket).toMatchObject({ group: 'Billing', currentTier: 'T1', assigneeRole: 'billing-specialist' });
  });
});
