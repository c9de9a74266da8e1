import { z } from 'zod';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The endpoint's error body: `{ error: { code, message, issues? } }` (server/http/errors.ts). */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** Why an exchange with the endpoint failed, in words an agent or admin can act on. */
export class SyncError extends Error {
  constructor(
    message: string,
    /** HTTP status; 0 when the request never got an answer (offline, DNS, refused). */
    readonly status: number,
    readonly body?: ApiErrorBody,
    /** Seconds the server asked us to wait (429 Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export function joinUrl(endpoint: string, path: string): string {
  return `${endpoint.replace(/\/+$/, '')}${path}`;
}

export async function readError(res: Response, what: string): Promise<SyncError> {
  const body = apiErrorSchema.safeParse(await res.json().catch(() => undefined));
  const retryAfter = Number(res.headers.get('retry-after'));
  const detail = body.success ? body.data.error.message : res.statusText;
  return new SyncError(`${what}: ${res.status} ${detail}`.trim(), res.status, body.success ? body.data : undefined, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
}

/** fetch that turns a network failure into a SyncError with status 0. */
export async function request(fetchImpl: FetchLike, url: string, init: RequestInit, what: string): Promise<Response> {
  try {
    return await fetchImpl(url, init);
  } catch (error) {
    throw new SyncError(`${what}: the endpoint could not be reached (${error instanceof Error ? error.message : String(error)})`, 0);
  }
}
