import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

export type JsonPath = (string | number)[];

/** One problem with an input: where it is and what is wrong. */
export interface Issue {
  path: JsonPath;
  message: string;
}

/**
 * Every failure leaves as `{ error: { code, message, path?, issues? } }` with its
 * status; routes throw this and the app's error handler writes it.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly extra: { path?: JsonPath; issues?: Issue[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }
}

export function errorResponse(c: Context, error: ApiError): Response {
  const { path, issues, headers } = error.extra;
  for (const [k, v] of Object.entries(headers ?? {})) c.header(k, v);
  return c.json(
    { error: { code: error.code, message: error.message, ...(path ? { path } : {}), ...(issues ? { issues } : {}) } },
    error.status,
  );
}

/** `events[3].data.tier` — how a path reads in a message. */
export function formatPath(path: JsonPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(root)';
}

/** zod issues under a prefix, e.g. `['events', 3]`, at most `max` of them. */
export function toIssues(error: z.ZodError, prefix: JsonPath = [], max = 20): Issue[] {
  return error.issues.slice(0, max).map((i) => ({
    path: [...prefix, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    message: i.message,
  }));
}

/** Throws a 400 (or `status`) naming the first problem's path, with every problem listed. */
export function invalid(status: ContentfulStatusCode, code: string, issues: Issue[], what: string): never {
  const first = issues[0];
  const where = first ? `${formatPath(first.path)}: ${first.message}` : 'invalid';
  throw new ApiError(status, code, `${what}: ${where}`, { ...(first ? { path: first.path } : {}), issues });
}

/** Parses the body as JSON, or a 400 that says it is not. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}
