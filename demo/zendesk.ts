/**
 * acme.zendesk.com: Agent Workspace pages with the multi-tab header (each
 * open ticket a tab, one active pane) and the Support API answers the
 * adapter reads. Shapes follow the public API reference:
 * https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/
 * DOM hooks follow the team's selector notes (data-test-id attributes).
 */
import type { RecordedRequest, RouteResponse, Routes } from '../tests/e2e/harness/helpdesk-server';
import { esc, page } from './html';
import { addAgentComment, applyMove, commentAt, type DemoAgent, type DemoComment, initialState, minutesBefore, SCENARIOS, type Scenario, type TicketState } from './scenarios';

export const ZENDESK_HOST = 'acme.zendesk.com';
export const ZENDESK_CSRF_TOKEN = 'demo-csrf-6a1f';
/** A ticket whose page lacks the workspace markup and whose API answers 404. */
export const ZENDESK_BROKEN_ID = '1999';

const GROUPS = [
  { id: 360001, name: 'Tier 1' },
  { id: 360002, name: 'Tier 2' },
  { id: 360003, name: 'Tier 3' },
  { id: 360004, name: 'Tier 4' },
];
const FIELDS = { plan: 5001, amount: 5002 };
/** The colleague who wrote the scenarios' agent notes. */
const AGENT = { id: 900, name: 'Alex Agent', email: 'alex@acme.test', role: 'agent' };
/** Who is signed in to the demo Zendesk: `/api/v2/users/me.json` names her, and what the overlay writes is hers. */
export const ZENDESK_SIGNED_IN_AGENT: DemoAgent = { name: 'Dana Reyes', email: 'dana.reyes@acme.test' };
const SIGNED_IN = { id: 901, ...ZENDESK_SIGNED_IN_AGENT, role: 'agent' };
const authorOf = (c: DemoComment) => (c.writtenAt ? SIGNED_IN : AGENT);

export const zendeskTickets = SCENARIOS.map((s, i) => ({ id: 1001 + i, scenario: s }));

export function zendeskTicketId(key: Scenario['key']): string {
  const found = zendeskTickets.find((t) => t.scenario.key === key);
  if (!found) throw new Error(`no Zendesk demo ticket for ${key}`);
  return String(found.id);
}

function requester(id: number, s: Scenario) {
  return { id: id * 10, name: s.requester.name, email: s.requester.email, role: 'end-user', organization_id: id * 100 };
}

function ticketJson(id: number, s: Scenario, st: TicketState) {
  return {
    ticket: {
      id,
      subject: s.subject,
      description: s.description,
      status: 'open',
      priority: s.priority,
      type: 'question',
      requester_id: id * 10,
      organization_id: id * 100,
      group_id: GROUPS.find((g) => g.name === st.group)?.id ?? null,
      tags: st.tags,
      custom_fields: [
        { id: FIELDS.plan, value: s.organization.plan.toLowerCase() },
        { id: FIELDS.amount, value: s.disputedAmount === undefined ? null : String(s.disputedAmount) },
      ],
      via: { channel: 'email' },
      created_at: minutesBefore(st.openedAt, s.createdMinutesAgo),
      updated_at: st.changes.at(-1)?.at ?? minutesBefore(st.openedAt, Math.min(...st.comments.map((c) => c.minutesAgo))),
    },
    users: [requester(id, s)],
    groups: GROUPS,
    organizations: [{ id: id * 100, name: s.organization.name, tags: [], organization_fields: { plan: s.organization.plan } }],
  };
}

function commentsJson(id: number, s: Scenario, st: TicketState) {
  return {
    comments: st.comments.map((c, i) => ({
      id: id * 1000 + i,
      body: c.body,
      plain_body: c.body,
      public: c.public,
      author_id: c.author === 'customer' ? id * 10 : authorOf(c).id,
      created_at: commentAt(c, st.openedAt),
    })),
    users: [requester(id, s), AGENT, SIGNED_IN],
  };
}

const groupId = (name: string) => GROUPS.find((g) => g.name === name)?.id;

function auditsJson(s: Scenario, st: TicketState) {
  return {
    audits: [
      { created_at: minutesBefore(st.openedAt, s.createdMinutesAgo), events: [{ type: 'Create', field_name: 'group_id', value: String(groupId(s.group)) }] },
      ...st.changes.map((c) => ({
        created_at: c.at,
        author_id: SIGNED_IN.id,
        events: [
          ...(c.group ? [{ type: 'Change', field_name: 'group_id', value: String(groupId(c.group.to)), previous_value: String(groupId(c.group.from)) }] : []),
          ...(c.tags ? [{ type: 'Change', field_name: 'tags', value: c.tags.to, previous_value: c.tags.from }] : []),
        ],
      })),
    ],
  };
}

/**
 * PUT /api/v2/tickets/{id}.json as Zendesk applies it: a comment (internal
 * when `public: false`), `additional_tags` / `remove_tags` or a whole `tags`
 * list, and `group_id`; the answer is the updated ticket.
 */
function updateTicket(id: number, s: Scenario, st: TicketState, req: RecordedRequest, now: Date): RouteResponse {
  let update: { comment?: { body?: unknown; public?: unknown }; tags?: unknown; additional_tags?: unknown; remove_tags?: unknown; group_id?: unknown };
  try {
    update = (JSON.parse(req.body) as { ticket?: typeof update }).ticket ?? {};
  } catch {
    return { status: 400, body: { error: 'InvalidJSON' } };
  }
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : []);
  const group = typeof update.group_id === 'number' ? GROUPS.find((g) => g.id === update.group_id) : undefined;
  if (update.group_id !== undefined && !group) return { status: 422, body: { error: 'RecordInvalid', details: { group_id: [{ description: 'Group is invalid' }] } } };
  if (update.comment && typeof update.comment.body === 'string') addAgentComment(st, update.comment.body, update.comment.public !== false, now);
  const remove = new Set(strings(update.remove_tags));
  const tags = Array.isArray(update.tags) ? strings(update.tags) : [...new Set([...st.tags.filter((t) => !remove.has(t)), ...strings(update.additional_tags)])];
  applyMove(st, { tags, ...(group ? { group: group.name } : {}) }, now);
  return { body: ticketJson(id, s, st) };
}

const ticketFieldsJson = {
  ticket_fields: [
    { id: FIELDS.plan, title: 'Plan', type: 'tagger', custom_field_options: ['Free', 'Standard', 'Premium', 'Enterprise'].map((p) => ({ name: p, value: p.toLowerCase() })) },
    { id: FIELDS.amount, title: 'Disputed amount', type: 'decimal', custom_field_options: null },
  ],
};

const STYLE = `
body { margin: 0; font: 14px/1.45 system-ui, sans-serif; color: #2f3941; background: #f8f9f9; }
.topbar { height: 48px; display: flex; align-items: center; padding: 0 16px; background: #03363d; color: #fff; font-weight: 600; }
.tabs { display: flex; gap: 2px; background: #e9ebed; padding: 4px 8px 0; overflow: hidden; }
[data-test-id="header-tab"] { flex: 0 1 200px; min-width: 64px; padding: 6px 12px; background: #d8dcde; border-radius: 4px 4px 0 0; max-width: 200px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
[data-test-id="header-tab"][data-selected="true"] { background: #fff; font-weight: 600; }
[data-test-id="header-tab"] a { color: inherit; text-decoration: none; }
[data-test-id="header-tab-subtitle"] { display: block; font-size: 12px; color: #68737d; font-weight: 400; }
.ticket-panes-grid-layout { display: grid; grid-template-columns: minmax(0, 1fr) 260px; gap: 16px; padding: 16px; background: #fff; }
.ticket-panes-grid-layout[data-is-active="false"] { display: none; }
.pane-header input { width: 100%; font: 600 20px system-ui, sans-serif; border: 0; padding: 4px 0; color: #2f3941; }
[data-test-id="omni-header-via-label"] { color: #68737d; font-size: 12px; margin-bottom: 12px; }
article[data-test-id="omni-log-comment-item"] { border-top: 1px solid #e9ebed; padding: 10px 0; }
article.internal { background: #fff6e5; padding: 10px; }
[data-test-id="omni-log-internal-note-tag"] { font-size: 11px; color: #ad5e18; text-transform: uppercase; }
[data-test-id="ticket-sidebar"] { border-left: 1px solid #e9ebed; padding-left: 16px; font-size: 13px; }
[data-test-id="ticket-sidebar"] label { display: block; color: #68737d; margin-top: 8px; }
`;

/** Switching tabs flips data-is-active / data-selected and pushes the URL, as the workspace does. */
const TABS_SCRIPT = `
document.addEventListener('click', (event) => {
  const tab = event.target.closest && event.target.closest('[data-test-id="header-tab"]');
  if (!tab) return;
  event.preventDefault();
  const id = tab.getAttribute('data-entity-id');
  for (const t of document.querySelectorAll('[data-test-id="header-tab"]')) {
    const on = t === tab; t.setAttribute('data-selected', String(on)); t.setAttribute('aria-selected', String(on));
  }
  history.pushState({}, '', '/agent/tickets/' + id);
  for (const p of document.querySelectorAll('.ticket-panes-grid-layout')) {
    p.setAttribute('data-is-active', String(p.getAttribute('data-side-conversations-anchor-id') === id));
  }
});
window.addEventListener('popstate', () => location.reload());
`;

function pane(id: number, s: Scenario, st: TicketState, active: boolean): string {
  const log = st.comments
    .map(
      (c) => `<article data-test-id="omni-log-comment-item" class="${c.public ? '' : 'internal'}">
  <div data-test-id="omni-log-item-sender"><strong>${esc(c.author === 'customer' ? s.requester.name : authorOf(c).name)}</strong></div>
  ${c.public ? '' : '<span data-test-id="omni-log-internal-note-tag">Internal note</span>'}
  <div data-test-id="omni-log-item-message"><div data-test-id="omni-log-message-content">${esc(c.body)}</div></div>
  <time data-test-id="timestamp-relative" datetime="${commentAt(c, st.openedAt)}">${c.minutesAgo} minutes ago</time>
</article>`,
    )
    .join('\n');
  return `<div class="ticket-panes-grid-layout" data-is-active="${active}" data-side-conversations-anchor-id="${id}">
  <section>
    <div class="pane-header"><input data-test-id="omni-header-subject" aria-label="Subject" value="${esc(s.subject)}" readonly></div>
    <div data-test-id="omni-header-via-label">via Email</div>
    <div data-test-id="omni-log-container">${log}</div>
  </section>
  <aside data-test-id="ticket-sidebar">
    <label>Requester</label><div data-test-id="ticket-system-field-requester-select">${esc(s.requester.name)}</div>
    <label>Group</label><div data-test-id="assignee-field"><span data-test-id="assignee-field-selected-group-tag">${esc(st.group)}</span></div>
    <label>Tags</label>${st.tags.map((t) => `<span data-test-id="ticket-system-field-tags-item-selected"><span class="garden-tag-item">${esc(t)}</span></span>`).join(' ')}
  </aside>
</div>`;
}

function workspacePage(activeId: number, states: Map<number, TicketState>): string {
  const tabs = zendeskTickets
    .map(
      ({ id, scenario: s }) =>
        `<div data-test-id="header-tab" role="tab" data-entity-id="${id}" data-selected="${id === activeId}" aria-selected="${id === activeId}"><a href="/agent/tickets/${id}"><span data-test-id="header-tab-title">${esc(s.subject)}</span><span data-test-id="header-tab-subtitle">${esc(s.requester.name)}</span></a></div>`,
    )
    .join('');
  const panes = zendeskTickets.map(({ id, scenario: s }) => pane(id, s, states.get(id) ?? initialState(s), id === activeId)).join('\n');
  return page({
    title: `Ticket #${activeId} – Acme Support`,
    style: STYLE,
    script: TABS_SCRIPT,
    head: `<meta name="csrf-token" content="${ZENDESK_CSRF_TOKEN}">`,
    body: `<div class="topbar">Acme Support · Zendesk Agent Workspace (demo)</div><nav class="tabs" role="tablist">${tabs}</nav><main>${panes}</main>`,
  });
}

/**
 * The route table for acme.zendesk.com; `now` dates the tickets so their clocks read as the scenario says.
 * Each call starts from the scenarios; ticket updates (the overlay's write-back) change that table's tickets.
 */
export function zendeskRoutes(now: () => Date = () => new Date()): Routes {
  const routes: Routes = {};
  const opened = now();
  const states = new Map(zendeskTickets.map(({ id, scenario: s }) => [id, initialState(s, s.group, opened)]));
  for (const { id, scenario: s } of zendeskTickets) {
    const st = states.get(id) ?? initialState(s);
    routes[`${ZENDESK_HOST} /agent/tickets/${id}`] = () => ({ body: workspacePage(id, states) });
    routes[`${ZENDESK_HOST} /api/v2/tickets/${id}.json`] = (req) => (req.method === 'PUT' ? updateTicket(id, s, st, req, now()) : { body: ticketJson(id, s, st) });
    routes[`${ZENDESK_HOST} /api/v2/tickets/${id}/comments.json`] = () => ({ body: commentsJson(id, s, st) });
    routes[`${ZENDESK_HOST} /api/v2/tickets/${id}/audits.json`] = () => ({ body: auditsJson(s, st) });
  }
  // https://developer.zendesk.com/api-reference/ticketing/users/users/#show-self
  routes[`${ZENDESK_HOST} /api/v2/users/me.json`] = { user: { ...SIGNED_IN, url: `https://${ZENDESK_HOST}/api/v2/users/${SIGNED_IN.id}.json`, active: true, verified: true, default_group_id: GROUPS[0]?.id } };
  routes[`${ZENDESK_HOST} /api/v2/ticket_fields.json`] = ticketFieldsJson;
  routes[`${ZENDESK_HOST} /api/v2/groups.json`] = { groups: GROUPS, next_page: null, count: GROUPS.length };
  routes[`${ZENDESK_HOST} /agent/tickets/${ZENDESK_BROKEN_ID}`] = page({
    title: 'Acme Support',
    style: STYLE,
    body: '<div class="topbar">Acme Support · Zendesk (a redesigned page the adapter does not know)</div><main><p>Loading…</p></main>',
  });
  routes[`${ZENDESK_HOST} /api/v2/tickets/${ZENDESK_BROKEN_ID}.json`] = { status: 404, body: { error: 'RecordNotFound' } };
  routes[`${ZENDESK_HOST} /agent/*`] = { status: 404, body: '<!doctype html><title>Not found</title><p>No such ticket in the demo.</p>' };
  return routes;
}
