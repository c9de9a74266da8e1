import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

export type JsonPath = (string | number)[];

/** One problem with an input: where it is, what is wrong and, when known, how to fix it. */
export interface Issue {
  path: JsonPath;
  message: string;
  fix?: string;
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

/**
 * `["triggers", 3, "when"]` from core's "$.triggers[3].when" (see `jsonPath` in
 * core/policy/parse.ts, which quotes odd keys as `["a b"]`).
 */
export function fromJsonPath(path: string): JsonPath {
  const out: JsonPath = [];
  const part = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  part.lastIndex = path.startsWith('$') ? 1 : 0;
  for (let m = part.exec(path); m; m = part.exec(path)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3] as string) as string);
  }
  return out;
}

/** JSON bodies only: `application/json` or a `+json` type, in UTF-8 (RFC 8259 §8.1), not compressed. */
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/**
 * Parses the body as JSON: 415 unless it is declared as JSON and not encoded
 * (the server decodes no Content-Encoding, so a "gzip" body would be read as
 * the wrong bytes), 400 when it does not arrive in full or does not parse.
 */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!JSON_TYPE.test(type.trim())) {
    throw new ApiError(415, 'unsupported_media_type', `Send the body as JSON with \`Content-Type: application/json\`${type ? ` (not ${type.slice(0, 100)})` : ''}.`);
  }
  const encoding = (c.req.header('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== '') {
    throw new ApiError(415, 'unsupported_encoding', `The server does not decode \`Content-Encoding: ${encoding.slice(0, 100)}\`; send the body uncompressed.`, {
      // RFC 7694 §3: a 415 for a content coding says which codings are accepted.
      headers: { 'Accept-Encoding': 'identity' },
    });
  }
  let text: string;
  try {
    text = await c.req.text();
  } catch {
    // The client went away, or the server's request timeout closed a body shorter than its Content-Length:
    // nobody is left to answer, and it is not the server's fault (no 500 in the log).
    throw new ApiError(400, 'body_incomplete', 'The request body did not arrive in full.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}
