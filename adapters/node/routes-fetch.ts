import type { RecordedRequest, Route, RouteResponse, Routes } from '../../tests/e2e/harness/helpdesk-server';
import type { FetchLike } from '../types';

/**
 * A `fetch` that answers from a route table of the end-to-end helpdesk server
 * (`demoRoutes()`), matched as the server matches them: host and exact path
 * (query ignored), else the longest `*` prefix. Every request is recorded, so a
 * test can check what was written without starting a server or a browser.
 */
export function createRoutesFetch(routes: Routes): FetchLike & { requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const find = (host: string, path: string): Route | undefined => {
    const exact = routes[`${host} ${path}`] ?? routes[`* ${path}`];
    if (exact !== undefined) return exact;
    const prefixes = Object.keys(routes).filter((k) => (k.startsWith(`${host} `) || k.startsWith('* ')) && k.endsWith('*') && path.startsWith(k.slice(k.indexOf(' ') + 1, -1)));
    const longest = prefixes.sort((a, b) => b.length - a.length)[0];
    return longest === undefined ? undefined : routes[longest];
  };
  const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const url = new URL(input);
    const request: RecordedRequest = { method: init?.method ?? 'GET', host: url.hostname, path: url.pathname + url.search, headers: Object.fromEntries(new Headers(init?.headers).entries()), body: typeof init?.body === 'string' ? init.body : '' };
    requests.push(request);
    const route = find(url.hostname, url.pathname);
    if (route === undefined) return new Response(JSON.stringify({ error: `no route for ${url.hostname} ${url.pathname}` }), { status: 404 });
    const answer = await toResponse(route, request);
    const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? '');
    const status = answer.status ?? 200;
    return new Response(status === 204 || status === 304 ? null : body, { status, headers: answer.headers ?? {} });
  };
  return Object.assign(fetch, { requests });
}

async function toResponse(route: Route, request: RecordedRequest): Promise<RouteResponse> {
  if (typeof route === 'function') return route(request);
  if (typeof route === 'string') return { body: route };
  if ('body' in route || 'status' in route || 'delayMs' in route) return route as RouteResponse;
  return { body: route };
}
