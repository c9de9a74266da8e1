/**
 * The page variants the overlay benchmark serves beside the demo helpdesks,
 * and the in-page stopwatch it reads: a churning Zendesk ticket page and
 * Zendesk side requests (groups, users/me, ticket fields, audits) that fail
 * with 500 or hang.
 */
import { ZENDESK_HOST } from '../../demo/server';
import { zendeskTickets } from '../../demo/zendesk';
import type { HelpdeskServer, RecordedRequest, Route, RouteResponse, Routes } from '../../tests/e2e/harness';

export const BADGE = '[data-testid="tl-badge"][data-owner]';
export const CHURN_MS = 4000;
export const CHURN_PER_FRAME = 20;

/**
 * Main-world init script: from navigation start, checks once per animation
 * frame whether the badge (inside Tierline's open shadow roots) has a box, and
 * keeps `performance.now()` of the first frame that shows it in
 * `__tlBadgeAt` — milliseconds since navigation start, with no round trip to
 * the test process in it. On a churning page it keeps checking until the
 * churn ends, so the "without" side pays for the same per-frame check.
 */
export const BADGE_STOPWATCH = `(() => {
  const hosts = 'tierline-badge, tierline-drawer';
  const find = () => {
    for (const host of document.querySelectorAll(hosts)) {
      const el = host.shadowRoot && host.shadowRoot.querySelector(${JSON.stringify(BADGE)});
      if (el) return el;
    }
    return null;
  };
  const shown = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && el.checkVisibility(); };
  const tick = () => {
    if (window.__tlBadgeAt === undefined) { const el = find(); if (el && shown(el)) window.__tlBadgeAt = performance.now(); }
    const churning = window.__churnStarted && !window.__churnDone;
    if ((window.__tlBadgeAt === undefined || churning) && performance.now() < 20000) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/**
 * The churn: every animation frame for CHURN_MS, outside the ticket pane (an
 * activity feed after <main>), it removes the last frame's items and adds
 * CHURN_PER_FRAME new ones carrying Zendesk's comment-item test id, as a live
 * feed of other tickets' comments would. Starts while the page parses.
 */
const CHURN_SCRIPT = `(() => {
  const feed = document.createElement('aside');
  feed.className = 'activity-feed';
  feed.setAttribute('aria-label', 'Activity');
  document.body.append(feed);
  let items = [];
  let frame = 0;
  const started = performance.now();
  window.__churnStarted = true;
  const step = () => {
    for (const el of items) el.remove();
    items = [];
    for (let i = 0; i < ${CHURN_PER_FRAME}; i++) {
      const item = document.createElement('article');
      item.setAttribute('data-test-id', 'omni-log-comment-item');
      const text = document.createElement('div');
      text.setAttribute('data-test-id', 'omni-log-message-content');
      text.textContent = 'live comment ' + frame + '.' + i;
      item.append(text);
      feed.append(item);
      items.push(item);
    }
    frame++;
    if (performance.now() - started < ${CHURN_MS}) requestAnimationFrame(step);
    else { window.__churnFrames = frame; window.__churnDone = true; }
  };
  requestAnimationFrame(step);
})();`;

async function answer(route: Route | undefined, req: RecordedRequest): Promise<RouteResponse> {
  if (route === undefined) return { status: 404, body: { error: 'no route' } };
  if (typeof route === 'function') return route(req);
  if (typeof route === 'string') return { body: route };
  return 'body' in route || 'status' in route || 'delayMs' in route ? (route as RouteResponse) : { body: route };
}

/**
 * Serves the demo Zendesk ticket `id` with the churn script when the URL has
 * `?churn` (the same ticket, API answers and worker state as the plain page);
 * returns that URL.
 */
export function serveChurningTicket(server: HelpdeskServer, routes: Routes, id: string): string {
  const key = `${ZENDESK_HOST} /agent/tickets/${id}`;
  const plain = routes[key];
  server.route(key, async (req) => {
    const res = await answer(plain, req);
    if (!/[?&]churn\b/.test(req.path) || typeof res.body !== 'string') return res;
    return { ...res, body: res.body.replace('</body>', `<script>${CHURN_SCRIPT}</script></body>`) };
  });
  return `https://${ZENDESK_HOST}/agent/tickets/${id}?churn`;
}

export type SideRequests = 'answer' | 'fail' | 'hang';

/**
 * Puts a switch on Zendesk's side requests — everything but the ticket and its
 * comments: `fail` answers 500, `hang` holds the request until the switch
 * moves again (or `release()`), `answer` serves the demo.
 */
export function switchSideRequests(server: HelpdeskServer, routes: Routes): { set(mode: SideRequests): void; release(): void } {
  let mode: SideRequests = 'answer';
  let held: Array<() => void> = [];
  const release = () => {
    for (const done of held) done();
    held = [];
  };
  const side = [
    '/api/v2/groups.json',
    '/api/v2/users/me.json',
    '/api/v2/ticket_fields.json',
    ...zendeskTickets.map(({ id }) => `/api/v2/tickets/${id}/audits.json`),
  ].map((path) => `${ZENDESK_HOST} ${path}`);
  for (const key of side) {
    const demo = routes[key];
    server.route(key, async (req) => {
      if (mode === 'fail') return { status: 500, body: { error: 'InternalServerError', description: 'benchmark: a failing side request' } };
      if (mode === 'hang') {
        await new Promise<void>((done) => held.push(done));
        return { status: 504, body: { error: 'GatewayTimeout' } };
      }
      return answer(demo, req);
    });
  }
  return {
    set(next) {
      mode = next;
      release();
    },
    release,
  };
}
