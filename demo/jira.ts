/**
 * acme.atlassian.net: a Jira Service Management issue view with a queue list
 * that navigates client-side, and the REST answers the adapter reads: the
 * platform issue (ADF text, `expand=names`) and the service desk SLA.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-get
 * https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-request/#api-rest-servicedeskapi-request-issueidorkey-sla-get
 */
import type { RecordedRequest, RouteResponse, Routes } from '../tests/e2e/harness/helpdesk-server';
import { esc, page, SPA_SCRIPT } from './html';
import { addAgentComment, applyMove, commentAt, type DemoAgent, type DemoComment, initialState, minutesBefore, SCENARIOS, type Scenario, type TicketState } from './scenarios';

export const JIRA_HOST = 'acme.atlassian.net';

export const jiraIssues = SCENARIOS.map((s, i) => ({ key: `SUP-${i + 1}`, id: 10100 + i, scenario: s }));

export function jiraIssueKey(key: Scenario['key']): string {
  const found = jiraIssues.find((t) => t.scenario.key === key);
  if (!found) throw new Error(`no Jira demo issue for ${key}`);
  return found.key;
}

const REQUEST_TYPE: Record<Scenario['key'], string> = {
  faq: 'Ask a question',
  billing: 'Billing question',
  breach: 'Report a security incident',
  enterprise: 'Get IT help',
  hostile: 'Ask a question',
  handoff: 'Report a bug',
};
const PRIORITY = { low: 'Low', normal: 'Medium', high: 'High', urgent: 'Highest' } as const;

/** Atlassian Document Format for plain text: one paragraph per line. */
function adf(text: string) {
  return { type: 'doc', version: 1, content: text.split('\n').map((line) => ({ type: 'paragraph', content: line ? [{ type: 'text', text: line }] : [] })) };
}

/** ADF back to plain text: a line per paragraph, hard breaks as newlines (the demo keeps comments as text). */
function adfText(doc: unknown): string {
  const node = doc as { type?: unknown; text?: unknown; content?: unknown };
  if (node?.type === 'text' && typeof node.text === 'string') return node.text;
  if (node?.type === 'hardBreak') return '\n';
  const children = Array.isArray(node?.content) ? node.content.map(adfText) : [];
  return node?.type === 'doc' ? children.join('\n') : children.join('');
}

function user(name: string, email: string) {
  return { accountId: `acc-${email}`, displayName: name, emailAddress: email, accountType: 'customer' };
}

/** Who is signed in to the demo Jira site: `/rest/api/3/myself` names him, and what the overlay writes is his. */
export const JIRA_SIGNED_IN_AGENT: DemoAgent = { name: 'Kenji Watanabe', email: 'kenji.watanabe@acme.test' };
const SIGNED_IN = { accountId: '712020:demo-kenji-watanabe', displayName: JIRA_SIGNED_IN_AGENT.name, emailAddress: JIRA_SIGNED_IN_AGENT.email, accountType: 'atlassian' };
const authorOf = (c: DemoComment) => (c.writtenAt ? SIGNED_IN : { accountId: 'acc-agent', displayName: 'Alex Agent', accountType: 'atlassian' });

function comments(s: Scenario, st: TicketState) {
  return st.comments.slice(1).map((c, i) => ({
    id: String(20000 + i),
    author: c.author === 'customer' ? user(s.requester.name, s.requester.email) : authorOf(c),
    body: adf(c.body),
    jsdPublic: c.public,
    created: commentAt(c, st.openedAt),
    updated: commentAt(c, st.openedAt),
  }));
}

function issueJson(key: string, id: number, s: Scenario, st: TicketState) {
  const list = comments(s, st);
  return {
    id: String(id),
    key,
    self: `https://${JIRA_HOST}/rest/api/3/issue/${id}`,
    names: { customfield_10010: 'Request Type', customfield_10020: 'Customer tier', customfield_10030: 'Disputed amount', customfield_10040: 'Support group' },
    fields: {
      summary: s.subject,
      description: adf(s.description),
      issuetype: { name: 'Service Request' },
      priority: { name: PRIORITY[s.priority] },
      status: { name: 'Waiting for support', statusCategory: { key: 'new' } },
      labels: st.tags,
      reporter: user(s.requester.name, s.requester.email),
      created: minutesBefore(st.openedAt, s.createdMinutesAgo),
      updated: st.changes.at(-1)?.at ?? minutesBefore(st.openedAt, Math.min(...st.comments.map((c) => c.minutesAgo))),
      customfield_10010: { requestType: { id: '12', name: REQUEST_TYPE[s.key] }, currentStatus: { status: 'Waiting for support' } },
      customfield_10020: { value: s.organization.plan },
      customfield_10030: s.disputedAmount ?? null,
      customfield_10040: { value: st.group },
      comment: { comments: list, maxResults: list.length, total: list.length, startAt: 0 },
    },
  };
}

function slaJson(s: Scenario, opened: Date) {
  const elapsed = s.createdMinutesAgo * 60_000;
  const goal = 4 * 60 * 60_000;
  return {
    values: [
      {
        name: 'Time to resolution',
        ongoingCycle: {
          startTime: { iso8601: minutesBefore(opened, s.createdMinutesAgo) },
          breachTime: { iso8601: minutesBefore(opened, s.createdMinutesAgo - 240) },
          breached: elapsed > goal,
          paused: false,
          withinCalendarHours: true,
          goalDuration: { millis: goal },
          elapsedTime: { millis: elapsed },
          remainingTime: { millis: goal - elapsed },
        },
      },
    ],
  };
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
const badRequest = (message: string): RouteResponse => ({ status: 400, body: { errorMessages: [message], errors: {} } });

/** An internal comment, as JSM reads the `sd.public.comment` property. */
const isInternal = (comment: Body) =>
  Array.isArray(comment.properties) && comment.properties.some((p: { key?: unknown; value?: { internal?: unknown } }) => p?.key === 'sd.public.comment' && p.value?.internal === true);

/** `{ update: { labels: [{ add }, { remove }, { set }] } }` or `{ fields: { labels } }` applied to the labels, as Jira does. */
function applyLabels(current: string[], body: Body): string[] | undefined {
  const fields = body.fields as { labels?: unknown } | undefined;
  if (Array.isArray(fields?.labels)) return fields.labels.filter((l): l is string => typeof l === 'string');
  const ops = (body.update as { labels?: unknown } | undefined)?.labels;
  if (!Array.isArray(ops)) return undefined;
  let labels = [...current];
  for (const op of ops as { add?: unknown; remove?: unknown; set?: unknown }[]) {
    if (typeof op?.add === 'string' && !labels.includes(op.add)) labels.push(op.add);
    if (typeof op?.remove === 'string') labels = labels.filter((l) => l !== op.remove);
    if (Array.isArray(op?.set)) labels = op.set.filter((l): l is string => typeof l === 'string');
  }
  return labels;
}

/**
 * The issue's REST paths. Writes change the issue as Jira does: a comment is added (internal when JSM's
 * `sd.public.comment` property says so), a labels update adds and removes labels.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-put
 */
function api(key: string, id: number, s: Scenario, st: TicketState, now: () => Date) {
  return (req: RecordedRequest): RouteResponse => {
    const path = req.path.split('?')[0] ?? '';
    if (path === `/rest/api/3/issue/${key}` && req.method === 'GET') return { body: issueJson(key, id, s, st) };
    if (path === `/rest/api/3/issue/${key}` && req.method === 'PUT') {
      const body = parse(req);
      const labels = body && applyLabels(st.tags, body);
      if (!labels) return badRequest('The request has no labels update the demo understands.');
      applyMove(st, { tags: labels }, now());
      return { status: 204, body: '' };
    }
    if (path === `/rest/api/3/issue/${key}/comment` && req.method === 'GET') return { body: issueJson(key, id, s, st).fields.comment };
    if (path === `/rest/api/3/issue/${key}/comment` && req.method === 'POST') {
      const body = parse(req);
      const text = body ? adfText(body.body) : '';
      if (!body || text.trim() === '') return badRequest('Comment body can not be empty!');
      addAgentComment(st, text, !isInternal(body), now());
      return { status: 201, body: { id: String(20000 + st.comments.length - 2), author: SIGNED_IN, body: body.body, jsdPublic: !isInternal(body), created: now().toISOString() } };
    }
    if (path === `/rest/servicedeskapi/request/${key}/sla`) return { body: slaJson(s, st.openedAt) };
    return { status: 404, body: { errorMessages: [`no ${req.method} ${path} in the demo`] } };
  };
}

const STYLE = `
body { margin: 0; font: 14px/1.43 -apple-system, 'Segoe UI', Roboto, sans-serif; color: #172b4d; background: #fff; }
.top { height: 56px; display: flex; align-items: center; padding: 0 16px; border-bottom: 1px solid #dfe1e6; font-weight: 600; color: #0c66e4; }
#app { display: grid; grid-template-columns: 260px minmax(0, 1fr) 280px; }
.details { border-left: 1px solid #dfe1e6; padding: 16px; font-size: 13px; }
.queue { border-right: 1px solid #dfe1e6; padding: 8px; background: #f7f8f9; }
.queue a { display: block; padding: 6px 8px; color: #172b4d; text-decoration: none; border-radius: 3px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.queue a[aria-current="page"] { background: #e9f2ff; color: #0c66e4; }
main { padding: 16px 24px; }
#jira-issue-header { color: #626f86; font-size: 12px; }
h1[data-testid] { font-size: 24px; font-weight: 500; margin: 8px 0 16px; }
.comment { border-top: 1px solid #dfe1e6; padding: 10px 0; }
.internal { background: #fff7d6; padding: 10px; }
`;

function issuePage(activeKey: string, st: TicketState): string {
  const active = jiraIssues.find((i) => i.key === activeKey);
  if (!active) throw new Error(`no Jira demo issue ${activeKey}`);
  const s = active.scenario;
  const queue = jiraIssues
    .map(({ key, scenario }) => `<a data-spa href="/browse/${key}"${key === activeKey ? ' aria-current="page"' : ''}>${key} ${esc(scenario.subject)}</a>`)
    .join('');
  const activity = st.comments
    .map((c) => `<div class="comment${c.public ? '' : ' internal'}"><strong>${esc(c.author === 'customer' ? s.requester.name : authorOf(c).displayName)}</strong>${c.public ? '' : ' · Internal note'}<p>${esc(c.body)}</p></div>`)
    .join('');
  return page({
    title: `[${activeKey}] ${s.subject} - Jira`,
    style: STYLE,
    script: SPA_SCRIPT,
    body: `<div class="top">Acme Service Desk · Jira Service Management (demo)</div>
<div id="app">
  <nav class="queue" aria-label="Queue">${queue}</nav>
  <main data-testid="issue.views.issue-details.issue-layout.container-left">
    <div id="jira-issue-header"><div data-testid="issue.views.issue-base.foundation.breadcrumbs.breadcrumb-current-issue-container"><a href="/browse/${activeKey}">${activeKey}</a></div></div>
    <h1 data-testid="issue.views.issue-base.foundation.summary.heading">${esc(s.subject)}</h1>
    <div data-testid="issue.views.field.rich-text.description"><div class="ak-renderer-document"><p>${esc(s.description)}</p></div></div>
    <section aria-label="Activity">${activity}</section>
  </main>
  <aside class="details" data-testid="issue.views.issue-details.issue-layout.container-right" aria-label="Details"><h2>Details</h2><p>Request type, status and assignee are shown here.</p></aside>
</div>`,
  });
}

/** The route table for acme.atlassian.net. Each call starts from the scenarios; write-backs change that table's issues. */
export function jiraRoutes(now: () => Date = () => new Date()): Routes {
  const opened = now();
  const routes: Routes = {};
  for (const { key, id, scenario: s } of jiraIssues) {
    const st = initialState(s, s.group, opened);
    routes[`${JIRA_HOST} /browse/${key}`] = () => ({ body: issuePage(key, st) });
    const handler = api(key, id, s, st, now);
    routes[`${JIRA_HOST} /rest/api/3/issue/${key}`] = handler;
    routes[`${JIRA_HOST} /rest/api/3/issue/${key}/*`] = handler;
    routes[`${JIRA_HOST} /rest/servicedeskapi/request/${key}/*`] = handler;
  }
  // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-myself/#api-rest-api-3-myself-get
  routes[`${JIRA_HOST} /rest/api/3/myself`] = { self: `https://${JIRA_HOST}/rest/api/3/user?accountId=${SIGNED_IN.accountId}`, ...SIGNED_IN, active: true, timeZone: 'Europe/Berlin', locale: 'en_US' };
  return routes;
}
