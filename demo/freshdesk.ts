/**
 * acme.freshdesk.com: the Ember agent UI's ticket page (with a ticket list
 * that navigates client-side) and API v2 answers. Shapes follow the public
 * API reference (https://developers.freshdesk.com/api/#tickets): status 2 Open,
 * priority 1 Low … 4 Urgent, `description_text` and `body_text` as plain text.
 */
import type { RecordedRequest, RouteResponse, Routes } from '../tests/e2e/harness/helpdesk-server';
import { esc, page, SPA_SCRIPT } from './html';
import { addAgentComment, applyMove, commentAt, type DemoAgent, initialState, minutesBefore, SCENARIOS, type Scenario, type TicketState } from './scenarios';

export const FRESHDESK_HOST = 'acme.freshdesk.com';

const GROUPS = [
  { id: 7001, name: 'Tier 1 - Frontline' },
  { id: 7002, name: 'Tier 2 - Technical' },
  { id: 7003, name: 'Tier 3 - Engineering' },
  { id: 7004, name: 'Tier 4 - Specialist' },
  // The Billing Specialists' own group: the default policy moves billing disputes here (Tier 1, another role).
  { id: 7005, name: 'Billing' },
];
const PRIORITY = { low: 1, normal: 2, high: 3, urgent: 4 } as const;
/** The colleague who wrote the scenarios' agent notes and is the tickets' responder. */
const AGENT_ID = 8801;
/** Who is signed in to the demo Freshdesk: `/api/v2/agents/me` names him, and what the overlay writes is his. */
export const FRESHDESK_SIGNED_IN_AGENT: DemoAgent = { name: 'Noor Jansen', email: 'noor.jansen@acme.test' };
const SIGNED_IN_ID = 8802;

export const freshdeskTickets = SCENARIOS.map((s, i) => ({ id: 2001 + i, scenario: s }));

export function freshdeskTicketId(key: Scenario['key']): string {
  const found = freshdeskTickets.find((t) => t.scenario.key === key);
  if (!found) throw new Error(`no Freshdesk demo ticket for ${key}`);
  return String(found.id);
}

const groupOf = (s: Scenario) => GROUPS.find((g) => g.name.startsWith(s.group)) ?? GROUPS[0];

function ticketJson(id: number, s: Scenario, st: TicketState, now: Date) {
  const group = GROUPS.find((g) => g.name === st.group);
  return {
    id,
    subject: s.subject,
    description: `<div>${esc(s.description)}</div>`,
    description_text: s.description,
    status: 2,
    priority: PRIORITY[s.priority],
    source: 1,
    type: 'Question',
    group_id: group?.id ?? null,
    responder_id: AGENT_ID,
    requester_id: id * 10,
    company_id: id * 100,
    tags: st.tags,
    custom_fields: { cf_plan: s.organization.plan, cf_disputed_amount: s.disputedAmount ?? null },
    created_at: minutesBefore(st.openedAt, s.createdMinutesAgo),
    updated_at: st.changes.at(-1)?.at ?? minutesBefore(st.openedAt, Math.min(...st.comments.map((c) => c.minutesAgo))),
    due_by: minutesBefore(now, -240),
    fr_due_by: minutesBefore(now, -60),
    is_escalated: false,
    requester: { id: id * 10, name: s.requester.name, email: s.requester.email, mobile: null, phone: null },
    company: { id: id * 100, name: s.organization.name },
    stats: { agent_responded_at: null, requester_responded_at: minutesBefore(st.openedAt, s.comments[0]?.minutesAgo ?? 0), first_responded_at: null, status_updated_at: null, reopened_at: null, resolved_at: null, closed_at: null, pending_since: null },
  };
}

function conversationsJson(id: number, st: TicketState) {
  // The first customer message is the ticket description; conversations are what came after.
  return st.comments.slice(1).map((c, i) => ({
    id: id * 1000 + i,
    body: `<div>${esc(c.body)}</div>`,
    body_text: c.body,
    incoming: c.author === 'customer',
    private: !c.public,
    user_id: c.author === 'customer' ? id * 10 : c.writtenAt ? SIGNED_IN_ID : AGENT_ID,
    source: c.public ? 0 : 2,
    ticket_id: id,
    created_at: commentAt(c, st.openedAt),
    updated_at: commentAt(c, st.openedAt),
  }));
}

/** A note's HTML body as the plain text Freshdesk keeps beside it (`body_text`): one line per block, entities decoded. */
function htmlToText(html: string): string {
  const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ', '&amp;': '&' };
  return html
    .replace(/<br\s*\/?>/gi, '')
    .replace(/<\/(div|p)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|#39|nbsp|amp);/g, (e) => entities[e] ?? e)
    .replace(/\n$/, '');
}

type Body = Record<string, unknown>;
const parse = (req: RecordedRequest): Body | undefined => {
  try {
    const body: unknown = JSON.parse(req.body);
    return body && typeof body === 'object' ? (body as Body) : undefined;
  } catch {
    return undefined;
  }
};
const invalid = (field: string, message: string): RouteResponse => ({ status: 400, body: { description: 'Validation failed', errors: [{ field, message, code: 'invalid_value' }] } });

/**
 * One handler for a ticket's API paths, so the adapter's exact query strings do not matter. Writes change the
 * ticket as Freshdesk does: a note is added to the conversations, an update replaces the whole tag list and sets the group.
 * https://developers.freshdesk.com/api/#add_note_to_a_ticket, https://developers.freshdesk.com/api/#update_ticket
 */
function api(id: number, s: Scenario, st: TicketState, now: () => Date) {
  return (req: RecordedRequest): RouteResponse => {
    const path = req.path.split('?')[0] ?? '';
    const rest = path.slice(`/api/v2/tickets/${id}`.length);
    if (rest === '' && req.method === 'GET') return { body: ticketJson(id, s, st, now()) };
    if (rest === '' && req.method === 'PUT') {
      const update = parse(req);
      if (!update) return invalid('body', 'It should be a JSON object');
      const group = update.group_id === undefined ? undefined : GROUPS.find((g) => g.id === update.group_id);
      if (update.group_id !== undefined && !group) return invalid('group_id', 'There is no group matching the given group_id');
      if (update.tags !== undefined && !(Array.isArray(update.tags) && update.tags.every((t) => typeof t === 'string'))) return invalid('tags', 'It should be an array of strings');
      applyMove(st, { ...(Array.isArray(update.tags) ? { tags: update.tags as string[] } : {}), ...(group ? { group: group.name } : {}) }, now());
      return { body: ticketJson(id, s, st, now()) };
    }
    if (rest === '/conversations') return { body: conversationsJson(id, st) };
    if (rest === '/notes' && req.method === 'POST') {
      const note = parse(req);
      if (!note || typeof note.body !== 'string' || note.body.trim() === '') return invalid('body', 'It should not be blank');
      const body_text = htmlToText(note.body);
      addAgentComment(st, body_text, note.private === false, now());
      return { status: 201, body: { id: id * 1000 + st.comments.length, body: note.body, body_text, private: note.private !== false, incoming: false, user_id: SIGNED_IN_ID, ticket_id: id, created_at: now().toISOString() } };
    }
    return { status: 404, body: { code: 'not_found', message: `no ${req.method} ${path} in the demo` } };
  };
}

const STYLE = `
body { margin: 0; font: 14px/1.5 'Inter', system-ui, sans-serif; color: #12344d; background: #f5f7f9; }
.top { height: 52px; display: flex; align-items: center; padding: 0 20px; background: #fff; border-bottom: 1px solid #cfd7df; font-weight: 600; }
.app-main-wrapper { display: grid; grid-template-columns: 240px minmax(0, 1fr) 260px; }
.properties { border-left: 1px solid #cfd7df; padding: 16px; font-size: 13px; }
.ticket-list { background: #fff; border-right: 1px solid #cfd7df; padding: 8px; }
.ticket-list a { display: block; padding: 6px 8px; color: #2c5cc5; text-decoration: none; border-radius: 4px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.ticket-list a[aria-current="page"] { background: #ebeff3; font-weight: 600; }
#ticket-details { padding: 16px 24px; background: #fff; margin: 12px; border: 1px solid #cfd7df; border-radius: 6px; }
.breadcrumb__item.active { color: #647a8e; font-size: 12px; }
.page-actions__left { display: flex; gap: 8px; align-items: center; min-height: 32px; }
.ticket-subject-heading { font-size: 20px; margin: 8px 0; }
.ticket-details__item__content { border-top: 1px solid #ebeff3; padding: 10px 0; }
.private { background: #fef1e1; padding: 10px; }
.properties { margin-top: 12px; font-size: 13px; color: #475867; }
`;

function ticketPage(activeId: number, st: TicketState): string {
  const active = freshdeskTickets.find((t) => t.id === activeId);
  if (!active) throw new Error(`no Freshdesk demo ticket ${activeId}`);
  const s = active.scenario;
  const list = freshdeskTickets
    .map(({ id, scenario }) => `<a data-spa href="/a/tickets/${id}"${id === activeId ? ' aria-current="page"' : ''}>#${id} ${esc(scenario.subject)}</a>`)
    .join('');
  const conversation = st.comments
    .map(
      (c) =>
        `<div class="ticket-details__item__content${c.public ? '' : ' private'}"><div data-test-id="user-name">${esc(c.author === 'customer' ? s.requester.name : c.writtenAt ? FRESHDESK_SIGNED_IN_AGENT.name : 'Alex Agent')}${c.public ? '' : ' (private note)'}</div><div class="text__content">${esc(c.body)}</div><time datetime="${commentAt(c, st.openedAt)}"></time></div>`,
    )
    .join('');
  return page({
    title: `[#${activeId}] ${s.subject} : Acme Helpdesk`,
    style: STYLE,
    script: SPA_SCRIPT,
    body: `<div class="top">Acme Helpdesk · Freshdesk (demo)</div>
<div id="app" class="app-main-wrapper">
  <nav class="ticket-list" aria-label="Tickets">${list}</nav>
  <main id="ticket-details">
    <div id="mainactionbar"><div class="page-actions__left"><span class="breadcrumb__item active">#${activeId}</span></div></div>
    <h2 class="ticket-subject-heading">${esc(s.subject)}</h2>
    <div class="ticket-description">${conversation}</div>
  </main>
  <aside class="properties" aria-label="Ticket properties">
      <div data-test-id="tkt-properties-status"><span class="ember-power-select-selected-item">Open</span></div>
      <div data-test-id="priority"><span class="ember-power-select-selected-item">${esc(s.priority)}</span></div>
      <div data-test-id="Group"><span class="ember-power-select-selected-item">${esc(st.group)}</span></div>
      <div class="ticket-tags"><ul>${st.tags.map((t) => `<li><span class="tag-options">${esc(t)}</span></li>`).join('')}</ul></div>
  </aside>
</div>`,
  });
}

/** The route table for acme.freshdesk.com. Each call starts from the scenarios; write-backs change that table's tickets. */
export function freshdeskRoutes(now: () => Date = () => new Date()): Routes {
  const opened = now();
  const routes: Routes = {};
  for (const { id, scenario: s } of freshdeskTickets) {
    const st = initialState(s, groupOf(s)?.name, opened);
    routes[`${FRESHDESK_HOST} /a/tickets/${id}`] = () => ({ body: ticketPage(id, st) });
    routes[`${FRESHDESK_HOST} /api/v2/tickets/${id}`] = api(id, s, st, now);
    routes[`${FRESHDESK_HOST} /api/v2/tickets/${id}/*`] = api(id, s, st, now);
  }
  // https://developers.freshdesk.com/api/#me
  routes[`${FRESHDESK_HOST} /api/v2/agents/me`] = {
    id: SIGNED_IN_ID,
    available: true,
    occasional: false,
    ticket_scope: 1,
    group_ids: GROUPS.map((g) => g.id),
    type: 'support_agent',
    contact: { active: true, name: FRESHDESK_SIGNED_IN_AGENT.name, email: FRESHDESK_SIGNED_IN_AGENT.email, job_title: 'Support agent', language: 'en' },
  };
  for (const { id, scenario: s } of freshdeskTickets) {
    routes[`${FRESHDESK_HOST} /api/v2/companies/${id * 100}`] = { id: id * 100, name: s.organization.name, custom_fields: { plan: s.organization.plan } };
  }
  routes[`${FRESHDESK_HOST} /api/v2/groups`] = GROUPS;
  for (const group of GROUPS) routes[`${FRESHDESK_HOST} /api/v2/groups/${group.id}`] = group;
  return routes;
}
