import type * as z from 'zod/mini';
import { AdapterApiError, type ApiResponses, type FetchLike } from '../types';

/**
 * GETs a same-origin JSON resource with the agent's session, as it comes: the
 * tab sends it to the worker, which validates it (issue 13). Rejects with
 * `AdapterApiError` on a network error, an HTTP error or a body that is not JSON.
 */
export async function fetchJson(fetch: FetchLike, origin: string, path: string, { signal }: { signal?: AbortSignal } = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(new URL(path, origin).href, { credentials: 'same-origin', headers: { Accept: 'application/json' }, ...(signal ? { signal } : {}) });
  } catch (cause) {
    throw new AdapterApiError(`${path} could not be fetched`, { path, cause });
  }
  if (!response.ok) throw new AdapterApiError(`${path} answered HTTP ${response.status}`, { path, status: response.status });
  try {
    return await response.json();
  } catch (cause) {
    throw new AdapterApiError(`${path} did not answer JSON`, { path, status: response.status, cause });
  }
}

/** Validates what `path` answered. Throws `AdapterApiError` naming the first mismatch. */
export function parseJson<S extends z.ZodMiniType>(schema: S, body: unknown, path: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AdapterApiError(`${path} answered an unexpected shape: ${issue?.message} at ${issue?.path.join('.') || '(root)'}`, { path, cause: parsed.error });
  }
  return parsed.data;
}

/** `fetchJson`, then `parseJson` (the worker and the CLI read this way; the tab only fetches). */
export async function getJson<S extends z.ZodMiniType>(fetch: FetchLike, origin: string, path: string, schema: S): Promise<z.infer<S>> {
  return parseJson(schema, await fetchJson(fetch, origin, path), path);
}

/** How long a secondary resource may take before the ticket reads without it (its line in the "could not read" notice). */
export const SECONDARY_TIMEOUT_MS = 800;

/**
 * Like `fetchJson`, for secondary resources (audits, field definitions, users): `undefined` instead of a rejection,
 * and after `timeoutMs` instead of waiting, so a failing or hanging side request never holds the badge back.
 */
export async function fetchJsonOptional(fetch: FetchLike, origin: string, path: string, { timeoutMs = SECONDARY_TIMEOUT_MS }: { timeoutMs?: number } = {}): Promise<unknown> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(undefined);
    }, timeoutMs);
  });
  try {
    return await Promise.race([fetchJson(fetch, origin, path, { signal: controller.signal }).catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The ticket data (`primary`) joined with its secondary resources. When the
 * ticket data is in while some secondary resource is still coming, `early` gets
 * the ticket data with the secondary resources in so far; the promise resolves
 * once every one has answered, failed or timed out (`fetchJsonOptional`), so a
 * hanging or failing side request holds back only its own part (issue 13).
 */
export async function withSecondary(
  primary: Promise<ApiResponses>,
  secondary: Partial<Record<keyof ApiResponses, Promise<unknown>>>,
  early?: (responses: ApiResponses) => void,
): Promise<ApiResponses> {
  const arrived: Partial<ApiResponses> = {};
  let pending = 0;
  // A secondary resource that fails is absent, as `fetchJsonOptional` makes it: it never costs the ticket data.
  const all = Object.entries(secondary).map(([key, promise]) => {
    pending++;
    return promise.then(
      (value) => {
        arrived[key as keyof ApiResponses] = value;
        pending--;
      },
      () => {
        pending--;
      },
    );
  });
  const responses = await primary;
  if (early && pending > 0) early({ ...responses, ...arrived });
  await Promise.all(all);
  return { ...responses, ...arrived };
}

/** An object (not an array): how the tab looks into raw JSON for the few things it follows (pages, ids), never to read ticket data. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
