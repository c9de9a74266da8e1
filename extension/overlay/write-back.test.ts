import { describe, expect, it } from 'vitest';
import { freshdesk } from '../../adapters/freshdesk/adapter';
import { jira } from '../../adapters/jira/adapter';
import { createRoutesFetch } from '../../adapters/node/routes-fetch';
import type { FetchLike, HelpdeskAdapter, WriteBackInput, WriteBackPlan } from '../../adapters/types';
import { zendesk } from '../../adapters/zendesk/adapter';
import { handoffPacketSchema } from '../../core/handoff/packet';
import { handoffIdFor, renderPacketText } from '../../core/handoff/render';
import { defaultPolicy } from '../../core/policy/default-policy';
import type { TierId } from '../../core/ticket';
import { demoRoutes, FRESHDESK_HOST, freshdeskTicketId, JIRA_HOST, jiraIssueKey, SIGNED_IN_AGENTS, ZENDESK_HOST, zendeskTicketId } from '../../demo/server';
import { performEscalationWriteBack, performWriteBack } from './write-back';

/** The escalation's second look at the ticket: the tab's fetch, then the worker's reading, as one call here. */
const reread = (adapter: HelpdeskAdapter, fetch: FetchLike, origin: string, ref: string) => async () => (await adapter.readTicketFromApi({ ref, fetch, origin, policy: defaultPolicy })).ticket;

const plan: WriteBackPlan = {
  requests: [
    { method: 'PUT', url: '/api/v2/tickets/7.json', headers: { 'X-CSRF-Token': 'abc', 'Content-Type': 'application/json' }, body: { ticket: { comment: { body: 'packet', public: false } } }, purpose: 'add the internal note' },
    { method: 'PUT', url: '/api/v2/tickets/7.json', headers: {}, body: { ticket: { tags: ['tier_2'] } }, purpose: 'set the tier tag' },
  ],
  notes: [],
};

describe('performWriteBack', () => {
  it('sends every request in order, same-origin, as JSON with the adapter headers', async () => {
    const sent: { url: string; init: RequestInit | undefined }[] = [];
    const result = await performWriteBack(plan, {
      origin: 'https://acme.zendesk.com',
      fetch: async (url, init) => {
        sent.push({ url, init });
        return new Response('{}', { status: 200 });
      },
    });
    expect(result).toEqual({ ok: true });
    expect(sent.map((s) => s.url)).toEqual(['https://acme.zendesk.com/api/v2/tickets/7.json', 'https://acme.zendesk.com/api/v2/tickets/7.json']);
    expect(sent[0]?.init?.credentials).toBe('same-origin');
    const headers = new Headers(sent[0]?.init?.headers);
    expect(headers.get('x-csrf-token')).toBe('abc');
    expect(headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(String(sent[0]?.init?.body))).toEqual({ ticket: { comment: { body: 'packet', public: false } } });
  });

  it('stops at the first refusal and names the step', async () => {
    let calls = 0;
    const result = await performWriteBack(plan, {
      origin: 'https://acme.zendesk.com',
      fetch: async () => {
        calls++;
        return new Response('{}', { status: 500 });
      },
    });
    expect(calls).toBe(1);
    expect(result).toEqual({ ok: false, message: 'the helpdesk answered 500 when asked to add the internal note' });
  });

  it('reports a network failure without throwing', async () => {
    const result = await performWriteBack(plan, {
      origin: 'https://acme.zendesk.com',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    expect(result).toEqual({ ok: false, message: 'could not reach the helpdesk to add the internal note' });
  });
});

describe('performEscalationWriteBack', () => {
  const origin = 'https://acme.zendesk.com';
  const handoffId = 'tl-7488cd267cbb';
  const packet = handoffPacketSchema.parse({
    id: 'zendesk-7',
    ticketId: '7',
    helpdesk: 'zendesk',
    from: 'T1',
    to: 'T1',
    summary: { problem: 'Charged twice for the annual plan.', done: '', needed: 'Refund the second charge.', customerContext: '' },
    createdAt: '2026-03-02T09:00:00Z',
    updatedAt: '2026-03-02T09:05:00Z',
  });
  const roles = { from: 'front-line-agent', to: 'billing-specialist' };
  const noteText = renderPacketText(defaultPolicy, packet, { author: 'Dana Reyes', handoffId, roles });
  const input: WriteBackInput = {
    ref: '7',
    noteText,
    from: { tier: 'T1', role: 'front-line-agent' },
    to: { tier: 'T1', role: 'billing-specialist' },
    policy: defaultPolicy,
    currentTags: ['tier_1', 'billing_question'],
    csrfToken: 'abc',
    groups: [{ id: '6101', name: 'Tier 1' }],
  };

  /** A Zendesk that keeps what it is sent: the comment and the tags of each ticket update, unless told to lose the answer. */
  function fakeZendesk({ answer = 'ok', readable = true }: { answer?: 'ok' | 'lost' | 'lost-once'; readable?: boolean } = {}) {
    const state = { tags: ['tier_1', 'billing_question'], comments: [{ id: 1, body: 'Please refund the second charge.', plain_body: 'Please refund the second charge.', public: true, author_id: 70 }] };
    const writes: { ticket: { comment?: { body: string }; additional_tags?: string[]; remove_tags?: string[] } }[] = [];
    let lose = answer !== 'ok';
    const fetch: FetchLike = async (url, init) => {
      const path = new URL(url).pathname;
      const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
      if (init?.method === 'PUT') {
        const body = JSON.parse(String(init.body)) as (typeof writes)[number];
        writes.push(body);
        const { comment, additional_tags = [], remove_tags = [] } = body.ticket;
        if (comment) state.comments.push({ id: state.comments.length + 1, body: comment.body, plain_body: comment.body, public: false, author_id: 90 });
        state.tags = [...new Set([...state.tags.filter((t) => !remove_tags.includes(t)), ...additional_tags])];
        if (lose) {
          if (answer === 'lost-once') lose = false;
          throw new TypeError('Failed to fetch');
        }
        return json({ ticket: { id: 7 } });
      }
      if (!readable) return json({ error: 'Forbidden' }, 403);
      const users = [{ id: 70, name: 'Tom Rivera', role: 'end-user' }, { id: 90, name: 'Dana Reyes', role: 'agent' }];
      if (path === '/api/v2/tickets/7.json') return json({ ticket: { id: 7, subject: 'Charged twice', status: 'open', requester_id: 70, group_id: 6101, tags: state.tags, created_at: '2026-03-02T08:00:00Z' }, users, groups: [{ id: 6101, name: 'Tier 1' }] });
      if (path === '/api/v2/tickets/7/comments.json') return json({ comments: state.comments, users });
      return json({ error: 'RecordNotFound' }, 404);
    };
    return { fetch, writes, state };
  }

  it('writes the note and the move on the first escalation', async () => {
    const zd = fakeZendesk();
    expect(await performEscalationWriteBack({ adapter: zendesk, readTicket: reread(zendesk, zd.fetch, origin, input.ref), input, handoffId, fetch: zd.fetch, origin })).toEqual({ ok: true, found: 'nothing' });
    expect(zd.writes).toHaveLength(1);
    expect(zd.writes[0]?.ticket.comment?.body).toContain(`· ${handoffId}]`);
    expect(zd.state.tags).toEqual(['tier_1', 'billing_question', 'role_billing_specialist']);
  });

  it('writes nothing on a second click once the note and the move are on the ticket', async () => {
    const zd = fakeZendesk();
    await performEscalationWriteBack({ adapter: zendesk, readTicket: reread(zendesk, zd.fetch, origin, input.ref), input, handoffId, fetch: zd.fetch, origin });
    expect(await performEscalationWriteBack({ adapter: zendesk, readTicket: reread(zendesk, zd.fetch, origin, input.ref), input, handoffId, fetch: zd.fetch, origin })).toEqual({ ok: true, found: 'note-and-move' });
    expect(zd.writes).toHaveLength(1);
    expect(zd.state.comments.filter((c) => c.body.includes(handoffId))).toHaveLength(1);
  });

  it('retries an escalation whose answer was lost without writing a second note', async () => {
    const zd = fakeZendesk({ answer: 'lost-once' });
    // The helpdesk took the update, but the answer never arrived: the agent sees a failure and tries again.
    expect(await performEscalationWriteBack({ adapter: zendesk, readTicket: reread(zendesk, zd.fetch, origin, input.ref), input, handoffId, fetch: zd.fetch, origin })).toMatchObject({ ok: false });
    expect(await performEscalationWriteBack({ adapter: zendesk, readTicket: reread(zendesk, zd.fetch, origin, input.ref), input, handoffId, fetch: zd.fetch, origin })).toEqual({ ok: true, found: 'note-and-move' });
    expect(zd.state.comments.filter((c) => c.body.includes(handoffId))).toHaveLength(1);
  });

  it('sends the move alone when the note is there but the move is not', async () => {
    const zd = fakeZendesk();
    zd.state.comments.push({ id: 2, body: noteText, plain_body: noteText, public: false, author_id: 90 });
    expect(await performEscalationWriteBack({ adapter: zendesk, readTicket: reread(zendesk, zd.fetch, origin, input.ref), input, handoffId, fetch: zd.fetch, origin })).toEqual({ ok: true, found: 'note' });
    expect(zd.writes).toEqual([{ ticket: { additional_tags: ['tier_1', 'role_billing_specialist'], remove_tags: [], group_id: 6101 } }]);
    expect(zd.state.comments.filter((c) => c.body.includes(handoffId))).toHaveLength(1);
  });

  it('shares one write-back between two clicks made while the first is in flight', async () => {
    const zd = fakeZendesk();
    const [first, second] = await Promise.all([
      performEscalationWriteBack({ adapter: zendesk, readTicket: reread(zendesk, zd.fetch, origin, input.ref), input, handoffId, fetch: zd.fetch, origin }),
      performEscalationWriteBack({ adapter: zendesk, readTicket: reread(zendesk, zd.fetch, origin, input.ref), input, handoffId, fetch: zd.fetch, origin }),
    ]);
    expect(first).toEqual({ ok: true, found: 'nothing' });
    expect(second).toBe(first);
    expect(zd.writes).toHaveLength(1);
  });

  it('still writes the note when the ticket cannot be re-read, so the packet is not lost', async () => {
    const zd = fakeZendesk({ readable: false });
    expect(await performEscalationWriteBack({ adapter: zendesk, readTicket: reread(zendesk, zd.fetch, origin, input.ref), input, handoffId, fetch: zd.fetch, origin })).toEqual({ ok: true, found: 'nothing' });
    expect(zd.writes[0]?.ticket.comment?.body).toContain(handoffId);
  });

  it('sends nothing when the note does not carry the handoff id a retry would look for', async () => {
    const zd = fakeZendesk();
    const unmarked = { ...input, noteText: renderPacketText(defaultPolicy, packet, { author: 'Dana Reyes', roles }) };
    expect(await performEscalationWriteBack({ adapter: zendesk, readTicket: reread(zendesk, zd.fetch, origin, unmarked.ref), input: unmarked, handoffId, fetch: zd.fetch, origin })).toEqual({ ok: false, message: 'the handoff note does not carry its handoff id, so nothing was sent' });
    expect(zd.writes).toEqual([]);
  });
});

describe('performEscalationWriteBack on the demo helpdesks', () => {
  const desks: [string, HelpdeskAdapter, string, (key: 'billing' | 'enterprise') => string][] = [
    ['Zendesk', zendesk, `https://${ZENDESK_HOST}`, zendeskTicketId],
    ['Freshdesk', freshdesk, `https://${FRESHDESK_HOST}`, freshdeskTicketId],
    ['Jira Service Management', jira, `https://${JIRA_HOST}`, jiraIssueKey],
  ];
  const moves: [string, 'billing' | 'enterprise', { tier: TierId; role: string }][] = [
    ['sideways to the Billing Specialist', 'billing', { tier: 'T1', role: 'billing-specialist' }],
    ['up to the Senior Specialist', 'enterprise', { tier: 'T2', role: 'senior-specialist' }],
  ];

  async function escalation(adapter: HelpdeskAdapter, origin: string, ref: string, to: { tier: TierId; role: string }, fetch: FetchLike) {
    const { ticket } = await adapter.readTicketFromApi({ ref, fetch, origin, policy: defaultPolicy });
    const from = { tier: 'T1' as const, role: 'front-line-agent' };
    const handoffId = handoffIdFor({ helpdesk: adapter.id, ticketId: ref, from, to, since: ticket.tierEnteredAt });
    const packet = handoffPacketSchema.parse({ id: `${adapter.id}-${ref}`, ticketId: ref, helpdesk: adapter.id, from: from.tier, to: to.tier, summary: { problem: 'The customer is stuck.', done: '', needed: '', customerContext: '' }, createdAt: '2026-03-02T09:55:00Z', updatedAt: '2026-03-02T09:55:00Z' });
    const author = await adapter.readCurrentUser?.({ fetch, origin });
    const noteText = renderPacketText(defaultPolicy, packet, { author: author?.name ?? 'unknown', handoffId, roles: { from: from.role, to: to.role } });
    const groups = await adapter.readGroups?.({ fetch, origin });
    const input: WriteBackInput = { ref, noteText, from, to, policy: defaultPolicy, currentTags: ticket.tags, csrfToken: 'demo', groups };
    return { adapter, readTicket: reread(adapter, fetch, origin, ref), input, handoffId, fetch, origin };
  }

  for (const [name, adapter, origin, ref] of desks) {
    for (const [move, key, to] of moves) {
      it(`moves a ${name} ticket ${move} once, signed by the signed-in agent, and writes nothing on a second click`, async () => {
        const fetch = createRoutesFetch(demoRoutes(() => new Date('2026-03-02T10:00:00Z')));
        const writes = () => fetch.requests.filter((r) => r.method !== 'GET');
        const first = await escalation(adapter, origin, ref(key), to, fetch);
        expect(await performEscalationWriteBack(first)).toEqual({ ok: true, found: 'nothing' });
        const written = writes().length;
        expect(written).toBeGreaterThan(0);
        expect(writes().map((w) => w.body).join('\n')).toContain(`by ${SIGNED_IN_AGENTS[adapter.id].name} · ${first.handoffId}]`);
        // A second click sends the same escalation again: the overlay still holds the ticket as read before the first.
        expect(await performEscalationWriteBack(first)).toEqual({ ok: true, found: 'note-and-move' });
        expect(writes()).toHaveLength(written);
        const { ticket } = await adapter.readTicketFromApi({ ref: ref(key), fetch, origin, policy: defaultPolicy });
        expect(ticket.comments.filter((c) => c.body.includes(first.handoffId))).toHaveLength(1);
        expect(ticket.tags).toEqual(expect.arrayContaining([`tier_${to.tier.slice(1)}`, `role_${to.role.replace(/-/g, '_')}`]));
      });
    }
  }

  it('retries a Freshdesk escalation whose ticket update failed after the note went in: the update alone, no second note', async () => {
    const routes = demoRoutes(() => new Date('2026-03-02T10:00:00Z'));
    const id = freshdeskTicketId('billing');
    const key = `${FRESHDESK_HOST} /api/v2/tickets/${id}`;
    const original = routes[key];
    if (typeof original !== 'function') throw new Error('expected a function route');
    let failUpdate = true;
    routes[key] = (req) => (req.method === 'PUT' && failUpdate ? { status: 503, body: { code: 'service_unavailable' } } : original(req));
    const fetch = createRoutesFetch(routes);
    const escalate = await escalation(freshdesk, `https://${FRESHDESK_HOST}`, id, { tier: 'T1', role: 'billing-specialist' }, fetch);
    expect(await performEscalationWriteBack(escalate)).toEqual({ ok: false, message: 'the helpdesk answered 503 when asked to move the ticket to Billing Specialist (Tier 1)' });
    failUpdate = false;
    const before = fetch.requests.length;
    expect(await performEscalationWriteBack(escalate)).toEqual({ ok: true, found: 'note' });
    expect(fetch.requests.slice(before).filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /api/v2/tickets/${id}`]);
    const { ticket } = await freshdesk.readTicketFromApi({ ref: id, fetch, origin: `https://${FRESHDESK_HOST}`, policy: defaultPolicy });
    expect(ticket).toMatchObject({ group: 'Billing', currentTier: 'T1', assigneeRole: 'billing-specialist' });
    expect(ticket.comments.filter((c) => c.body.includes(escalate.handoffId))).toHaveLength(1);
  });
});
