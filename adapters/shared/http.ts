import type * as z from 'zod/mini';
import { AdapterApiError, type FetchLike } from '../types';

/**
 * GETs a same-origin JSON resource with the agent's session and validates it
 * (a `zod/mini` schema: this runs in the helpdesk tab, issue 13).
 * Rejects with `AdapterApiError` on a network error, an HTTP error, a body that
 * is not JSON, or one that does not match the schema.
 */
export async function getJson<S extends z.ZodMiniType>(fetch: FetchLike, origin: string, path: string, schema: S, { signal }: { signal?: AbortSignal } = {}): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(new URL(path, origin).href, { credentials: 'same-origin', headers: { Accept: 'application/json' }, ...(signal ? { signal } : {}) });
  } catch (cause) {
    throw new AdapterApiError(`${path} could not be fetched`, { path, cause });
  }
  if (!response.ok) throw new AdapterApiError(`${path} answered HTTP ${response.status}`, { path, status: response.status });
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new AdapterApiError(`${path} did not answer JSON`, { path, status: response.status, cause });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AdapterApiError(`${path} answered an unexpected shape: ${issue?.message} at ${issue?.path.join('.') || '(root)'}`, { path, status: response.status, cause: parsed.error });
  }
  return parsed.data;
}

/** How long a secondary resource may take before the ticket reads without it (its line in the "could not read" notice). */
export const SECONDARY_TIMEOUT_MS = 800;

/**
 * Like `getJson`, for secondary resources (audits, field definitions, users): `undefined` instead of a rejection,
 * and after `timeoutMs` instead of waiting, so a failing or hanging side request never holds the badge back.
 */
export async function getJsonOptional<S extends z.ZodMiniType>(fetch: FetchLike, origin: string, path: string, schema: S, { timeoutMs = SECONDARY_TIMEOUT_MS }: { timeoutMs?: number } = {}): Promise<z.infer<S> | undefined> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(undefined);
    }, timeoutMs);
  });
  try {
    return await Promise.race([getJson(fetch, origin, path, schema, { signal: controller.signal }).catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}
