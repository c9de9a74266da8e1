/**
 * acme.atlassian.net: a Jira Service Management issue view with a queue list
 * that navigates client-side, and the REST answers the adapter reads: the
 * platform issue (ADF text, `expand=names`) and the service desk SLA.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-get
 * https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-request/#api-rest-servicedeskapi-request-issueidorkey-sla-get
 */
import type { RecordedRequest, RouteResponse, Routes } from '../tests/e2e/harness/helpdesk-server';
import { esc, page, SPA_SCRIPT } from './html';
import { minutesBefore, SCENARIOS, type Scenario } from './scenarios';

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

function user(name: string, email: string) {
  return { accountId: `acc-${email}`, displayName: name, emailAddress: email, accountType: 'customer' };
}

function comments(s: Scenario, now: Date) {
  return s.comments.slice(1).map((c, i) => ({
    id: String(20000 + i),
    author: c.author === 'customer' ? user(s.requester.name, s.requester.email) : { accountId: 'acc-agent', displayName: 'Alex Agent', accountType: 'atlassian' },
    body: adf(c.body),
    jsdPublic: c.public,
    created: minutesBefore(now, c.minutesAgo),
    updated: minutesBefore(now, c.minutesAgo),
  }));
}

function issueJson(key: string, id: number, s: Scenario, now: Date) {
  const list = comments(s, now);
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
      labels: s.tags,
      reporter: user(s.requester.name, s.requester.email),
      created: minutesBefore(now, s.createdMinutesAgo),
      updated: minutesBefore(now, Math.min(...s.comments.map((c) => c.minutesAgo))),
      customfield_10010: { requestType: { id: '12', name: REQUEST_TYPE[s.key] }, currentStatus: { status: 'Waiting for support' } },
      customfield_10020: { value: s.organization.plan },
      customfield_10030: s.disputedAmount ?? null,
      customfield_10040: { value: s.group },
      comment: { comments: list, maxResults: list.length, total: list.length, startAt: 0 },
    },
  };
}

function slaJson(s: Scenario, now: Date) {
  const elapsed = s.createdMinutesAgo * 60_000;
  const goal = 4 * 60 * 60_000;
  return {
    values: [
      {
        name: 'Time to resolution',
        ongoingCycle: {
          startTime: { iso8601: minutesBefore(now, s.createdMinutesAgo) },
          breachTime: { iso8601: minutesBefore(now, s.createdMinutesAgo - 240) },
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

function api(key: string, id: number, s: Scenario, now: () => Date) {
  return (req: RecordedRequest): RouteResponse => {
    const path = req.path.split('?')[0] ?? '';
    if (path === `/rest/api/3/issue/${key}` && req.method === 'GET') return { body: issueJson(key, id, s, now()) };
    if (path === `/rest/api/3/issue/${key}` && req.method === 'PUT') return { status: 204, body: '' };
    if (path === `/rest/api/3/issue/${key}/comment` && req.method === 'GET') return { body: issueJson(key, id, s, now()).fields.comment };
    if (path.endsWith('/comment') && req.method === 'POST') return { status: 201, body: { id: '29999', jsdPublic: false } };
    if (path === `/rest/servicedeskapi/request/${key}/sla`) return { body: slaJson(s, now()) };
    return { status: 404, body: { errorMessages: [`no ${req.method} ${path} in the demo`] } };
  };
}

const STYLE = `
body { margin: 0; font: 14px/1.43 -apple-system, 'Segoe UI', Roboto, sans-serif; color: #172b4d; background: #fff; }
.top { height: 56px; display: flex; align-items: center; padding: 0 16px; border-bottom: 1px solid #dfe1e6; font-weight: 600; color: #0c66e4; }
#app { display: grid; grid-template-columns: 260px 1fr; margin-right: 380px; }
.queue { border-right: 1px solid #dfe1e6; padding: 8px; background: #f7f8f9; }
.queue a { display: block; padding: 6px 8px; color: #172b4d; text-decoration: none; border-radius: 3px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.queue a[aria-current="page"] { background: #e9f2ff; color: #0c66e4; }
main { padding: 16px 24px; }
#jira-issue-header { color: #626f86; font-size: 12px; }
h1[data-testid] { font-size: 24px; font-weight: 500; margin: 8px 0 16px; }
.comment { border-top: 1px solid #dfe1e6; padding: 10px 0; }
.internal { background: #fff7d6; padding: 10px; }
`;

function issuePage(activeKey: string): string {
  const active = jiraIssues.find((i) => i.key === activeKey);
  if (!active) throw new Error(`no Jira demo issue ${activeKey}`);
  const s = active.scenario;
  const queue = jiraIssues
    .map(({ key, scenario }) => `<a data-spa href="/browse/${key}"${key === activeKey ? ' aria-current="page"' : ''}>${key} ${esc(scenario.subject)}</a>`)
    .join('');
  const activity = s.comments
    .map((c) => `<div class="comment${c.public ? '' : ' internal'}"><strong>${esc(c.author === 'customer' ? s.requester.name : 'Alex Agent')}</strong>${c.public ? '' : ' · Internal note'}<p>${esc(c.body)}</p></div>`)
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
</div>`,
  });
}

export function jiraRoutes(now: () => Date = () => new Date()): Routes {
  const routes: Routes = {};
  for (const { key, id, scenario: s } of jiraIssues) {
    routes[`${JIRA_HOST} /browse/${key}`] = () => ({ body: issuePage(key) });
    const handler = api(key, id, s, now);
    routes[`${JIRA_HOST} /rest/api/3/issue/${key}`] = handler;
    routes[`${JIRA_HOST} /rest/api/3/issue/${key}/*`] = handler;
    routes[`${JIRA_HOST} /rest/servicedeskapi/request/${key}/*`] = handler;
  }
  return routes;
}
