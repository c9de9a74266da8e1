import { readFile } from 'node:fs/promises';
import type { AdapterFixtures } from '../fixture-manifest';
import type { FetchLike } from '../types';

export interface RecordedCall {
  url: string;
  init: RequestInit | undefined;
}

/**
 * A `fetch` that answers from an adapter's fixture routes (by path, query
 * ignored) and 404s everything else, recording each call. Injected into
 * `readTicketFromApi` in tests; nothing global is patched.
 */
export function createFixtureFetch(fixtures: AdapterFixtures, { status }: { status?: (path: string) => number | undefined } = {}): FetchLike & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    calls.push({ url: input, init });
    const url = new URL(input);
    const forced = status?.(url.pathname);
    if (forced !== undefined) return new Response(JSON.stringify({ error: 'forced by the test' }), { status: forced, headers: { 'Content-Type': 'application/json' } });
    const file = url.origin === fixtures.origin ? fixtures.apiRoutes[url.pathname] : undefined;
    if (!file) return new Response(JSON.stringify({ error: 'RecordNotFound' }), { status: 404, headers: { 'Content-Type': 'application/json' } });
    return new Response(await readFile(new URL(file, fixtures.dir), 'utf8'), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return Object.assign(fetch, { calls });
}
