/**
 * A local HTTPS server that plays the helpdesks (`acme.zendesk.com`,
 * `acme.freshdesk.com`, `acme.atlassian.net`) for the real-browser tests.
 * Chromium reaches it through `--host-resolver-rules` (see ./browser.ts);
 * routes are chosen by Host header and path, and every request is recorded so
 * a test can assert what the extension wrote back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One request as the server saw it. */
export interface RecordedRequest {
  method: string;
  /** Host header without the port, e.g. "acme.zendesk.com". */
  host: string;
  /** Path with the query string, e.g. "/api/v2/tickets/1.json?include=users". */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** What a function route returns; `body` objects are sent as JSON. */
export interface RouteResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string | object;
  /** Wait this long before answering (to hold a request in flight). */
  delayMs?: number;
}

export type RouteHandler = (req: RecordedRequest) => RouteResponse | Promise<RouteResponse>;

/**
 * A route: a static response (HTML string → text/html, object → JSON) or a
 * function of the request.
 */
export type Route = string | object | RouteHandler | RouteResponse;

/**
 * Routes keyed `"host path"`: `"acme.zendesk.com /agent/tickets/1"`. A host of
 * `*` matches every host. The path matches exactly, with the query string
 * ignored, or as a prefix when it ends with `*`.
 */
export type Routes = Record<string, Route>;

export interface HelpdeskServer {
  port: number;
  /** The origin tests open, e.g. `https://acme.zendesk.com` when listening on 443, else with the port. */
  origin(host: string): string;
  requests: RecordedRequest[];
  /** Add or replace routes while the server runs. */
  route(key: string, route: Route): void;
  close(): Promise<void>;
}

export interface HelpdeskServerOptions {
  routes?: Routes;
  /** 0 picks a free port. Browsers are mapped to it with a port-rewriting host rule. */
  port?: number;
}

const CERT_HOSTS = ['*.zendesk.com', '*.freshdesk.com', '*.atlassian.net', 'localhost'];

function createCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'tierline-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
        '-subj', '/CN=tierline-test',
        '-addext', `subjectAltName=${CERT_HOSTS.map((h) => `DNS:${h}`).join(',')}`,
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function findRoute(routes: Map<string, Route>, host: string, path: string): Route | undefined {
  const bare = path.split('?')[0] ?? path;
  for (const candidateHost of [host, '*']) {
    const exact = routes.get(`${candidateHost} ${bare}`) ?? routes.get(`${candidateHost} ${path}`);
    if (exact !== undefined) return exact;
  }
  // Longest prefix wins so "/api/*" can sit beside "/api/v2/tickets/*".
  let best: { length: number; route: Route } | undefined;
  for (const [key, route] of routes) {
    const [h, p] = key.split(' ', 2) as [string, string];
    if ((h !== host && h !== '*') || !p.endsWith('*')) continue;
    const prefix = p.slice(0, -1);
    if (path.startsWith(prefix) && (!best || prefix.length > best.length)) best = { length: prefix.length, route };
  }
  return best?.route;
}

function isRouteResponse(route: object): route is RouteResponse {
  return 'body' in route || 'status' in route || 'delayMs' in route;
}

async function toResponse(route: Route, req: RecordedRequest): Promise<RouteResponse> {
  if (typeof route === 'function') return route(req);
  if (typeof route === 'string') return { body: route };
  if (isRouteResponse(route)) return route;
  return { body: route };
}

function send(res: ServerResponse, response: RouteResponse): void {
  const { status = 200, headers = {}, body = '' } = response;
  const isJson = typeof body !== 'string';
  const text = isJson ? JSON.stringify(body) : body;
  const contentType = isJson ? 'application/json; charset=utf-8' : text.trimStart().startsWith('<') ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8';
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts the server; resolves once it listens. */
export async function startHelpdeskServer(options: HelpdeskServerOptions = {}): Promise<HelpdeskServer> {
  const routes = new Map<string, Route>(Object.entries(options.routes ?? {}));
  const requests: RecordedRequest[] = [];
  const server: Server = createServer(createCertificate(), async (req, res) => {
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      host: (req.headers.host ?? '').replace(/:\d+$/, ''),
      path: req.url ?? '/',
      headers: req.headers,
      body: await readBody(req),
    };
    requests.push(recorded);
    const route = findRoute(routes, recorded.host, recorded.path);
    if (route === undefined) {
      send(res, { status: 404, body: { error: `no route for ${recorded.host} ${recorded.path}` } });
      return;
    }
    try {
      const response = await toResponse(route, recorded);
      if (response.delayMs) await new Promise((r) => setTimeout(r, response.delayMs));
      if (!res.destroyed) send(res, response);
    } catch (error) {
      send(res, { status: 500, body: { error: String(error) } });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: (host) => (port === 443 ? `https://${host}` : `https://${host}:${port}`),
    requests,
    route: (key, route) => routes.set(key, route),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
